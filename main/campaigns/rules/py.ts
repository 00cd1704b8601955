/**
 * Python value semantics the v1 output depends on. v1 was Python: whether a number is an `int` or a
 * `float` shows in every text it produced (`5000` vs `5000.0`, `10,000` vs `10,000.0`), and
 * `min`/`max`/`+` decide which one a result is. A `PyNum` carries that distinction through the rules.
 */

export interface PyNum {
  readonly v: number;
  /** True for a Python `float`, false for an `int`. */
  readonly float: boolean;
}

/** A value as it appears in a v1 record or input row (numbers keep their Python type). */
export type PyValue = string | boolean | null | PyNum;

/** A JSON scalar: what records and input rows hold once the Python type is kept aside. */
export type Scalar = string | number | boolean | null;

export const int = (v: number): PyNum => ({ v: Math.trunc(v), float: false });
export const float = (v: number): PyNum => ({ v, float: true });
export const ZERO: PyNum = int(0);
export const ZERO_F: PyNum = float(0);

export function isPyNum(value: unknown): value is PyNum {
  return typeof value === 'object' && value !== null && 'float' in value && 'v' in value;
}

export function add(a: PyNum, b: PyNum): PyNum {
  return { v: a.v + b.v, float: a.float || b.float };
}

export function sub(a: PyNum, b: PyNum): PyNum {
  return { v: a.v - b.v, float: a.float || b.float };
}

export function mul(a: PyNum, b: PyNum): PyNum {
  return { v: a.v * b.v, float: a.float || b.float };
}

/** Python's `min(a, b)`: the first argument unless the second is strictly smaller. */
export function pmin(a: PyNum, b: PyNum): PyNum {
  return b.v < a.v ? b : a;
}

/** Python's `max(a, b)`: the first argument unless the second is strictly larger. */
export function pmax(a: PyNum, b: PyNum): PyNum {
  return b.v > a.v ? b : a;
}

/** Python's `int(x)`: truncation toward zero. */
export function truncInt(a: PyNum): PyNum {
  return int(a.v);
}

/** Python's `float(x)` for a number. */
export function toFloat(a: PyNum): PyNum {
  return float(a.v);
}

const PY_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Python's `float(s)` for the strings v1 met (surrounding whitespace allowed); `null` where Python
 * raises, and for `inf`/`nan`, which no amount can be.
 */
export function parsePyFloat(text: string): number | null {
  const s = text.trim();
  if (!PY_FLOAT.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Python's `repr(float)`: shortest round-trip digits, at least one fractional digit. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  // JS prints the same shortest digits in fixed notation over Python's fixed-notation range.
  if (abs >= 1e-4 && abs < 1e16) {
    const t = String(x);
    return Number.isInteger(x) ? `${t}.0` : t;
  }
  const sign = x < 0 ? '-' : '';
  const [mant, expText] = abs.toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (exp >= digits.length - 1) return `${sign}${digits}${'0'.repeat(exp - digits.length + 1)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Python's `str(n)` for an `int` or a `float`. */
export function numStr(n: PyNum): string {
  return n.float ? floatRepr(n.v) : String(n.v);
}

/** Python's `str(value)` (None → `None`, bools → `True`/`False`). */
export function pyStr(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return numStr(value);
}

/** Python truthiness of a record value. */
export function truthy(value: PyValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  return value.v !== 0;
}

function groupDigits(intPart: string): string {
  if (intPart.length <= 3) return intPart;
  const head = intPart.length % 3 || 3;
  let out = intPart.slice(0, head);
  for (let i = head; i < intPart.length; i += 3) out += `,${intPart.slice(i, i + 3)}`;
  return out;
}

/** Python's `f'{n:,}'`: thousands grouping of the integer part, repr for floats. */
export function commaFormat(n: PyNum): string {
  const text = numStr(n);
  const m = /^(-?)(\d+)(.*)$/.exec(text);
  if (!m || text.includes('e')) return text;
  return `${m[1]}${groupDigits(m[2]!)}${m[3]}`;
}

/**
 * Python's `round(x, 2)`: ints unchanged; floats rounded on their exact binary value, exact ties to
 * even (`toFixed` rounds ties up, so ties are detected on the exact decimal expansion).
 */
export function round2(n: PyNum): PyNum {
  if (!n.float || !Number.isFinite(n.v)) return n;
  const exact = Math.abs(n.v).toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 3);
  let text: string;
  if (/^50*$/.test(rest)) {
    const kept = exact.slice(0, dot + 3);
    const last = Number(kept[kept.length - 1]);
    text = last % 2 === 0 ? kept : Math.abs(n.v).toFixed(2);
  } else {
    text = Math.abs(n.v).toFixed(2);
  }
  const value = Number(text);
  return float(n.v < 0 ? -value : value);
}

/** `f"{int(x):,d}"` for an already truncated integer. */
export function groupInt(n: number): string {
  const t = String(Math.trunc(n));
  return t.startsWith('-') ? `-${groupDigits(t.slice(1))}` : groupDigits(t);
}

/** A record's values and the names of those that are Python floats (JSON alone cannot say). */
export interface PyRecord {
  fields: Record<string, Scalar>;
  floatFields: string[];
}

/** Python's `csv.writer` text of a value: None → empty, otherwise `str()`. */
export function csvText(value: PyValue | undefined): string {
  return value === undefined || value === null ? '' : pyStr(value);
}

/** Builds a v1 record dict in v1's key order; setting an existing key keeps its position (dict.update). */
export class RecordBuilder {
  private readonly fields: Record<string, Scalar> = {};
  private readonly floats = new Set<string>();

  /** The value as set, with its Python type. */
  get(key: string): PyValue | undefined {
    const v = this.fields[key];
    if (typeof v !== 'number') return v;
    return { v, float: this.floats.has(key) };
  }

  set(key: string, value: PyValue): this {
    if (value !== null && typeof value === 'object') {
      this.fields[key] = value.v;
      if (value.float) this.floats.add(key);
      else this.floats.delete(key);
    } else {
      this.fields[key] = value;
      this.floats.delete(key);
    }
    return this;
  }

  /** Visits the fields in order with their Python type. */
  forEach(visit: (key: string, value: Scalar, isFloat: boolean) => void): void {
    for (const key in this.fields) visit(key, this.fields[key]!, this.floats.has(key));
  }

  build(): PyRecord {
    return { fields: this.fields, floatFields: [...this.floats] };
  }
}
