import { describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import { campaignHarness, type CampaignHarness } from '../../helpers/campaign-jobs.js';
import { CAMPAIGN_CATALOGUE_MODULE, catalogue } from '../../helpers/campaign-catalogue.js';
import { readFixtureJson } from '../../helpers/fixtures.js';

/**
 * Bad input through the real job (runner, worker, fake Metabase, outbox): the run fails with an
 * error naming what is wrong and where — shown on the run and in its log — and nothing of it is
 * written: no ledger row, no performance row, no message.
 */

type Row = Record<string, unknown>;
const scenario = () => readFixtureJson<Row[]>('scenarios', 'bj_scenario_A.json');

function nothingWritten(h: CampaignHarness): void {
  const count = (table: string) => (h.server.herald.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  expect({ ledger: count('campaign_ledger'), performance: count('campaign_performance_data'), messages: count('messages') }).toEqual({ ledger: 0, performance: 0, messages: 0 });
}

async function failedRun(h: CampaignHarness, jobId: string, code: string, message: RegExp): Promise<void> {
  const run = await h.run(jobId);
  expect(run.status).toBe('failed');
  expect(run.error).toMatchObject({ code });
  expect(run.error!.message).toMatch(message);
  expect(run.logs.some((l) => l.level === 'error' && message.test(l.message))).toBe(true);
  nothingWritten(h);
}

describe('campaign jobs refuse bad input, writing nothing', () => {
  it('a missing amount names the row, the contract and the column (file-era pipeline)', async () => {
    const h = await campaignHarness();
    const rows = scenario();
    rows[2]!['合同金额(adjustRefundMoney)'] = null;
    h.serveRows(1707, rows, STANDARD_COLUMNS);
    await failedRun(h, 'campaign-bj-2025-06', 'CAMPAIGN_BAD_INPUT', /row 3 \(contract C003\), column 合同金额\(adjustRefundMoney\)/);
  });

  it('a non-numeric amount names the row and the column (database pipeline)', async () => {
    const h = await campaignHarness();
    const rows = readFixtureJson<Row[]>('scenarios', 'bj_oct_scenario.json');
    rows[1]!['合同金额(adjustRefundMoney)'] = '12,000元';
    h.serveRows(1883, rows);
    await failedRun(h, 'campaign-bj-2025-10', 'CAMPAIGN_BAD_INPUT', /row 2 .*column 合同金额\(adjustRefundMoney\)/);
  });

  it('a card missing a column names the card and the columns it needs', async () => {
    const h = await campaignHarness();
    h.serveRows(1707, scenario(), STANDARD_COLUMNS.filter((c) => c !== '签约时间(signedDate)'));
    await failedRun(h, 'campaign-bj-2025-06', 'CAMPAIGN_BAD_INPUT', /Card 1707 returned 16 columns; this campaign reads 17/);
  });

  it('an unknown campaign variant fails its runs naming it, without breaking the catalogue', async () => {
    const h = await campaignHarness({ jobs: { catalogue: { jobs: catalogue, module: CAMPAIGN_CATALOGUE_MODULE } } });
    await failedRun(h, 'campaign-bj-2030-01', 'CAMPAIGN_UNKNOWN_VARIANT', /no campaign variant "BJ-2030-01"/);
  });

  it('a stored configuration that no longer validates fails the run naming the version and the field', async () => {
    const h = await campaignHarness();
    h.serveRows(1707, scenario(), STANDARD_COLUMNS);
    const config = await h.server.call('campaigns.config.get', { variant: 'BJ-2025-06' });
    const broken = structuredClone(config.settings) as { rules: { tiered_rewards: { tiers: Array<{ threshold: number }> } } };
    broken.rules.tiered_rewards.tiers[1]!.threshold = -1;
    // As an older Herald could have stored it: the API itself refuses such a document.
    h.server.herald.db
      .prepare("INSERT INTO campaign_config_versions (variant, version, config_json, author, created_at) VALUES ('BJ-2025-06', 2, ?, 'test', 0)")
      .run(JSON.stringify(broken));
    await failedRun(h, 'campaign-bj-2025-06', 'CAMPAIGN_CONFIG_INVALID', /version 2 of campaign BJ-2025-06 is invalid: rules\.tiered_rewards\.tiers\.1\.threshold/);
  });
});

describe('campaign jobs keep v1’s handling of inputs it accepted, as warnings on the run', () => {
  const count = (h: CampaignHarness, table: string) => (h.server.herald.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const warned = (run: { logs: Array<{ level: string; message: string }> }, message: RegExp) => run.logs.some((l) => l.level === 'warn' && message.test(l.message));

  it('a contract id repeated in one card counts once (its first row); the run succeeds and says so', async () => {
    const h = await campaignHarness();
    const rows = readFixtureJson<Row[]>('scenarios', 'bj_oct_scenario.json');
    const repeated = { ...rows[0]!, '合同金额(adjustRefundMoney)': 99_999 };
    h.serveRows(1883, [...rows, repeated]);
    const run = await h.run('campaign-bj-2025-10');
    expect(run.status).toBe('succeeded');
    expect(run.warnings).toBeGreaterThanOrEqual(1);
    expect(warned(run, new RegExp(`Contract ${String(rows[0]!['合同ID(_id)'])} appears more than once`))).toBe(true);
    const unique = new Set(rows.map((r) => String(r['合同ID(_id)'])));
    expect(count(h, 'campaign_performance_data')).toBe(unique.size);
    const stored = h.server.herald.db.prepare('SELECT contract_amount FROM campaign_performance_data WHERE contract_id = ?').get(String(rows[0]!['合同ID(_id)'])) as { contract_amount: number };
    expect(stored.contract_amount).toBe(Number(rows[0]!['合同金额(adjustRefundMoney)']));
  });

  it('an empty card is nothing to do: the run succeeds with a warning and writes nothing', async () => {
    const h = await campaignHarness();
    h.serveRows(1883, [], Object.keys(readFixtureJson<Row[]>('scenarios', 'bj_oct_scenario.json')[0]!));
    const run = await h.run('campaign-bj-2025-10');
    expect(run.status).toBe('succeeded');
    expect(run.warnings).toBe(1);
    expect(warned(run, /holds no contracts; nothing to do/)).toBe(true);
    nothingWritten(h);
  });
});
