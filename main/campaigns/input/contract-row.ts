import { z } from 'zod';
import type { PyValue, Scalar } from '../rules/py.js';
import { float, int } from '../rules/py.js';

/**
 * One contract row as a card, a CSV file or a JSON list delivers it: column name → value, in the
 * source's column order. `floats` names the numeric values that are floats in the source (`0.0`,
 * a Metabase `type/Float` column): v1 printed them as `0.0`, so the type must survive a JSON round
 * trip that would turn `0.0` into `0`.
 */
export interface ContractRow {
  values: Record<string, Scalar>;
  floats?: string[];
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const contractRowSchema = z.object({ values: z.record(z.string(), scalar), floats: z.array(z.string()).optional() });
/** The pipelines' input: the cumulative list of contracts, as the card returns it. */
export const contractRowsSchema = z.array(contractRowSchema);

/** Read access to a row with Python types (ints vs floats). */
export class PyRow {
  private readonly floatKeys: ReadonlySet<string> | undefined;

  constructor(readonly row: ContractRow) {
    this.floatKeys = row.floats && row.floats.length > 0 ? new Set(row.floats) : undefined;
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.row.values, key);
  }

  get(key: string): PyValue | undefined {
    const v = this.row.values[key];
    if (typeof v !== 'number') return v;
    return this.floatKeys?.has(key) || !Number.isInteger(v) ? float(v) : int(v);
  }

  keys(): string[] {
    return Object.keys(this.row.values);
  }
}

/** Builds a row from typed values (numbers marked float go to `floats`). */
export function makeRow(entries: Iterable<[string, PyValue]>): ContractRow {
  const values: Record<string, Scalar> = {};
  const floats: string[] = [];
  for (const [k, v] of entries) {
    if (v !== null && typeof v === 'object') {
      values[k] = v.v;
      if (v.float) floats.push(k);
    } else values[k] = v;
  }
  return floats.length ? { values, floats } : { values };
}
