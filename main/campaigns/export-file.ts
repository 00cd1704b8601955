import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';
import { ledgerCsv, ledgerExport } from './export.js';
import { shanghaiDateTime } from '../shared/shanghai-time.js';

/**
 * Ledger exports as files in `<data>/exports/` (v1's columns: `PerformanceData-*.csv` for file-era
 * campaigns, `performance_data` for the database era). The desktop app opens the folder; headless
 * mode hands a file's text to the browser for download (`readExport`: a name inside the folder only).
 */

export const EXPORTS_FOLDER = 'exports';
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface ExportedFile {
  name: string;
  file: string;
  rows: number;
  bytes: number;
}

export function exportLedgerFile(db: Db, dataDir: string, variantId: string, month: string | undefined, now: Date): ExportedFile {
  const exported = ledgerExport(db, variantId, month ? { month } : {});
  const csv = ledgerCsv(exported);
  const stamp = shanghaiDateTime(now).replace(/\D/g, '').replace(/^(\d{8})/, '$1-');
  const name = `${variantId}${month ? `-${month}` : ''}_${stamp}.csv`;
  const dir = path.join(dataDir, EXPORTS_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, csv, 'utf8');
  return { name, file, rows: exported.rows.length, bytes: Buffer.byteLength(csv) };
}

export function readExport(dataDir: string, name: string): string {
  const dir = path.join(dataDir, EXPORTS_FOLDER);
  const file = path.join(dir, name);
  if (path.basename(name) !== name || path.dirname(file) !== dir || !name.endsWith('.csv')) {
    throw new HeraldError('EXPORT_NOT_FOUND', `"${name}" is not an export file name.`, { name });
  }
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new HeraldError('EXPORT_NOT_FOUND', `There is no export named ${name} in ${dir}.`, { name });
  }
  if (size > MAX_DOWNLOAD_BYTES) {
    throw new HeraldError('EXPORT_TOO_LARGE', `The export ${name} is ${Math.round(size / 1048576)} MB; open it from ${dir} instead.`, { name, bytes: size });
  }
  return fs.readFileSync(file, 'utf8');
}
