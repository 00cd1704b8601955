import { Alert, App, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LogLevelTag, LogMessage } from '../../components/LogLine.js';
import { formatBytes, formatDateTime, formatDuration } from '../../format/time.js';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { RunModeTag, RunProgress, RunStatusTag, useSummaryText, useTitle } from './shared.js';

type RunDetail = MethodOutput<'runs.get'>;
type LogLine = RunDetail['logs'][number];

interface Props {
  runId: number;
  onClose: () => void;
  onOpenRun: (runId: number) => void;
}

/** When, how and with what a run went: its times, counts, progress, error, input and log lines; rerun and cancel. */
export function RunDrawer(props: Omit<Props, 'runId'> & { runId: number | undefined }) {
  return props.runId === undefined ? null : <OpenRunDrawer {...props} runId={props.runId} />;
}

function OpenRunDrawer({ runId, onClose, onOpenRun }: Props) {
  const { t } = useTranslation('runs');
  const { message } = App.useApp();
  const title = useTitle();
  const summaryText = useSummaryText();
  const run = useApi('runs.get', { runId }, ['runs']);
  const data = run.data?.id === runId ? run.data : undefined;

  const act = async (action: 'rerun' | 'cancel') => {
    try {
      if (action === 'rerun') {
        const r = await call('runs.rerun', { runId });
        message.success(t('detail.rerunQueued', { runId: r.runId }));
        onOpenRun(r.runId);
      } else {
        await call('runs.cancel', { runId });
        message.success(t('detail.cancelRequested'));
      }
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const active = data?.status === 'running' || data?.status === 'queued';
  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={data ? t('detail.title', { runId: data.id, job: title(data.jobTitle, data.jobId) }) : t('detail.loading')}
      extra={
        <Space>
          <Button onClick={() => void act('rerun')} disabled={!data?.inputRef} data-testid="run-rerun">
            {t('detail.rerun')}
          </Button>
          <Button danger onClick={() => void act('cancel')} disabled={!active} data-testid="run-cancel">
            {t('detail.cancel')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={run.error} />
      {data ? (
        <div data-testid="run-detail">
          {data.error ? <Alert type={data.status === 'failed' || data.status === 'timed-out' ? 'error' : 'warning'} showIcon title={data.error.message} description={data.error.code} style={{ marginBottom: 16 }} data-testid="run-error" /> : null}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('columns.status')}>
              <RunStatusTag status={data.status} testId="run-detail-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('columns.kind')}>
              {t(`kind.${data.triggerKind}`)}
              {data.eventName ? ` · ${data.eventName}` : ''}
              {data.rerunOf ? (
                <Button type="link" size="small" onClick={() => onOpenRun(data.rerunOf!)}>
                  {t('detail.rerunOf', { runId: data.rerunOf })}
                </Button>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('columns.scheduledAt')}>{formatDateTime(data.scheduledAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.createdAt')}>{formatDateTime(data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.startedAt')}>{formatDateTime(data.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.finishedAt')}>{formatDateTime(data.finishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.duration')}>{formatDuration(data.durationMs)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.memory')}>
              {data.peakHeapBytes !== null ? t('detail.heap', { size: formatBytes(data.peakHeapBytes) }) : '-'}
              {data.peakRssBytes !== null ? ` · ${t('detail.rss', { size: formatBytes(data.peakRssBytes) })}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.progress')} span={2}>
              {data.status === 'running' ? <RunProgress progress={data.progress} testId="run-detail-progress" /> : data.progress ? `${data.progress.done}${data.progress.total !== undefined ? ` / ${data.progress.total}` : ''}` : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.counts')} span={2}>
              <Space wrap data-testid="run-counts">
                {Object.entries(data.counts).map(([k, v]) => (
                  <Tag key={k}>
                    {k}: {v}
                  </Tag>
                ))}
                {data.records !== null ? <Tag>{t('detail.records', { n: data.records })}</Tag> : null}
                {data.messages !== null ? <Tag>{t('detail.messages', { n: data.messages, created: data.messagesNew ?? 0 })}</Tag> : null}
                {data.warnings ? <Tag color="orange">{t('detail.warnings', { n: data.warnings })}</Tag> : null}
              </Space>
            </Descriptions.Item>
            {data.summary ? (
              <Descriptions.Item label={t('detail.summary')} span={2}>
                {summaryText(data.summary)}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('detail.input')} span={2}>
              {data.input ? (
                <Typography.Text copyable={{ text: data.input.ref }} data-testid="run-input-ref">
                  <code>{data.input.ref.slice(0, 16)}…</code> ({formatBytes(data.input.sizeBytes)})
                </Typography.Text>
              ) : (
                '-'
              )}
            </Descriptions.Item>
            {data.pipeline ? <Descriptions.Item label={t('detail.pipeline')}>{data.pipeline}</Descriptions.Item> : null}
            {data.mode ? (
              <Descriptions.Item label={t('detail.mode')}>
                <RunModeTag mode={data.mode} always testId="run-detail-mode" />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('detail.logs')}
          </Typography.Title>
          <Table<LogLine>
            size="small"
            rowKey="seq"
            dataSource={data.logs}
            pagination={data.logs.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
            locale={{ emptyText: <Empty description={t('detail.noLogs')} /> }}
            data-testid="run-logs"
            columns={[
              { title: t('log.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
              { title: t('log.level'), dataIndex: 'level', width: 80, render: (v: LogLine['level']) => <LogLevelTag level={v} label={v} /> },
              {
                title: t('log.message'),
                dataIndex: 'message',
                render: (v: string, line) => <LogMessage message={v} context={line.context} />,
              },
            ]}
          />
        </div>
      ) : null}
    </Drawer>
  );
}
