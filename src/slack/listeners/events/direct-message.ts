import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { isFromBot } from '../../middleware.ts';
import { answerForConversation, outcome, postMessage } from '../../post-answer.ts';

/**
 * A direct message to the bot: the answer in the DM (in the thread if the question is in one).
 * Edits, joins, bot messages and other subtypes are not questions and are ignored.
 */
export async function handleDirectMessage(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>,
): Promise<void> {
  if (event.channel_type !== 'im' || event.subtype !== undefined || isFromBot(event)) return;
  const { message, asked } = answerForConversation(deps, event.text);
  await postMessage(client, event.channel, message, event.thread_ts);
  deps.logger.info(`DM from ${event.user}: ${outcome(asked)}`);
}
