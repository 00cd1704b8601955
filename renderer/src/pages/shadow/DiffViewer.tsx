import { Alert, Card, Col, Drawer, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PagedList } from '../../components/PagedList.js';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { showValue, type ShadowDiff, type ShadowRun } from './types.js';

type RecordDiff = ShadowDiff['recordDifferences'][number];
type MessageDiff = ShadowDiff['messageDifferences'][number];

const statusColor = { different: 'red', noise: 'gold', onlyInControl: 'purple', onlyInCandidate: 'cyan' } as const;
const DIFFERS = '#fff1f0';
const NOISE = '#fffbe6';

/** One record side by side: every field, differing ones highlighted (noise in yellow). */
function RecordCard({ d, run }: { d: RecordDiff; run: ShadowRun }) {
  const { t } = useTranslation('shadow');
  const differs = new Set(d.differences.map((x) => x.field));
  const noisy = new Set(d.noise.map((x) => x.field));
  const fields = [...new Set([...Object.keys(d.control ?? {}), ...Object.keys(d.candidate ?? {})])];
  const rows = fields.map((field) => ({ field, control: d.control?.[field], candidate: d.candidate?.[field] }));
  const bg = (field: string) => (differs.has(field) ? DIFFERS : noisy.has(field) ? NOISE : undefined);
  return (
    <Card size="small" style={{ width: '100%' }} title={<Space>{d.key}<Tag color={statusColor[d.status]}>{t(`diff.status.${d.status}`)}</Tag></Space>} data-testid={`diff-record-${d.key}`}>
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        onRow={(r) => ({ style: { background: bg(r.field) }, 'data-testid': `diff-field-${d.key}-${r.field}`, 'data-differs': differs.has(r.field) ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('diff.field'), dataIndex: 'field', width: '30%' },
          { title: t('diff.control', { pipeline: run.controlPipeline }), dataIndex: 'control', render: (v: unknown) => (d.control ? showValue(v) : t('diff.none')) },
          { title: t('diff.candidate', { pipeline: run.candidatePipeline }), dataIndex: 'candidate', render: (v: unknown) => (d.candidate ? showValue(v) : t('diff.none')) },
        ]}
      />
    </Card>
  );
}

const lineStyle = (op: 'equal' | 'delete' | 'insert') => ({
  whiteSpace: 'pre-wrap' as const,
  fontFamily: 'monospace',
  minHeight: '1.4em',
  background: op === 'delete' ? '#ffccc7' : op === 'insert' ? '#d9f7be' : undefined,
});

/** One message side by side: lines only the control has in red, lines only the candidate has in green. */
function MessageCard({ d, run }: { d: MessageDiff; run: ShadowRun }) {
  const { t } = useTranslation('shadow');
  const column = (side: 'control' | 'candidate') => {
    const m = d[side];
    if (!m) return <Typography.Text type="secondary">{t('diff.none')}</Typography.Text>;
    const ops = d.lines.length ? d.lines.filter((l) => l.op !== (side === 'control' ? 'insert' : 'delete')) : m.text.split('\n').map((text) => ({ op: 'equal' as const, text }));
    return (
      <>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          {t('diff.recipient')}: {m.recipient ?? '-'}
        </Typography.Paragraph>
        <div data-testid={`diff-message-${side}`}>
          {ops.map((l, i) => (
            <div key={i} style={lineStyle(l.op)} data-testid={l.op === 'equal' ? undefined : `msg-line-${l.op}`}>
              {l.text}
            </div>
          ))}
        </div>
      </>
    );
  };
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={
        <Space>
          #{d.index + 1}
          <Tag color={statusColor[d.status]}>{t(`diff.status.${d.status}`)}</Tag>
          {d.recipientDiffers ? <Tag>{t('diff.recipientDiffers')}</Tag> : null}
        </Space>
      }
      data-testid={`diff-message-${d.index}`}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('diff.control', { pipeline: run.controlPipeline })}</Typography.Text>
          {column('control')}
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('diff.candidate', { pipeline: run.candidatePipeline })}</Typography.Text>
          {column('candidate')}
        </Col>
      </Row>
    </Card>
  );
}

function DiffBody({ shadowRunId }: { shadowRunId: number }) {
  const { t } = useTranslation('shadow');
  const q = useApi('shadow.diff', { shadowRunId }, []);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const { run, diff } = q.data;
  const errors = (['control', 'candidate'] as const).flatMap((side) => {
    const s = run[side];
    return s?.error ? [<Alert key={side} type="error" showIcon title={t('diff.error', { side: t(`diff.${side}`, { pipeline: s.pipelineId }), message: s.error.message })} />] : [];
  });
  if (!diff) return <Space orientation="vertical" style={{ width: '100%' }}>{errors}<Empty description={t('diff.noDetails')} /></Space>;
  const r = diff.records;
  const m = diff.messages;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="diff-viewer">
      {errors}
      {diff.truncated ? <Alert type="warning" showIcon title={t('diff.truncated')} /> : null}
      {diff.schema.onlyInControl.length + diff.schema.onlyInCandidate.length ? (
        <Typography.Text type="secondary">{t('diff.schema', { control: diff.schema.onlyInControl.join('、') || '-', candidate: diff.schema.onlyInCandidate.join('、') || '-' })}</Typography.Text>
      ) : null}
      {diff.noise?.fields.length ? <Typography.Text type="secondary">{t('diff.noise', { fields: diff.noise.fields.join('、') })}</Typography.Text> : null}
      <Tabs
        items={[
          {
            key: 'records',
            label: t('diff.records', { different: r.different, onlyControl: r.onlyInControl, onlyCandidate: r.onlyInCandidate, noise: r.noiseOnly }),
            children: diff.recordDifferences.length ? (
              <PagedList items={diff.recordDifferences} render={(d, i) => <RecordCard key={i} d={d} run={run} />} />
            ) : (
              <Empty description={t('diff.noDiff')} />
            ),
          },
          {
            key: 'messages',
            label: t('diff.messages', { pairing: t(`diff.pairing.${m.pairing}`), different: m.different + m.onlyInControl + m.onlyInCandidate }),
            children: diff.messageDifferences.length ? (
              <PagedList items={diff.messageDifferences} render={(d, i) => <MessageCard key={i} d={d} run={run} />} />
            ) : (
              <Empty description={t('diff.noDiff')} />
            ),
          },
        ]}
      />
    </Space>
  );
}

export function DiffViewer({ shadowRunId, onClose }: { shadowRunId: number | undefined; onClose(): void }) {
  const { t } = useTranslation('shadow');
  return (
    <Drawer open={shadowRunId !== undefined} onClose={onClose} size="85%" title={t('diff.title', { id: shadowRunId })} destroyOnHidden>
      {shadowRunId !== undefined ? <DiffBody shadowRunId={shadowRunId} /> : null}
    </Drawer>
  );
}
