import fs from 'node:fs';
import type { PyJson } from '../../main/campaigns/input/json-rows.js';
import { JsonObject, parsePyJson, rowsFromJson } from '../../main/campaigns/input/json-rows.js';
import type { ContractRow } from '../../main/campaigns/input/contract-row.js';
import type { ReplayResult } from '../../main/campaigns/replay.js';
import { floatRepr, isPyNum } from '../../main/campaigns/rules/py.js';
import { fixturePath } from './fixtures.js';

/**
 * The campaign scenarios of `fixtures/scenarios/out/*.json` and the input files that produced them
 * (v1-vectors.md §3 names them; batches are cumulative), with a comparison that reports every
 * difference in words: records field by field (Python int vs float included), messages text for text.
 */

export interface Scenario {
  fixture: string;
  variant: string;
  inputs: string[];
  month?: string;
}

const BJ_A = ['bj_scenario_A.json', 'bj_scenario_A_batch2.json'];
const SH_A = ['sh_scenario_A.json'];
const SH_DEDUP = ['sh_dedup_run1.json', 'sh_dedup_run2.json'];

export const SCENARIOS: Scenario[] = [
  { fixture: 'BJ-2025-04.json', variant: 'BJ-2025-04', inputs: BJ_A },
  { fixture: 'BJ-2025-05.json', variant: 'BJ-2025-05', inputs: BJ_A },
  { fixture: 'BJ-2025-05_badges.json', variant: 'BJ-2025-05', inputs: ['bj_badge_scenario.json'] },
  { fixture: 'BJ-2025-06.json', variant: 'BJ-2025-06', inputs: BJ_A },
  { fixture: 'BJ-2025-06_badges.json', variant: 'BJ-2025-06', inputs: ['bj_badge_scenario.json'] },
  { fixture: 'BJ-2025-09.json', variant: 'BJ-2025-09', inputs: ['bj_sep_scenario.json'] },
  { fixture: 'BJ-2025-09@new.json', variant: 'BJ-2025-09@new', inputs: ['bj_sep_scenario.json'] },
  { fixture: 'BJ-2025-10.json', variant: 'BJ-2025-10', inputs: ['bj_oct_scenario.json'] },
  { fixture: 'BJ-2025-10@v251.json', variant: 'BJ-2025-10', inputs: ['bj_oct_scenario.json'] },
  { fixture: 'BJ-2025-10_workorder_one_run.json', variant: 'BJ-2025-10', inputs: ['bj_oct_workorder_run2.json'] },
  { fixture: 'BJ-2025-10_workorder_two_runs.json', variant: 'BJ-2025-10', inputs: ['bj_oct_workorder_run1.json', 'bj_oct_workorder_run2.json'] },
  { fixture: 'BJ-2025-11.json', variant: 'BJ-2025-11', inputs: ['broadcast_scenario.json'] },
  { fixture: 'BJ-SIGN-BROADCAST.json', variant: 'BJ-SIGN-BROADCAST', inputs: ['broadcast_scenario.json'], month: '2026-05' },
  { fixture: 'BJ-PERFORMANCE-BROADCAST.json', variant: 'BJ-PERFORMANCE-BROADCAST', inputs: ['broadcast_scenario.json', 'broadcast_scenario_batch2.json'], month: '2026-05' },
  { fixture: 'SH-2025-04.json', variant: 'SH-2025-04', inputs: SH_A },
  { fixture: 'SH-2025-06.json', variant: 'SH-2025-06', inputs: SH_A },
  { fixture: 'SH-2025-08b.json', variant: 'SH-2025-08b', inputs: SH_A },
  { fixture: 'SH-2025-09.json', variant: 'SH-2025-09', inputs: SH_A },
  { fixture: 'SH-2025-09@new.json', variant: 'SH-2025-09@new', inputs: SH_A },
  { fixture: 'SH-2025-09_dedup.json', variant: 'SH-2025-09', inputs: SH_DEDUP },
  { fixture: 'SH-2025-09@new_dedup.json', variant: 'SH-2025-09@new', inputs: SH_DEDUP },
  { fixture: 'SH-2025-10.json', variant: 'SH-2025-10', inputs: SH_A },
  { fixture: 'SH-2025-10@v251.json', variant: 'SH-2025-10', inputs: SH_A },
  { fixture: 'SH-2025-11.json', variant: 'SH-2025-11', inputs: SH_A },
  { fixture: 'SH-2025-12.json', variant: 'SH-2025-12', inputs: SH_A },
  { fixture: 'SH-2025-12@v251.json', variant: 'SH-2025-12', inputs: SH_A },
];

