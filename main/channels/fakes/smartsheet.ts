import { SMARTSHEET_INVALID_DATETIME } from '../wecom-errors.js';

export interface SmartsheetReceipt {
  /** The sheet's name (the last part of the webhook path). */
  sheet: string;
  path: string;
  body: Record<string, unknown>;
  at: number;
  /** What the fake answered (0 = the records were added). */
  errcode: number;
  httpStatus: number;
}

/** A planned answer: an errcode, an HTTP status, or a raw body (e.g. empty, or not JSON). */
export interface SmartsheetAnswer {
  errcode?: number;
  httpStatus?: number;
  body?: string;
}

export interface SmartsheetReply {
  status: number;
  body: string;
}

const DIGITS = /^-?\d+$/;

/**
 * The WeCom smartsheet webhook as the sync jobs meet it (spec §5.5, §7.5): `{schema, add_records}`
 * in, `{"errcode":0,"errmsg":"ok"}` out. Like the real one it refuses a record whose date field is
 * not epoch milliseconds as text (errcode 2022034, "invalid datetime value") once told which fields
 * are dates; answers can also be planned per sheet (errcodes, HTTP statuses, empty or non-JSON bodies).
 */
export class FakeSmartsheet {
  readonly received: SmartsheetReceipt[] = [];
  private readonly planned = new Map<string, SmartsheetAnswer[]>();
  private readonly dateFields = new Map<string, Set<string>>();

  /** The next answers for sheet `sheet` ('*' = any sheet), in order. */
  plan(sheet: string, answers: SmartsheetAnswer[]): void {
    this.planned.set(sheet, [...(this.planned.get(sheet) ?? []), ...answers]);
  }

  /** These field ids of `sheet` are date fields: values must be epoch milliseconds as text. */
  setDateFields(sheet: string, fieldIds: readonly string[]): void {
    this.dateFields.set(sheet, new Set(fieldIds));
  }

  /** Records added (errcode 0), optionally of one sheet. */
  added(sheet?: string): SmartsheetReceipt[] {
    return this.received.filter((r) => r.errcode === 0 && r.httpStatus === 200 && (sheet === undefined || r.sheet === sheet));
  }

  handle(path: string, body: Record<string, unknown>, at: number): SmartsheetReply {
    const sheet = decodeURIComponent(path.split('/').pop() ?? '');
    const queue = this.planned.get(sheet)?.length ? this.planned.get(sheet)! : this.planned.get('*');
    const planned = queue?.shift();
    const record = (errcode: number, httpStatus = 200) => this.received.push({ sheet, path, body, at, errcode, httpStatus });
    if (planned?.httpStatus && planned.httpStatus !== 200) {
      record(-1, planned.httpStatus);
      return { status: planned.httpStatus, body: planned.body ?? JSON.stringify({ errcode: -1, errmsg: 'planned HTTP error' }) };
    }
    if (planned?.body !== undefined) {
      record(0);
      return { status: 200, body: planned.body };
    }
    const errcode = planned?.errcode ?? this.validate(sheet, body);
    record(errcode);
    const errmsg = errcode === 0 ? 'ok' : errcode === SMARTSHEET_INVALID_DATETIME ? 'invalid datetime value' : 'planned error';
    return { status: 200, body: JSON.stringify({ errcode, errmsg }) };
  }

  private validate(sheet: string, body: Record<string, unknown>): number {
    const records = body.add_records;
    if (!Array.isArray(records) || !body.schema || typeof body.schema !== 'object') return 40058;
    const dates = this.dateFields.get(sheet);
    if (!dates) return 0;
    for (const r of records as Array<{ values?: Record<string, unknown> }>) {
      for (const [field, value] of Object.entries(r.values ?? {})) {
        if (dates.has(field) && !(typeof value === 'string' && DIGITS.test(value))) return SMARTSHEET_INVALID_DATETIME;
      }
    }
    return 0;
  }
}
