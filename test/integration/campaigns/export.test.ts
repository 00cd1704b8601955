import { describe, expect, it } from 'vitest';
import { ledgerCsv } from '../../../main/campaigns/export.js';
import { JsonObject } from '../../../main/campaigns/input/json-rows.js';
import type { PyJson } from '../../../main/campaigns/input/json-rows.js';
import { replayCampaign } from '../../../main/campaigns/replay.js';
import { floatRepr, isPyNum } from '../../../main/campaigns/rules/py.js';
import { SCENARIOS, VOLATILE_FIELDS, loadExpected, scenarioInput } from '../../helpers/campaign-scenarios.js';

/** A stored v1 value as the text v1's file or table held (floats as Python printed them). */
function asText(v: PyJson | undefined): string {
  if (v === undefined || v === null) return '';
  if (isPyNum(v)) return v.float ? floatRepr(v.v) : String(v.v);
  return String(v);
}

function expectedTable(doc: PyJson, key: 'performance_file_after' | 'db_rows_after'): Array<Map<string, string>> {
  const rows = doc instanceof JsonObject ? doc.fields.get(key) : undefined;
  return (Array.isArray(rows) ? rows : []).map((r) => new Map([...(r as JsonObject).fields].map(([k, v]) => [k, asText(v)])));
}

describe('ledger export in v1 columns', () => {
  it.each(SCENARIOS)('$fixture: the stored state equals v1 file/table after the last batch', (s) => {
    const doc = loadExpected(s.fixture);
    const result = replayCampaign({ variant: s.variant, batches: s.inputs.map(scenarioInput), month: s.month, exportLedger: true });
    const key = result.pipeline === 'v1-ledger' ? 'performance_file_after' : 'db_rows_after';
    const expected = expectedTable(doc, key);
    expect(result.ledger!.rows.length).toBe(expected.length);
    const problems: string[] = [];
    expected.forEach((row, i) => {
      if (i === 0) expect([...row.keys()]).toEqual(result.ledger!.columns);
      result.ledger!.columns.forEach((c, j) => {
        if (VOLATILE_FIELDS.has(c)) return;
        const want = row.get(c) ?? '';
        const got = result.ledger!.rows[i]![j]!;
        if (want !== got) problems.push(`row ${i + 1}, ${c}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      });
    });
    expect(problems).toEqual([]);
  });

  it('writes CSV with a byte-order mark, v1 header order and CRLF line ends', () => {
    const result = replayCampaign({ variant: 'SH-2025-04', batches: [scenarioInput('sh_scenario_A.json')], exportLedger: true });
    const csv = ledgerCsv(result.ledger!);
    expect(csv.startsWith('\uFEFF活动编号,合同ID(_id),活动城市(province),')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(14);
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['SH-2025-04', 'C101', '310000']);
    expect(lines[13]).toBe('');
  });
});
