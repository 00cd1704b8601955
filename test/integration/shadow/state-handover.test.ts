import { afterEach, describe, expect, it } from 'vitest';
import type { Herald } from '../../../main/core/herald.js';
import type { Db } from '../../../main/db/open.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { getShadowJob, rollback, setMode } from '../../../main/shadow/modes.js';
import { scenarioInput } from '../../helpers/campaign-scenarios.js';
import { outboxRows, runWithInput, shadowRunOf, startShadowHerald } from '../../helpers/shadow/herald.js';
import { tempDir } from '../../helpers/tmp.js';

const SH = 'campaign-sh-2025-09';
const BJ = 'campaign-bj-2025-09';

const opened: Herald[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

/** Every row of both campaign tables but Shanghai September's, as stored (ids included). */
function otherCampaigns(db: Db) {
  return {
    ledger: db.prepare("SELECT * FROM campaign_ledger WHERE activity_code != 'SH-SEP' ORDER BY id").all(),
    performance: db.prepare("SELECT * FROM campaign_performance_data WHERE activity_code != 'SH-SEP' ORDER BY id").all(),
  };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE activity_code = 'SH-SEP'`).get() as { n: number }).n;

describe('state handover on promotion and rollback, by scope', () => {
  it('moves only Shanghai September’s rows between live and sandbox; other campaigns’ rows are untouched; nothing is announced twice', async () => {
    const clock = new ManualClock(Date.parse('2025-09-30T02:00:00Z'));
    const { herald, jobs } = await startShadowHerald(tempDir(), clock);
    opened.push(herald);
    const { db } = herald;
    // Other campaigns in the same tables: Beijing September (a run of its own job), July's ledger, October's database rows.
    expect((await runWithInput(jobs, BJ, scenarioInput('bj_sep_scenario.json'))).status).toBe('succeeded');
    db.prepare("INSERT INTO campaign_ledger (activity_code, contract_id, header, row_json, created_at) VALUES ('BJ-2025-07', 'J1', 'h', '[]', 't')").run();
    db.prepare("INSERT INTO campaign_performance_data (activity_code, contract_id, housekeeper, contract_amount, performance_amount, created_at, updated_at) VALUES ('SH-OCT', 'O1', '王五', 1, 1, 't', 't')").run();
    const others = otherCampaigns(db);
    expect(others.ledger.length).toBeGreaterThan(5);

    setMode(db, clock, { jobId: SH, mode: 'shadow', candidatePipeline: 'v1-db', reason: 'shadow', actor: 'api' });
    const shadowRun = await runWithInput(jobs, SH, scenarioInput('sh_scenario_A.json'));
    expect(shadowRun.status).toBe('succeeded');
    expect([count(db, 'campaign_ledger'), count(db, 'campaign_performance_data')]).toEqual([12, 0]);
    const announced = outboxRows(db).length;

    setMode(db, clock, { jobId: SH, mode: 'candidate', reason: 'promote', actor: 'ui' });
    clock.advance(180_000);
    const promoted = await runWithInput(jobs, SH, scenarioInput('sh_scenario_A.json'));
    expect(promoted).toMatchObject({ status: 'succeeded', mode: 'candidate', pipeline: 'v1-db', messages_new: 0, records: 0 });
    // The ledger verified beside it in its sandbox, from the state it handed over: nothing new either.
    expect(shadowRunOf(db, SH, promoted.id)).toMatchObject({ consistent: true, control: { store: 'sandbox', records: 0 }, candidate: { store: 'live', records: 0 } });
    expect([count(db, 'campaign_ledger'), count(db, 'campaign_performance_data')]).toEqual([0, 12]);
    expect(getShadowJob(db, SH)!.stateHolder).toBe('v1-db');
    expect(otherCampaigns(db)).toEqual(others);

    rollback(db, clock, SH, 'back to the ledger', 'tray');
    clock.advance(180_000);
    const rolledBack = await runWithInput(jobs, SH, scenarioInput('sh_scenario_A.json'));
    expect(rolledBack).toMatchObject({ status: 'succeeded', mode: 'control', pipeline: 'v1-ledger', messages_new: 0, records: 0 });
    expect([count(db, 'campaign_ledger'), count(db, 'campaign_performance_data')]).toEqual([12, 0]);
    expect(getShadowJob(db, SH)!.stateHolder).toBe('v1-ledger');
    expect(otherCampaigns(db)).toEqual(others);
    expect(outboxRows(db)).toHaveLength(announced);
  }, 120_000);
});
