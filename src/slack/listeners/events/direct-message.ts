import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { isFromBot } from '../../middleware.ts';
import { answerForConversation, deliveryNote, outcome, postMessage } from '../../post-answer.ts';
import { recordGapIfUnanswered } from '../../records.ts';
import { recordAnswer, recordOutcome } from '../../requests.ts';

/**
 * A direct message to the bot: the answer in the DM (in the thread if the question is in one).
 * Edits, joins, bot messages and other subtypes are not questions and are ignored.
 */
export async function handleDirectMessage(
  deps: SlackDeps,
  { event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>,
): Promise<void> {
  if (event.channel_type !== 'im' || event.subtype !== undefined || isFromBot(event)) {
    recordOutcome(context, { outcome: 'ignored' });
    return;
  }
  const { message, asked } = answerForConversation(deps, event.text);
  const target = { channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) };
  const delivered = await postMessage(
    deps,
    client,
    target,
    message,
    `answer to DM ${body.event_id} from ${event.user}`,
  );
  recordGapIfUnanswered(deps, asked, event.channel);
  recordAnswer(context, asked);
  deps.logger.info(`DM from ${event.user}: ${outcome(asked)}${deliveryNote(delivered)}`);
}
