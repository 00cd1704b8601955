import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import type { Mode, ShadowJob } from './types.js';

interface Values {
  mode: Mode;
  controlPipeline: string;
  candidatePipeline?: string;
  reason: string;
}

/** Switching needs a confirmation and a reason; it takes effect from the job's next run. */
export function ModeSwitch({ job, onClose }: { job: ShadowJob | undefined; onClose(): void }) {
  const { t } = useTranslation('shadow');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (job) form.setFieldsValue({ mode: job.mode, controlPipeline: job.controlPipeline, candidatePipeline: job.candidatePipeline ?? undefined, reason: '' });
  }, [job, form]);

  const submit = async () => {
    if (!job) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    try {
      await call('shadow.setMode', {
        jobId: job.jobId,
        mode: v.mode,
        controlPipeline: v.controlPipeline,
        ...(v.candidatePipeline ? { candidatePipeline: v.candidatePipeline } : {}),
        reason: v.reason,
        via: 'ui',
      });
      message.success(t('switch.done', { mode: t(`mode.${v.mode}`) }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const options = (job?.pipelines ?? []).map((p) => ({ value: p, label: p }));
  return (
    <Modal open={Boolean(job)} title={job ? t('switch.title', { job: job.jobId }) : ''} onCancel={onClose} onOk={() => void submit()} okText={t('switch.confirm')} destroyOnHidden data-testid="mode-switch">
      <Alert type="info" showIcon title={t('switch.effect')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="mode" label={t('switch.mode')}>
          <Radio.Group data-testid="mode-switch-mode">
            {(['control', 'shadow', 'candidate'] as const).map((m) => (
              <Radio.Button key={m} value={m} data-testid={`mode-option-${m}`}>
                {t(`mode.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {mode ? <Typography.Paragraph type="secondary">{t(`modeHelp.${mode}`)}</Typography.Paragraph> : null}
        <Form.Item name="controlPipeline" label={t('switch.control')}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="candidatePipeline" label={t('switch.candidate')}>
          <Select options={options} allowClear />
        </Form.Item>
        <Form.Item name="reason" label={t('switch.reason')} rules={[{ required: true, whitespace: true, message: t('switch.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="mode-switch-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
