import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate.js';
import type { Db } from '../../../main/db/open.js';
import { inTransaction, openDatabase } from '../../../main/db/open.js';
import type { PipelineContext, PipelineOutput } from '../../../main/jobs/types.js';
import { createLogger } from '../../../main/logging/logger.js';
import type { ContractRow } from '../../../main/campaigns/index.js';
import { ANNOUNCEMENT, AWARD, createPipeline, ledgerExport } from '../../../main/campaigns/index.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { scenarioInput } from '../../helpers/campaign-scenarios.js';
import { tempDir } from '../../helpers/tmp.js';

/** Pipelines run as the job runner runs them: a real SQLite file, one transaction per run. */

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function store(): Db {
  const db = openDatabase(path.join(tempDir(), 'herald.sqlite'));
  migrate(db);
  open.push(db);
  return db;
}

function context(runId: number, settings: Record<string, unknown> = {}, scheduledAt = new Date('2025-09-30T02:00:00Z')): PipelineContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    jobId: 'campaign-test',
    runId,
    scheduledAt,
    settings,
    log: createLogger('test'),
    progress: () => undefined,
    warn: (m) => warnings.push(m),
    warnings,
  };
}

function run(db: Db, variant: string, rows: ContractRow[], ctx: PipelineContext, pipeline?: 'v1-ledger' | 'v1-db'): PipelineOutput {
  const spec = createPipeline(variant, pipeline);
  return inTransaction(db, () => spec.run(db, rows, ctx));
}

function withValue(rows: ContractRow[], index: number, column: string, value: string | number | null): ContractRow[] {
  return rows.map((r, i) => (i === index ? { values: { ...r.values, [column]: value } } : r));
}

describe.each([
  ['SH-2025-04', 'v1-ledger'],
  ['SH-2025-09@new', 'v1-db'],
] as const)('%s (%s) over a real store', (variant, _pipeline) => {
  it('announces each contract once however often the cumulative list is processed', () => {
    const db = store();
    const rows = scenarioInput('sh_scenario_A.json');
    const first = run(db, variant, rows, context(1));
    expect(first.records).toHaveLength(12);
    expect(first.messages.filter((m) => m.businessType === ANNOUNCEMENT)).toHaveLength(12);
    const again = run(db, variant, rows, context(2));
    expect(again.records).toEqual([]);
    expect(again.messages).toEqual([]);
    expect(again.counts['existing']).toBe(12);
  });

  it('gives every message its business identity: type, activity code + contract id, logical recipient', () => {
    const db = store();
    const out = run(db, variant, scenarioInput('sh_scenario_A.json'), context(1));
    const first = out.messages[0]!;
    const code = variant === 'SH-2025-04' ? 'SH-2025-04' : 'SH-SEP';
    expect(first).toMatchObject({ businessType: ANNOUNCEMENT, businessId: `${code}:C101`, recipient: 'sh-ops-group', jobId: 'campaign-test', runId: 1 });
    const award = out.messages.find((m) => m.businessType === AWARD)!;
    expect(award.recipient).toBe('campaign-contact-sh');
    expect(award.businessId).toMatch(new RegExp(`^${code}:C1\\d\\d$`));
    expect(out.summary).toEqual({ key: 'campaigns:summary.run', params: { records: 12, announcements: 12, awards: out.counts['awards']! } });
  });

  it('refuses a non-numeric amount, naming the row and column, and writes nothing', () => {
    const db = store();
    const rows = scenarioInput('sh_scenario_A.json');
    run(db, variant, rows.slice(0, 3), context(1));
    const before = ledgerExport(db, variant).rows.length;
    const bad = withValue(rows, 7, '合同金额(adjustRefundMoney)', 'abc');
    let error: unknown;
    try {
      run(db, variant, bad, context(2));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as HeraldError).code).toBe('CAMPAIGN_BAD_INPUT');
    expect((error as HeraldError).message).toMatch(/row 8 \(contract C108\), column 合同金额\(adjustRefundMoney\): the amount is not a number: "abc"/);
    expect(ledgerExport(db, variant).rows.length).toBe(before);
    expect(run(db, variant, rows, context(3)).records).toHaveLength(9);
  });

  it('refuses a missing amount', () => {
    const db = store();
    const bad = withValue(scenarioInput('sh_scenario_A.json'), 2, '合同金额(adjustRefundMoney)', null);
    expect(() => run(db, variant, bad, context(1))).toThrow(/row 3 \(contract C103\), column 合同金额\(adjustRefundMoney\): the amount is empty/);
    expect(ledgerExport(db, variant).rows).toEqual([]);
  });

  it('counts a repeated contract id once and reports it', () => {
    const db = store();
    const rows = scenarioInput('sh_scenario_A.json');
    const ctx = context(1);
    const out = run(db, variant, [...rows.slice(0, 4), rows[1]!, ...rows.slice(4)], ctx);
    expect(out.records.map((r) => r.key)).toEqual(rows.map((r) => r.values['合同ID(_id)']));
    expect(out.counts['duplicates']).toBe(1);
    expect(ctx.warnings.join('\n')).toMatch(/Contract C102 appears more than once in the input \(row 5\)/);
  });

  it('does nothing for an empty list, and says so', () => {
    const db = store();
    const ctx = context(1);
    const out = run(db, variant, [], ctx);
    expect(out.records).toEqual([]);
    expect(out.messages).toEqual([]);
    expect(ctx.warnings).toEqual(['The input holds no contracts; nothing to do.']);
  });
});

