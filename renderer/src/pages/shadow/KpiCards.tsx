import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TrendChart } from './TrendChart.js';
import { percent, ratio, type ShadowJob } from './types.js';

type CriterionKey = 'timeRatio' | 'memoryRatio' | 'errorRate' | 'consistency' | 'notificationSuccess';
const CRITERIA: Array<{ key: CriterionKey; op: string; format: (v: number | null) => string }> = [
  { key: 'timeRatio', op: '≤', format: ratio },
  { key: 'memoryRatio', op: '≤', format: ratio },
  { key: 'errorRate', op: '<', format: percent },
  { key: 'consistency', op: '≥', format: percent },
  { key: 'notificationSuccess', op: '≥', format: percent },
];

/** Seed 001's KPIs for one job, each against its threshold, with readiness and the trend. */
export function KpiCards({ job, cores }: { job: ShadowJob; cores: number }) {
  const { t } = useTranslation('shadow');
  const { kpi } = job;
  const days = (kpi.streak.spanMs / 86_400_000).toFixed(1);
  return (
    <Card
      title={t('kpi.title', { runs: kpi.window.runs })}
      extra={<Typography.Text type="secondary">{t('kpi.cores', { cores })}</Typography.Text>}
      data-testid="shadow-kpis"
    >
      <Row gutter={[12, 12]}>
        {CRITERIA.map(({ key, op, format }) => {
          const c = kpi[key];
          const threshold = key === 'timeRatio' || key === 'memoryRatio' ? ratio(c.threshold) : percent(c.threshold);
          return (
            <Col xs={24} sm={12} lg={8} xl={4} key={key}>
              <Card size="small" data-testid={`kpi-${key}`} data-ok={c.ok ? 'true' : 'false'}>
                <Statistic title={t(`kpi.${key}`)} value={c.value === null ? t('kpi.noData') : format(c.value)} styles={{ content: { color: c.value === null ? undefined : c.ok ? '#389e0d' : '#cf1322' } }} />
                <Typography.Text type="secondary">{t('kpi.threshold', { op, value: threshold })}</Typography.Text>
              </Card>
            </Col>
          );
        })}
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Card size="small" data-testid="kpi-readiness">
            <Space orientation="vertical" size={4}>
              <Tag color={kpi.ready ? 'green' : 'orange'}>{kpi.ready ? t('ready') : t('notReady')}</Tag>
              <Typography.Text type="secondary">{t('streak', { runs: kpi.streak.runs, days, minRuns: job.minRuns, minDays: job.minSpanDays })}</Typography.Text>
              {kpi.blockers.map((b) => (
                <Typography.Text key={b} type="warning">
                  · {t(`blockers.${b}`)}
                </Typography.Text>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('kpi.trend')}
      </Typography.Title>
      <TrendChart job={job} />
    </Card>
  );
}
