import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../../../../main/api/contract/index.js';
import type { TemplateInputSchema } from '../../../../../main/api/contract/channels.js';
import { CHANNEL_TYPES } from '../../../../../main/api/contract/channel-model.js';
import { call } from '../../../api/client.js';
import { useApi } from '../../../api/hooks.js';
import { useAction } from '../../../api/useAction.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format/time.js';
import { TestSendModal } from './TestSendModal.js';

type Template = MethodOutput<'templates.list'>['templates'][number];
type Values = z.input<typeof TemplateInputSchema>;

const blank: Values = { name: '', channel: null, contentKind: 'text', body: '', variables: [], kind: 'realtime', cron: null, event: null, keywords: [], recipient: null, enabled: true };

/** What a firing of the template did: the message it enqueued, or why it sent nothing. */
function LastFiring({ firing }: { firing: Template['lastFiring'] }) {
  const { t } = useTranslation('channels');
  if (!firing) return <Typography.Text type="secondary">{t('templates.neverFired')}</Typography.Text>;
  const when = formatDateTime(firing.scheduledAt);
  if (firing.error) {
    return (
      <Tooltip title={firing.error.message}>
        <Tag color="red" data-testid="template-last-error">
          {when} {firing.error.code}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Typography.Text>
      {when} → {firing.messageId}
    </Typography.Text>
  );
}

/** Settings → Templates: bodies with {{variables}}, when they fire, preview with the samples, test send. */
export function TemplatesSettings() {
  const { t } = useTranslation('channels');
  const { t: to } = useTranslation('outbox');
  const act = useAction();
  const templates = useApi('templates.list', undefined, ['channels', 'jobs']);
  const recipients = useApi('recipients.list', undefined, ['channels']);
  const [editing, setEditing] = useState<Template | 'new'>();
  const [testing, setTesting] = useState<number>();
  const [preview, setPreview] = useState<{ ok: boolean; text: string }>();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const open = (tpl: Template | 'new') => {
    setEditing(tpl);
    setPreview(undefined);
    form.setFieldsValue(tpl === 'new' ? blank : { ...tpl });
  };

  const values = (): Values => {
    const v = { ...blank, ...(form.getFieldsValue(true) as Partial<Values>) };
    // Only the input's fields: the store also holds what the list showed (next run, last firing …).
    const { name, channel, contentKind, body, kind: when, cron, event, recipient, enabled } = v;
    return {
      name,
      channel: channel ?? null,
      contentKind,
      body,
      kind: when,
      cron: cron || null,
      event: event || null,
      recipient: recipient ?? null,
      enabled,
      variables: (v.variables ?? []).filter((x) => x?.name),
      keywords: v.keywords ?? [],
      ...(editing && editing !== 'new' ? { id: editing.id } : {}),
    };
  };

  const showPreview = async () => {
    const v = values();
    const samples = Object.fromEntries(v.variables.filter((x) => x.sample).map((x) => [x.name, x.sample!]));
    try {
      setPreview({ ok: true, text: (await call('templates.preview', { body: v.body, variables: samples })).text });
    } catch (e) {
      setPreview({ ok: false, text: (e as Error).message });
    }
  };

  const save = async () => {
    await form.validateFields();
    if (!(await act(() => call('templates.save', values()), () => t('saved')))) return;
    setEditing(undefined);
    templates.reload();
  };

  const remove = async (id: number) => {
    if (await act(() => call('templates.delete', { id }))) templates.reload();
  };

  return (
    <Card>
      <ErrorAlert error={templates.error} />
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }} data-testid="template-add">
        {t('templates.add')}
      </Button>
      <Table<Template>
        size="small"
        rowKey="id"
        data-testid="templates-table"
        dataSource={templates.data?.templates ?? []}
        columns={[
          { title: t('templates.name'), dataIndex: 'name' },
          { title: t('templates.kind'), key: 'kind', render: (_: unknown, r) => (r.kind === 'scheduled' ? `${t('templates.scheduled')} ${r.cron}` : `${t('templates.realtime')} ${[r.event, ...r.keywords].filter(Boolean).join(', ')}`) },
          { title: t('templates.recipient'), dataIndex: 'recipient', render: (r: string | null) => r ?? <Tag color="orange">{t('templates.noRecipient')}</Tag> },
          { title: t('templates.channel'), dataIndex: 'channel', render: (c: string | null) => (c ? to(`channel.${c}`) : t('templates.route')) },
          { title: t('templates.nextRun'), dataIndex: 'nextRunAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t('templates.lastFiring'), key: 'lastFiring', render: (_: unknown, r) => <LastFiring firing={r.lastFiring} /> },
          { title: t('templates.enabled'), dataIndex: 'enabled', render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : <Tag>{t('no')}</Tag>) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => open(r)} data-testid={`template-edit-${r.id}`}>
                  {t('edit')}
                </Button>
                <Button size="small" onClick={() => setTesting(r.id)} data-testid={`template-test-${r.id}`}>
                  {t('test.button')}
                </Button>
                <Popconfirm title={t('templates.confirmDelete')} onConfirm={() => void remove(r.id)}>
                  <Button size="small" danger>
                    {t('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== undefined} title={editing === 'new' ? t('templates.add') : t('templates.edit')} onOk={() => void save()} onCancel={() => setEditing(undefined)} width={760} forceRender data-testid="template-modal">
        <Form form={form} layout="vertical" initialValues={blank}>
          <Space wrap align="start">
            <Form.Item name="name" label={t('templates.name')} rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 240 }} data-testid="template-name" />
            </Form.Item>
            <Form.Item name="recipient" label={t('templates.recipient')} extra={t('templates.recipientHelp')}>
              <Select
                allowClear
                showSearch
                style={{ width: 240 }}
                data-testid="template-recipient"
                options={(recipients.data?.recipients ?? []).map((r) => ({ value: r.id, label: r.name ? `${r.name} (${r.id})` : r.id }))}
              />
            </Form.Item>
            <Form.Item name="channel" label={t('templates.channel')}>
              <Select allowClear style={{ width: 200 }} placeholder={t('templates.route')} options={CHANNEL_TYPES.map((c) => ({ value: c, label: to(`channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="contentKind" label={t('templates.contentKind')}>
              <Radio.Group options={[{ value: 'text', label: 'text' }, { value: 'markdown', label: 'markdown' }]} />
            </Form.Item>
            <Form.Item name="enabled" label={t('templates.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="body" label={t('templates.body')} extra={t('templates.bodyHelp')} rules={[{ required: true }]}>
            <Input.TextArea rows={6} data-testid="template-body" />
          </Form.Item>
          <Form.List name="variables">
            {(fields, { add, remove: drop }) => (
              <Space wrap>
                {fields.map((f) => (
                  <Space.Compact key={f.key}>
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}>
                      <Input placeholder={t('templates.variable')} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'sample']} noStyle>
                      <Input placeholder={t('templates.sample')} style={{ width: 150 }} />
                    </Form.Item>
                    <Button onClick={() => drop(f.name)}>×</Button>
                  </Space.Compact>
                ))}
                <Button onClick={() => add({ name: '' })} data-testid="template-add-variable">
                  {t('templates.addVariable')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Space wrap align="start" style={{ marginTop: 16 }}>
            <Form.Item name="kind" label={t('templates.kind')}>
              <Radio.Group options={[{ value: 'scheduled', label: t('templates.scheduled') }, { value: 'realtime', label: t('templates.realtime') }]} />
            </Form.Item>
            {kind === 'scheduled' ? (
              <Form.Item name="cron" label={t('templates.cron')} extra={t('templates.cronHelp')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 160 }} />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="event" label={t('templates.event')} extra={t('templates.eventHelp')}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="keywords" label={t('templates.keywords')} extra={t('templates.keywordsHelp')}>
                  <Select mode="tags" style={{ width: 220 }} />
                </Form.Item>
              </>
            )}
          </Space>
          <Button onClick={() => void showPreview()} data-testid="template-preview">
            {t('templates.preview')}
          </Button>
          {preview ? <Alert style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} type={preview.ok ? 'success' : 'error'} title={preview.text} data-testid="template-preview-result" /> : null}
        </Form>
      </Modal>
      {testing !== undefined ? <TestSendModal templateId={testing} onClose={() => setTesting(undefined)} /> : null}
    </Card>
  );
}
