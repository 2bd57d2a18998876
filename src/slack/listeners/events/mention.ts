import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { answerForConversation, outcome, postMessage } from '../../post-answer.ts';
import { rememberBotThread } from './thread-follow-up.ts';

/** @bot <question> in a channel: the answer goes into that message's thread. */
export async function handleAppMention(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>,
): Promise<void> {
  const { message, asked } = answerForConversation(deps, event.text);
  const threadTs = event.thread_ts ?? event.ts;
  await postMessage(client, event.channel, message, threadTs);
  await rememberBotThread(deps, event.channel, threadTs);
  deps.logger.info(`mention by ${event.user ?? 'unknown'} in ${event.channel}: ${outcome(asked)}`);
}
