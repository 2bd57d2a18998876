import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { strings } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
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
 * Slack resends an event when its ack took over 3 s (retry reason http_timeout). Bolt acks events
 * before any listener runs, so such a first delivery was already being answered: answering the
 * retry too would post twice. Other retry reasons (an error reply, no connection) mean the first
 * delivery was lost, so those are processed. Stateless: replicas need no shared memory for it.
 */
export function skipTimedOutRetries(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function dropTimedOutRetry({ context, next }) {
    if (context.retryNum !== undefined && context.retryReason === 'http_timeout') {
      recordOutcome(context, { outcome: 'ignored' });
      logger.info(`Ignored Slack's retry #${context.retryNum} of an event already being answered (http_timeout)`);
      return;
    }
    await next();
  };
}
