import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.js';
import { formatAmount, type Overview } from './format.js';

type Progress = Overview['progress'][number];
type Award = Overview['awards'][number];

/** Each housekeeper's contracts, amounts and awards, and what is missing to the next tier. */
export function ProgressTable({ progress }: { progress: Progress[] }) {
  const { t } = useTranslation('campaigns');
  const next = (p: Progress) => {
    if (!p.next) return t('next.none');
    const parts = [`${p.next.tier}：`];
    if (p.next.contractsMissing > 0) parts.push(t('next.contracts', { n: p.next.contractsMissing }));
    if (p.next.amountMissing > 0) parts.push(t('next.amount', { amount: formatAmount(p.next.amountMissing) }));
    return parts.length > 1 ? parts.join(' ') : t('next.reached');
  };
  return (
    <Table<Progress>
      size="small"
      rowKey="housekeeperKey"
      dataSource={progress}
      data-testid="campaign-progress"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: t('columns.housekeeper'), dataIndex: 'housekeeper' },
        { title: t('columns.provider'), dataIndex: 'provider' },
        { title: t('columns.contracts'), dataIndex: 'contracts', align: 'right' },
        { title: t('columns.amount'), dataIndex: 'amount', align: 'right', render: formatAmount },
        { title: t('columns.basis'), dataIndex: 'basis', align: 'right', render: formatAmount },
        { title: t('columns.rewards'), key: 'awards', render: (_: unknown, p) => p.awards.map((a, i) => <Tag key={`${a}${i}`} color="gold">{a}</Tag>) },
        { title: t('columns.next'), key: 'next', render: (_: unknown, p) => next(p) },
      ]}
    />
  );
}

export function AwardsTable({ awards }: { awards: Award[] }) {
  const { t } = useTranslation('campaigns');
  return (
    <Table<Award>
      size="small"
      rowKey={(a) => `${a.contractId}:${a.name}:${a.type}`}
      dataSource={awards}
      data-testid="campaign-awards"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: t('columns.housekeeper'), dataIndex: 'housekeeper' },
        { title: t('columns.contract'), key: 'contract', render: (_: unknown, a) => a.docNum || a.contractId },
        { title: t('columns.award'), dataIndex: 'name', render: (v: string) => <Tag color="gold">{v}</Tag> },
        { title: t('columns.awardType'), dataIndex: 'type' },
        { title: t('columns.awardAmount'), dataIndex: 'amount', align: 'right', render: formatAmount },
        { title: t('columns.signedAt'), dataIndex: 'signedAt', render: (v: string | null) => formatDateTime(v) },
      ]}
    />
  );
}
