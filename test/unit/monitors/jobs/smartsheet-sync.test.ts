import { describe, expect, it } from 'vitest';
import { isHeraldError } from '../../../../main/shared/errors.js';
import { MONITOR_JOBS } from '../../../../main/monitors/definitions.js';
import { card, monitorStore, runMonitor } from '../../../helpers/monitors.js';

const PROJECT = 'smartsheet-project-settlement';
const cols = ['contractdocNum', 'address', 'contactsName', 'signedDate', '结算状态', '班组名称'];
const values = (run: ReturnType<typeof runMonitor>) => run.output.messages.map((m) => (m.content.kind === 'smartsheet' ? (m.content.payload.add_records as Array<{ values: Record<string, unknown> }>)[0]?.values : undefined));

describe('smartsheet syncs: add-only, de-duplicated by identity (v1 vectors §7.5)', () => {
  it('a rerun adds nothing; a change of a non-identity column adds nothing; a change of identity adds a row', () => {
    const store = monitorStore();
    const first = runMonitor(store, PROJECT, card(cols, [['HT001', '路1号', '王女士', '2026-08-17', '已发起', '刘振海']]), '2026-06-25T13:00:00+08:00');
    expect(values(first)).toEqual([{ f04Gwj: 'HT001', ftQMc5: '路1号', ftk5Tx: '王女士', f8xImK: [{ text: '刘振海' }], f28Fkl: [{ text: '已发起' }] }]);
    expect(first.output.messages[0]).toMatchObject({ businessType: 'smartsheet.project-settlement', recipient: 'smartsheet:project-settlement', delivery: { pacingMs: 200, success: 'smartsheet' } });
    expect(runMonitor(store, PROJECT, card(cols, [['HT001', '路1号', '王女士', '2026-08-17', '已发起', '刘振海']]), '2026-06-25T13:30:00+08:00').output.messages).toEqual([]);
    expect(runMonitor(store, PROJECT, card(cols, [['HT001', '路1号', '王女士', '2026-08-17', '已结算', '刘振海']]), '2026-06-25T14:00:00+08:00').output.messages).toEqual([]);
    expect(runMonitor(store, PROJECT, card(cols, [['HT001', '路1号', '王女士', '2026-08-18', '已结算', '刘振海']]), '2026-06-25T14:30:00+08:00').output.messages).toHaveLength(1);
  });

  it('records pacing and the smartsheet success rule per job (payment records 1.5 s)', () => {
    expect(MONITOR_JOBS['smartsheet-payment-records']?.delivery).toEqual({ pacingMs: 1500, success: 'smartsheet' });
    expect(MONITOR_JOBS['smartsheet-material-replenishment']?.delivery).toEqual({ pacingMs: 200, success: 'smartsheet' });
    const input = card(['contractCode', 'payPrice', 'auditstate2Time'], [['HT1', '5', '2026-04-13']]);
    const run = runMonitor(monitorStore(), 'smartsheet-payment-records', input, '2026-04-20T16:00:00+08:00');
    expect(run.output.messages[0]?.delivery).toEqual({ pacingMs: 1500, success: 'smartsheet' });
    // The office may slow a table down: the job's pacing setting travels with its messages.
    const slower = runMonitor(monitorStore(), 'smartsheet-payment-records', input, '2026-04-20T16:00:00+08:00', { pacingMs: 3000 });
    expect(slower.output.messages[0]?.delivery).toEqual({ pacingMs: 3000, success: 'smartsheet' });
  });

  it('a date v1 could not represent: Herald leaves the field out and warns; v1 stopped the whole run', () => {
    const completion = 'smartsheet-contract-completion';
    const input = card(['contractdocNum', 'endDateExts'], [['HT1', '2026-04-12'], ['HT2', '999999999999']]);
    const herald = runMonitor(monitorStore(), completion, input, '2026-08-09T22:00:00+08:00');
    expect(values(herald)).toEqual([{ fDeUpD: 'HT1', f2fKLq: '1775923200000' }]);
    expect(herald.warnings.some((w) => /row 2: timestamp 999999999999 is out of range/.test(w.message))).toBe(true);
    const v1 = runMonitor(monitorStore(), completion, input, '2026-08-09T22:00:00+08:00', {}, 'v1-abort');
    expect(v1.output.messages).toEqual([]);
    expect(v1.abort?.error).toMatch(/row 2/);
  });

  it('an infinite amount: Herald leaves it out; v1 queued a payload it could never post', () => {
    const input = card(['contractCode', 'payPrice', 'auditstate2Time'], [['HT1', 'inf', '2026-04-13']]);
    expect(values(runMonitor(monitorStore(), 'smartsheet-payment-records', input, '2026-04-20T16:00:00+08:00'))).toEqual([{ fi9MN0: 'HT1', fBaRQ1: '1776009600000' }]);
    const store = monitorStore();
    expect(runMonitor(store, 'smartsheet-payment-records', input, '2026-04-20T16:00:00+08:00', {}, 'v1-abort').output.messages).toEqual([]);
    expect(store.prepare('SELECT COUNT(*) AS n FROM monitor_notified').get()).toEqual({ n: 1 });
  });

  it('warns about amounts and dates it cannot read, naming row and column, and leaves them out as v1 did', () => {
    const run = runMonitor(monitorStore(), 'smartsheet-payment-records', card(['contractCode', 'payPrice', 'auditstate2Time'], [['HT1', 'abc', 'N/A'], ['HT2', '', null]]), '2026-04-20T16:00:00+08:00');
    expect(values(run)).toEqual([{ fi9MN0: 'HT1' }, { fi9MN0: 'HT2' }]);
    expect(run.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Card 2017: 1 row\(s\) with unreadable numbers or dates — row 1 \(payPrice, auditstate2Time\)/)]);
  });

  it('a card without the primary column is an error naming it', () => {
    let error: unknown;
    try {
      runMonitor(monitorStore(), 'smartsheet-material-replenishment', card(['name', 'count'], [['石膏板', 1]]), '2026-06-28T12:30:00+08:00');
    } catch (err) {
      error = err;
    }
    expect(isHeraldError(error) && error.context).toMatchObject({ card: 2081, columns: 'contractNum or 合同编号' });
  });
});
