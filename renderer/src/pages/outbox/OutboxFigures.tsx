import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { formatDuration } from '../../format/time.js';
import { STATUS_ORDER, type MessageStatus } from './status.js';

type Stats = MethodOutput<'outbox.stats'>;

/** Counts per status (clicking one filters by it) and seed 002's figures per channel for today. */
export function OutboxFigures({ counts, stats, onStatus }: { counts: Record<MessageStatus, number> | undefined; stats: Stats | undefined; onStatus: (s: MessageStatus) => void }) {
  const { t } = useTranslation('outbox');
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {STATUS_ORDER.map((s) => (
          <Col key={s} flex="1">
            <Card size="small" hoverable onClick={() => onStatus(s)} data-testid={`count-${s}`}>
              <Statistic title={t(`status.${s}`)} value={counts?.[s] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('today.title', { day: stats?.day ?? '' })} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="channel"
          data-testid="channel-figures"
          dataSource={stats?.channels ?? []}
          locale={{ emptyText: t('today.empty') }}
          columns={[
            { title: t('columns.channel'), dataIndex: 'channel', render: (c: string) => (c ? t(`channel.${c}`, { defaultValue: c }) : t('today.unrouted')) },
            { title: t('today.total'), dataIndex: 'total' },
            { title: t('status.sent'), key: 'sent', render: (_: unknown, r: Stats['channels'][number]) => r.byStatus.sent ?? 0 },
            { title: t('status.dead'), key: 'dead', render: (_: unknown, r: Stats['channels'][number]) => r.byStatus.dead ?? 0 },
            { title: t('today.successRate'), dataIndex: 'successRate', render: (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`) },
            { title: t('today.retries'), dataIndex: 'retries' },
            { title: t('today.latency'), dataIndex: 'avgLatencyMs', render: (v: number | null) => formatDuration(v) },
          ]}
        />
      </Card>
    </>
  );
}
