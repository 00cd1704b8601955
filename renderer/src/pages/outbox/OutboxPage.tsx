import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import type { MessageFilterSchema } from '../../../../main/api/contract/outbox.js';
import { CHANNEL_TYPES } from '../../../../main/api/contract/channel-model.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { useAction } from '../../api/useAction.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format/time.js';
import { MessageDrawer } from './MessageDrawer.js';
import { businessTypeLabel } from './business-type.js';
import { OutboxFigures } from './OutboxFigures.js';
import { STATUS_ORDER, statusColor, type MessageStatus } from './status.js';

type Filter = z.infer<typeof MessageFilterSchema>;
type Item = MethodOutput<'outbox.list'>['items'][number];
const PAGE_SIZE = 50;

/** Drops empty fields so the API (and the URL of the query) only carries real filters. */
const clean = (f: Filter): Filter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as Filter;

export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const act = useAction();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<string>();
  const list = useApi('outbox.list', { filter: clean(filter), page, pageSize: PAGE_SIZE }, ['outbox']);
  const stats = useApi('outbox.stats', undefined, ['outbox']);

  const update = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
    setSelected([]);
  };

  const run = async (fn: () => Promise<string>) => {
    if ((await act(fn, (text) => text)) === undefined) return;
    list.reload();
    stats.reload();
  };
  const bulk = (input: { ids: string[] } | { filter: Filter }) =>
    run(async () => {
      const r = await call('outbox.bulkRetry', input);
      setSelected([]);
      return t('bulk.done', { changed: r.changed, skipped: r.skipped });
    });
  const setSending = (enabled: boolean) => run(async () => ((await call('outbox.setSendingEnabled', { enabled })).enabled ? t('sending.resumed') : t('sending.stopped')));

  const sendingEnabled = stats.data?.sendingEnabled ?? true;

  return (
    <Card>
      <ErrorAlert error={list.error ?? stats.error} />
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Switch checked={sendingEnabled} onChange={(v) => void setSending(v)} data-testid="sending-switch" />
          <Typography.Text strong>{sendingEnabled ? t('sending.on') : t('sending.off')}</Typography.Text>
        </Space>
        {stats.data && stats.data.interrupted > 0 ? <Typography.Text type="secondary">{t('interrupted', { n: stats.data.interrupted })}</Typography.Text> : null}
      </Space>
      {!sendingEnabled ? <Alert type="warning" showIcon title={t('sending.stoppedBanner')} style={{ marginBottom: 16 }} data-testid="sending-stopped" /> : null}
      <OutboxFigures counts={list.data?.counts} stats={stats.data} onStatus={(s) => update({ status: [s] })} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<MessageStatus[]>
          mode="multiple"
          allowClear
          placeholder={t('filters.status')}
          style={{ minWidth: 180 }}
          value={filter.status ?? []}
          onChange={(status) => update({ status })}
          options={STATUS_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t('filters.channel')}
          style={{ width: 150 }}
          value={filter.channel}
          onChange={(channel) => update({ channel })}
          options={CHANNEL_TYPES.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          data-testid="filter-channel"
        />
        <Input allowClear placeholder={t('filters.job')} style={{ width: 140 }} onChange={(e) => update({ jobId: e.target.value })} data-testid="filter-job" />
        <Input allowClear placeholder={t('filters.businessId')} style={{ width: 180 }} onChange={(e) => update({ businessId: e.target.value })} data-testid="filter-business" />
        <Input allowClear placeholder={t('filters.recipient')} style={{ width: 160 }} onChange={(e) => update({ recipient: e.target.value })} data-testid="filter-recipient" />
        <DatePicker.RangePicker
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="filter-dates"
        />
        <Input.Search allowClear placeholder={t('filters.text')} style={{ width: 200 }} onSearch={(text) => update({ text })} data-testid="filter-text" />
      </Space>
      <Space style={{ marginBottom: 12 }}>
        <Button disabled={!selected.length} onClick={() => void bulk({ ids: selected })} data-testid="bulk-retry-selected">
          {t('bulk.selected', { n: selected.length })}
        </Button>
        <Popconfirm title={t('bulk.confirmFilter', { n: list.data?.total ?? 0 })} onConfirm={() => void bulk({ filter: clean(filter) })}>
          <Button data-testid="bulk-retry-filter">{t('bulk.filter')}</Button>
        </Popconfirm>
      </Space>
      <Table<Item>
        size="small"
        rowKey="id"
        data-testid="outbox-table"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('columns.id'), dataIndex: 'id', width: 220, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('columns.created'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('columns.businessType'), dataIndex: 'businessType', render: (type: string) => businessTypeLabel(t, type) },
          { title: t('columns.businessId'), dataIndex: 'businessId', ellipsis: true },
          { title: t('columns.recipient'), dataIndex: 'recipient' },
          { title: t('columns.channel'), dataIndex: 'channel', render: (c: string | null) => (c ? t(`channel.${c}`, { defaultValue: c }) : '-') },
          { title: t('columns.status'), dataIndex: 'status', render: (s: MessageStatus) => <Tag color={statusColor[s]}>{t(`status.${s}`)}</Tag> },
          { title: t('columns.attempts'), dataIndex: 'attempts', width: 70 },
          { title: t('columns.lastError'), dataIndex: 'lastError', ellipsis: true },
        ]}
      />
      <MessageDrawer id={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
