import { parse as parseLossless } from 'lossless-json';
import { HeraldError } from '../shared/errors.js';
import { describeSourceCapitalised, sourceContext, type SourceRef } from './source-ref.js';

/**
 * JSON as v1's Python read it: integers keep every digit. Contract ids are 19-digit numbers
 * (`6997900857389134380`); `JSON.parse` would round them to a different id, so integers beyond
 * 2^53 become strings of their exact digits. The fast built-in parser runs unless the text holds
 * such an integer; syntax errors report line and column.
 */
const LONG_INTEGER = /(?<![\d.eE"])-?\d{16,}(?![\d.eE])/;

export function parseJson(text: string, source: SourceRef): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!LONG_INTEGER.test(body)) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      // Re-parsed below for a message with the position.
    }
  }
  try {
    return parseLossless(body, null, keepLongIntegers) as unknown;
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? lineAndColumn(body, Number(position[1])) : undefined;
    const reason = message.replace(/ at position \d+$/, '');
    throw new HeraldError(
      'SOURCE_JSON_INVALID',
      `${describeSourceCapitalised(source)} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${reason}.`,
      { ...sourceContext(source), ...(where ? { line: where.line, column: where.column } : {}) },
      { cause: err },
    );
  }
}

function keepLongIntegers(digits: string): number | string {
  const n = Number(digits);
  return /^-?\d+$/.test(digits) && !Number.isSafeInteger(n) ? digits : n;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
