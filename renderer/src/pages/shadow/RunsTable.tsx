import { useState } from 'react';
import { Button, Card, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import { modeColor, percent, type ShadowRun } from './types.js';

const PAGE = 20;

/** A job's shadow runs, newest first, with a link to each run's diff. */
export function RunsTable({ jobId, onView }: { jobId: string; onView(id: number): void }) {
  const { t } = useTranslation('shadow');
  const [page, setPage] = useState(1);
  const runs = useApi('shadow.runs', { jobId, limit: PAGE, offset: (page - 1) * PAGE }, ['shadow']);
  const side = (s: ShadowRun['control']) => {
    if (!s) return '-';
    if (s.error) return <Tooltip title={s.error.message}><Tag color="red">{s.timedOut ? t('runs.timedOut') : t('runs.failed')}</Tag></Tooltip>;
    return `${formatDuration(s.durationMs)} · ${s.pipelineId}`;
  };
  return (
    <Card title={t('runs.title')}>
      <ErrorAlert error={runs.error} />
      <Table<ShadowRun>
        size="small"
        rowKey="id"
        loading={runs.loading}
        dataSource={runs.data?.runs ?? []}
        data-testid="shadow-runs"
        pagination={{ current: page, pageSize: PAGE, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('runs.started'), dataIndex: 'startedAt', width: 180, render: (v: string) => formatDateTime(v) },
          { title: t('runs.mode'), dataIndex: 'mode', width: 100, render: (m: ShadowRun['mode']) => <Tag color={modeColor[m]}>{t(`mode.${m}`)}</Tag> },
          { title: t('runs.control'), key: 'control', render: (_, r) => side(r.control) },
          { title: t('runs.candidate'), key: 'candidate', render: (_, r) => side(r.candidate) },
          {
            title: t('runs.consistency'),
            dataIndex: 'consistency',
            render: (v: number | null, r) => (v === null ? t('runs.noComparison') : <Tag color={r.consistent ? 'green' : 'red'}>{percent(v)}</Tag>),
          },
          {
            title: t('runs.records'),
            key: 'records',
            render: (_, r) => (r.counts ? `${r.counts.records.equal}/${r.counts.records.different}/${r.counts.records.onlyInControl}/${r.counts.records.onlyInCandidate}` : '-'),
          },
          { title: t('runs.messages'), key: 'messages', render: (_, r) => (r.counts ? `${r.counts.messages.equal}/${r.counts.messages.different}` : '-') },
          {
            title: t('runs.alerts'),
            key: 'alerts',
            render: (_, r) => (
              <>
                {r.triggers.map((tr) => (
                  <Tag key={tr.kind} color="red">
                    {t(`triggers.${tr.kind}`)}
                  </Tag>
                ))}
                {r.rolledBack ? <Tag color="volcano">{t('runs.rolledBack')}</Tag> : null}
              </>
            ),
          },
          {
            title: '',
            key: 'view',
            width: 100,
            render: (_, r) => (
              <Button size="small" onClick={() => onView(r.id)} data-testid={`view-diff-${r.id}`}>
                {t('runs.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
