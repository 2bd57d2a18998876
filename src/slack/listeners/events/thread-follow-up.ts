import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { type AskedQuestion, answerForConversation, deliveryNote, outcome, postMessage } from '../../post-answer.ts';
import { recordGapIfUnanswered, storeReadInTime } from '../../records.ts';
import { recordAnswer } from '../../requests.ts';

/**
 * Remembers, in the store shared by the replicas, that the bot answered in this thread, so a reply
 * there is answered by whichever replica receives it. Best effort: a failing store costs the
 * follow-ups of that thread, never the answer already posted.
 */
export async function rememberBotThread(deps: SlackDeps, channelId: string, threadTs: string): Promise<void> {
  if (deps.config.threadFollowUps === false || !deps.store) return;
  try {
    await deps.store.botThreads.remember(channelId, threadTs);
  } catch (err) {
    warnThrottled(
      deps,
      'thread not remembered',
      `thread ${channelId}/${threadTs} not remembered for follow-ups: ${(err as Error).message}`,
    );
  }
}

/**
 * Whether the bot answered in the thread: its parent is the bot's own message (parent_user_id, no
 * state needed), or the store remembers the bot answering there (a mention's thread, whose parent is
 * the asker's message).
 */
async function isBotThread(
  deps: SlackDeps,
  channelId: string,
  threadTs: string,
  parentUserId: string | undefined,
  botUserId: string | undefined,
): Promise<boolean> {
  if (botUserId && parentUserId === botUserId) return true;
  if (!deps.store) return false;
  try {
    return await storeReadInTime(deps.store.botThreads.has(channelId, threadTs));
  } catch (err) {
    warnThrottled(
      deps,
      'thread not looked up',
      `thread ${channelId}/${threadTs}: could not tell whether the bot answered there: ${(err as Error).message}`,
    );
    return false;
  }
}

/** A store warning, at most a line a minute of its kind while the store stays down (deps.storeWarnings). */
function warnThrottled(deps: SlackDeps, kind: string, line: string): void {
  if (!deps.storeWarnings) {
    deps.logger.warn(line);
    return;
  }
  deps.storeWarnings(kind, (count) =>
    deps.logger.warn(count > 1 ? `${line} (${count - 1} more like it since the last such line)` : line),
  );
}

/**
 * A reply in a channel thread where the bot answered: the answer goes in that thread, no mention
 * needed (THREAD_FOLLOW_UPS, default on). Only the bot's own threads: every other channel message,
 * bot messages, edits and other subtypes are ignored, and so are replies that mention the bot (the
 * mention listener answers those). A thread is people talking too, so only a reply the notes answer
 * (fully or in part) gets one, and a complaint about the bot's answer ("답이 틀렸어요"), which is said to the bot;
 * "not covered" or other small talk there stays unanswered.
 */
export async function handleThreadFollowUp(
  deps: SlackDeps,
  { event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>,
): Promise<void> {
  if (deps.config.threadFollowUps === false) return;
  if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
  if (event.subtype !== undefined || event.bot_id) return;
  const threadTs = event.thread_ts;
  if (!threadTs || threadTs === event.ts) return;
  const botUserId = context.botUserId;
  if (botUserId && event.text?.includes(`<@${botUserId}`)) return;
  if (!(await isBotThread(deps, event.channel, threadTs, event.parent_user_id, botUserId))) return;
  const { message, asked } = answerForConversation(deps, event.text);
  if (!asked || !answersInThread(asked.answer)) return;
  const target = { channel: event.channel, threadTs };
  const delivered = await postMessage(deps, client, target, message, `follow-up ${body.event_id} by ${event.user}`);
  recordGapIfUnanswered(deps, asked, event.channel);
  recordAnswer(context, asked);
  deps.logger.info(`follow-up by ${event.user} in ${event.channel}: ${outcome(asked)}${deliveryNote(delivered)}`);
}

/** Whether a reply in the bot's thread gets an answer: the notes answer it, or it complains of the answer. */
function answersInThread(answer: AskedQuestion['answer']): boolean {
  if (answer.chat) return answer.chat === 'sorry';
  return answer.outcome === 'answered' || answer.outcome === 'partial';
}
