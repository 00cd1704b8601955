import { describe, expect, it } from 'vitest';
import { legacyRowsFromCard, mappedRowsFromCard } from '../../../../main/campaigns/input/card-rows.js';
import { STANDARD_COLUMNS } from '../../../../main/campaigns/input/columns.js';

const legacyRow = ['C1', '310000', 'GD1', 1, '王五', 'DOC1', 15000, 15000, 0, 1, '2025-09-18T10:00:00.000+08:00', '上海服务商甲', '2025-09-18T10:41:00.000+08:00', 15000, 1, 0.25, 15000];

describe('contract rows from a Metabase card', () => {
  it('reads legacy cards positionally, floats from the column type', () => {
    const cols = STANDARD_COLUMNS.map((_, i) => ({ name: `c${i}`, base_type: i === 8 ? 'type/Float' : 'type/Integer' }));
    const [row] = legacyRowsFromCard({ cols, rows: [legacyRow] }, 'standard', 1617);
    expect(row!.values['合同ID(_id)']).toBe('C1');
    expect(row!.values['差额(difference)']).toBe(0);
    expect(row!.floats).toEqual(['差额(difference)', '转化率(conversion)']);
  });

  it('names the card when the column count is not the one the campaign reads', () => {
    const cols = STANDARD_COLUMNS.slice(0, 16).map((n) => ({ name: n }));
    expect(() => legacyRowsFromCard({ cols, rows: [legacyRow.slice(0, 16)] }, 'standard', 1617)).toThrow(/Card 1617 returned 16 columns; this campaign reads 17/);
    const all = STANDARD_COLUMNS.map((n) => ({ name: n }));
    expect(() => legacyRowsFromCard({ cols: all, rows: [legacyRow, legacyRow.slice(0, 3)] }, 'standard', 1617)).toThrow(/Card 1617, row 2: 3 values for 17 columns/);
  });

  it('maps Beijing cards by name with alternates and defaults; sourceType text becomes a number', () => {
    const cols = ['_id', 'serviceHousekeeper', 'contractdocNum', 'contractAmount', 'signedDate', 'sourceType', 'scount'].map((name) => ({ name }));
    const [row] = mappedRowsFromCard({ cols, rows: [['4094726635973593636', '刘沐泽', 'YHWX-1', 50000, '2026-05-11T10:17:08.317+08:00', '1', 27]] }, { parser: 'bj' }, 2084);
    expect(row!.values['合同ID(_id)']).toBe('4094726635973593636');
    expect(row!.values['合同金额(adjustRefundMoney)']).toBe(50000);
    expect(row!.values['支付金额(paidAmount)']).toBe(0);
    expect(row!.values['工单类型(sourceType)']).toBe(1);
    expect(row!.values['平台累计签约单数']).toBe(27);
    const [bad] = mappedRowsFromCard({ cols, rows: [['x', 'y', 'z', 1, '', 'abc', 0]] }, { parser: 'bj' }, 2084);
    expect(bad!.values['工单类型(sourceType)']).toBe(2);
  });

  it('maps Shanghai cards by one name each, sourceType defaulting to empty', () => {
    const [row] = mappedRowsFromCard({ cols: [{ name: '_id' }, { name: 'adjustRefundMoney' }], rows: [['C9', 3000]] }, { parser: 'sh' }, 1884);
    expect(row!.values['合同ID(_id)']).toBe('C9');
    expect(row!.values['工单类型(sourceType)']).toBe('');
  });

  it('refuses a cell holding a list', () => {
    expect(() => mappedRowsFromCard({ cols: [{ name: '_id' }], rows: [[['a']]] }, { parser: 'sh' }, 1884)).toThrow(/Card 1884, row 1, column _id holds a list/);
  });
});
