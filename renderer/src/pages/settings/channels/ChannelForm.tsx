import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../main/api/contract/index.js';
import { CHANNEL_FIELDS } from '../../../../../main/api/contract/channel-model.js';
import { call } from '../../../api/client.js';
import { useAction } from '../../../api/useAction.js';

type Channel = MethodOutput<'channels.list'>['channels'][number];

interface Values {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  retryKind: 'fixed' | 'exponential';
  maxRetries: number;
  delayMinutes: number;
  baseSeconds: number;
  maxMinutes: number;
  jitter: number;
  windowOn: boolean;
  windowStart: string;
  windowEnd: string;
  onInterrupted: 'hold' | 'resend';
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A channel's settings, write-only secrets, retry policy, sending window and crash policy. */
export function ChannelForm({ channel, onSaved }: { channel: Channel; onSaved: () => void }) {
  const { t } = useTranslation('channels');
  const act = useAction();
  const [form] = Form.useForm<Values>();
  const r = channel.retry;
  const initial: Values = {
    settings: channel.settings,
    secrets: {},
    retryKind: r.kind,
    maxRetries: r.maxRetries,
    delayMinutes: r.kind === 'fixed' ? r.delayMs / 60_000 : 5,
    baseSeconds: r.kind === 'exponential' ? r.baseMs / 1000 : 60,
    maxMinutes: r.kind === 'exponential' ? r.maxMs / 60_000 : 60,
    jitter: r.kind === 'exponential' ? r.jitter : 0.2,
    windowOn: channel.window !== null,
    windowStart: channel.window?.start ?? '08:00',
    windowEnd: channel.window?.end ?? '23:30',
    onInterrupted: channel.onInterrupted,
  };
  const retryKind = Form.useWatch('retryKind', form) ?? initial.retryKind;
  const windowOn = Form.useWatch('windowOn', form) ?? initial.windowOn;

  const save = async (v: Values) => {
    const secrets = Object.fromEntries(Object.entries(v.secrets ?? {}).filter(([, s]) => s));
    const saved = await act(
      () =>
        call('channels.update', {
        type: channel.type,
        settings: v.settings ?? {},
        ...(Object.keys(secrets).length ? { secrets } : {}),
        retry:
          v.retryKind === 'fixed'
            ? { kind: 'fixed', maxRetries: v.maxRetries, delayMs: Math.round(v.delayMinutes * 60_000) }
            : { kind: 'exponential', maxRetries: v.maxRetries, baseMs: Math.round(v.baseSeconds * 1000), maxMs: Math.round(v.maxMinutes * 60_000), jitter: v.jitter },
        window: v.windowOn ? { start: v.windowStart, end: v.windowEnd, timeZone: 'Asia/Shanghai' } : null,
        onInterrupted: v.onInterrupted,
      }),
      () => t('saved'),
    );
    if (!saved) return;
    form.setFieldValue('secrets', {});
    onSaved();
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid={`channel-form-${channel.type}`}>
      <Space wrap align="start" size="large">
        {CHANNEL_FIELDS[channel.type].map((f) => (
          <Form.Item key={f.key} name={['settings', f.key]} label={t(`field.${f.key}`)} valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}>
            {f.kind === 'number' ? <InputNumber style={{ width: 160 }} /> : f.kind === 'boolean' ? <Switch /> : f.kind === 'select' ? <Select style={{ width: 160 }} options={(f.options ?? []).map((o) => ({ value: o, label: t(`option.${o}`, { defaultValue: o }) }))} /> : <Input style={{ width: 320 }} />}
          </Form.Item>
        ))}
        {Object.entries(channel.secrets).map(([name, s]) => (
          <Form.Item key={name} name={['secrets', name]} label={t(`field.${name}`)} extra={s.set ? t('secretSet', { masked: s.masked }) : t('secretNotSet')}>
            <Input.Password style={{ width: 280 }} autoComplete="new-password" placeholder={s.set ? t('secretKeep') : ''} data-testid={`secret-${channel.type}-${name}`} />
          </Form.Item>
        ))}
      </Space>
      <Space wrap align="start" size="large">
        <Form.Item name="retryKind" label={t('retry.kind')}>
          <Select style={{ width: 160 }} options={[{ value: 'fixed', label: t('retry.fixed') }, { value: 'exponential', label: t('retry.exponential') }]} />
        </Form.Item>
        <Form.Item name="maxRetries" label={t('retry.maxRetries')}>
          <InputNumber min={0} max={50} />
        </Form.Item>
        {retryKind === 'fixed' ? (
          <Form.Item name="delayMinutes" label={t('retry.delayMinutes')}>
            <InputNumber min={0} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="baseSeconds" label={t('retry.baseSeconds')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="maxMinutes" label={t('retry.maxMinutes')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="jitter" label={t('retry.jitter')}>
              <InputNumber min={0} max={1} step={0.1} />
            </Form.Item>
          </>
        )}
        <Form.Item name="windowOn" label={t('window.on')} valuePropName="checked">
          <Switch data-testid={`window-${channel.type}`} />
        </Form.Item>
        {windowOn ? (
          <>
            <Form.Item name="windowStart" label={t('window.start')} rules={[{ pattern: HHMM, message: 'HH:MM' }]}>
              <Input style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="windowEnd" label={t('window.end')} rules={[{ pattern: HHMM, message: 'HH:MM' }]}>
              <Input style={{ width: 90 }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="onInterrupted" label={t('interrupted.label')} tooltip={t('interrupted.help')}>
          <Select style={{ width: 200 }} options={[{ value: 'hold', label: t('interrupted.hold') }, { value: 'resend', label: t('interrupted.resend') }]} />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" data-testid={`save-${channel.type}`}>
        {t('save')}
      </Button>
    </Form>
  );
}
