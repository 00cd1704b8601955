import { useEffect, useMemo, useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import type { MethodInput } from '../../../../main/api/contract/index.js';
import { RunDrawer } from './RunDrawer.js';
import { RUN_STATUSES, RunModeTag, RunProgress, RunStatusTag, TRIGGER_KINDS, useSummaryText, useTitle, type RunStatus, type RunSummary } from './shared.js';

type Filter = MethodInput<'runs.list'> & { page: number; pageSize: number };

function queryFromHash(): { job?: string; run?: number } {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const run = Number(params.get('run'));
  return { ...(params.get('job') ? { job: params.get('job')! } : {}), ...(run > 0 ? { run } : {}) };
}

/** Run history: counts per state on top, filters that combine, a detail drawer per run. */
export function RunsPage() {
  const { t } = useTranslation('runs');
  const title = useTitle();
  const summaryText = useSummaryText();
  const initial = useMemo(queryFromHash, []);
  const [filter, setFilter] = useState<Filter>({ page: 1, pageSize: 50, ...(initial.job ? { jobId: initial.job } : {}) });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [openRun, setOpenRun] = useState<number | undefined>(initial.run);
  const runs = useApi('runs.list', filter, ['runs']);
  const jobs = useApi('jobs.list', undefined, ['jobs']);

  useEffect(() => {
    const onHash = () => {
      const q = queryFromHash();
      if (q.run) setOpenRun(q.run);
      if (q.job) setFilter((f) => ({ ...f, jobId: q.job, page: 1 }));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const change = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, page: 1, ...patch }));
  const selected = new Set(filter.status ?? []);
  const toggleStatus = (s: RunStatus) => {
    const next = new Set(selected);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    change({ status: next.size ? [...next] : undefined });
  };

  return (
    <Card>
      <ErrorAlert error={runs.error} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="runs-counts">
        {RUN_STATUSES.map((s) => (
          <Tag.CheckableTag key={s} checked={selected.has(s)} onChange={() => toggleStatus(s)} data-testid={`runs-count-${s}`}>
            {t(`status.${s}`)} <b>{runs.data?.counts[s] ?? 0}</b>
          </Tag.CheckableTag>
        ))}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filters.job')}
          style={{ width: 260 }}
          value={filter.jobId}
          onChange={(jobId?: string) => change({ jobId })}
          options={(jobs.data?.jobs ?? []).map((j) => ({ value: j.id, label: title(j.title, j.id) }))}
          data-testid="runs-filter-job"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filters.kind')}
          style={{ minWidth: 180 }}
          value={filter.triggerKind ?? []}
          onChange={(kinds: RunSummary['triggerKind'][]) => change({ triggerKind: kinds.length ? kinds : undefined })}
          options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          data-testid="runs-filter-kind"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => {
            setRange(value);
            change({ from: value?.[0]?.startOf('day').toISOString(), to: value?.[1]?.endOf('day').toISOString() });
          }}
          data-testid="runs-filter-date"
        />
        <Input.Search allowClear placeholder={t('filters.text')} style={{ width: 240 }} onSearch={(text) => change({ text: text || undefined })} data-testid="runs-filter-text" />
      </Space>
      <Table<RunSummary>
        size="small"
        rowKey="id"
        loading={runs.loading && !runs.data}
        dataSource={runs.data?.runs ?? []}
        data-testid="runs-table"
        onRow={(r) => ({ onClick: () => setOpenRun(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: runs.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 80 },
          {
            title: t('columns.job'),
            dataIndex: 'jobId',
            width: 240,
            render: (_: string, r) => (
              <span>
                {title(r.jobTitle, r.jobId)}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {r.jobId}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('columns.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: RunStatus, r) => (
              <span>
                <RunStatusTag status={s} testId={`run-status-${r.id}`} />
                <RunModeTag mode={r.mode} testId={`run-mode-${r.id}`} />
              </span>
            ),
          },
          { title: t('columns.kind'), dataIndex: 'triggerKind', width: 100, render: (k: RunSummary['triggerKind']) => t(`kind.${k}`) },
          { title: t('columns.scheduledAt'), dataIndex: 'scheduledAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('columns.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          { title: t('columns.duration'), dataIndex: 'durationMs', width: 100, render: (v: number | null) => formatDuration(v) },
          {
            title: t('columns.result'),
            key: 'result',
            render: (_: unknown, r) =>
              r.status === 'running' ? (
                <RunProgress progress={r.progress} testId={`run-progress-${r.id}`} />
              ) : r.error ? (
                <Typography.Text type={r.status === 'skipped' ? 'secondary' : 'danger'} ellipsis={{ tooltip: r.error.message }} style={{ maxWidth: 360 }}>
                  {r.error.message}
                </Typography.Text>
              ) : (
                summaryText(r.summary)
              ),
          },
        ]}
      />
      <RunDrawer runId={openRun} onClose={() => setOpenRun(undefined)} onOpenRun={setOpenRun} />
    </Card>
  );
}
