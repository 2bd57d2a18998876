import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { isFromBot } from '../../middleware.ts';
import { answerForConversation, deliveryNote, outcome, postMessage } from '../../post-answer.ts';
import { recordGapIfUnanswered } from '../../records.ts';
import { recordAnswer } from '../../requests.ts';
import { rememberBotThread } from './thread-follow-up.ts';

/** @bot <question> in a channel: the answer goes into that message's thread. A bot's mention is never answered. */
export async function handleAppMention(
  deps: SlackDeps,
  { event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>,
): Promise<void> {
  if (isFromBot(event)) return;
  const { message, asked } = answerForConversation(deps, event.text);
  const who = event.user ?? 'unknown';
  const threadTs = event.thread_ts ?? event.ts;
  const target = { channel: event.channel, threadTs };
  const delivered = await postMessage(deps, client, target, message, `answer to mention ${body.event_id} by ${who}`);
  if (delivered !== 'dropped') await rememberBotThread(deps, event.channel, threadTs);
  recordGapIfUnanswered(deps, asked, event.channel);
  recordAnswer(context, asked);
  deps.logger.info(`mention by ${who} in ${event.channel}: ${outcome(asked)}${deliveryNote(delivered)}`);
}
