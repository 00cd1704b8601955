import { HeraldError } from '../../shared/errors.js';
import type { PyValue } from '../rules/py.js';
import { float, int } from '../rules/py.js';
import type { ContractRow } from './contract-row.js';
import { makeRow } from './contract-row.js';

/**
 * Reads a JSON list of contract rows keeping what `JSON.parse` loses: whether a number was written
 * as a float (`0.0`) or an int (`0`). Integers too large for a double (19-digit ids written as
 * numbers) are kept as their digits, as text.
 */

/** A JSON object: keys in first-seen order, a repeated key keeps its place and takes the last value (as Python). */
export class JsonObject {
  readonly fields = new Map<string, PyJson>();
}
/** A JSON value with Python number types. */
export type PyJson = PyValue | PyJson[] | JsonObject;
type Json = PyJson;

class Parser {
  private i = 0;
  constructor(private readonly s: string, private readonly source: string) {}

  fail(what: string): never {
    const line = this.s.slice(0, this.i).split('\n').length;
    throw new HeraldError('CAMPAIGN_BAD_INPUT', `${this.source} is not valid JSON: ${what} at line ${line}.`, { source: this.source, line });
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r\uFEFF'.includes(this.s[this.i]!)) this.i += 1;
  }

  value(): Json {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(c === undefined ? 'unexpected end' : `unexpected "${c}"`);
  }

  string(): string {
    const start = this.i;
    this.i += 1;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) this.fail('unterminated string');
    this.i += 1;
    try {
      return JSON.parse(this.s.slice(start, this.i)) as string;
    } catch {
      return this.fail('bad string escape');
    }
  }

  number(): PyValue {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) return this.fail('bad number');
    this.i += m[0].length;
    const n = Number(m[0]);
    if (m[1] !== undefined || m[2] !== undefined) return float(n);
    return Number.isSafeInteger(n) ? int(n) : m[0];
  }

  array(): Json[] {
    const out: Json[] = [];
    this.i += 1;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i += 1;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i];
      this.i += 1;
      if (c === ']') return out;
      if (c !== ',') this.fail('expected "," or "]"');
    }
  }

  object(): JsonObject {
    const out = new JsonObject();
    this.i += 1;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i += 1;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a key');
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected ":"');
      this.i += 1;
      out.fields.set(key, this.value());
      this.ws();
      const c = this.s[this.i];
      this.i += 1;
      if (c === '}') return out;
      if (c !== ',') this.fail('expected "," or "}"');
    }
  }

  document(): Json {
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('trailing characters');
    return v;
  }
}

/** Parses any JSON document keeping float literals apart from ints. */
export function parsePyJson(text: string, source: string): PyJson {
  return new Parser(text, source).document();
}

function isScalar(v: Json): v is PyValue {
  return !Array.isArray(v) && !(v instanceof JsonObject);
}

/** A JSON list of objects (`[{"合同ID(_id)": "…", …}, …]`) as contract rows. */
export function rowsFromJson(text: string, source: string): ContractRow[] {
  const doc = parsePyJson(text, source);
  if (!Array.isArray(doc)) throw new HeraldError('CAMPAIGN_BAD_INPUT', `${source} must hold a JSON list of contract rows.`, { source });
  return doc.map((item, index) => {
    if (!(item instanceof JsonObject)) {
      throw new HeraldError('CAMPAIGN_BAD_INPUT', `${source}: row ${index + 1} is not an object of columns.`, { source, row: index + 1 });
    }
    const entries = [...item.fields].map(([column, v]): [string, PyValue] => {
      if (!isScalar(v)) {
        throw new HeraldError('CAMPAIGN_BAD_INPUT', `${source}: row ${index + 1}, column ${column} holds a list or an object; a contract column is a single value.`, {
          source,
          row: index + 1,
          column,
        });
      }
      return [column, v];
    });
    return makeRow(entries);
  });
}
