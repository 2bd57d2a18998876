import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { strings } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { ReplicaGuards } from '../store/index.ts';
import { countDuplicateSkipped } from './delivery/index.ts';
import { recordOutcome } from './requests.ts';

/**
 * SLACK_TEAM_ID: requests from any other workspace (an org-wide or mis-shared install), and requests
 * that name no workspace at all (nothing Slack sends a bot lacks one), stop here. The pin may be a
 * workspace (T…) or an Enterprise Grid org (E…). Slash commands get a one-line refusal; other
 * requests are acknowledged and dropped.
 */
export function pinTeam(teamId: string, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function requireTeam({ context, body, next, ...rest }) {
    if (context.teamId === teamId || context.enterpriseId === teamId) {
      await next();
      return;
    }
    recordOutcome(context, { outcome: 'refused' });
    const from = context.teamId ?? context.enterpriseId;
    logger.warn(
      from === undefined
        ? `Ignored a request that names no workspace: SLACK_TEAM_ID pins the bot to ${teamId}`
        : `Ignored a request from workspace ${from}: SLACK_TEAM_ID pins the bot to ${teamId}`,
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

/** A message or mention written by a bot (an integration, a workflow, another app like this one). */
export function isFromBot(event: { bot_id?: unknown; subtype?: unknown }): boolean {
  return Boolean(event.bot_id) || event.subtype === 'bot_message';
}

/**
 * Messages and mentions from bots are never answered, in any listener: two bots answering each
 * other would loop. (Bolt's own ignoreSelf drops only this bot's messages.) A person's message
 * shortcut on a bot's message is a person asking, and goes through.
 */
export function ignoreBotMessages(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function dropBotMessage({ body, next }) {
    const event = (body as { event?: { type?: unknown; bot_id?: unknown; subtype?: unknown } }).event;
    if (event && (event.type === 'message' || event.type === 'app_mention') && isFromBot(event)) {
      logger.debug(`Ignored a ${event.type} event from a bot`);
      return;
    }
    await next();
  };
}
