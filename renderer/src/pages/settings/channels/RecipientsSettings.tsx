import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../main/api/contract/index.js';
import { CHANNEL_TYPES, SECRET_ADDRESS, type ChannelType } from '../../../../../main/api/contract/channel-model.js';
import { call } from '../../../api/client.js';
import { useApi } from '../../../api/hooks.js';
import { useAction } from '../../../api/useAction.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

type Recipient = MethodOutput<'recipients.list'>['recipients'][number];
interface Values {
  id: string;
  name: string;
  note: string;
  route: Array<{ channel: ChannelType; address?: string }>;
}

/** Settings → Recipients: logical recipients and their ordered route of channel addresses. */
export function RecipientsSettings() {
  const { t, i18n } = useTranslation('channels');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { t: to } = useTranslation('outbox');
  const act = useAction();
  const recipients = useApi('recipients.list', undefined, ['channels']);
  const [editing, setEditing] = useState<Recipient | 'new'>();
  const [form] = Form.useForm<Values>();

  const open = (r: Recipient | 'new') => {
    setEditing(r);
    form.setFieldsValue(
      r === 'new'
        ? { id: '', name: '', note: '', route: [{ channel: 'GROUP_BOT' }] }
        : r.configured
          ? { id: r.id, name: r.name, note: r.note, route: r.route.map((e) => ({ channel: e.channel, ...(e.secret ? {} : { address: e.address }) })) }
          : { id: r.id, name: r.known?.name['zh-CN'] ?? '', note: '', route: [{ channel: 'GROUP_BOT' }] },
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    const route = v.route.map((e) => ({ channel: e.channel, ...(e.address ? { address: e.address } : {}) }));
    if (!(await act(() => call('recipients.save', { id: v.id, name: v.name ?? '', note: v.note ?? '', route }), () => t('saved')))) return;
    setEditing(undefined);
    recipients.reload();
  };

  const remove = async (id: string) => {
    if (await act(() => call('recipients.delete', { id }))) recipients.reload();
  };

  const storedSecret = (channel: ChannelType) => editing !== undefined && editing !== 'new' && editing.route.find((e) => e.channel === channel && e.secret);

  return (
    <Card>
      <ErrorAlert error={recipients.error} />
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }} data-testid="recipient-add">
        {t('recipients.add')}
      </Button>
      <Table<Recipient>
        size="small"
        rowKey="id"
        data-testid="recipients-table"
        dataSource={recipients.data?.recipients ?? []}
        columns={[
          { title: t('recipients.id'), dataIndex: 'id' },
          {
            title: t('recipients.name'),
            key: 'name',
            render: (_: unknown, r) => (
              <Space wrap>
                {r.name || r.known?.name[lang]}
                {r.known?.usedBy ? <Tag>{r.known.usedBy[lang]}</Tag> : null}
                {r.configured ? null : (
                  <Tag color="red" data-testid={`recipient-unconfigured-${r.id}`}>
                    {t('recipients.notConfigured')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('recipients.route'),
            key: 'route',
            render: (_: unknown, r) => (
              <Space wrap>
                {r.route.map((e, i) => (
                  <Tag key={e.channel}>
                    {i + 1}. {to(`channel.${e.channel}`)}: {e.address}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => open(r)} data-testid={`recipient-edit-${r.id}`}>
                  {t('edit')}
                </Button>
                {r.configured ? (
                  <Popconfirm title={t('recipients.confirmDelete')} onConfirm={() => void remove(r.id)}>
                    <Button size="small" danger>
                      {t('delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== undefined} title={editing === 'new' ? t('recipients.add') : t('recipients.edit')} onOk={() => void save()} onCancel={() => setEditing(undefined)} width={720} data-testid="recipient-modal" forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="id" label={t('recipients.id')} extra={t('recipients.idHelp')} rules={[{ required: true, whitespace: true }]}>
            <Input disabled={editing !== 'new'} data-testid="recipient-id" />
          </Form.Item>
          <Form.Item name="name" label={t('recipients.name')}>
            <Input data-testid="recipient-name" />
          </Form.Item>
          <Form.Item name="note" label={t('recipients.note')}>
            <Input />
          </Form.Item>
          <Form.List name="route">
            {(fields, { add, remove: drop }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline">
                    <span>{i + 1}.</span>
                    <Form.Item name={[field.name, 'channel']} rules={[{ required: true }]}>
                      <Select style={{ width: 200 }} options={CHANNEL_TYPES.map((c) => ({ value: c, label: to(`channel.${c}`) }))} data-testid={`route-channel-${i}`} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const channel = form.getFieldValue(['route', field.name, 'channel']) as ChannelType;
                        const keep = SECRET_ADDRESS[channel] && storedSecret(channel);
                        return (
                          <Form.Item name={[field.name, 'address']} rules={[{ required: !keep, message: t('recipients.addressRequired') }]}>
                            <Input style={{ width: 340 }} placeholder={keep ? t('recipients.keepSecret', { masked: keep.address }) : t(`address.${channel}`, { defaultValue: '' })} data-testid={`route-address-${i}`} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Button size="small" onClick={() => drop(field.name)}>
                      {t('delete')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ channel: 'DRY_RUN' })} data-testid="route-add">
                  {t('recipients.addChannel')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
