import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { Overview } from './format.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Contracts (bars) and contract amount (line, right axis) per signing day. */
export function DailyChart({ daily }: { daily: Overview['daily'] }) {
  const { t } = useTranslation('campaigns');
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const chart = echarts.init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 70, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: daily.map((d) => d.day) },
      yAxis: [
        { type: 'value', name: t('chart.contracts'), minInterval: 1 },
        { type: 'value', name: t('chart.amount') },
      ],
      series: [
        { name: t('chart.contracts'), type: 'bar', data: daily.map((d) => d.contracts) },
        { name: t('chart.amount'), type: 'line', yAxisIndex: 1, data: daily.map((d) => d.amount) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [daily, t]);
  return <div ref={el} style={{ height: 300, width: '100%' }} data-testid="campaign-daily-chart" />;
}
