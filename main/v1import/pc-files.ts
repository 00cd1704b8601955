import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { LEDGER_HEADERS } from '../campaigns/input/columns.js';
import { HeraldError } from '../shared/errors.js';
import type { Campaign } from '../campaigns/index.js';
import { campaignOfMonth, monthNumber } from './campaigns.js';
import type { LedgerContract } from './contracts.js';
import type { Planner } from './planner.js';

/**
 * A v1 working folder of the PC era (spec §8.1): its files in the folder itself or in `state/`.
 * File names say city and month (`PerformanceData-BJ-Sep.csv`, `send_status_shanghai_sep.json`);
 * copies with a suffix (`PerformanceData-SH-May_01.csv`) count too.
 */
export interface PcFiles {
  ledgers: Array<{ file: string; city: 'BJ' | 'SH'; month: string }>;
  sendStatus: Array<{ file: string; city: 'BJ' | 'SH'; month: string }>;
  technicianRecords: string[];
  tasksDb: string[];
  performanceDb: string[];
}

const LEDGER = /^PerformanceData-(BJ|SH)-([A-Za-z]+)(?:[-_. ].*)?\.csv$/i;
const SEND_STATUS = /^send_status_(bj|sh|shanghai)_([A-Za-z]+)(?:[-_. ].*)?\.json$/i;
const TECHNICIAN = /^technician_status_record(?:[-_. ].*)?\.json$/i;
const TASKS = /^tasks(?:[-_. ].*)?\.db$/i;
const PERFORMANCE_DB = /^performance_data(?:[-_. ].*)?\.db$/i;

export function findPcFiles(dir: string): PcFiles {
  const found: PcFiles = { ledgers: [], sendStatus: [], technicianRecords: [], tasksDb: [], performanceDb: [] };
  for (const folder of [dir, path.join(dir, 'state')]) {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      const file = path.join(folder, name);
      let m: RegExpExecArray | null;
      if ((m = LEDGER.exec(name))) found.ledgers.push({ file, city: m[1]!.toUpperCase() as 'BJ' | 'SH', month: m[2]! });
      else if ((m = SEND_STATUS.exec(name))) found.sendStatus.push({ file, city: m[1]!.toLowerCase() === 'bj' ? 'BJ' : 'SH', month: m[2]! });
      else if (TECHNICIAN.test(name)) found.technicianRecords.push(file);
      else if (TASKS.test(name)) found.tasksDb.push(file);
      else if (PERFORMANCE_DB.test(name)) found.performanceDb.push(file);
    }
  }
  return found;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HeraldError('V1_IMPORT_UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
}

/** A JSON object of v1's state files (`{id: "发送成功"}`); anything else stops the import. */
export function readStateJson(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (err) {
    throw new HeraldError('V1_IMPORT_BAD_FILE', `${path.basename(file)} is not valid JSON: ${(err as Error).message}`, { file });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HeraldError('V1_IMPORT_BAD_FILE', `${path.basename(file)} should hold a JSON object of ids.`, { file });
  }
  return value as Record<string, unknown>;
}

/** The campaign a PC file's city and month name (`BJ`, `Sep`), or why there is none (skipped). */
function campaignOfFile(name: string, city: 'BJ' | 'SH', month: string, planner: Planner): Campaign | undefined {
  const n = monthNumber(month);
  const campaign = n === undefined ? undefined : campaignOfMonth(city, n);
  if (!campaign) planner.skip(name, `no Herald campaign for ${city} ${month} 2025`);
  return campaign;
}

/**
 * The ledger CSVs as contracts, one per (campaign, contract id): the first row seen gives the cells
 * (in the order of the campaign's ledger header; a column the file lacks is left empty), and the
 * contract counts as announced when any copy flags it.
 */
export function readLedgers(files: PcFiles['ledgers'], planner: Planner): LedgerContract[] {
  const contracts = new Map<string, LedgerContract>();
  for (const { file, city, month } of files) {
    const name = path.basename(file);
    const campaign = campaignOfFile(name, city, month, planner);
    if (!campaign) continue;
    if (!campaign.variant.legacy) {
      planner.skip(name, `${campaign.variant.id} keeps its state in performance_data.db, not in a ledger CSV`);
      continue;
    }
    let rows: Array<Record<string, string>>;
    try {
      rows = parse(readText(file), { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    } catch (err) {
      throw new HeraldError('V1_IMPORT_BAD_FILE', `${name} is not a readable CSV file: ${(err as Error).message}`, { file });
    }
    const header = campaign.variant.legacy.header;
    const columns = LEDGER_HEADERS[header];
    const present = new Set(Object.keys(rows[0] ?? {}));
    if (rows.length && !present.has('合同ID(_id)')) throw new HeraldError('V1_IMPORT_BAD_FILE', `${name} has no 合同ID(_id) column: not a v1 ledger.`, { file });
    const missing = columns.filter((c) => !present.has(c));
    if (rows.length && missing.length) planner.plan.notes.push(`${name}: columns ${missing.join(', ')} are missing (left empty)`);
    planner.plan.files.push(file);
    const activityCode = campaign.variant.activityCode;
    for (const row of rows) {
      const contractId = (row['合同ID(_id)'] ?? '').trim();
      if (!contractId) continue;
      const key = `${activityCode}\u0000${contractId}`;
      const flagged = row['是否发送通知'] === 'Y';
      const held = contracts.get(key);
      if (held) {
        held.flagged ||= flagged;
        continue;
      }
      contracts.set(key, {
        campaign,
        activityCode,
        contractId,
        header,
        cells: columns.map((c) => row[c] ?? ''),
        docNumber: (row['合同编号(contractdocNum)'] ?? '').trim(),
        flagged,
        historical: row['是否历史合同'] === 'Y',
        awarded: row['激活奖励状态'] === '1',
        source: name,
      });
    }
  }
  return [...contracts.values()];
}

/** The send_status files: contracts v1 marked 发送成功 flag their ledger row; ids without one are recorded by id. */
export function readSendStatus(files: PcFiles['sendStatus'], contracts: readonly LedgerContract[], planner: Planner): Array<{ contract: Omit<LedgerContract, 'cells' | 'header' | 'docNumber'>; file: string }> {
  const orphans: Array<{ contract: Omit<LedgerContract, 'cells' | 'header' | 'docNumber'>; file: string }> = [];
  for (const { file, city, month } of files) {
    const name = path.basename(file);
    const campaign = campaignOfFile(name, city, month, planner);
    if (!campaign) continue;
    planner.plan.files.push(file);
    const activityCode = campaign.variant.activityCode;
    for (const [id, state] of Object.entries(readStateJson(file))) {
      if (state !== '发送成功') continue;
      const contract = contracts.find((c) => c.activityCode === activityCode && c.contractId === id);
      if (contract) contract.flagged = true;
      else orphans.push({ contract: { campaign, activityCode, contractId: id, flagged: true, historical: false, awarded: false, source: name }, file });
    }
  }
  return orphans;
}
