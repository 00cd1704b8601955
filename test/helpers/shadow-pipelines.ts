import type { Db } from '../../main/db/open.js';
import type { PipelineOutput, PipelineSpec } from '../../main/jobs/types.js';
import type { OutboundMessage } from '../../main/outbox/types.js';

/**
 * Small campaign pipelines for shadow tests (the engine's `v1-ledger` / `v1-db` replace them on
 * merge): cumulative totals per housekeeper over the month's contracts, and an announcement for
 * each contract not announced before — remembered in the pipeline's own table, so a sandbox that
 * did not persist would announce everything again. Records and texts match test/fixtures-app/fake-v1.mjs.
 */
export interface Contract {
  id: string;
  housekeeper: string;
  amount: number;
  signedAt: string;
}

export interface CampaignInput {
  campaign: string;
  contracts: Contract[];
}

export interface TestPipelineOptions {
  /** Where the pipeline remembers what it announced. */
  table: string;
  /** Extra fields per record (e.g. a timestamp that differs run to run). */
  extra?: (c: Contract) => Record<string, unknown>;
  /** Changes a record's amount total: an injected difference. */
  skew?: (c: Contract) => number;
  /** A job setting naming a contract whose total is 500 off: a difference injected from outside. */
  skewSetting?: string;
  throws?: string;
}

export function campaignPipeline(id: string, options: TestPipelineOptions): PipelineSpec<CampaignInput> {
  return {
    id,
    description: `test campaign pipeline ${id}`,
    stateScope: [{ table: options.table }],
    run(store: Db, input: CampaignInput, ctx): PipelineOutput {
      if (options.throws) throw new Error(options.throws);
      const skewed = options.skewSetting ? ctx.settings[options.skewSetting] : undefined;
      const skew = (c: Contract) => (options.skew?.(c) ?? 0) + (c.id === skewed ? 500 : 0);
      store.exec(`CREATE TABLE IF NOT EXISTS ${options.table} (contract_id TEXT PRIMARY KEY, announced_at TEXT NOT NULL)`);
      const announced = new Set((store.prepare(`SELECT contract_id FROM ${options.table}`).all() as Array<{ contract_id: string }>).map((r) => r.contract_id));
      const remember = store.prepare(`INSERT INTO ${options.table} (contract_id, announced_at) VALUES (?, ?)`);
      const totals = new Map<string, { count: number; amount: number }>();
      const output: PipelineOutput = { records: [], messages: [], counts: { contracts: 0, announcements: 0 } };
      for (const c of input.contracts) {
        const t = totals.get(c.housekeeper) ?? { count: 0, amount: 0 };
        t.count += 1;
        t.amount += c.amount + skew(c);
        totals.set(c.housekeeper, t);
        output.records.push({
          key: c.id,
          fields: {
            活动编号: input.campaign,
            '合同ID(_id)': c.id,
            '管家(serviceHousekeeper)': c.housekeeper,
            '合同金额(adjustRefundMoney)': c.amount,
            管家累计单数: t.count,
            管家累计金额: t.amount,
            ...(options.extra?.(c) ?? {}),
          },
        });
        if (!announced.has(c.id)) {
          remember.run(c.id, ctx.scheduledAt.toISOString());
          const message: OutboundMessage = {
            businessType: 'campaign.announcement',
            businessId: `${input.campaign}:${c.id}`,
            recipient: 'ops-group',
            content: { kind: 'text', text: `恭喜 ${c.housekeeper} 签约合同 ${c.id}\n\n个人累计签约第 ${t.count} 单，累计 ${t.amount} 元\n` },
          };
          output.messages.push(message);
        }
      }
      output.counts = { contracts: output.records.length, announcements: output.messages.length };
      return output;
    },
  };
}

/** A stand-in for the outbox: the table the live side's messages land in. */
export function testOutbox(db: Db) {
  db.exec('CREATE TABLE IF NOT EXISTS test_outbox (id INTEGER PRIMARY KEY, business_id TEXT NOT NULL, recipient TEXT NOT NULL, text TEXT NOT NULL, job_id TEXT, run_id INTEGER)');
  return {
    enqueue(store: Db, m: OutboundMessage) {
      const info = store
        .prepare('INSERT INTO test_outbox (business_id, recipient, text, job_id, run_id) VALUES (?, ?, ?, ?, ?)')
        .run(m.businessId, m.recipient, m.content.kind === 'text' ? m.content.text : '', m.jobId ?? null, m.runId ?? null);
      return { id: `MSG${info.lastInsertRowid}`, created: true };
    },
    rows: () => db.prepare('SELECT business_id, text FROM test_outbox ORDER BY id').all() as Array<{ business_id: string; text: string }>,
  };
}

/** `n` contracts, one per day of September 2025 from day 1, cycling through three housekeepers. */
export function monthOfContracts(days: number, perDay = 1): Contract[] {
  const names = ['张三', '李四', '王五'];
  const out: Contract[] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < perDay; k++) {
      const i = d * perDay + k;
      out.push({ id: `C${String(i + 1).padStart(4, '0')}`, housekeeper: names[i % 3]!, amount: 5000 + ((i * 7919) % 40) * 1000, signedAt: new Date(Date.UTC(2025, 8, d + 1, 2 + k % 10)).toISOString() });
    }
  }
  return out;
}
