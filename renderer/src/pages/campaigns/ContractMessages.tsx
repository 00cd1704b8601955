import { useState } from 'react';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format/time.js';
import { MessageDrawer } from '../outbox/MessageDrawer.js';
import { statusColor } from '../outbox/status.js';

type Message = MethodOutput<'outbox.list'>['items'][number];

/** The outbox messages a contract produced (its business id), each openable with its full trace. */
export function ContractMessages({ businessId }: { businessId: string }) {
  const { t } = useTranslation('campaigns');
  const { t: to } = useTranslation('outbox');
  const [open, setOpen] = useState<string>();
  const messages = useApi('outbox.list', { filter: { businessId }, pageSize: 50 }, ['outbox']);
  const items = [...(messages.data?.items ?? [])].reverse();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`contract-messages-${businessId}`}>
      <ErrorAlert error={messages.error} />
      <Typography.Text strong>{t('messages.title')}</Typography.Text>
      {items.length === 0 && !messages.loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages.none')} />
      ) : (
        <Table<Message>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            { title: to('columns.businessType'), dataIndex: 'businessType', width: 170 },
            { title: to('columns.recipient'), dataIndex: 'recipient', width: 190 },
            {
              title: to('columns.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: Message['status']) => <Tag color={statusColor[s]}>{to(`status.${s}`)}</Tag>,
            },
            { title: to('columns.created'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: to('content'), dataIndex: 'preview', ellipsis: true, render: (v: string) => <span style={{ whiteSpace: 'pre-line' }}>{v}</span> },
            {
              title: '',
              key: 'open',
              width: 100,
              render: (_: unknown, m) => (
                <Button size="small" onClick={() => setOpen(m.id)} data-testid={`contract-message-open-${m.id}`}>
                  {t('messages.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <MessageDrawer id={open} onClose={() => setOpen(undefined)} />
    </Space>
  );
}
