/** How often, at most, one kind of line is logged unless the throttle is told otherwise. */
const EVERY_MS = 60_000;

/**
 * Counts one occurrence of `key`; `log` is called with how many there were since the last line of
 * that key (this one included) unless a line of it was written within the throttle's interval.
 */
export type LogThrottle = (key: string, log: (count: number) => void) => void;

/**
 * A failure that repeats on every request (a store that is down fails each one that reads or writes
 * it) is, with this, one line a minute (`everyMs`) per kind saying how many there were, not one line
 * per request.
 */
export function createLogThrottle({
  everyMs = EVERY_MS,
  now = Date.now,
}: {
  everyMs?: number;
  now?: () => number;
} = {}): LogThrottle {
  const seen = new Map<string, { count: number; loggedAt?: number }>();
  return (key, log) => {
    const entry = seen.get(key) ?? { count: 0 };
    entry.count += 1;
    seen.set(key, entry);
    if (entry.loggedAt !== undefined && now() - entry.loggedAt < everyMs) return;
    log(entry.count);
    seen.set(key, { count: 0, loggedAt: now() });
  };
}
