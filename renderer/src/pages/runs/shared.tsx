import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';

export type RunSummary = MethodOutput<'runs.list'>['runs'][number];
export type RunStatus = RunSummary['status'];
export type RunProgressValue = NonNullable<RunSummary['progress']>;
export type Title = { 'zh-CN': string; en: string };

export const RUN_STATUSES: RunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'timed-out', 'skipped', 'cancelled', 'interrupted'];
export const TRIGGER_KINDS: RunSummary['triggerKind'][] = ['cron', 'interval', 'event', 'manual', 'catch-up', 'rerun'];

const statusColor: Record<RunStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  'timed-out': 'error',
  skipped: 'default',
  cancelled: 'warning',
  interrupted: 'warning',
};

export function RunStatusTag({ status, testId }: { status: RunStatus; testId?: string }) {
  const { t } = useTranslation('runs');
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export type RunMode = NonNullable<RunSummary['mode']>;
const modeColor: Record<RunMode, string> = { control: 'default', shadow: 'purple', candidate: 'magenta' };

/** The shadow mode a run ran in (main/shadow): only worth a tag when it is not the plain control run, unless `always`. */
export function RunModeTag({ mode, testId, always = false }: { mode: RunSummary['mode']; testId?: string; always?: boolean }) {
  const { t } = useTranslation('runs');
  if (!mode || (mode === 'control' && !always)) return null;
  return (
    <Tag color={modeColor[mode]} data-testid={testId} data-mode={mode}>
      {t(`mode.${mode}`)}
    </Tag>
  );
}

/** A progress bar when the pipeline reported a total, else the count and the step. */
export function RunProgress({ progress, testId }: { progress: RunProgressValue | null; testId?: string }) {
  const { t } = useTranslation('runs');
  if (!progress) return <Typography.Text type="secondary">{t('progress.starting')}</Typography.Text>;
  const label = progress.step ? `${progress.step} ${progress.done}${progress.total !== undefined ? `/${progress.total}` : ''}` : undefined;
  if (progress.total === undefined || progress.total <= 0) {
    return <span data-testid={testId}>{t('progress.done', { done: progress.done, step: progress.step ?? '' })}</span>;
  }
  return (
    <div data-testid={testId} style={{ minWidth: 140 }}>
      <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" status="active" />
      {label ? <Typography.Text type="secondary">{label}</Typography.Text> : null}
    </div>
  );
}

export function useTitle(): (title: Title | null | undefined, fallback?: string) => string {
  const { i18n } = useTranslation();
  return (title, fallback = '') => (title ? (i18n.language === 'en' ? title.en : title['zh-CN']) : fallback);
}

/**
 * A run's summary sentence ("3 条超时通知已发送，1 条表扬"): the key names its catalogue
 * (`monitors:summary.sla`, `campaigns:summary.run`); a bare key is looked up under `jobs:summary.`.
 */
export function useSummaryText(): (summary: RunSummary['summary']) => string {
  const { t } = useTranslation('jobs');
  return (summary) => {
    if (!summary) return '';
    const key = summary.key.includes(':') ? summary.key : `jobs:summary.${summary.key}`;
    return t(key, { ...summary.params, defaultValue: `${summary.key} ${JSON.stringify(summary.params)}` });
  };
}

/** Navigates to the Runs page, optionally filtered by job or with one run open. */
export function runsHref(query: { job?: string; run?: number }): string {
  const params = new URLSearchParams();
  if (query.job) params.set('job', query.job);
  if (query.run !== undefined) params.set('run', String(query.run));
  const q = params.toString();
  return `#/runs${q ? `?${q}` : ''}`;
}
