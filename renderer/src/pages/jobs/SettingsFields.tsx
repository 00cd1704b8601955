import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** What the settings form reads of a property of the job's settings JSON Schema. */
interface Prop {
  type?: string;
  enum?: unknown[];
  items?: Prop;
  additionalProperties?: Prop | boolean;
  anyOf?: Prop[];
  minimum?: number;
  maximum?: number;
}

type Kind = 'integer' | 'number' | 'boolean' | 'enum' | 'text' | 'optionalText' | 'list' | 'map' | 'json';
export interface SettingsField {
  name: string;
  kind: Kind;
  options?: string[];
  minimum?: number;
}

/** One key/value row of a map setting (e.g. provider → chat). */
interface Pair {
  key: string;
  value: string;
}

const isText = (p: Prop | undefined) => p?.type === 'string' && !p.enum;

function kindOf(p: Prop): Pick<SettingsField, 'kind' | 'options'> {
  if (p.type === 'integer' || p.type === 'number') return { kind: p.type };
  if (p.type === 'boolean') return { kind: 'boolean' };
  if (p.type === 'string' && p.enum) return { kind: 'enum', options: p.enum.map(String) };
  if (p.type === 'string') return { kind: 'text' };
  if (p.anyOf?.length === 2 && p.anyOf.some(isText) && p.anyOf.some((x) => x.type === 'null')) return { kind: 'optionalText' };
  if (p.type === 'array' && isText(p.items)) return { kind: 'list' };
  if (p.type === 'object' && typeof p.additionalProperties === 'object' && isText(p.additionalProperties)) return { kind: 'map' };
  return { kind: 'json' };
}

/** The form's fields from the settings' JSON Schema (none when it has no properties). */
export function settingsFields(schema: Record<string, unknown> | null | undefined): SettingsField[] {
  const properties = (schema?.properties ?? {}) as Record<string, Prop>;
  return Object.entries(properties).map(([name, p]) => ({ name, ...kindOf(p), ...(typeof p.minimum === 'number' ? { minimum: p.minimum } : {}) }));
}

/** Stored settings → form values (maps as key/value rows, anything else unusual as JSON text). */
export function toFormValues(fields: SettingsField[], settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = settings[f.name];
      if (f.kind === 'map') return [f.name, Object.entries((v ?? {}) as Record<string, string>).map(([key, value]) => ({ key, value }))];
      if (f.kind === 'json') return [f.name, v === undefined ? '' : JSON.stringify(v)];
      if (f.kind === 'optionalText') return [f.name, v ?? ''];
      return [f.name, v];
    }),
  );
}

/** Form values → settings, over the stored ones (keys the form does not show are kept). Throws naming a field whose JSON is invalid. */
export function fromFormValues(fields: SettingsField[], values: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'map') out[f.name] = Object.fromEntries(((v ?? []) as Pair[]).filter((p) => p?.key?.trim()).map((p) => [p.key.trim(), p.value ?? '']));
    else if (f.kind === 'optionalText') out[f.name] = typeof v === 'string' && v.trim() ? v.trim() : null;
    else if (f.kind === 'json') {
      if (typeof v !== 'string' || !v.trim()) delete out[f.name];
      else {
        try {
          out[f.name] = JSON.parse(v);
        } catch {
          throw new SettingsFieldError(f.name);
        }
      }
    } else if (v === undefined || v === null) delete out[f.name];
    else out[f.name] = v;
  }
  return out;
}

export class SettingsFieldError extends Error {
  constructor(readonly field: string) {
    super(`settings.${field}`);
  }
}

/** The settings form: one input per setting, by its kind, under `settingsForm.<name>`. */
export function SettingsFields({ fields }: { fields: SettingsField[] }) {
  const { t } = useTranslation('jobs');
  const label = (name: string) => t(`settingsFields.${name}`, { defaultValue: name });
  return (
    <>
      {fields.map((f) => {
        const name = ['settingsForm', f.name];
        const testId = `job-setting-${f.name}`;
        switch (f.kind) {
          case 'boolean':
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)} valuePropName="checked">
                <Switch data-testid={testId} />
              </Form.Item>
            );
          case 'integer':
          case 'number':
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)}>
                <InputNumber min={f.minimum} precision={f.kind === 'integer' ? 0 : undefined} style={{ width: 200 }} data-testid={testId} />
              </Form.Item>
            );
          case 'enum':
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)}>
                <Select style={{ width: 240 }} options={(f.options ?? []).map((o) => ({ value: o, label: t(`settingsOptions.${o}`, { defaultValue: o }) }))} data-testid={testId} />
              </Form.Item>
            );
          case 'list':
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)}>
                <Select mode="tags" tokenSeparators={['\n']} placeholder={t('settingsListPlaceholder')} data-testid={testId} />
              </Form.Item>
            );
          case 'map':
            return (
              <Form.Item key={f.name} label={label(f.name)}>
                <Form.List name={name}>
                  {(rows, { add, remove }) => (
                    <>
                      {rows.map((row) => (
                        <Space key={row.key} align="start" style={{ display: 'flex' }}>
                          <Form.Item name={[row.name, 'key']} style={{ marginBottom: 4, width: 300 }}>
                            <Input />
                          </Form.Item>
                          <Form.Item name={[row.name, 'value']} style={{ marginBottom: 4, width: 240 }}>
                            <Input />
                          </Form.Item>
                          <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('settingsRemoveRow')} />
                        </Space>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })} data-testid={`${testId}-add`}>
                        {t('settingsAddRow')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
            );
          case 'json':
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)}>
                <Input.TextArea rows={2} style={{ fontFamily: 'monospace' }} data-testid={testId} />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={f.name} name={name} label={label(f.name)}>
                <Input allowClear={f.kind === 'optionalText'} data-testid={testId} />
              </Form.Item>
            );
        }
      })}
    </>
  );
}
