import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.ts';
import { createLocalGuards, createReplicaGuards } from '../../src/store/guards.ts';
import type { RateDecision } from '../../src/store/types.ts';

const down = new StoreError('unreachable', 'PostgreSQL cannot be reached.');

function sharedStore(behaviour: 'works' | 'fails' | 'hangs') {
  const answer = <T>(value: T): Promise<T> =>
    behaviour === 'works'
      ? Promise.resolve(value)
      : behaviour === 'fails'
        ? Promise.reject(down)
        : new Promise(() => {});
  return {
    location: 'postgres://db/bot',
    rateLimits: { take: () => answer<RateDecision>({ ok: false, retryAfterMs: 42 }) },
    eventClaims: { claim: () => answer(false) },
  };
}

describe('ReplicaGuards', () => {
  it('answers from the shared store when it works', async () => {
    const guards = createReplicaGuards(sharedStore('works'));
    expect(await guards.take('U1', 5, 60_000)).toEqual({ ok: false, retryAfterMs: 42 });
    expect(await guards.claim('Ev1', 60_000)).toBe(false);
    expect(guards.stats()).toEqual({ rateLimitFallbacks: 0, claimFallbacks: 0 });
  });

  it('decides in memory when the store fails, and reports each fallback', async () => {
    const reported: [string, StoreError][] = [];
    const guards = createReplicaGuards(sharedStore('fails'), { onFallback: (what, e) => reported.push([what, e]) });
    expect(await guards.take('U1', 1, 60_000)).toEqual({ ok: true });
    expect(await guards.take('U1', 1, 60_000)).toMatchObject({ ok: false });
    expect(await guards.claim('Ev1', 60_000)).toBe(true);
    expect(await guards.claim('Ev1', 60_000)).toBe(false);
    expect(guards.stats()).toEqual({ rateLimitFallbacks: 2, claimFallbacks: 2 });
    expect(reported[0]).toEqual(['rate-limit', down]);
  });

  it('does not wait longer than its timeout for a store that never answers', async () => {
    const reported: StoreError[] = [];
    const guards = createReplicaGuards(sharedStore('hangs'), { timeoutMs: 20, onFallback: (_, e) => reported.push(e) });
    expect(await guards.claim('Ev1', 60_000)).toBe(true);
    expect(reported[0]).toMatchObject({ failure: 'timeout', message: expect.stringContaining('postgres://db/bot') });
  });
});

describe('local guards (the fallback)', () => {
  it('limit per key over a sliding window, with the wait until the next use', () => {
    let clock = 0;
    const local = createLocalGuards(() => clock);
    expect(local.take('U1', 2, 60_000)).toEqual({ ok: true });
    clock = 10_000;
    expect(local.take('U1', 2, 60_000)).toEqual({ ok: true });
    expect(local.take('U1', 2, 60_000)).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(local.take('U2', 2, 60_000)).toEqual({ ok: true });
    clock = 60_000;
    expect(local.take('U1', 2, 60_000)).toEqual({ ok: true });
  });

  it('claim an event once until the claim expires', () => {
    let clock = 0;
    const local = createLocalGuards(() => clock);
    expect(local.claim('Ev1', 1000)).toBe(true);
    expect(local.claim('Ev1', 1000)).toBe(false);
    clock = 1000;
    expect(local.claim('Ev1', 1000)).toBe(true);
  });
});
