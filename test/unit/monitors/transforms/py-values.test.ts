import { describe, expect, it } from 'vitest';
import { compareCodePoints, pyFloatRepr, pyFloorDiv, pyJsonDumps, pyRepr, pyStr, pyStrip, pyTruthy } from '../../../../main/monitors/transforms/py-values.js';

describe('Python value printing', () => {
  it('prints floats as repr() does, switching to exponents outside 1e-4 … 1e16', () => {
    expect(pyFloatRepr(36)).toBe('36.0');
    expect(pyFloatRepr(1571.52)).toBe('1571.52');
    expect(pyFloatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1e15)).toBe('1000000000000000.0');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(0.00001)).toBe('1e-05');
    expect(pyFloatRepr(-1.5e-7)).toBe('-1.5e-07');
    expect(pyFloatRepr(-0)).toBe('-0.0');
    expect(pyFloatRepr(Infinity)).toBe('inf');
  });

  it('prints values as str() and f-strings do', () => {
    expect(pyStr(null)).toBe('None');
    expect(pyStr(true)).toBe('True');
    expect(pyStr(13900704671)).toBe('13900704671');
    expect(pyStr(new Number(36))).toBe('36.0');
    expect(pyStr(['窗台', '地下室'])).toBe("['窗台', '地下室']");
    expect(pyStr(["it's"])).toBe('["it\'s"]');
    expect(pyStr({ a: [1, null], b: 'x\n' })).toBe("{'a': [1, None], 'b': 'x\\n'}");
    expect(pyRepr('a\u0001b')).toBe("'a\\x01b'");
    expect(pyRepr('中\u200b')).toBe("'中\\u200b'");
  });

  it('serialises JSON as json.dumps(ensure_ascii=False) with default separators', () => {
    expect(pyJsonDumps(['event-1', '2026-07-01T17:19:09.72+08:00', '张三', ['下线']])).toBe('["event-1", "2026-07-01T17:19:09.72+08:00", "张三", ["下线"]]');
    expect(pyJsonDumps({ b: 1, a: new Number(2) }, { sortKeys: true })).toBe('{"a": 2.0, "b": 1}');
    expect(pyJsonDumps([null, true, 'q"\\'])).toBe('[null, true, "q\\"\\\\"]');
  });

  it('strips and tests truth like Python', () => {
    expect(pyStrip('\u3000 王五\u001f ')).toBe('王五');
    expect(pyStrip('\ufeffx')).toBe('\ufeffx');
    expect([0, '', [], {}, null, false].map(pyTruthy)).toEqual([false, false, false, false, false, false]);
    expect([1, ' ', [0], { a: 1 }, new Number(0.5)].map(pyTruthy)).toEqual([true, true, true, true, true]);
  });

  it('orders text by code point and floors like float //', () => {
    expect(['云尚虹', '上海', '三河', '北京'].sort(compareCodePoints)).toEqual(['三河', '上海', '云尚虹', '北京']);
    expect(pyFloorDiv(7 * 86400 + 1, 86400)).toBe(7);
    expect(pyFloorDiv(-1, 86400)).toBe(-1);
  });
});
