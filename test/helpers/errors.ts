import { expect } from 'vitest';
import { HeraldError } from '../../main/shared/errors.js';

/** The HeraldError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): HeraldError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HeraldError);
    return err as HeraldError;
  }
  throw new Error('expected a HeraldError, nothing was thrown');
}

/** The HeraldError `promise` rejects with; fails the test when it resolves. */
export async function rejected(promise: Promise<unknown>): Promise<HeraldError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(HeraldError);
    return err as HeraldError;
  }
  throw new Error('expected a HeraldError, the promise resolved');
}
