/**
 * `JSON.stringify(value)` in pieces, so a big value (100,000 rows given to "run now") can be
 * serialised on the main thread between other work instead of in one long block. Joined, the pieces
 * are exactly JSON.stringify's text (the snapshot's ref is the hash of that text).
 *
 * Arrays longer than `ARRAY_SLICE` are serialised a slice at a time (their elements are taken to be
 * rows: small); plain objects are walked key by key; everything else is left to JSON.stringify. A
 * `toJSON` method sees the index within its slice rather than within the whole array (Dates, the one
 * `toJSON` an input holds, ignore it).
 */
const ARRAY_SLICE = 256;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isWalkable(value: unknown): boolean {
  return (Array.isArray(value) && value.length > ARRAY_SLICE) || isPlainObject(value);
}

/** The pieces of `value`'s JSON text; nothing for a value JSON leaves out (undefined, a function). */
export function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > ARRAY_SLICE) {
    for (let i = 0; i < value.length; i += ARRAY_SLICE) {
      const slice = JSON.stringify(value.slice(i, i + ARRAY_SLICE));
      yield `${i === 0 ? '[' : ','}${slice.slice(1, -1)}`;
    }
    yield ']';
    return;
  }
  if (isPlainObject(value)) {
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const head = `${first ? '{' : ','}${JSON.stringify(key)}:`;
      if (isWalkable(item)) {
        yield head;
        yield* jsonPieces(item);
      } else {
        const text = JSON.stringify(item) as string | undefined;
        if (text === undefined) continue;
        yield head + text;
      }
      first = false;
    }
    yield first ? '{}' : '}';
    return;
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined) yield text;
}
