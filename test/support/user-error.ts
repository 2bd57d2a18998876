import { expect } from 'vitest';
import { UserError } from '../../src/errors.ts';

/**
 * Awaits a call that must fail the way users see failures: a UserError of one line, no stack
 * frames. Returns its message and how long the call took, for the deadline checks.
 */
export async function failure(promise: Promise<unknown>): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
  return { message, ms: Date.now() - started };
}