describe('campaign pipelines: inputs v1 refused', () => {
  it('refuses a legacy row without one of the card columns', () => {
    const db = store();
    const rows = scenarioInput('bj_scenario_A.json').map((r, i) => {
      if (i !== 4) return r;
      const { ['签约时间(signedDate)']: _gone, ...rest } = r.values;
      return { values: rest };
    });
    expect(() => run(db, 'BJ-2025-06', rows, context(1))).toThrow(/row 5 \(contract C005\), column 签约时间\(signedDate\): the column is missing/);
  });

  it('refuses a database row without a contract id, housekeeper column or readable performance amount', () => {
    const db = store();
    const noId = withValue(scenarioInput('bj_oct_scenario.json'), 3, '合同ID(_id)', '');
    expect(() => run(db, 'BJ-2025-10', noId, context(1))).toThrow(/row 4, column 合同ID\(_id\): the contract id is missing/);
    const noHousekeeper = scenarioInput('bj_oct_scenario.json').map((r, i) => {
      if (i !== 1) return r;
      const { ['管家(serviceHousekeeper)']: _gone, ...rest } = r.values;
      return { values: rest };
    });
    expect(() => run(db, 'BJ-2025-10', noHousekeeper, context(1))).toThrow(/row 2 \(contract C202\), column 管家\(serviceHousekeeper\): the column is missing/);
    // The broadcast sorts by signed date; the error still names the input row.
    const badPerformance = withValue(scenarioInput('broadcast_scenario_batch2.json'), 4, '计入业绩金额', 'n/a');
    expect(() => run(db, 'BJ-PERFORMANCE-BROADCAST', badPerformance, context(1))).toThrow(/row 5 \(contract C406\), column 计入业绩金额: the amount is not a number: "n\/a"/);
    expect(ledgerExport(db, 'BJ-2025-10').rows).toEqual([]);
  });

  it('refuses SH September rows whose order type is not a whole number (v1 aborted the job)', () => {
    const db = store();
    const rows = withValue(scenarioInput('sh_scenario_A.json'), 1, '工单类型(sourceType)', '');
    expect(() => run(db, 'SH-2025-09', rows, context(1))).toThrow(/row 2 \(contract C102\), column 工单类型\(sourceType\): the order type must be a whole number/);
  });

  it('refuses negative amounts in the legacy reward function, as v1 did', () => {
    const db = store();
    const rows = withValue(scenarioInput('bj_scenario_A.json'), 0, '合同金额(adjustRefundMoney)', -500);
    expect(() => run(db, 'BJ-2025-04', rows, context(1))).toThrow(HeraldError);
  });

  it('refuses a fix name it does not know', () => {
    const db = store();
    expect(() => run(db, 'SH-2025-10', scenarioInput('sh_scenario_A.json'), context(1, { fixes: ['fixEverything'] }))).toThrow(/unknown quirk fix/);
  });

  it('refuses a pipeline a variant does not have', () => {
    expect(() => createPipeline('BJ-2025-10', 'v1-ledger')).toThrow(/BJ-2025-10 has no v1-ledger pipeline/);
  });
});

describe('campaign pipelines: months and twins', () => {
  it('takes the monthly activity code of the broadcasts from the Asia/Shanghai month of the run', () => {
    const db = store();
    const out = run(db, 'BJ-SIGN-BROADCAST', scenarioInput('broadcast_scenario.json'), context(1, {}, new Date('2026-04-30T16:30:00Z')));
    expect(out.records[0]!.fields['活动编号']).toBe('BJ-SIGN-BROADCAST-2026-05');
    expect(out.messages[0]!.businessId).toBe('BJ-SIGN-BROADCAST-2026-05:C401');
    expect(out.messages[0]!.recipient).toBe('sign-broadcast-group');
  });

  it('runs September through the database pipeline when asked, sharing the activity code', () => {
    const db = store();
    const ledger = run(db, 'SH-2025-09', scenarioInput('sh_scenario_A.json'), context(1), 'v1-ledger');
    const database = run(db, 'SH-2025-09', scenarioInput('sh_scenario_A.json'), context(1), 'v1-db');
    expect(database.records[0]!.fields['活动编号']).toBe('SH-SEP');
    expect(database.messages.map((m) => m.businessId)).toEqual(ledger.messages.map((m) => m.businessId));
  });
});
