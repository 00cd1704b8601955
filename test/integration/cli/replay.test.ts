import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonObject, parsePyJson, type PyJson } from '../../../main/campaigns/input/json-rows.js';
import type { ReplayResult } from '../../../main/campaigns/replay.js';
import { isPyNum, type Scalar } from '../../../main/campaigns/rules/py.js';
import { SCENARIOS, loadExpected, scenarioDifferences } from '../../helpers/campaign-scenarios.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { herald } from '../../helpers/cli.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

/** `herald replay --json` read back with Python number types, as the engine's own replay result. */
function fromCliJson(text: string): ReplayResult {
  const doc = parsePyJson(text, 'herald replay --json');
  const field = (o: PyJson | undefined, k: string) => (o instanceof JsonObject ? o.fields.get(k) : undefined);
  const list = (v: PyJson | undefined) => (Array.isArray(v) ? v : []);
  const batches = list(field(doc, 'batches')).map((b) => {
    const records = list(field(b, 'records')).map((r) => (r instanceof JsonObject ? r : new JsonObject()));
    return {
      records: records.map((r) => Object.fromEntries([...r.fields].map(([k, v]) => [k, (isPyNum(v) ? v.v : v) as Scalar]))),
      recordFloatFields: records.map((r) => [...r.fields].filter(([, v]) => isPyNum(v) && v.float).map(([k]) => k)),
      messages: list(field(b, 'messages')).map((m) => ({ recipient: String(field(m, 'recipient')), message: String(field(m, 'message')) })),
      warnings: [],
    };
  });
  return { campaign: String(field(doc, 'campaign')), pipeline: String(field(doc, 'pipeline')) as ReplayResult['pipeline'], batches };
}

const batchArgs = (inputs: string[]) => inputs.flatMap((f) => ['--batch', fixturePath('scenarios', f)]);

describe('herald replay --json reproduces every v1 scenario (fixtures/scenarios/out)', () => {
  it('covers every fixture output', () => {
    const all = fs.readdirSync(fixturePath('scenarios', 'out')).filter((f) => f.endsWith('.json')).sort();
    expect(SCENARIOS.map((s) => s.fixture).sort()).toEqual(all);
  });

  it.concurrent.each(SCENARIOS)('$fixture', async (s) => {
    const args = ['replay', '--campaign', s.variant, ...batchArgs(s.inputs), ...(s.month ? ['--month', s.month] : []), '--json'];
    const out = await herald(args);
    // Progress lines appear when a loaded machine takes over a second; nothing else may.
    expect(out.stderr.split('\n').filter((line) => line && !line.startsWith('replay: '))).toEqual([]);
    expect(out.code).toBe(0);
    const result = fromCliJson(out.stdout);
    expect(result.campaign).toBe(s.variant);
    expect(scenarioDifferences(loadExpected(s.fixture), result)).toEqual([]);
  });
});

describe('herald replay: other outputs and failures', () => {
  const sep = batchArgs(['sh_scenario_A.json']);

  it('--pipeline chooses September’s database pipeline; --csv prints the ledger in v1’s columns', async () => {
    const json = await herald(['replay', '--campaign', 'SH-2025-09', '--pipeline', 'v1-db', ...sep, '--json']);
    expect(json.code).toBe(0);
    expect(fromCliJson(json.stdout).pipeline).toBe('v1-db');
    const expected = loadExpected('SH-2025-09@new.json');
    expect(scenarioDifferences(expected, fromCliJson(json.stdout))).toEqual([]);

    const csv = await herald(['replay', '--campaign', 'SH-2025-09', ...sep, '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^活动编号,合同ID\(_id\),/);
    expect(lines.length - 1).toBe(fromCliJson(json.stdout).batches[0]!.records.length);
  });

  it('reads CSV batches with the Chinese headers', async () => {
    const dir = tempDir();
    const csvFile = path.join(dir, 'contracts.csv');
    fs.copyFileSync(fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), csvFile);
    const out = await herald(['replay', '--campaign', 'SH-2025-05', '--batch', csvFile]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/batch 1: 2 record\(s\), 2 message\(s\)/);
  });

  it.concurrent.each([
    { what: 'an unknown variant', args: ['--campaign', 'BJ-2099-01', ...sep], error: /no campaign variant "BJ-2099-01"/ },
    { what: 'a pipeline the variant lacks', args: ['--campaign', 'BJ-2025-10', '--pipeline', 'v1-ledger', ...sep], error: /has no v1-ledger pipeline/ },
    { what: 'a missing file', args: ['--campaign', 'BJ-2025-10', '--batch', 'no-such-file.csv'], error: /Cannot read the contract file no-such-file\.csv/ },
    { what: 'no batch', args: ['--campaign', 'BJ-2025-10'], error: /required option '--batch <file>' not specified/ },
    { what: '--json with --csv', args: ['--campaign', 'BJ-2025-10', ...sep, '--json', '--csv'], error: /cannot be used with/ },
    { what: 'a bad month', args: ['--campaign', 'BJ-SIGN-BROADCAST', '--month', '2026-13', ...sep], error: /not a month/ },
    { what: 'an unknown fix', args: ['--campaign', 'BJ-2025-10', '--fix', 'fixEverything', ...sep], error: /no fix named fixEverything/ },
  ])('fails with one line on $what', async ({ args, error }) => {
    const out = await herald(['replay', ...args]);
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(error);
  });

  it('fails with one line on a malformed CSV, naming the file', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, '合同ID(_id),管家(serviceHousekeeper)\n"1,张三\n2,李四,extra\n');
    const out = await herald(['replay', '--campaign', 'BJ-2025-06', '--batch', bad, '--json']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^herald: bad\.csv is not a readable CSV file/);
  });

  it('fails with one line on rows the engine cannot read, naming row and column', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'rows.json');
    const rows = JSON.parse(fs.readFileSync(fixturePath('scenarios', 'bj_oct_scenario.json'), 'utf8')) as Array<Record<string, unknown>>;
    rows[1]!['合同金额(adjustRefundMoney)'] = 'abc';
    fs.writeFileSync(bad, JSON.stringify(rows));
    const out = await herald(['replay', '--campaign', 'BJ-2025-10', '--batch', bad, '--json']);
    expect(out.code).toBe(1);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/合同金额/);
  });

  it('a failure in a later batch leaves stdout empty: earlier batches are not half-printed', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'day2.json');
    const rows = JSON.parse(fs.readFileSync(fixturePath('scenarios', 'bj_oct_scenario.json'), 'utf8')) as Array<Record<string, unknown>>;
    rows[2]!['合同金额(adjustRefundMoney)'] = 'abc';
    fs.writeFileSync(bad, JSON.stringify(rows));
    const out = await herald(['replay', '--campaign', 'BJ-2025-10', '--batch', fixturePath('scenarios', 'bj_oct_scenario.json'), '--batch', bad, '--json']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('replay: '))).toEqual([expect.stringMatching(/^herald: .*合同金额/)]);
  });

  it('prints its help and exits 0', async () => {
    const out = await herald(['replay', '--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/--campaign <variant>/);
    expect(out.stdout).toMatch(/Example:/);
  });
});
