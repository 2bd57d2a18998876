import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import { slackReplies } from './replies.ts';

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
    logger.warn(`Ignored a request from workspace ${context.teamId ?? context.enterpriseId}: SLACK_TEAM_ID pins the bot to ${teamId}`);
    const ack = 'ack' in rest ? (rest.ack as ((response?: unknown) => Promise<void>) | undefined) : undefined;
    if (!ack) return;
    if ('command' in body) await ack({ response_type: 'ephemeral', text: slackReplies('en').otherWorkspace });
    else await ack();
  };
}
