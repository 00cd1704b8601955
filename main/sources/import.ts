import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { HeraldError } from '../shared/errors.js';
import type { CardResult } from './types.js';
import { arraysToCardResult, isObject, looksLikeCardResult, objectsToCardResult, toCardResult } from './card-result.js';
import { parseJson } from './json.js';
import type { SourceRef } from './source-ref.js';

/**
 * Card rows from files, for manual runs, replays and tests — the same CardResult a Metabase query
 * gives, so a job cannot tell the difference:
 * - CSV with a header row (UTF-8, with or without BOM): every value a string, as v1's CSV round trip
 *   gave them (nulls written as empty strings);
 * - JSON: a list of row objects, a list of positional arrays (under a declared column list), or a
 *   raw Metabase answer `{"data": {"cols": […], "rows": […]}}` (or a snapshot `{cols, rows}`).
 * Errors name the file, and the line and column where the file says.
 */

export interface ImportedRows {
  result: CardResult;
  /** The file (and, for CSV, the line of each row) for CardRows' error messages. */
  source: SourceRef;
}

export interface ImportOptions {
  /** The job's column order: listed first (JSON objects), or the names of the positions (arrays). */
  columns?: readonly string[];
  /** Overrides the file's extension when the content comes from elsewhere (an upload, stdin). */
  format?: 'csv' | 'json';
}

export interface CsvRows {
  columns: string[];
  records: Array<Record<string, string>>;
  /** The file line each record ends on (1-based; the header is line 1). */
  lines: number[];
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

/** CSV text with a header → its columns and positional string rows (the shared step of both readers). */
function parseCsvTable(text: string | Buffer, file: string): { columns: string[]; rows: string[][]; lines: number[] } {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parseCsvSync(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof parsed;
  } catch (err) {
    const e = err as CsvParseError;
    const line = e.lines ?? 0;
    const field = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.column === undefined ? '' : `, column ${e.column + 1}`;
    const reason = e.message.replace(/ on line \d+$/, '').replace(/ at line \d+/, '');
    throw new HeraldError('SOURCE_CSV_INVALID', `File ${file}, line ${line}${field}: ${reason}.`, {
      file,
      line,
      ...(field ? { column: (e.column ?? 0) + 1 } : {}),
    }, { cause: err });
  }
  const [header, ...body] = parsed;
  if (!header) return { columns: [], rows: [], lines: [] };
  const columns = header.record;
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined) {
    throw new HeraldError('SOURCE_CSV_INVALID', `File ${file}, line 1: the column "${dup}" appears twice in the header.`, { file, line: 1, column: dup });
  }
  return { columns, rows: body.map((r) => r.record), lines: body.map((r) => r.info.lines) };
}

/** CSV text with a header → string records, as Python's `csv.DictReader` (utf-8-sig) read them. */
export function parseCsvRows(text: string | Buffer, file: string): CsvRows {
  const { columns, rows, lines } = parseCsvTable(text, file);
  return { columns, records: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? '']))), lines };
}

/** CSV text → CardResult of strings; the header gives the column names. */
export function csvToCardResult(text: string | Buffer, file: string): ImportedRows {
  const { columns, rows, lines } = parseCsvTable(text, file);
  return { result: { cols: columns.map((name) => ({ name })), rows }, source: { file, lines } };
}

/** A parsed JSON document → CardResult (see the module comment for the shapes accepted). */
export function jsonToCardResult(value: unknown, file: string, columns: readonly string[] = []): ImportedRows {
  const source: SourceRef = { file };
  if (looksLikeCardResult(value)) return { result: toCardResult(value, source, 'SOURCE_IMPORT_INVALID'), source };
  if (!Array.isArray(value)) {
    throw new HeraldError('SOURCE_IMPORT_INVALID', `File ${file} holds neither a list of rows nor a Metabase answer {"data": {"cols", "rows"}}.`, { file });
  }
  const items: unknown[] = value;
  const arrays = items.length > 0 && Array.isArray(items[0]);
  items.forEach((item, i) => {
    const ok = arrays ? Array.isArray(item) : isObject(item);
    if (!ok) {
      throw new HeraldError(
        'SOURCE_IMPORT_INVALID',
        `File ${file}, row ${i + 1}: expected ${arrays ? 'a list of values like the rows before it' : 'an object of column → value'}, found ${describeJsonType(item)}.`,
        { file, row: i + 1 },
      );
    }
  });
  const result = arrays
    ? arraysToCardResult(items as unknown[][], columns)
    : objectsToCardResult(items as Array<Record<string, unknown>>, columns);
  return { result, source };
}

/** Text of either format → CardResult; `name` is how errors refer to it (a file name). */
export function rowsFromText(text: string | Buffer, name: string, options: ImportOptions = {}): ImportedRows {
  const format = options.format ?? formatOf(name);
  if (format === 'csv') return csvToCardResult(text, name);
  const value = parseJson(typeof text === 'string' ? text : text.toString('utf8'), { file: name });
  return jsonToCardResult(value, name, options.columns);
}

/** Reads a `.csv` or `.json` file of card rows. */
export function readRowsFile(file: string, options: ImportOptions = {}): ImportedRows {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (err) {
    throw new HeraldError('SOURCE_FILE_UNREADABLE', `Cannot read the file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, { file }, { cause: err });
  }
  return rowsFromText(content, file, options);
}

function formatOf(name: string): 'csv' | 'json' {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new HeraldError('SOURCE_IMPORT_FORMAT', `Cannot tell the format of ${name}: use a .csv or .json file.`, { file: name });
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}
