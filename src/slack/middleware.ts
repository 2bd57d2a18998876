import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { strings } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';

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
 * Slack resends an event when its ack took over 3 s (retry reason http_timeout). Bolt acks events
 * before any listener runs, so such a first delivery was already being answered: answering the
 * retry too would post twice. Other retry reasons (an error reply, no connection) mean the first
 * delivery was lost, so those are processed. Stateless: replicas need no shared memory for it.
 */
export function skipTimedOutRetries(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function dropTimedOutRetry({ context, next }) {
    if (context.retryNum !== undefined && context.retryReason === 'http_timeout') {
      logger.info(`Ignored Slack's retry #${context.retryNum} of an event already being answered (http_timeout)`);
      return;
    }
    await next();
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
