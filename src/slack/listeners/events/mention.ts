import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { answerForConversation, outcome, postMessage } from '../../post-answer.ts';
import { recordAnswer } from '../../requests.ts';

/** @bot <question> in a channel: the answer goes into that message's thread. */
export async function handleAppMention(
  deps: SlackDeps,
  { event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>,
): Promise<void> {
  const { message, asked } = answerForConversation(deps, event.text);
  await postMessage(client, event.channel, message, event.thread_ts ?? event.ts);
  recordAnswer(context, asked);
  deps.logger.info(`mention by ${event.user ?? 'unknown'} in ${event.channel}: ${outcome(asked)}`);
}
