import { useState } from 'react';
import { Alert, App, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';

/** Fire a named event by hand, optionally with a JSON payload (the listening jobs' input). */
export function FireEventModal({ events, onClose }: { events: string[] | undefined; onClose: () => void }) {
  const { t } = useTranslation('jobs');
  const { message } = App.useApp();
  const [name, setName] = useState<string>();
  const [payload, setPayload] = useState('');
  const [problem, setProblem] = useState<string>();
  const chosen = name ?? events?.[0];

  const fire = async () => {
    if (!chosen) return;
    let parsed: unknown;
    try {
      parsed = payload.trim() ? (JSON.parse(payload) as unknown) : undefined;
    } catch {
      setProblem(t('event.notJson'));
      return;
    }
    try {
      const result = await call('jobs.fireEvent', { name: chosen, ...(parsed !== undefined ? { payload: parsed } : {}) });
      message.success(t('event.fired', { name: chosen, count: result.runs.length }));
      setPayload('');
      setProblem(undefined);
      onClose();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <Modal open={events !== undefined} title={t('event.title')} onCancel={onClose} onOk={() => void fire()} okText={t('event.fire')} okButtonProps={{ ['data-testid' as string]: 'fire-event-ok' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
        <Select value={chosen} onChange={setName} options={(events ?? []).map((e) => ({ value: e, label: e }))} style={{ width: '100%' }} />
        <Typography.Text type="secondary">{t('event.payloadHelp')}</Typography.Text>
        <Input.TextArea rows={5} value={payload} onChange={(e) => setPayload(e.target.value)} placeholder='{"values": [1, 2]}' style={{ fontFamily: 'monospace' }} />
      </Space>
    </Modal>
  );
}
