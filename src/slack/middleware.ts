import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { strings } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { ReplicaGuards } from '../store/index.ts';
import { countDuplicateSkipped } from './delivery/index.ts';
import { recordOutcome } from './requests.ts';

/**
 * SLACK_TEAM_ID: requests from any other workspace (an org-wide or mis-shared install) stop here.
 * Slash commands get a one-line refusal; other requests are acknowledged and dropped.
 */
export function pinTeam(teamId: string, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function requireTeam({ context, body, next, ...rest }) {
    if (context.teamId === teamId || (context.teamId === undefined && context.enterpriseId === undefined)) {
      await next();
      return;
    }
    recordOutcome(context, { outcome: 'refused' });
    logger.warn(
      `Ignored a request from workspace ${context.teamId ?? context.enterpriseId}: SLACK_TEAM_ID pins the bot to ${teamId}`,
    );
    const ack = 'ack' in rest ? (rest.ack as ((response?: unknown) => Promise<void>) | undefined) : undefined;
    if (!ack) return;
    if ('command' in body) await ack({ response_type: 'ephemeral', text: strings('en').slack.otherWorkspace });
    else await ack();
  };
}

/**
 * How long an event id is remembered. Slack retries an event up to three times, the last about
 * five minutes after the first delivery; an hour covers those with room for a slow queue.
 */
export const EVENT_CLAIM_TTL_MS = 60 * 60_000;

/**
 * Each Slack event (event_id) is handled once, whatever delivers it again: a retry for any reason
 * (http_timeout, http_error, the Socket Mode envelope's retry_attempt), or the same event twice.
 * The claim goes through the store when there is one, so replicas sharing it handle an event
 * once; the store's guards decide in this process's memory when the store is down. A retry whose
 * first delivery never arrived finds no claim and is answered. Bolt acks an event before any
 * middleware runs, so the claim never delays the ack.
 */
export function answerEachEventOnce(
  claims: Pick<ReplicaGuards, 'claim'>,
  logger: Logger,
  ttlMs: number = EVENT_CLAIM_TTL_MS,
): Middleware<AnyMiddlewareArgs> {
  return async function claimEvent({ body, context, next }) {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string' || eventId === '') {
      await next();
      return;
    }
    const retry =
      context.retryNum !== undefined && context.retryNum > 0
        ? `Slack's retry #${context.retryNum} (${context.retryReason || 'no reason given'})`
        : undefined;
    if (await claims.claim(`slack-event:${eventId}`, ttlMs)) {
      if (retry) logger.info(`Answering ${retry} of event ${eventId}: its first delivery never arrived`);
      await next();
      return;
    }
    countDuplicateSkipped();
    recordOutcome(context, { outcome: 'ignored' });
    logger.info(`Ignored ${retry ?? 'a second delivery'} of event ${eventId}: already handled`);
  };
}
