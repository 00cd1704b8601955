import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { formatDateTime } from '../../format/time.js';
import { modeColor, type ShadowJob } from './types.js';

interface Props {
  jobs: ShadowJob[];
  loading: boolean;
  selected: string | undefined;
  onSelect(jobId: string): void;
  onSwitch(job: ShadowJob): void;
  onSettings(jobId: string): void;
}

/** Seed 001's migration plan: every job in its planned order with its mode and readiness. */
export function PlanTable({ jobs, loading, selected, onSelect, onSwitch, onSettings }: Props) {
  const { t, i18n } = useTranslation('shadow');
  const { message } = App.useApp();
  const rollback = async (job: ShadowJob) => {
    try {
      await call('shadow.setMode', { jobId: job.jobId, mode: 'control', reason: t('switch.rollbackReason'), via: 'ui' });
      message.success(t('switch.done', { mode: t('mode.control') }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const title = (job: ShadowJob) => (job.title ? job.title[i18n.language === 'en' ? 'en' : 'zh-CN'] : job.jobId);
  return (
    <Card title={t('plan.title')} extra={<Typography.Text type="secondary">{t('plan.hint')}</Typography.Text>}>
      <Table<ShadowJob>
        size="small"
        rowKey="jobId"
        loading={loading}
        dataSource={jobs}
        pagination={false}
        locale={{ emptyText: t('plan.empty') }}
        data-testid="shadow-plan"
        rowClassName={(job) => (job.jobId === selected ? 'ant-table-row-selected' : '')}
        onRow={(job) => ({ onClick: () => onSelect(job.jobId), style: { cursor: 'pointer' }, 'data-testid': `plan-row-${job.jobId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('plan.order'), dataIndex: 'plannedOrder', width: 70, render: (v: number | null) => v ?? '-' },
          { title: t('plan.job'), key: 'job', render: (_, job) => <Tooltip title={job.jobId}>{title(job)}</Tooltip> },
          {
            title: t('plan.mode'),
            dataIndex: 'mode',
            width: 110,
            render: (mode: ShadowJob['mode'], job) => (
              <Tag color={modeColor[mode]} data-testid={`mode-${job.jobId}`}>
                {t(`mode.${mode}`)}
              </Tag>
            ),
          },
          { title: t('plan.pipelines'), key: 'pipelines', render: (_, job) => `${job.controlPipeline} / ${job.candidatePipeline ?? '-'}` },
          {
            title: t('plan.readiness'),
            key: 'ready',
            render: (_, job) => (job.mode === 'control' && job.kpi.window.runs === 0 ? '-' : <Tag color={job.kpi.ready ? 'green' : 'orange'}>{job.kpi.ready ? t('ready') : t('notReady')}</Tag>),
          },
          { title: t('plan.lastRun'), dataIndex: 'lastRunAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: '',
            key: 'actions',
            width: 260,
            render: (_, job) => (
              <Space onClick={(e) => e.stopPropagation()}>
                <Button size="small" onClick={() => onSwitch(job)} data-testid={`switch-${job.jobId}`}>
                  {t('plan.switch')}
                </Button>
                <Button size="small" onClick={() => onSettings(job.jobId)} data-testid={`settings-${job.jobId}`}>
                  {t('plan.settings')}
                </Button>
                {job.mode !== 'control' ? (
                  <Popconfirm title={t('switch.effect')} onConfirm={() => void rollback(job)} okText={t('plan.rollback')}>
                    <Button size="small" danger data-testid={`rollback-${job.jobId}`}>
                      {t('plan.rollback')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
