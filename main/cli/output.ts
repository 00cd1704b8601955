import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Large results on stdout without holding them whole: many small pieces go out as ~64 KiB chunks,
 * waiting whenever the stream is full (a pipe to a slower reader; pipes are asynchronous on
 * Windows). `HeldOutput` keeps what must not reach stdout before the command knows it succeeds —
 * a later failure must leave stdout empty — in a temporary file rather than in memory.
 */

const CHUNK_CHARS = 64 * 1024;

export interface TextSink {
  write(text: string): Promise<void>;
}

export class ChunkedOutput implements TextSink {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable = process.stdout) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

export class HeldOutput implements TextSink {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-output-'));
  private readonly file = path.join(this.dir, 'held.txt');
  private readonly fd = fs.openSync(this.file, 'w');
  private pending: string[] = [];
  private size = 0;

  write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
    return Promise.resolve();
  }

  /** Everything held so far, in order, to `out`. */
  async release(out: ChunkedOutput): Promise<void> {
    this.flush();
    for await (const chunk of fs.createReadStream(this.file, { encoding: 'utf8', highWaterMark: CHUNK_CHARS })) await out.write(chunk as string);
  }

  discard(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}
