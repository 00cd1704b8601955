import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { MethodOutput } from '../../../../main/api/contract/index.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Week = MethodOutput<'monitors.slaViolations'>;

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Providers by their week's total (most first), and per business date the count of each. */
function byProvider(week: Week): { providers: string[]; dates: string[]; counts: Map<string, Map<string, number>>; total: number } {
  const totals = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  for (const r of week.rows) {
    totals.set(r.provider, (totals.get(r.provider) ?? 0) + r.count);
    const perDate = counts.get(r.date) ?? new Map<string, number>();
    perDate.set(r.provider, (perDate.get(r.provider) ?? 0) + r.count);
    counts.set(r.date, perDate);
  }
  const providers = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
  const dates = Array.from({ length: 7 }, (_, i) => shiftDate(week.from, i)).filter((d) => d <= week.to);
  return { providers, dates, counts, total: [...totals.values()].reduce((a, b) => a + b, 0) };
}

/** The SLA report's week at a glance: violations per provider, stacked by business date. */
export function SlaWeeklyChart() {
  const { t } = useTranslation('monitors');
  const [until, setUntil] = useState<string>();
  const week = useApi('monitors.slaViolations', { days: 7, ...(until ? { until } : {}) }, ['runs']);
  const data = useMemo(() => (week.data ? byProvider(week.data) : undefined), [week.data]);
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current || !data || data.providers.length === 0) return undefined;
    const chart = echarts.init(el.current);
    // Longest bars on top: a horizontal chart lists the category axis bottom-up.
    const providers = [...data.providers].reverse();
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: providers, axisLabel: { width: 220, overflow: 'truncate' } },
      series: data.dates.map((date) => ({
        name: date,
        type: 'bar',
        stack: 'week',
        data: providers.map((p) => data.counts.get(date)?.get(p) ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);

  const to = week.data?.to;
  // The default week ends yesterday (the server's clock); going forward stops there.
  const [latest, setLatest] = useState<string>();
  useEffect(() => {
    if (!until && to) setLatest(to);
  }, [until, to]);
  const atLatest = !until || (latest !== undefined && to !== undefined && to >= latest);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('slaChart.title')}
      data-testid="sla-chart"
      extra={
        <Space>
          <Button size="small" icon={<LeftOutlined />} disabled={!to} onClick={() => to && setUntil(shiftDate(to, -7))} data-testid="sla-chart-prev" aria-label={t('slaChart.previousWeek')} />
          <Typography.Text data-testid="sla-chart-range">{week.data ? `${week.data.from} – ${week.data.to}` : ''}</Typography.Text>
          <Button size="small" icon={<RightOutlined />} disabled={atLatest} onClick={() => to && setUntil(latest && shiftDate(to, 7) >= latest ? undefined : shiftDate(to, 7))} data-testid="sla-chart-next" aria-label={t('slaChart.nextWeek')} />
        </Space>
      }
    >
      <ErrorAlert error={week.error} />
      {data && data.providers.length === 0 ? (
        <Empty description={t('slaChart.empty')} data-testid="sla-chart-empty" />
      ) : data ? (
        <>
          <Typography.Text type="secondary" data-testid="sla-chart-total">
            {t('slaChart.total', { count: data.total, providers: data.providers.length })}
          </Typography.Text>
          <div ref={el} style={{ height: Math.max(160, 40 + data.providers.length * 28), width: '100%' }} data-testid="sla-chart-canvas" />
        </>
      ) : null}
    </Card>
  );
}
