import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import type { MethodInput } from '../../../../main/api/contract/index.js';
import { SettingsFieldError, SettingsFields, fromFormValues, settingsFields, toFormValues } from './SettingsFields.js';

type TriggerSpec = NonNullable<NonNullable<MethodInput<'jobs.update'>['triggers']>>[number];
/** The form's shape of a trigger: an interval is edited in minutes. */
interface TriggerRow {
  kind: TriggerSpec['kind'];
  expression?: string;
  timeZone?: string;
  minutes?: number;
  name?: string;
}
interface Values {
  enabled: boolean;
  triggers: TriggerRow[];
  /** The settings as JSON text (JSON mode). */
  settings: string;
  /** The settings as form values (form mode). */
  settingsForm: Record<string, unknown>;
}

const toRow = (spec: TriggerSpec): TriggerRow =>
  spec.kind === 'cron'
    ? { kind: 'cron', expression: spec.expression, ...(spec.timeZone ? { timeZone: spec.timeZone } : {}) }
    : spec.kind === 'interval'
      ? { kind: 'interval', minutes: spec.everyMs / 60_000 }
      : { kind: 'event', name: spec.name };

const toSpec = (row: TriggerRow): TriggerSpec =>
  row.kind === 'cron'
    ? { kind: 'cron', expression: (row.expression ?? '').trim(), ...(row.timeZone?.trim() ? { timeZone: row.timeZone.trim() } : {}) }
    : row.kind === 'interval'
      ? { kind: 'interval', everyMs: Math.round((row.minutes ?? 0) * 60_000) }
      : { kind: 'event', name: (row.name ?? '').trim() };

/** The API names the bad field (`triggers.0.expression`, `settings.rows`); show the message right there. */
const ROW_FIELDS: ReadonlyArray<keyof TriggerRow> = ['kind', 'expression', 'timeZone', 'minutes', 'name'];
function fieldPath(field: unknown, formFields: readonly string[]): ['settings'] | ['settingsForm', string] | ['triggers', number, keyof TriggerRow] | undefined {
  if (typeof field !== 'string' || !field) return undefined;
  const [head, index, name] = field.split('.');
  if (head === 'settings') return index && formFields.includes(index) ? ['settingsForm', index] : ['settings'];
  const rowField = (name === 'everyMs' ? 'minutes' : name) as keyof TriggerRow;
  return head === 'triggers' && ROW_FIELDS.includes(rowField) ? ['triggers', Number(index), rowField] : undefined;
}

/** Edit a job: enabled, its triggers (validated by the core, errors shown at the field) and its settings as JSON. */
export function EditJobModal({ jobId, onClose }: { jobId: string | undefined; onClose: () => void }) {
  return jobId === undefined ? null : <OpenEditJobModal jobId={jobId} onClose={onClose} />;
}

