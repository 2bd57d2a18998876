import type { PurgedCounts, Store } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  /** Deletes what is older than the retention now. */
  runOnce(): Promise<PurgedCounts>;
  stop(): void;
}

/**
 * Deletes feedback and gap records older than `retentionDays` (and expired claims and rate-limit hits)
 * at start and then every `everyMs`. Every replica may run it: deleting twice deletes nothing more.
 */
export function startRetention(
  store: Pick<Store, 'purge'>,
  options: {
    retentionDays: number;
    everyMs?: number;
    now?: () => number;
    onPurged?: (counts: PurgedCounts) => void;
    onError?: (err: unknown) => void;
  },
): Retention {
  const now = options.now ?? Date.now;
  const runOnce = () => store.purge(new Date(now() - options.retentionDays * DAY_MS));
  const tick = () =>
    runOnce().then(
      (counts) => options.onPurged?.(counts),
      (err) => options.onError?.(err),
    );
  void tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
