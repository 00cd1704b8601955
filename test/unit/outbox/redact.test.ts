import { describe, expect, it } from 'vitest';
import { redactOutcome } from '../../../main/outbox/worker.js';

describe('redactOutcome', () => {
  it('masks every secret of the delivery, also URL-encoded, in the reason and the response body', () => {
    const key = 'abc/def+ghi=jkl-0001';
    const out = redactOutcome(
      { kind: 'retry', code: 'X', reason: `failed for https://h/send?key=${encodeURIComponent(key)}`, response: { status: 500, body: `echo ${key}` } },
      [key, ''],
    );
    expect(out).toEqual({ kind: 'retry', code: 'X', reason: 'failed for https://h/send?key=****0001', response: { status: 500, body: 'echo ****0001' } });
  });
});
