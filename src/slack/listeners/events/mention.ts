import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { isFromBot } from '../../middleware.ts';
import { answerForConversation, outcome, postMessage } from '../../post-answer.ts';

/** @bot <question> in a channel: the answer goes into that message's thread. A bot's mention is never answered. */
export async function handleAppMention(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>,
): Promise<void> {
  if (isFromBot(event)) return;
  const { message, asked } = answerForConversation(deps, event.text);
  await postMessage(client, event.channel, message, event.thread_ts ?? event.ts);
  deps.logger.info(`mention by ${event.user ?? 'unknown'} in ${event.channel}: ${outcome(asked)}`);
}
