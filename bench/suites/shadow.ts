import os from 'node:os';
import { diffRules, diffSides, type DiffSide } from '../../main/shadow/diff/index.js';

/**
 * Shadow diff cost on 100,000 record pairs (v1-like records: 30 fields, numbers as numbers on one
 * side and numeric strings on the other, 1 % of records with a real difference) and 20,000
 * message pairs. The end-to-end overhead of shadow runs (two workers in parallel) is measured once
 * the runner's workers are merged.
 */
function sides(records: number, messages: number): { control: DiffSide; candidate: DiffSide } {
  const control: DiffSide = { records: [], messages: [] };
  const candidate: DiffSide = { records: [], messages: [] };
  for (let i = 0; i < records; i++) {
    const fields: Record<string, unknown> = { '合同ID(_id)': `C${i}`, '管家(serviceHousekeeper)': `管家${i % 500}`, 登记时间: '2025-09-01 10:00:00' };
    const other: Record<string, unknown> = { ...fields, 登记时间: '2025-09-01 10:00:05' };
    for (let f = 0; f < 27; f++) {
      const v = (i * 31 + f * 7) % 100_000;
      fields[`字段${f}`] = f % 3 === 0 ? `文本${v}` : v;
      other[`字段${f}`] = f % 3 === 0 ? `文本${v}` : f % 3 === 1 ? String(v) : v + (i % 100 === 0 && f === 2 ? 1 : 0);
    }
    control.records.push({ key: `C${i}`, fields });
    candidate.records.push({ key: `C${i}`, fields: other });
  }
  for (let i = 0; i < messages; i++) {
    const text = `🧨🧨🧨 签约喜报 🧨🧨🧨\n恭喜 管家${i % 500} 签约合同 C${i}\n\n🌻 本单为活动期间平台累计签约第 ${i + 1} 单。\n`;
    control.messages.push({ recipient: 'group', text });
    candidate.messages.push({ recipient: 'group', text: i % 200 === 0 ? `${text}\n` : text });
  }
  return { control, candidate };
}

export async function run(): Promise<Record<string, unknown>> {
  const { control, candidate } = sides(100_000, 20_000);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const diff = diffSides(control, candidate, diffRules());
  const ms = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    cores: os.availableParallelism(),
    recordPairs: diff.records.total,
    messagePairs: diff.messages.total,
    differentRecords: diff.records.different,
    differentMessages: diff.messages.different,
    diffMs: Math.round(ms),
    recordPairsPerSecond: Math.round(diff.records.total / (ms / 1000)),
    heapGrowthMB: Math.round(((heapAfter - heapBefore) / 1024 / 1024) * 10) / 10,
    peakRssGrowthMB: Math.round(((process.resourceUsage().maxRSS * 1024 - rssBefore) / 1024 / 1024) * 10) / 10,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(JSON.stringify(await run(), null, 2));
}
