import { withTimeout } from '../time/timeout.ts';
import { StoreError } from './errors.ts';
import type { RateDecision, Store } from './types.ts';

/**
 * The Docker rate limit and the claim on a retried Slack event, shared through the store and never
 * in an answer's way: when the store fails or is slow, this process's own memory decides instead
 * (the limit then counts per replica, a retried event may be handled twice), and the fallback is counted.
 */
export interface ReplicaGuards {
  take(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  claim(eventId: string, ttlMs: number): Promise<boolean>;
  stats(): { rateLimitFallbacks: number; claimFallbacks: number };
}

export interface ReplicaGuardOptions {
  /** How long to wait for the store before deciding locally. Default 1000 ms. */
  timeoutMs?: number;
  /** Called for every local decision, with the reason, for logs and metrics. */
  onFallback?: (what: 'rate-limit' | 'claim', error: StoreError) => void;
  now?: () => number;
}

export function createReplicaGuards(
  store: Pick<Store, 'rateLimits' | 'eventClaims' | 'location'>,
  options: ReplicaGuardOptions = {},
): ReplicaGuards {
  const timeoutMs = options.timeoutMs ?? 1000;
  const now = options.now ?? Date.now;
  const local = createLocalGuards(now);
  const counts = { rateLimitFallbacks: 0, claimFallbacks: 0 };

  const orLocally = async <T>(what: 'rate-limit' | 'claim', shared: () => Promise<T>, fallback: () => T) => {
    try {
      return await withTimeout(shared(), timeoutMs, () => {
        throw new StoreError('timeout', `The store at ${store.location} took over ${timeoutMs} ms to answer.`);
      });
    } catch (err) {
      const error = err instanceof StoreError ? err : new StoreError('unknown', String(err));
      if (what === 'rate-limit') counts.rateLimitFallbacks += 1;
      else counts.claimFallbacks += 1;
      options.onFallback?.(what, error);
      return fallback();
    }
  };

  return {
    take: (key, limit, windowMs) =>
      orLocally(
        'rate-limit',
        () => store.rateLimits.take(key, limit, windowMs),
        () => local.take(key, limit, windowMs),
      ),
    claim: (eventId, ttlMs) =>
      orLocally(
        'claim',
        () => store.eventClaims.claim(eventId, ttlMs),
        () => local.claim(eventId, ttlMs),
      ),
    stats: () => ({ ...counts }),
  };
}

/** The same two guards in this process's memory: the fallback, bounded by pruning expired entries. */
export function createLocalGuards(now: () => number = Date.now) {
  const uses = new Map<string, number[]>();
  const claims = new Map<string, number>();
  const PRUNE_AT = 1000;
  return {
    take(key: string, limit: number, windowMs: number): RateDecision {
      const t = now();
      const recent = (uses.get(key) ?? []).filter((at) => at > t - windowMs);
      if (recent.length >= limit) {
        uses.set(key, recent);
        return { ok: false, retryAfterMs: Math.max(1, recent[recent.length - limit]! + windowMs - t) };
      }
      recent.push(t);
      uses.set(key, recent);
      if (uses.size > PRUNE_AT)
        for (const [k, times] of uses) if (times.every((at) => at <= t - windowMs)) uses.delete(k);
      return { ok: true };
    },
    claim(eventId: string, ttlMs: number): boolean {
      const t = now();
      if ((claims.get(eventId) ?? 0) > t) return false;
      claims.set(eventId, t + ttlMs);
      if (claims.size > PRUNE_AT) for (const [id, expires] of claims) if (expires <= t) claims.delete(id);
      return true;
    },
  };
}
