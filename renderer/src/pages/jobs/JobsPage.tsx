import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CaretRightOutlined, EditOutlined, PauseOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { RunProgress, RunStatusTag, runsHref, useSummaryText, useTitle } from '../runs/shared.js';
import { TriggerWords } from './TriggerWords.js';
import { EditJobModal } from './EditJobModal.js';
import { FireEventModal } from './FireEventModal.js';
import { SlaWeeklyChart } from './SlaWeeklyChart.js';

type Job = MethodOutput<'jobs.list'>['jobs'][number];

/** The SLA report's violations get a weekly chart under the table. */
const SLA_JOB = 'sla-daily-report';

const eventNames = (job: Job) => job.triggers.flatMap((tr) => (tr.spec.kind === 'event' ? [tr.spec.name] : []));

/** Why a job has no next run time. */
function idleReason(job: Job, pausedAll: boolean): string {
  if (!job.enabled) return 'disabled';
  if (job.paused || pausedAll) return 'paused';
  return eventNames(job).length ? 'onEvent' : 'noNextRun';
}

/** Every job: its triggers in words, next run, last run, progress while running, and what to do with it. */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const { message } = App.useApp();
  const title = useTitle();
  const summaryText = useSummaryText();
  const jobs = useApi('jobs.list', undefined, ['jobs', 'runs']);
  const [editing, setEditing] = useState<string>();
  const [firing, setFiring] = useState<string[]>();

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      jobs.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const pausedAll = jobs.data?.pausedAll ?? false;
  const allEvents = [...new Set((jobs.data?.jobs ?? []).flatMap(eventNames))];

  return (
    <Card>
      <ErrorAlert error={jobs.error} />
      <Space style={{ marginBottom: 16 }} wrap>
        {pausedAll ? (
          <Button type="primary" icon={<CaretRightOutlined />} onClick={() => void act(() => call('jobs.resumeAll'))} data-testid="jobs-resume-all">
            {t('resumeAll')}
          </Button>
        ) : (
          <Popconfirm title={t('pauseAllConfirm')} onConfirm={() => void act(() => call('jobs.pauseAll'))}>
            <Button icon={<PauseOutlined />} data-testid="jobs-pause-all">
              {t('pauseAll')}
            </Button>
          </Popconfirm>
        )}
        {allEvents.length ? (
          <Button icon={<ThunderboltOutlined />} onClick={() => setFiring(allEvents)} data-testid="jobs-fire-event">
            {t('event.button')}
          </Button>
        ) : null}
        {pausedAll ? <Tag color="gold">{t('pausedAllNote')}</Tag> : null}
      </Space>
      <Table<Job>
        size="middle"
        rowKey="id"
        loading={jobs.loading && !jobs.data}
        dataSource={jobs.data?.jobs ?? []}
        pagination={false}
        data-testid="jobs-table"
        columns={[
          {
            title: t('columns.name'),
            key: 'name',
            render: (_: unknown, job) => (
              <Space orientation="vertical" size={0}>
                <span>
                  {title(job.title, job.id)}
                  {!job.available ? (
                    <Tooltip title={job.unavailableReason}>
                      <Tag style={{ marginLeft: 8 }}>{t('notBuilt')}</Tag>
                    </Tooltip>
                  ) : null}
                  {job.paused ? <Tag color="gold">{t('paused')}</Tag> : null}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {job.id}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('columns.trigger'), key: 'trigger', render: (_: unknown, job) => <TriggerWords triggers={job.triggers} testId={`job-trigger-${job.id}`} /> },
          {
            title: t('columns.nextRun'),
            key: 'next',
            width: 170,
            render: (_: unknown, job) => <span data-testid={`job-next-run-${job.id}`}>{job.nextRunAt ? formatDateTime(job.nextRunAt) : t(idleReason(job, pausedAll))}</span>,
          },
          {
            title: t('columns.lastRun'),
            key: 'last',
            render: (_: unknown, job) =>
              job.running ? (
                <Space orientation="vertical" size={0}>
                  <a href={runsHref({ run: job.running.runId })}>
                    <RunStatusTag status="running" testId={`job-last-status-${job.id}`} />
                  </a>
                  <RunProgress progress={job.running.progress} testId={`job-progress-${job.id}`} />
                </Space>
              ) : job.lastRun ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    <a href={runsHref({ run: job.lastRun.id })}>
                      <RunStatusTag status={job.lastRun.status} testId={`job-last-status-${job.id}`} />
                    </a>
                    {formatDuration(job.lastRun.durationMs)}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`job-last-summary-${job.id}`}>
                    {formatDateTime(job.lastRun.finishedAt)}
                    {job.lastRun.summary ? ` · ${summaryText(job.lastRun.summary)}` : ''}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('neverRun')}</Typography.Text>
              ),
          },
          {
            title: t('columns.enabled'),
            key: 'enabled',
            width: 80,
            render: (_: unknown, job) => (
              <Switch checked={job.enabled} onChange={(enabled) => void act(() => call('jobs.update', { jobId: job.id, enabled }))} data-testid={`job-enable-${job.id}`} />
            ),
          },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_: unknown, job) => (
              <Space wrap>
                <Button size="small" type="primary" onClick={() => void act(() => call('jobs.runNow', { jobId: job.id }), t('runQueued'))} data-testid={`job-run-now-${job.id}`}>
                  {t('runNow')}
                </Button>
                {job.paused ? (
                  <Button size="small" onClick={() => void act(() => call('jobs.resume', { jobId: job.id }))} data-testid={`job-resume-${job.id}`}>
                    {t('resume')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => void act(() => call('jobs.pause', { jobId: job.id }))} data-testid={`job-pause-${job.id}`}>
                    {t('pause')}
                  </Button>
                )}
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(job.id)} data-testid={`job-edit-${job.id}`}>
                  {t('edit.button')}
                </Button>
                {eventNames(job).length ? (
                  <Button size="small" icon={<ThunderboltOutlined />} onClick={() => setFiring(eventNames(job))} data-testid={`job-fire-${job.id}`}>
                    {t('event.button')}
                  </Button>
                ) : null}
                {job.queued ? <Tag>{t('queued', { count: job.queued })}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      {jobs.data?.jobs.some((j) => j.id === SLA_JOB && j.available) ? <SlaWeeklyChart /> : null}
      <EditJobModal
        jobId={editing}
        onClose={() => {
          setEditing(undefined);
          jobs.reload();
        }}
      />
      <FireEventModal events={firing} onClose={() => setFiring(undefined)} />
    </Card>
  );
}
