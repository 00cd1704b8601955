import { useState } from 'react';
import { Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DiffViewer } from './DiffViewer.js';
import { HistoryTable } from './HistoryTable.js';
import { KpiCards } from './KpiCards.js';
import { ModeSwitch } from './ModeSwitch.js';
import { PlanTable } from './PlanTable.js';
import { RunsTable } from './RunsTable.js';
import { SettingsModal } from './SettingsModal.js';
import type { ShadowJob } from './types.js';

/** Shadow mode: the migration plan, then for the chosen job its KPIs, runs, diffs and history; each job's settings. */
export function ShadowPage() {
  const { t } = useTranslation('shadow');
  const jobs = useApi('shadow.jobs', undefined, ['shadow']);
  const [selected, setSelected] = useState<string>();
  const [switching, setSwitching] = useState<ShadowJob>();
  const [diffRun, setDiffRun] = useState<number>();
  const [settingsOf, setSettingsOf] = useState<string>();
  const list = jobs.data?.jobs ?? [];
  const job = list.find((j) => j.jobId === selected) ?? list.find((j) => j.mode !== 'control') ?? list[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="shadow-page">
      <ErrorAlert error={jobs.error} />
      <PlanTable jobs={list} loading={jobs.loading} selected={job?.jobId} onSelect={setSelected} onSwitch={setSwitching} onSettings={setSettingsOf} />
      {job ? (
        <>
          <KpiCards job={job} cores={jobs.data?.cores ?? 1} />
          <RunsTable jobId={job.jobId} onView={setDiffRun} />
          <HistoryTable jobId={job.jobId} />
        </>
      ) : (
        !jobs.loading && <Empty description={t('selectJob')} />
      )}
      <ModeSwitch job={switching} onClose={() => setSwitching(undefined)} />
      <DiffViewer shadowRunId={diffRun} onClose={() => setDiffRun(undefined)} />
      <SettingsModal jobId={settingsOf} onClose={() => setSettingsOf(undefined)} />
    </Space>
  );
}
