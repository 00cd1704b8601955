/**
 * How v1 (Python 3.11) turned card values into text. The monitors build message texts, identities
 * and fingerprints from raw Metabase values with `str()`, f-strings and `json.dumps`, so Herald
 * must print `None`, `True`, `36.0`, `['窗台', '地下室']` … exactly as Python did.
 *
 * Python distinguishes `36` (int) from `36.0` (float); JSON.parse does not. A JSON number written
 * with a fraction or an exponent whose value is integral is therefore carried as a boxed `Number`
 * (see `parseJsonKeepingFloats`); any other integral primitive is a Python int, any non-integral
 * number a float.
 */

/** The numeric value of a primitive or boxed number, else undefined. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Number) return value.valueOf();
  return undefined;
}

/** True when Python would see an `int` (JSON integer literal). */
export function isPyInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** True when Python would see a `float`. */
export function isPyFloat(value: unknown): boolean {
  return value instanceof Number || (typeof value === 'number' && !Number.isInteger(value));
}

export function pyIntStr(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** `repr(float)`: shortest round-trip digits, exponent outside 1e-4 ≤ |x| < 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', expText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const rest = digits.slice(1);
    const expAbs = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exp < 0 ? '-' : '+'}${expAbs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (exp >= digits.length - 1) return `${sign}${digits}${'0'.repeat(exp - digits.length + 1)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function pyNumberStr(value: unknown): string | undefined {
  if (value instanceof Number) return pyFloatRepr(value.valueOf());
  if (typeof value !== 'number') return undefined;
  return Number.isInteger(value) ? pyIntStr(value) : pyFloatRepr(value);
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** `repr(str)`: single quotes unless the text holds `'` and no `"`; non-printables escaped. */
export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** `repr(value)` for JSON-shaped values. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyStrRepr(value);
  return pyStr(value);
}

/** `str(value)` for JSON-shaped values (what an f-string prints). */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  const number = pyNumberStr(value);
  if (number !== undefined) return number;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Python truthiness of a JSON-shaped value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.length > 0;
  const number = numericValue(value);
  if (number !== undefined) return number !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

// Python's str.isspace() set; differs from JS trim() on U+001C–U+001F, U+0085 and U+FEFF.
const PY_SPACE = '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function isPySpace(ch: string): boolean {
  return PY_SPACE.includes(ch);
}

/** `str.strip()` with Python's whitespace set. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text[start] ?? '')) start++;
  while (end > start && isPySpace(text[end - 1] ?? '')) end--;
  return text.slice(start, end);
}

/**
 * `json.dumps(value, ensure_ascii=False)` with the default separators (`", "`, `": "`);
 * `sortKeys` as `sort_keys=True`. JSON.stringify escapes strings exactly as Python does when
 * `ensure_ascii` is off (control characters, quote, backslash).
 */
export function pyJsonDumps(value: unknown, options: { sortKeys?: boolean } = {}): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Number || typeof value === 'number') {
    const n = Number(value);
    if (Number.isNaN(n)) return 'NaN';
    if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
    return pyNumberStr(value) ?? String(n);
  }
  if (Array.isArray(value)) return `[${value.map((v) => pyJsonDumps(v, options)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (options.sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonDumps(v, options)}`).join(', ')}}`;
  }
  return JSON.stringify(String(value));
}

/** Python's string ordering (by code point), unlike localeCompare. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const dx = x.value.codePointAt(0) ?? 0;
    const dy = y.value.codePointAt(0) ?? 0;
    if (dx !== dy) return dx < dy ? -1 : 1;
  }
}

/** Python's `float // float` (floor division with CPython's rounding correction). */
export function pyFloorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  // CPython adds b to a remainder of the wrong sign, which only matters through div.
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    let floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
    return floor;
  }
  return 0 * Math.sign(a / b);
}
