import { describe, expect, it } from 'vitest';
import { fieldCaseless, looseRecords, nameAndDisplayRecords, zipRecords } from '../../../../main/monitors/transforms/card.js';

describe('card rows as v1 saw them', () => {
  it('zips names with values like dict(zip()) (short rows lose keys, no columns → fallback names)', () => {
    const [a, b] = zipRecords({ cols: [{ name: 'x' }, { name: 'y' }], rows: [[1, 2], [3]] }, []);
    expect([...a!]).toEqual([['x', 1], ['y', 2]]);
    expect(b!.has('y')).toBe(false);
    expect([...zipRecords({ cols: [], rows: [[1]] }, ['fallback'])[0]!]).toEqual([['fallback', 1]]);
  });

  it('keys smartsheet rows by name and display name, the first one winning', () => {
    const [r] = nameAndDisplayRecords({ cols: [{ name: 'exts.endDateExts', display_name: 'endDateExts' }, { name: 'endDateExts' }], rows: [['a', 'b']] }, []);
    expect(r!.get('exts.endDateExts')).toBe('a');
    expect(r!.get('endDateExts')).toBe('b');
  });

  it('looks fields up case-insensitively over name and display name', () => {
    const [r] = looseRecords({ cols: [{ name: 'eventId', display_name: '事件ID' }, { name: 'CreateUserName' }], rows: [['e', '张三']] });
    expect(fieldCaseless(r!.fields, 'createusername')).toBe('张三');
    expect(fieldCaseless(r!.fields, '事件id')).toBe('e');
    expect(r!.raw).toEqual(['e', '张三']);
  });
});