function OpenEditJobModal({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { t } = useTranslation('jobs');
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const job = useApi('jobs.get', { jobId }, []);
  const data = job.data?.id === jobId ? job.data : undefined;
  const fields = useMemo(() => settingsFields(data?.settingsSchema), [data?.settingsSchema]);
  // The form when the settings can be described field by field; JSON otherwise, or on request.
  const [asJson, setAsJson] = useState(false);
  const jsonMode = asJson || fields.length === 0;

  useEffect(() => {
    if (!data) return;
    setProblem(undefined);
    form.setFieldsValue({
      enabled: data.enabled,
      triggers: data.triggers.map((tr) => toRow(tr.spec)),
      settings: JSON.stringify(data.settings, null, 2),
      settingsForm: toFormValues(fields, data.settings),
    });
  }, [data, fields, form]);

  /** The settings the active editor holds; undefined (with the error shown) when they cannot be read. */
  const currentSettings = (): Record<string, unknown> | undefined => {
    const values = form.getFieldsValue();
    if (jsonMode) {
      try {
        return JSON.parse(values.settings || '{}') as Record<string, unknown>;
      } catch {
        form.setFields([{ name: ['settings'], errors: [t('edit.settingsNotJson')] }]);
        return undefined;
      }
    }
    try {
      return fromFormValues(fields, values.settingsForm ?? {}, data?.settings ?? {});
    } catch (e) {
      if (!(e instanceof SettingsFieldError)) throw e;
      form.setFields([{ name: ['settingsForm', e.field], errors: [t('edit.settingsNotJson')] }]);
      return undefined;
    }
  };

  const switchEditor = (json: boolean) => {
    const settings = currentSettings();
    if (!settings) return;
    form.setFieldsValue(json ? { settings: JSON.stringify(settings, null, 2) } : { settingsForm: toFormValues(fields, settings) });
    setAsJson(json);
  };

  const save = async (restoreDefaults = false) => {
    const values = form.getFieldsValue();
    const settings = currentSettings();
    if (!settings) return;
    setSaving(true);
    setProblem(undefined);
    try {
      await call('jobs.update', { jobId, enabled: values.enabled, triggers: restoreDefaults ? null : (values.triggers ?? []).map(toSpec), settings });
      onClose();
    } catch (e) {
      const path = e instanceof ApiCallError ? fieldPath(e.context.field, jsonMode ? [] : fields.map((f) => f.name)) : undefined;
      if (path) form.setFields([{ name: path, errors: [(e as Error).message] }]);
      else setProblem((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('edit.title', { jobId })}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="defaults" onClick={() => void save(true)} disabled={!data?.triggersCustomised}>
          {t('edit.restoreDefaults')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('edit.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void save()} data-testid="job-edit-save">
          {t('edit.save')}
        </Button>,
      ]}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="job-edit-error" /> : null}
      {data?.settingsProblem ? <Alert type="warning" showIcon title={t('edit.settingsProblem', { problem: data.settingsProblem })} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" data-testid="job-edit-form">
        <Form.Item name="enabled" label={t('edit.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Text strong>{t('edit.triggers')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('edit.triggersHelp')}</Typography.Paragraph>
        <Form.List name="triggers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'kind']} style={{ width: 110 }}>
                    <Select options={(['cron', 'interval', 'event'] as const).map((k) => ({ value: k, label: t(`edit.kind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['triggers', field.name, 'kind']) as TriggerRow['kind'];
                      if (kind === 'interval') {
                        return (
                          <Form.Item name={[field.name, 'minutes']} style={{ width: 200 }}>
                            <InputNumber min={0.02} addonAfter={t('edit.minutes')} style={{ width: '100%' }} />
                          </Form.Item>
                        );
                      }
                      if (kind === 'event') {
                        return (
                          <Form.Item name={[field.name, 'name']} style={{ width: 300 }}>
                            <Input placeholder={t('edit.eventName')} />
                          </Form.Item>
                        );
                      }
                      return (
                        <Space align="start">
                          <Form.Item name={[field.name, 'expression']} style={{ width: 220 }}>
                            <Input placeholder="0 9 * * *" data-testid={`trigger-expression-${field.name}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'timeZone']} style={{ width: 180 }}>
                            <Input placeholder="Asia/Shanghai" data-testid={`trigger-zone-${field.name}`} />
                          </Form.Item>
                        </Space>
                      );
                    }}
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('edit.removeTrigger')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'cron', expression: '' })} style={{ marginBottom: 16 }}>
                {t('edit.addTrigger')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ display: 'flex', marginBottom: 8 }}>
          <Typography.Text strong>{t('edit.settingsTitle')}</Typography.Text>
          {fields.length > 0 ? (
            <Switch size="small" checked={jsonMode} onChange={switchEditor} checkedChildren="JSON" unCheckedChildren={t('edit.settingsForm')} data-testid="job-edit-settings-json" />
          ) : null}
        </Space>
        {jsonMode ? (
          <Form.Item name="settings" label={t('edit.settings')}>
            <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} data-testid="job-edit-settings" />
          </Form.Item>
        ) : (
          <SettingsFields fields={fields} />
        )}
      </Form>
    </Modal>
  );
}
