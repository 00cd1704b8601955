import type { FiredTrigger } from './kpi.js';

/** Alert texts for the Windows notification (the core has no UI catalogue; the office reads Chinese by default). */
const TEXT = {
  'zh-CN': {
    title: (job: string) => `影子模式告警：${job}`,
    'error-rate': (v: string, t: string) => `候选流水线出错率 ${v}（阈值 ${t}）`,
    'notification-failure': (v: string, t: string) => `通知失败率 ${v}（阈值 ${t}）`,
    slow: (v: string, t: string) => `候选耗时为对照的 ${v}（阈值 ${t}）`,
    inconsistency: (v: string) => `结果不一致（一致率 ${v}）`,
    rolledBack: (p: string) => `已自动回滚到对照流水线 ${p}。`,
  },
  en: {
    title: (job: string) => `Shadow alert: ${job}`,
    'error-rate': (v: string, t: string) => `candidate error rate ${v} (threshold ${t})`,
    'notification-failure': (v: string, t: string) => `notification failure rate ${v} (threshold ${t})`,
    slow: (v: string, t: string) => `candidate took ${v} of the control's time (threshold ${t})`,
    inconsistency: (v: string) => `results differ (consistency ${v})`,
    rolledBack: (p: string) => `Rolled back to the control pipeline ${p} automatically.`,
  },
} as const;

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
const times = (v: number) => `${v.toFixed(2)}×`;

export function alertText(jobId: string, triggers: readonly FiredTrigger[], rolledBackTo: string | null, language: 'zh-CN' | 'en' = 'zh-CN'): { title: string; body: string } {
  const t = TEXT[language];
  const parts = triggers.map((tr) => {
    switch (tr.kind) {
      case 'slow':
        return t.slow(times(tr.value), times(tr.threshold));
      case 'inconsistency':
        return t.inconsistency(pct(tr.value));
      default:
        return t[tr.kind](pct(tr.value), pct(tr.threshold));
    }
  });
  const sep = language === 'zh-CN' ? '；' : '; ';
  return { title: t.title(jobId), body: parts.join(sep) + (rolledBackTo ? `${language === 'zh-CN' ? '。' : '. '}${t.rolledBack(rolledBackTo)}` : '') };
}
