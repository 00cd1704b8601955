import { openDatabase } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';
import type { Campaign } from '../campaigns/index.js';
import { ANNOUNCEMENT, AWARD, campaignNotification } from './campaigns.js';
import type { Planner } from './planner.js';
import type { ImportedStatus } from './types.js';
import { v1Time } from './v1-time.js';

/**
 * The PC era's task queue (`tasks.db`, spec §5.1): every WeCom group and WeChat message v1 queued,
 * with its text and `pending` / `completed`. A completed task was sent; a pending one may or may
 * not have been (v1 marked it after the GUI send) — it becomes `unknown` for a person to confirm,
 * never sent blindly.
 */
export interface V1Task {
  id: number;
  taskType: string;
  recipient: string;
  message: string;
  status: string;
  createdAt: string | null;
}

export function readTasks(file: string): V1Task[] {
  const db = openDatabase(file, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tasks'").get();
    if (!table) throw new HeraldError('V1_IMPORT_UNREADABLE', `${file} has no tasks table (is it v1's tasks.db?).`, { file });
    return db
      .prepare('SELECT id, task_type AS taskType, recipient, message, status, created_at AS createdAt FROM tasks ORDER BY id')
      .all() as V1Task[];
  } finally {
    db.close();
  }
}

/** The contract number an announcement or award text names (`签约合同 YHWX-SH-WWFS-2025040001`). */
export function taskDocNumber(message: string): string | undefined {
  return /签约合同\s*([A-Za-z0-9][A-Za-z0-9_-]*)/.exec(message)?.[1];
}

export interface ContractRef {
  campaign: Campaign;
  activityCode: string;
  contractId: string;
}

/** Contracts by their contract number (`合同编号`), to attribute v1's task texts. */
export type DocIndex = Map<string, ContractRef[]>;

/**
 * Each task as a notification: a campaign announcement (group) or award (WeChat) of the contract
 * its text names — the identity Herald's campaign job uses — or, when no imported contract has that
 * number, a `v1.task` message kept for the record.
 */
export function planTasks(tasks: readonly V1Task[], docs: DocIndex, planner: Planner, source: string, now: number): void {
  for (const t of tasks) {
    const status: ImportedStatus = t.status === 'completed' ? 'sent' : 'unknown';
    const at = v1Time(t.createdAt, 'shanghai', now);
    const detail = `v1 task #${t.id}: ${t.taskType} to ${t.recipient}, ${t.status}`;
    const content = { kind: 'text' as const, text: t.message };
    const doc = taskDocNumber(t.message);
    const candidates = doc ? (docs.get(doc) ?? []) : [];
    // A number seen in two campaigns: the one of the task's month.
    const ref = candidates.find((c) => c.campaign.variant.month === (t.createdAt ?? '').slice(0, 7)) ?? candidates[0];
    const evidence = { status, at, source: `${source} #${t.id}`, evidence: 'record' as const, content, detail };
    if (ref) {
      planner.notify(campaignNotification(ref.campaign, ref.activityCode, ref.contractId, t.taskType === 'send_wechat_message' ? AWARD : ANNOUNCEMENT, evidence));
      continue;
    }
    planner.notify({
      jobId: null,
      businessType: 'v1.task',
      businessId: `tasks.db:${t.id}`,
      recipient: t.taskType === 'send_wechat_message' ? `wechat:${t.recipient}` : `wecom-chat:${t.recipient}`,
      ...evidence,
    });
  }
}
