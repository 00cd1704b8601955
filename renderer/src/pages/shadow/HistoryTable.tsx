import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format/time.js';
import { modeColor } from './types.js';

type Change = MethodOutput<'shadow.history'>['changes'][number];

/** The job's migration history: every switch, when, from what to what, why and by whom. */
export function HistoryTable({ jobId }: { jobId: string }) {
  const { t } = useTranslation('shadow');
  const history = useApi('shadow.history', { jobId }, ['shadow']);
  return (
    <Card title={t('history.title')}>
      <ErrorAlert error={history.error} />
      <Table<Change>
        size="small"
        rowKey="id"
        loading={history.loading}
        dataSource={history.data?.changes ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="shadow-history"
        columns={[
          { title: t('history.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: t('history.change'),
            key: 'change',
            render: (_, c) => (
              <span>
                {c.fromMode ? <Tag color={modeColor[c.fromMode]}>{t(`mode.${c.fromMode}`)}</Tag> : null}→ <Tag color={modeColor[c.toMode]}>{t(`mode.${c.toMode}`)}</Tag>
                {c.toControl} / {c.toCandidate ?? '-'}
              </span>
            ),
          },
          { title: t('history.reason'), dataIndex: 'reason' },
          { title: t('history.actor'), dataIndex: 'actor', width: 120, render: (v: Change['actor']) => <Tag color={v === 'automatic' ? 'red' : 'default'}>{t(`history.actors.${v}`)}</Tag> },
        ]}
      />
    </Card>
  );
}
