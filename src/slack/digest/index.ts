/**
 * The weekly digest of the questions the notes could not answer, posted to GAPS_DIGEST_CHANNEL.
 * Every replica checks hourly; the first check of a week (Monday 00:00 UTC on) claims that week in
 * the store, so exactly one replica posts, once, even across restarts. With the store down there is
 * nothing to post and nothing is claimed: the next check tries again.
 */
import type { Lang } from '../../i18n/index.ts';
import type { Logger } from '../../logger.ts';
import type { SlackMessage } from '../../render/slack/blocks.ts';
import { buildGapsDigest } from '../../render/slack/gaps.ts';
import type { Store } from '../../store/types.ts';
import { ROUTES } from '../interactions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DIGEST_DAYS = 7;
/** Longer than a week, so the claim outlives the week it names; the purge removes it after. */
const CLAIM_TTL_MS = 8 * DAY_MS;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export type DigestResult = 'posted' | 'already posted' | 'nothing to post' | 'failed';

export interface GapsDigest {
  /** Posts this week's digest unless some replica already did. */
  runOnce(): Promise<DigestResult>;
  stop(): void;
}

export interface GapsDigestOptions {
  store: Pick<Store, 'gaps' | 'eventClaims'>;
  channel: string;
  /** DEFAULT_LANG: the digest follows no one question. */
  lang: Lang;
  post(message: SlackMessage): Promise<void>;
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => number;
  everyMs?: number;
}

/** The Monday (UTC) that starts the week of `t`, as 2026-11-30: it names the week in the claim. */
export function weekOf(t: number): string {
  // 1970-01-01 was a Thursday: day 0 of the week that began on Monday 1969-12-29 (day -3).
  const monday = (Math.floor((Math.floor(t / DAY_MS) + 3) / 7) * 7 - 3) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

export function startGapsDigest(options: GapsDigestOptions): GapsDigest {
  const now = options.now ?? Date.now;
  const { store, channel, logger } = options;
  const runOnce = async (): Promise<DigestResult> => {
    const week = weekOf(now());
    try {
      if (!(await store.eventClaims.claim(`gaps-digest:${channel}:${week}`, CLAIM_TTL_MS))) return 'already posted';
      const gaps = await store.gaps.top({ since: new Date(now() - DIGEST_DAYS * DAY_MS) });
      const message = buildGapsDigest(gaps, options.lang, DIGEST_DAYS, ROUTES);
      if (!message) {
        logger.info(`gaps digest for the week of ${week}: no unanswered questions, nothing posted`);
        return 'nothing to post';
      }
      await options.post(message);
      logger.info(`gaps digest for the week of ${week}: ${gaps.length} questions posted to ${channel}`);
      return 'posted';
    } catch (err) {
      logger.warn(
        `gaps digest for the week of ${week} not posted to ${channel}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return 'failed';
    }
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.everyMs ?? CHECK_EVERY_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
