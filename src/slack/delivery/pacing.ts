import { sleep as pause } from '../../time/sleep.ts';

/**
 * Slack takes about one message per second per channel, with short bursts. Each channel gets a
 * schedule (a token bucket kept as the time its next post may start): a post waits its turn, and
 * a 429 holds the whole channel until Retry-After. Posts to other channels never wait on it.
 */
export interface ChannelPacer {
  /**
   * Waits until `channel` may take a post. Resolves false, at once and without taking a turn,
   * when that turn would come after `deadline` (the post is no use by then).
   */
  turn(channel: string, deadline: number): Promise<boolean>;
  /** Slack said the channel is rate-limited: no post starts there for `ms`. */
  hold(channel: string, ms: number): void;
}

export interface PacingOptions {
  /** Time between posts to one channel once its burst is spent. Default 1000 ms. */
  intervalMs?: number;
  /** Posts one channel may take at once before pacing starts. Default 3. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Schedule {
  /** When the bucket would be full again: every post pushes it `intervalMs` later. */
  fullAt: number;
  heldUntil: number;
}

const PRUNE_AT = 1000;

export function createChannelPacer(options: PacingOptions = {}): ChannelPacer {
  const intervalMs = options.intervalMs ?? 1000;
  const burst = Math.max(1, options.burst ?? 3);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const schedules = new Map<string, Schedule>();

  const scheduleOf = (channel: string, t: number): Schedule => {
    let schedule = schedules.get(channel);
    if (!schedule) {
      if (schedules.size >= PRUNE_AT) {
        for (const [id, s] of schedules) if (s.fullAt <= t && s.heldUntil <= t) schedules.delete(id);
      }
      schedule = { fullAt: t, heldUntil: t };
      schedules.set(channel, schedule);
    }
    return schedule;
  };

  return {
    async turn(channel, deadline) {
      const t = now();
      const schedule = scheduleOf(channel, t);
      const fullAt = Math.max(schedule.fullAt, t);
      const startAt = Math.max(t, fullAt - (burst - 1) * intervalMs, schedule.heldUntil);
      if (startAt > deadline) return false;
      schedule.fullAt = Math.max(fullAt, startAt) + intervalMs;
      if (startAt > t) await sleep(startAt - t);
      return true;
    },
    hold(channel, ms) {
      const t = now();
      const schedule = scheduleOf(channel, t);
      schedule.heldUntil = Math.max(schedule.heldUntil, t + ms);
    },
  };
}
