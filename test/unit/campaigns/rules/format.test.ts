import { describe, expect, it } from 'vitest';
import { gapNumber, legacyAmount, legacyRate, newArchAmount } from '../../../../main/campaigns/rules/format.js';
import type { PyValue } from '../../../../main/campaigns/rules/py.js';
import { float, int } from '../../../../main/campaigns/rules/py.js';
import { unquote, vectorTable } from '../../../helpers/vectors.js';

/** A vector cell as a Python value: `'text'` is a string, `None` None, digits an int, a dot a float. */
function pyLiteral(cell: string): PyValue {
  const s = unquote(cell);
  if (s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1);
  if (s === 'None') return null;
  return /[.e]/.test(s) ? float(Number(s)) : int(Number(s));
}

describe('message number formatting (v1-vectors §2)', () => {
  it.each(vectorTable('| input | preprocess_amount'))('preprocess_amount(%s) = %s', (input, expected) => {
    expect(legacyAmount(pyLiteral(input!) as string)).toBe(unquote(expected!));
  });

  it.each(vectorTable('| input | preprocess_rate'))('preprocess_rate(%s) = %s', (input, expected) => {
    expect(legacyRate(pyLiteral(input!) as string)).toBe(unquote(expected!));
  });

  it.each(vectorTable('| new-arch _format_amount input'))('_format_amount(%s) = %s', (input, expected) => {
    expect(newArchAmount(pyLiteral(input!))).toBe(unquote(expected!));
  });

  it.each(vectorTable('| gap value (threshold - amount)'))('round(%s, 2) grouped = %s', (input, expected) => {
    const value = pyLiteral(input!);
    if (value === null || typeof value !== 'object') throw new Error(`not a number: ${input}`);
    expect(gapNumber(value, int(0))).toBe(unquote(expected!));
  });
});
