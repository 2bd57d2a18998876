/**
 * Every answer the bot posts goes through here, to a channel (chat.postMessage) or to a
 * response_url, so that nothing is lost to a busy Slack and nothing is posted twice:
 * - posts to one channel are paced (createChannelPacer) and a 429 holds that channel for its Retry-After;
 * - a 5xx or a connection that never opened is tried again with backoff;
 * - all that for as long as the answer is still of use (a minute by default), then it is dropped
 *   with one log line naming what it was and where it was going (ids only, never its text);
 * - a request that left and got no answer (reset, timeout) may have been posted, so it is never
 *   sent again: it is counted and logged instead.
 * The Web API client itself neither retries nor waits out a 429 (see webApiOptions), so what is
 * counted here is all that happened.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.ts';
import type { SlackMessage } from '../../render/slack/blocks.ts';
import { sleep as pause } from '../../time/sleep.ts';
import { classifyPostFailure } from './failures.ts';
import { type ChannelPacer, createChannelPacer, type PacingOptions } from './pacing.ts';

export { classifyPostFailure, type PostFailure } from './failures.ts';
export { type ChannelPacer, createChannelPacer } from './pacing.ts';

/** How long one Web API call may take before it is given up (a hung call frees its slot). */
export const WEB_API_TIMEOUT_MS = 10_000;

/**
 * The Web API client's options: a timeout, no retries of its own and 429s handed back. The
 * client's own retries would resend a request that got no answer (it may have been posted), and
 * its 429 handling pauses every call the app makes, in every channel, for one channel's limit.
 */
export function webApiOptions(timeoutMs: number = WEB_API_TIMEOUT_MS) {
  return { timeout: timeoutMs, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
}

export interface DeliveryStats {
  /** Posts Slack took. */
  delivered: number;
  /** Extra attempts after a 429, a 5xx or a connection that never opened. */
  retried: number;
  /** Answers given up: still refused when no longer of use. */
  dropped: number;
  /** Posts that got no answer and were not sent again, since Slack may have posted them. */
  uncertain: number;
  /** Slack events already handled (a retry or a second delivery), not answered again. */
  duplicatesSkipped: number;
  /** 429 answers from Slack. */
  rateLimited: number;
}

const totals: DeliveryStats = {
  delivered: 0,
  retried: 0,
  dropped: 0,
  uncertain: 0,
  duplicatesSkipped: 0,
  rateLimited: 0,
};

/** What this process has delivered, retried, dropped and skipped since it started (for metrics). */
export function deliveryStats(): DeliveryStats {
  return { ...totals };
}

/** The Slack face skipped an event it had handled already. */
export function countDuplicateSkipped(): void {
  totals.duplicatesSkipped += 1;
}

export interface RetryOptions {
  /** How long an answer is worth delivering, from its first try. Default 60 s. */
  usefulForMs?: number;
  /** First wait after a 5xx; doubles up to `maxBackoffMs`. Default 500 ms. */
  firstBackoffMs?: number;
  /** Default 8 s. */
  maxBackoffMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DeliveryOptions extends RetryOptions {
  pacing?: PacingOptions;
}

/** delivered; given up when no longer useful; or sent once without an answer, not sent again. */
export type DeliveryOutcome = 'delivered' | 'dropped' | 'maybe-sent';

export interface PostTarget {
  channel: string;
  /** Posts in this thread when given. */
  threadTs?: string;
}

export interface Delivery {
  /**
   * Posts `message` with chat.postMessage. `what` names it for the log with ids only (e.g.
   * "answer to mention Ev1 by U1"). Slack's refusals (not_in_channel, …) are thrown as the client threw them.
   */
  post(client: webApi.WebClient, target: PostTarget, message: SlackMessage, what: string): Promise<DeliveryOutcome>;
}

export function createDelivery(logger: Pick<Logger, 'warn'>, options: DeliveryOptions = {}): Delivery {
  const pacer = createChannelPacer({
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...options.pacing,
  });
  return {
    post: (client, target, message, what) =>
      deliver(
        () =>
          client.chat.postMessage({
            channel: target.channel,
            text: message.text,
            blocks: message.blocks,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          }),
        { what, to: target.threadTs ? `${target.channel} thread ${target.threadTs}` : target.channel, logger },
        options,
        { pacer, channel: target.channel },
      ),
  };
}

/**
 * Sends one post to a response_url with the same rules (no pacing: a response_url is no channel).
 * Slack's refusals (404 and 410 for an expired URL, …) are thrown as `send` threw them.
 */
export function deliverThroughResponseUrl(
  send: () => Promise<unknown>,
  what: string,
  logger: Pick<Logger, 'warn'>,
  options: RetryOptions = {},
): Promise<DeliveryOutcome> {
  return deliver(send, { what, to: 'its response_url', logger }, options);
}

interface Described {
  what: string;
  to: string;
  logger: Pick<Logger, 'warn'>;
}

async function deliver(
  send: () => Promise<unknown>,
  { what, to, logger }: Described,
  options: RetryOptions,
  paced?: { pacer: ChannelPacer; channel: string },
): Promise<DeliveryOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const firstBackoffMs = options.firstBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 8000;
  const startedAt = now();
  const deadline = startedAt + (options.usefulForMs ?? 60_000);
  let lastReason = 'its channel had no turn free in time';
  let backoffMs = firstBackoffMs;
  let wait = 0;
  const drop = (attempts: number): DeliveryOutcome => {
    totals.dropped += 1;
    const seconds = ((now() - startedAt) / 1000).toFixed(1);
    logger.warn(
      `Slack delivery: dropped ${what} to ${to} after ${attempts} attempt${attempts === 1 ? '' : 's'} in ${seconds} s (${lastReason})`,
    );
    return 'dropped';
  };
  for (let attempt = 0; ; attempt++) {
    if (wait > 0) {
      if (now() + wait > deadline) return drop(attempt);
      await sleep(wait);
    }
    if (paced && !(await paced.pacer.turn(paced.channel, deadline))) return drop(attempt);
    if (attempt > 0) totals.retried += 1;
    try {
      await send();
      totals.delivered += 1;
      return 'delivered';
    } catch (err) {
      const failure = classifyPostFailure(err);
      switch (failure.kind) {
        case 'refused':
          throw err;
        case 'maybe-sent':
          totals.uncertain += 1;
          logger.warn(
            `Slack delivery: ${what} to ${to} got no answer (${failure.reason}); not sent again, since Slack may have posted it`,
          );
          return 'maybe-sent';
        case 'rate-limited':
          totals.rateLimited += 1;
          lastReason = `rate-limited, Retry-After ${failure.retryAfterMs / 1000} s`;
          // A paced channel waits in its turn; a response_url waits here.
          if (paced) {
            paced.pacer.hold(paced.channel, failure.retryAfterMs);
            wait = 0;
          } else {
            wait = failure.retryAfterMs;
          }
          break;
        case 'unavailable':
          lastReason = failure.reason;
          wait = backoffMs / 2 + (Math.random() * backoffMs) / 2;
          backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
          break;
      }
    }
  }
}
