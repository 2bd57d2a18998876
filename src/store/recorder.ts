import { sleep } from '../time/sleep.ts';
import { StoreError, type StoreFailure } from './errors.ts';
import type { AnswerVote, GapInput, Store } from './types.ts';

export type RecordKind = 'feedback' | 'gap';
/** Why a record was given up: the queue overflowed, it waited too long, the store refused it, or shutdown. */
export type DropReason = 'queue-full' | 'expired' | 'rejected' | 'closed';

export interface RecorderStats {
  /** Waiting to be written, the one being written included. */
  queued: number;
  written: Record<RecordKind, number>;
  dropped: Record<RecordKind, Record<DropReason, number>>;
  /** True from a failed write until the next write succeeds. */
  failing: boolean;
  lastError: { failure: StoreFailure; message: string; at: Date } | null;
}

/**
 * Feedback and gap records on an answer's path: handed over and forgotten by the caller, written in
 * order in the background, kept in memory (bounded, briefly) and retried while the store fails, and
 * counted when dropped. Nothing here ever throws at or waits for the caller.
 */
export interface BestEffortRecorder {
  recordFeedback(vote: AnswerVote): void;
  recordGap(gap: GapInput): void;
  stats(): RecorderStats;
  /** Tries what is queued now and waits until the queue is empty (true) or `timeoutMs` has passed (false). */
  drain(timeoutMs?: number): Promise<boolean>;
  /** Stops retrying; whatever is still queued is dropped as 'closed'. */
  close(): void;
}

export interface RecorderOptions {
  /** Records kept while the store fails; beyond it the oldest is dropped. Default 1000. */
  maxQueued?: number;
  /** A record not written within this long is dropped. Default 10 minutes. */
  maxAgeMs?: number;
  /** Retry delay after a failure, doubling up to `maxRetryMs`. Default 500 ms … 30 s. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Called for every dropped record: the metrics step counts these. */
  onDrop?: (kind: RecordKind, reason: DropReason, error: StoreError | undefined) => void;
  /** Called once when writes start failing (not for every retry), for the log. */
  onFailing?: (error: StoreError) => void;
  now?: () => number;
}

interface Pending {
  kind: RecordKind;
  write: () => Promise<void>;
  queuedAt: number;
}

export function createBestEffortRecorder(
  store: Pick<Store, 'feedback' | 'gaps'>,
  options: RecorderOptions = {},
): BestEffortRecorder {
  const maxQueued = options.maxQueued ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const firstRetryMs = options.firstRetryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const now = options.now ?? Date.now;

  const queue: Pending[] = [];
  const written: RecorderStats['written'] = { feedback: 0, gap: 0 };
  const noDrops = (): Record<DropReason, number> => ({ 'queue-full': 0, expired: 0, rejected: 0, closed: 0 });
  const dropped: RecorderStats['dropped'] = { feedback: noDrops(), gap: noDrops() };
  let lastFailure: { error: StoreError; at: number } | undefined;
  let failing = false;
  let writing: Promise<void> | undefined;
  let inFlight = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = firstRetryMs;
  let closed = false;

  const drop = (item: Pending, reason: DropReason, error?: StoreError) => {
    dropped[item.kind][reason] += 1;
    options.onDrop?.(item.kind, reason, error);
  };

  const writeQueued = async () => {
    while (queue.length > 0 && !closed) {
      const item = queue.shift()!;
      if (now() - item.queuedAt > maxAgeMs) {
        drop(item, 'expired', lastFailure?.error);
        continue;
      }
      inFlight = 1;
      try {
        await item.write();
        written[item.kind] += 1;
        failing = false;
        retryMs = firstRetryMs;
      } catch (err) {
        const error =
          err instanceof StoreError
            ? err
            : new StoreError('rejected', `The record could not be written: ${String(err)}`);
        if (!error.retryable) {
          drop(item, 'rejected', error);
          continue;
        }
        if (closed) return drop(item, 'closed', error);
        queue.unshift(item);
        lastFailure = { error, at: now() };
        if (!failing) options.onFailing?.(error);
        failing = true;
        scheduleRetry();
        return;
      } finally {
        inFlight = 0;
      }
    }
  };

  const scheduleRetry = () => {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      start();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(maxRetryMs, retryMs * 2);
  };

  const start = () => {
    if (writing || retryTimer || closed) return;
    writing = writeQueued().finally(() => {
      writing = undefined;
    });
  };

  const enqueue = (kind: RecordKind, write: () => Promise<void>) => {
    const item = { kind, write, queuedAt: now() };
    if (closed) return drop(item, 'closed');
    queue.push(item);
    // The record being written counts too; the oldest of those waiting makes room.
    while (queue.length + inFlight > maxQueued && queue.length > 0) drop(queue.shift()!, 'queue-full');
    start();
  };

  return {
    recordFeedback: (vote) => enqueue('feedback', () => store.feedback.record(vote)),
    recordGap: (gap) => enqueue('gap', () => store.gaps.record(gap)),
    stats: () => ({
      queued: queue.length + inFlight,
      written: { ...written },
      dropped: { feedback: { ...dropped.feedback }, gap: { ...dropped.gap } },
      failing,
      lastError: lastFailure
        ? { failure: lastFailure.error.failure, message: lastFailure.error.message, at: new Date(lastFailure.at) }
        : null,
    }),
    async drain(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      start();
      while (queue.length + inFlight > 0) {
        if (Date.now() >= deadline) return false;
        await sleep(20);
      }
      return true;
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      for (const item of queue.splice(0)) drop(item, 'closed');
    },
  };
}
