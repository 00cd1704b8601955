import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.js';
import type { ShadowJob } from './types.js';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Time and memory ratios and consistency per run, with the time and memory thresholds drawn in. */
export function TrendChart({ job }: { job: ShadowJob }) {
  const { t } = useTranslation('shadow');
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const chart = echarts.init(el.current);
    const x = job.kpi.trend.map((p) => formatDateTime(p.at));
    const line = (name: string, data: Array<number | null>, threshold?: number) => ({
      name,
      type: 'line' as const,
      data,
      connectNulls: true,
      ...(threshold !== undefined ? { markLine: { symbol: 'none', silent: true, data: [{ yAxis: threshold }], label: { formatter: `${threshold}×` } } } : {}),
    });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: x },
      yAxis: { type: 'value', min: 0 },
      series: [
        line(t('kpi.timeRatio'), job.kpi.trend.map((p) => p.timeRatio), job.kpi.timeRatio.threshold),
        line(t('kpi.memoryRatio'), job.kpi.trend.map((p) => p.memoryRatio), job.kpi.memoryRatio.threshold),
        line(t('kpi.consistency'), job.kpi.trend.map((p) => p.consistency)),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [job, t]);
  return <div ref={el} style={{ height: 220, width: '100%' }} data-testid="shadow-trend" />;
}