export function scenarioInput(file: string): ContractRow[] {
  return rowsFromJson(fs.readFileSync(fixturePath('scenarios', file), 'utf8'), file);
}

/** A fixture value as comparable text: strings quoted, numbers with their Python type. */
function show(value: PyJson | undefined): string {
  if (value === undefined) return '(absent)';
  if (isPyNum(value)) return value.float ? `${floatRepr(value.v)} (float)` : `${value.v} (int)`;
  if (value instanceof JsonObject || Array.isArray(value)) return '(structure)';
  return JSON.stringify(value);
}

function get(obj: PyJson | undefined, key: string): PyJson | undefined {
  return obj instanceof JsonObject ? obj.fields.get(key) : undefined;
}

function list(value: PyJson | undefined): PyJson[] {
  return Array.isArray(value) ? value : [];
}

export const VOLATILE_FIELDS = new Set(['登记时间', 'created_at', 'updated_at']);

export function loadExpected(fixture: string): PyJson {
  return parsePyJson(fs.readFileSync(fixturePath('scenarios', 'out', fixture), 'utf8'), fixture);
}

/** Every difference between a replay and a fixture, as sentences; empty when identical. */
export function scenarioDifferences(expectedDoc: PyJson, actual: ReplayResult): string[] {
  const problems: string[] = [];
  const batches = list(get(expectedDoc, 'batches'));
  if (batches.length !== actual.batches.length) problems.push(`expected ${batches.length} batches, got ${actual.batches.length}`);
  batches.forEach((batch, b) => {
    const got = actual.batches[b];
    if (!got) return;
    const records = list(get(batch, 'records'));
    if (records.length !== got.records.length) problems.push(`batch ${b + 1}: expected ${records.length} records, got ${got.records.length}`);
    records.forEach((rec, i) => {
      const mine = got.records[i];
      const id = show(get(rec, '合同ID(_id)'));
      if (!mine || !(rec instanceof JsonObject)) return;
      const floats = new Set(got.recordFloatFields[i]);
      const mineShown = (k: string): string => {
        if (!(k in mine)) return '(absent)';
        const v = mine[k];
        if (typeof v === 'number') return floats.has(k) ? `${floatRepr(v)} (float)` : `${v} (int)`;
        return JSON.stringify(v);
      };
      const keys = [...rec.fields.keys()].filter((k) => !k.startsWith('_') && !VOLATILE_FIELDS.has(k));
      for (const k of keys) {
        const want = show(rec.fields.get(k));
        const have = mineShown(k);
        if (want !== have) problems.push(`batch ${b + 1}, record ${i + 1} (${id}), ${k}: expected ${want}, got ${have}`);
      }
      for (const k of Object.keys(mine)) if (!rec.fields.has(k) && !VOLATILE_FIELDS.has(k)) problems.push(`batch ${b + 1}, record ${i + 1} (${id}): unexpected field ${k}`);
      const order = Object.keys(mine).filter((k) => !VOLATILE_FIELDS.has(k));
      if (order.join('|') !== keys.join('|')) problems.push(`batch ${b + 1}, record ${i + 1} (${id}): key order differs`);
    });
    const messages = list(get(batch, 'messages')).map((m) => get(m, 'message'));
    if (messages.length !== got.messages.length) problems.push(`batch ${b + 1}: expected ${messages.length} messages, got ${got.messages.length}`);
    messages.forEach((text, i) => {
      const mine = got.messages[i]?.message;
      if (text !== mine) problems.push(`batch ${b + 1}, message ${i + 1}:\n--- expected\n${String(text)}\n--- got\n${String(mine)}`);
    });
  });
  return problems;
}
