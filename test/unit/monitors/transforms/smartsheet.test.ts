import { describe, expect, it } from 'vitest';
import { sheetDateTime, sheetDrafts, sheetMultiText, sheetNumber, sheetText } from '../../../../main/monitors/transforms/smartsheet.js';
import { SMARTSHEET_TABLES } from '../../../../main/monitors/transforms/smartsheet-tables.js';
import { card, cardOf } from '../../../helpers/monitors.js';

const valuesOf = (table: keyof typeof SMARTSHEET_TABLES, columns: string[], row: Record<string, unknown>) => {
  const [draft] = sheetDrafts(cardOf(columns, [row]), SMARTSHEET_TABLES[table]).drafts;
  const payload = draft?.content.kind === 'smartsheet' ? draft.content.payload : {};
  return payload as { schema: Record<string, string>; add_records: Array<{ values: Record<string, unknown> }> };
};

describe('smartsheet field conversions (spec §7.5)', () => {
  it('converts text, numbers and multi-text as v1 did', () => {
    expect(sheetText('  王管家 ')).toBe('王管家');
    expect(sheetText(13900704671)).toBe('13900704671');
    expect(sheetText(null)).toBe('');
    expect(sheetNumber('1,200.5')).toBe(1200.5);
    expect(sheetNumber('9999')).toBe(9999);
    expect(sheetNumber(new Number(3))).toBe(3);
    expect(sheetNumber('abc')).toBeUndefined();
    expect(sheetNumber('')).toBeUndefined();
    expect(sheetMultiText('外墙、阳台；屋面/厨房')).toEqual([{ text: '外墙' }, { text: '阳台' }, { text: '屋面' }, { text: '厨房' }]);
    expect(sheetMultiText(' ')).toEqual([]);
    expect(sheetMultiText(['王五', { text: '张三' }, ''])).toEqual([{ text: '王五' }, { text: '张三' }]);
  });

  it('converts date-times to epoch-millisecond strings, naive values in Asia/Shanghai (v1 vectors §7.5)', () => {
    expect(sheetDateTime('2026-04-12')).toBe('1775923200000');
    expect(sheetDateTime('1735660800000')).toBe('1735660800000');
    expect(sheetDateTime('2026-04-13 09:00:00')).toBe('1776042000000');
    expect(sheetDateTime('2026-04-16 20:13:28')).toBe('1776341608000');
    expect(sheetDateTime('2026-04-12T10:30:00Z')).toBe(String(Date.parse('2026-04-12T10:30:00Z')));
    expect(sheetDateTime('2026/04/12')).toBe('1775923200000');
    expect(sheetDateTime(1789152238)).toBe('1789152238000');
    expect(sheetDateTime('1,783,590,690,000')).toBe('1783590690000');
    expect(sheetDateTime('2026/05/12 16:29')).toBeUndefined();
    expect(sheetDateTime('N/A')).toBeUndefined();
  });
});

describe('smartsheet tables (v1 vectors §7.5)', () => {
  it('project settlement', () => {
    const payload = valuesOf('project-settlement', ['contractdocNum', 'serviceHousekeeper', '项目用工数', '班组名称', '是否发起预结单', '结算状态', 'adjustRefundMoney', 'warrantyYears'], {
      contractdocNum: 'HT001', serviceHousekeeper: '王管家', 项目用工数: '3', 班组名称: '刘振海', 是否发起预结单: '已发起', 结算状态: '已发起', adjustRefundMoney: '9999', warrantyYears: '5',
    });
    expect(payload.schema).toMatchObject({ f04Gwj: '合同编号', foyhkS: '管家' });
    expect(payload.add_records[0]?.values).toMatchObject({
      f04Gwj: 'HT001', foyhkS: '王管家', fMqDX0: 3, f8xImK: [{ text: '刘振海' }], fESKNz: [{ text: '已发起' }], fStRfT: 9999, fl2HuS: 5,
    });
  });

  it('contract completion, including the nested column exts.endDateExts shown as endDateExts', () => {
    expect(valuesOf('contract-completion', ['contractdocNum', 'endDateExts'], { contractdocNum: 'HT1', endDateExts: '2026-04-12' }).add_records[0]?.values.f2fKLq).toBe('1775923200000');
    const nested = { cols: [{ name: 'contractdocNum' }, { name: 'exts.endDateExts', display_name: 'endDateExts' }], rows: [['HT2', '2026-03-27']] };
    const [draft] = sheetDrafts(nested, SMARTSHEET_TABLES['contract-completion']).drafts;
    expect(draft?.content).toMatchObject({ payload: { add_records: [{ values: { fDeUpD: 'HT2', f2fKLq: '1774540800000' } }] } });
  });

  it('payment records: amount, time, and rows without a contract code skipped', () => {
    const table = SMARTSHEET_TABLES['payment-records'];
    const result = sheetDrafts(card(['contractCode', 'payPrice', 'auditstate2Time'], [['HT1', '1200.5', '2026-04-13 09:00:00'], ['', '5', '2026-04-13']]), table);
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]?.content).toMatchObject({ payload: { add_records: [{ values: { fi9MN0: 'HT1', fO4cAe: 1200.5, fBaRQ1: '1776042000000' } }] } });
    expect(result.skipped).toEqual([{ row: 1, column: 'contractCode', message: 'no primary value' }]);
    expect(table.pacingMs).toBe(1500);
  });

  it('crew settlement ledger', () => {
    const columns = ['serviceAppointmentNum', 'contractdocNum', 'adjustRefundMoney', '工队预结金额', 'signedDate', '邮件完工时间'];
    const values = valuesOf('crew-settlement-ledger', columns, {
      serviceAppointmentNum: 'GD001', contractdocNum: 'HT001', adjustRefundMoney: '19999.5', 工队预结金额: '8000', signedDate: '2026-04-01', 邮件完工时间: '2026-04-12 18:30:00',
    }).add_records[0]?.values;
    expect(values).toMatchObject({ f8Ry3L: 'GD001', fSrE1M: 'HT001', fyMWu1: 19999.5, fRYz36: 8000, ftHROL: '1774972800000', fsJj7A: '1775989800000' });
    expect(sheetDrafts(cardOf(columns, [{ serviceAppointmentNum: '' }]), SMARTSHEET_TABLES['crew-settlement-ledger']).drafts).toEqual([]);
  });

  it('material replenishment', () => {
    const values = valuesOf('material-replenishment', ['contractNum', 'name', 'count', '补货日期'], { contractNum: 'HT001', name: '石膏板', count: '12', 补货日期: '2026-04-13 09:30:00' }).add_records[0]?.values;
    expect(values).toEqual({ fhXiIM: 'HT001', fJUGSa: '石膏板', fqTjL6: 12, fxVadL: '1776043800000' });
  });

  it('identifies a row by its identity fields only (a non-identity change keeps the identity)', () => {
    const table = SMARTSHEET_TABLES['project-settlement'];
    const cols = ['contractdocNum', 'address', '结算状态'];
    const [a] = sheetDrafts(card(cols, [['HT1', 'X路1号', '已发起']]), table).drafts;
    const [b] = sheetDrafts(card(cols, [['HT1', 'X路1号', '已结算']]), table).drafts;
    const [c] = sheetDrafts(card(cols, [['HT1', 'X路2号', '已发起']]), table).drafts;
    expect(a?.businessId).toBe(b?.businessId);
    expect(a?.businessId).not.toBe(c?.businessId);
    expect(a?.businessId.startsWith('wedoc-project-settlement::HT1::X路1号::')).toBe(true);
  });
});
