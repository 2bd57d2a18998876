import type { DockerAccessConfig } from './config.ts';

export type AccessDecision =
  | { ok: true }
  | { ok: false; reason: 'channel' | 'user' }
  | { ok: false; reason: 'rate'; retryAfterSec: number };

/** Allows everything when a list is empty; otherwise the id must be listed. */
export function checkDockerAccess(
  config: DockerAccessConfig,
  who: { userId: string; channelId: string },
): AccessDecision {
  if (config.allowedUsers.length > 0 && !config.allowedUsers.includes(who.userId)) return { ok: false, reason: 'user' };
  if (config.allowedChannels.length > 0 && !config.allowedChannels.includes(who.channelId))
    return { ok: false, reason: 'channel' };
  return { ok: true };
}

export interface RateLimiter {
  /** Counts one use by `key` if allowed; otherwise says how long until the next is. */
  take(key: string): AccessDecision;
}

/**
 * Sliding-window limit per key (user id). It lives in this process's memory, so with several
 * replicas each enforces its own window: a user may get up to `limit` × replicas. That is
 * acceptable for its purpose (stop one person hammering a Docker daemon by accident) and keeps
 * the bot free of shared state.
 */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const uses = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (uses.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        uses.set(key, recent);
        const oldest = recent[0] ?? t;
        return { ok: false, reason: 'rate', retryAfterSec: Math.max(1, Math.ceil((oldest + windowMs - t) / 1000)) };
      }
      recent.push(t);
      uses.set(key, recent);
      // Forget users whose window has passed, so memory follows active users only.
      if (uses.size > 1000) for (const [k, times] of uses) if (times.every((at) => t - at >= windowMs)) uses.delete(k);
      return { ok: true };
    },
  };
}
