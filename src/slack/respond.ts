import { type RespondArguments, RespondError, type RespondFn } from '@slack/bolt';
import type { Logger } from '../logger.ts';
import type { SlackMessage } from '../render/slack/blocks.ts';
import { deliverThroughResponseUrl, type RetryOptions } from './delivery/index.ts';

/** Posts to one request's response_url; resolves to whether Slack took the message. */
export type Reply = (message: RespondArguments) => Promise<boolean>;

/**
 * The one way the Slack face posts to a response_url: every listener wraps its respond() here and
 * posts through the Reply it gets. Bolt 5 throws RespondError on a non-2xx answer. A response_url
 * expires (Slack answers 404 or 410 after 30 minutes or five uses); by then the person has moved
 * on, so that is one log line naming `what` the post was, not a failed listener. A 5xx or a 429 is
 * tried again while the post is of use, a post that got no answer is not sent twice, and what is
 * given up is logged (deliverThroughResponseUrl). Slack's other refusals still throw and reach the
 * app's error handler.
 *
 * The result lets a follow-up depend on the post: a share deletes the private copy only once the
 * public one arrived (false also when it was dropped, or may not have arrived).
 */
export function replyThrough(
  respond: RespondFn,
  logger: Pick<Logger, 'warn'>,
  what: string,
  options: RetryOptions = {},
): Reply {
  return async (message) => {
    try {
      return (await deliverThroughResponseUrl(() => respond(message), what, logger, options)) === 'delivered';
    } catch (err) {
      if (err instanceof RespondError && (err.statusCode === 404 || err.statusCode === 410)) {
        logger.warn(`${what}: not delivered, its response_url has expired (HTTP ${err.statusCode})`);
        return false;
      }
      throw err;
    }
  };
}

/**
 * Share: `message` posted in the channel through `reply`, then the private copy it came from
 * deleted (only once the post went through). Says whether it was posted.
 */
export async function postInChannelReplacingPrivate(reply: Reply, message: SlackMessage): Promise<boolean> {
  const posted = await reply({
    response_type: 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
  if (posted) await reply({ delete_original: true });
  return posted;
}
