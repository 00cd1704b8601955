import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelType } from '../../../../../main/api/contract/channel-model.js';
import { call } from '../../../api/client.js';
import { useApi } from '../../../api/hooks.js';
import { useAction } from '../../../api/useAction.js';

/**
 * "Test send": a real message through the outbox (business type `test`), to a recipient with an
 * address on `channel` — or, for a template, through the recipient's route.
 */
export function TestSendModal({ channel, templateId, onClose }: { channel?: ChannelType; templateId?: number; onClose: () => void }) {
  const { t } = useTranslation('channels');
  const act = useAction();
  const recipients = useApi('recipients.list', undefined, ['channels']);
  const [form] = Form.useForm<{ recipient: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const options = (recipients.data?.recipients ?? []).filter((r) => !channel || r.route.some((e) => e.channel === channel)).map((r) => ({ value: r.id, label: r.name ? `${r.name} (${r.id})` : r.id }));

  const send = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const sent = await act(
      () => (channel ? call('channels.testSend', { channel, recipient: v.recipient, text: v.text }) : call('templates.testSend', { id: templateId!, recipient: v.recipient, variables: {} })),
      (r) => t('test.enqueued', { id: r.id }),
    );
    setBusy(false);
    if (sent) onClose();
  };

  return (
    <Modal open title={t('test.title')} onOk={() => void send()} okText={t('test.send')} confirmLoading={busy} onCancel={onClose} data-testid="test-send-modal" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ text: t('test.defaultText') }}>
        <Form.Item name="recipient" label={t('test.recipient')} rules={[{ required: true, message: t('test.recipientRequired') }]}>
          <Select options={options} showSearch data-testid="test-recipient" notFoundContent={t('test.noRecipient')} />
        </Form.Item>
        {channel ? (
          <Form.Item name="text" label={t('test.text')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="test-text" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
