import type { PyValue } from './py.js';
import { floatRepr, isPyNum, pyStr } from './py.js';

/**
 * v1's legacy jobs wrote each card answer to a CSV with pandas and read it back with
 * `csv.DictReader`, so every value reached the campaign code as the text pandas wrote. pandas
 * chooses a type per column: a column of ints prints `5000`, but one float or one empty cell makes
 * the whole column float (`5000.0`, empty cells empty); mixed kinds print each value with `str`.
 */
export function pandasColumnText(values: readonly (PyValue | undefined)[]): string[] {
  let hasNull = false;
  let allBool = true;
  let allNumeric = true;
  let anyFloat = false;
  let any = false;
  for (const v of values) {
    if (v === null || v === undefined) {
      hasNull = true;
      continue;
    }
    any = true;
    if (typeof v !== 'boolean') allBool = false;
    if (!isPyNum(v)) allNumeric = false;
    else if (v.float) anyFloat = true;
  }
  if (!any) return values.map(() => '');
  if (allBool && !hasNull) return values.map((v) => pyStr(v as boolean));
  if (allNumeric) {
    const asFloat = anyFloat || hasNull;
    return values.map((v) => (v === null || v === undefined ? '' : asFloat ? floatRepr((v as { v: number }).v) : pyStr(v)));
  }
  return values.map((v) => (v === null || v === undefined ? '' : pyStr(v)));
}
