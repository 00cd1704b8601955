import { Button, Descriptions, Drawer, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { useAction } from '../../api/useAction.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format/time.js';
import { statusColor, type MessageStatus } from './status.js';
import { businessTypeLabel } from './business-type.js';

const traceColor: Record<string, string> = {
  sent: 'green',
  'marked-sent': 'green',
  'part-sent': 'green',
  dead: 'red',
  'attempt-failed': 'orange',
  unknown: 'purple',
  interrupted: 'purple',
  fallback: 'blue',
  cancelled: 'gray',
};

type Action = 'outbox.retry' | 'outbox.cancel' | 'outbox.markSent' | 'outbox.sendAgain';
const actionsFor: Record<MessageStatus, Action[]> = {
  pending: ['outbox.cancel'],
  sending: [],
  sent: [],
  failed: ['outbox.retry', 'outbox.cancel'],
  unknown: ['outbox.markSent', 'outbox.sendAgain', 'outbox.cancel'],
  dead: ['outbox.retry', 'outbox.cancel'],
  cancelled: ['outbox.retry'],
};

/** One message: what, to whom, through which channel, and its trace from enqueue to outcome. */
export function MessageDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('outbox');
  const run = useAction();
  const detail = useApi('outbox.get', { id: id ?? '' }, ['outbox'], { enabled: Boolean(id) });
  const m = id ? detail.data?.message : undefined;

  const act = async (action: Action) => {
    if (!id) return;
    if (await run(() => call(action, { id }), (r) => t('actions.done', { status: t(`status.${r.status}`) }))) detail.reload();
  };

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={id} data-testid="message-drawer" destroyOnHidden>
      {id ? <ErrorAlert error={detail.error} /> : null}
      {m ? (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <Tag color={statusColor[m.status]} data-testid="drawer-status">
              {t(`status.${m.status}`)}
            </Tag>
            {m.possibleDuplicate ? <Tag color="purple">{t('possibleDuplicate')}</Tag> : null}
            {actionsFor[m.status].map((a) => (
              <Popconfirm key={a} title={t(`actions.confirm.${a}`)} onConfirm={() => void act(a)}>
                <Button size="small" danger={a === 'outbox.cancel'} data-testid={`action-${a.split('.')[1]}`}>
                  {t(`actions.${a.split('.')[1]}`)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('columns.businessType')}>
              {businessTypeLabel(t, m.businessType)} <Typography.Text type="secondary">({m.businessType})</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('columns.businessId')}>{m.businessId}</Descriptions.Item>
            <Descriptions.Item label={t('columns.recipient')}>{m.recipient}</Descriptions.Item>
            <Descriptions.Item label={t('columns.channel')}>{m.channel ? t(`channel.${m.channel}`, { defaultValue: m.channel }) : '-'}</Descriptions.Item>
            <Descriptions.Item label={t('columns.job')}>{m.jobId ? `${m.jobId}${m.runId !== null ? ` #${m.runId}` : ''}` : '-'}</Descriptions.Item>
            <Descriptions.Item label={t('columns.created')}>{formatDateTime(m.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.sentAt')}>{formatDateTime(m.sentAt)}</Descriptions.Item>
            {m.nextAttemptAt ? <Descriptions.Item label={t('nextAttempt')}>{formatDateTime(m.nextAttemptAt)}</Descriptions.Item> : null}
            {m.lastError ? <Descriptions.Item label={t('columns.lastError')}>{m.lastError}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5}>{t('content')}</Typography.Title>
          <pre data-testid="drawer-content" style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, maxHeight: 240, overflow: 'auto' }}>
            {m.content}
          </pre>
          <Typography.Title level={5}>{t('trace.title')}</Typography.Title>
          <Timeline
            data-testid="trace-timeline"
            items={(detail.data?.trace ?? []).map((e, i) => ({
              key: i,
              color: traceColor[e.kind] ?? 'blue',
              content: (
                <div data-testid={`trace-item-${e.kind}`}>
                  <Typography.Text strong>{t(`trace.kind.${e.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary"> {formatDateTime(e.at)}</Typography.Text>
                  {e.channel ? <Tag style={{ marginLeft: 8 }}>{t(`channel.${e.channel}`, { defaultValue: e.channel })}</Tag> : null}
                  {e.attempt ? <Tag>{t('trace.attempt', { n: e.attempt })}</Tag> : null}
                  {e.part ? <Tag>{t('trace.part', { n: e.part })}</Tag> : null}
                  {e.code ? <Tag color="orange">{e.code}</Tag> : null}
                  {e.detail ? <div>{e.detail}</div> : null}
                  {e.responseStatus !== null || e.responseBody ? (
                    <Typography.Text type="secondary" code>
                      {e.responseStatus !== null ? `HTTP ${e.responseStatus} ` : ''}
                      {e.responseBody ?? ''}
                    </Typography.Text>
                  ) : null}
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </Drawer>
  );
}
