import fs from 'node:fs';
import os from 'node:os';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChunkedOutput, HeldOutput } from '../../../main/cli/output.js';
import { suiteTempDir } from '../../helpers/suite-tmp.js';

/** A stream that takes one chunk at a time and says it is full until it has "written" it. */
function slowStream() {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      setTimeout(done, 1);
    },
  });
  return { stream, chunks };
}

// A private temporary folder, so other test files' CLI runs do not show up in it.
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = suiteTempDir();
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});
const heldFiles = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('herald-output-'));

describe('CLI output of large results', () => {
  it('writes many pieces as a few chunks, in order, waiting for a full stream to drain', async () => {
    const { stream, chunks } = slowStream();
    const out = new ChunkedOutput(stream);
    const pieces = Array.from({ length: 20_000 }, (_, i) => `记录 ${i}\n`);
    for (const p of pieces) await out.write(p);
    await out.flush();
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(pieces.length / 100);
  });

  it('holds text in a temporary file until released, then removes the file', async () => {
    const before = heldFiles();
    const held = new HeldOutput();
    const text = Array.from({ length: 30_000 }, (_, i) => `合同 ${i}，`);
    for (const t of text) await held.write(t);
    expect(heldFiles().length).toBe(before.length + 1);
    const { stream, chunks } = slowStream();
    const out = new ChunkedOutput(stream);
    await out.write('head:');
    await held.release(out);
    await out.write(':tail');
    await out.flush();
    held.discard();
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(chunks.join('')).toBe(`head:${text.join('')}:tail`);
    expect(heldFiles()).toEqual(before);
  });

  it('discarded without release, nothing reaches the output and the file is gone', async () => {
    const before = heldFiles();
    const held = new HeldOutput();
    await held.write('batch 1');
    held.discard();
    expect(heldFiles()).toEqual(before);
  });
});
