import { useState } from 'react';
import { DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LedgerFilterSchema } from '../../../../main/api/contract/campaigns.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format/time.js';
import { ContractMessages } from './ContractMessages.js';
import { formatAmount, type Entry, type Selection } from './format.js';

type Filter = z.infer<typeof LedgerFilterSchema>;
const PAGE_SIZE = 20;
const clean = (f: Filter): Filter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Filter;

/** The recorded contracts, filtered and paged by the core; a row opens the messages it produced. */
export function LedgerTable({ selection }: { selection: Selection }) {
  const { t } = useTranslation('campaigns');
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const ledger = useApi('campaigns.ledger', { ...selection, filter: clean(filter), page, pageSize: PAGE_SIZE }, ['campaigns', 'runs']);
  const update = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const days = (range: [Dayjs | null, Dayjs | null] | null) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={ledger.error} />
      <Space wrap>
        <Select
          allowClear
          showSearch
          placeholder={t('filters.housekeeper')}
          style={{ minWidth: 160 }}
          value={filter.housekeeper}
          onChange={(housekeeper?: string) => update({ housekeeper })}
          options={(ledger.data?.housekeepers ?? []).map((h) => ({ value: h, label: h }))}
          data-testid="ledger-filter-housekeeper"
        />
        <Select
          allowClear
          placeholder={t('filters.reward')}
          style={{ minWidth: 140 }}
          value={filter.reward}
          onChange={(reward?: string) => update({ reward })}
          options={(ledger.data?.rewards ?? []).map((r) => ({ value: r, label: r }))}
          data-testid="ledger-filter-reward"
        />
        <DatePicker.RangePicker placeholder={[t('filters.from'), t('filters.to')]} onChange={(range) => days(range)} data-testid="ledger-filter-days" />
        <Input.Search allowClear placeholder={t('filters.text')} style={{ width: 280 }} onSearch={(text) => update({ text })} data-testid="ledger-filter-text" />
      </Space>
      <Table<Entry>
        size="small"
        rowKey="contractId"
        loading={ledger.loading}
        dataSource={ledger.data?.entries ?? []}
        data-testid="campaign-ledger"
        scroll={{ x: 1200 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: ledger.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => n }}
        expandable={{ expandedRowRender: (e) => <ContractMessages businessId={e.businessId} />, rowExpandable: () => true }}
        columns={[
          { title: t('columns.sequence'), dataIndex: 'sequence', width: 90 },
          {
            title: t('columns.contract'),
            key: 'contract',
            width: 230,
            render: (_: unknown, e) => (
              <span data-testid={`ledger-row-${e.contractId}`}>
                {e.docNum || e.contractId}
                {e.historical ? <Tag style={{ marginLeft: 4 }}>{t('historical')}</Tag> : null}
              </span>
            ),
          },
          { title: t('columns.housekeeper'), dataIndex: 'housekeeper', width: 100 },
          { title: t('columns.provider'), dataIndex: 'provider', width: 150, ellipsis: true },
          { title: t('columns.orderType'), dataIndex: 'orderType', width: 90, render: (v: string | null) => v ?? '-' },
          { title: t('columns.amount'), dataIndex: 'amount', width: 100, align: 'right', render: formatAmount },
          { title: t('columns.performance'), dataIndex: 'performance', width: 100, align: 'right', render: formatAmount },
          { title: t('columns.signedAt'), dataIndex: 'signedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          { title: t('columns.personal'), key: 'personal', width: 140, render: (_: unknown, e) => `${e.personalCount ?? '-'} / ${formatAmount(e.cumulativeAmount)}` },
          { title: t('columns.rewards'), key: 'rewards', width: 160, render: (_: unknown, e) => e.rewardNames.map((n, i) => <Tag key={`${n}${i}`} color="gold">{n}</Tag>) },
          { title: t('columns.remarks'), dataIndex: 'remarks', width: 220, ellipsis: true },
          {
            title: t('columns.announced'),
            dataIndex: 'announced',
            width: 90,
            fixed: 'right',
            render: (v: boolean, e) => (e.historical ? '-' : <Tag color={v ? 'green' : 'default'}>{v ? t('announced.yes') : t('announced.no')}</Tag>),
          },
        ]}
      />
    </Space>
  );
}
