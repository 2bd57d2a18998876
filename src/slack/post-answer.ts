import type { webApi } from '@slack/bolt';
import { detectLang, type Lang } from '../i18n/index.ts';
import type { Answer } from '../knowledge/types.ts';
import { type AnswerMessageInput, buildAnswerMessage, buildHelpMessage } from '../render/slack/answers.ts';
import type { SlackMessage } from '../render/slack/blocks.ts';
import type { DeliveryOutcome, PostTarget } from './delivery/index.ts';
import { MATCH_LIMIT, type SlackDeps } from './deps.ts';
import { ROUTES } from './interactions.ts';
import type { Reply } from './respond.ts';
import { questionFromSlack } from './text.ts';

/** A question from Slack, decoded once (questionFromSlack), with its language and answer. */
export interface AskedQuestion {
  question: string;
  lang: Lang;
  answer: Answer;
}

/** Searches the notes once for a decoded question; undefined when there is no question. */
export function askNotes(deps: SlackDeps, question: string): AskedQuestion | undefined {
  if (!question) return undefined;
  return { question, lang: detectLang(question), answer: deps.kb.ask(question, { limit: MATCH_LIMIT }) };
}

/** The reply to an asked question, for whoever `options.audience` says will see it. */
export function answerMessage(
  deps: SlackDeps,
  asked: AskedQuestion,
  options: Pick<AnswerMessageInput, 'audience' | 'attribution' | 'notice'>,
): SlackMessage {
  return buildAnswerMessage({
    ...options,
    answer: asked.answer,
    question: asked.question,
    lang: asked.lang,
    lookup: (id) => deps.kb.byId(id),
    routes: ROUTES,
    feedback: deps.recorder !== undefined,
    topics: deps.kb.entries,
  });
}

/** How to use the bot and the topic list, for an empty question. */
export function helpMessage(deps: SlackDeps): SlackMessage {
  return buildHelpMessage(deps.kb.entries, deps.config.defaultLang);
}

/** For the log: the outcome, and which entry answered or covered part. */
export function outcome(asked: AskedQuestion | undefined): string {
  if (!asked) return 'help';
  const { answer } = asked;
  if (answer.chat) return `chat (${answer.chat})`;
  const top = answer.matches[0]?.entry.id;
  if (answer.outcome === 'partial' && top) return `partly answered with ${top}`;
  return answer.answered && top ? `answered with ${top}` : 'not answered';
}

/** The public reply to text typed in a conversation (mention, DM): the answer, or help when empty. */
export function answerForConversation(
  deps: SlackDeps,
  rawText: string | undefined,
): { message: SlackMessage; asked: AskedQuestion | undefined } {
  const asked = askNotes(deps, questionFromSlack(rawText));
  return { message: asked ? answerMessage(deps, asked, { audience: 'public' }) : helpMessage(deps), asked };
}

/**
 * Posts a message, in a thread when `threadTs` is given, through the delivery (paced per channel,
 * retried while useful, never twice). `what` names the answer for the log, with ids only.
 */
export function postMessage(
  deps: Pick<SlackDeps, 'delivery'>,
  client: webApi.WebClient,
  target: PostTarget,
  message: SlackMessage,
  what: string,
): Promise<DeliveryOutcome> {
  return deps.delivery.post(client, target, message, what);
}

/** True when Slack refused a post because the bot is not in the conversation. */
function isNotInChannel(err: unknown): boolean {
  const code = (err as { data?: { error?: string } } | undefined)?.data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found';
}

export interface ThreadTarget {
  channel: string;
  threadTs: string;
}

/**
 * Posts `build()` into the thread `target`. Where the bot may not post (not invited), or when
 * there is no thread to post in, `build(notice)` goes to the person who clicked instead, through
 * `reply` (ephemeral, leaving the original alone); the builder lays the notice out within
 * Slack's limits. Says where the message went.
 */
export async function postInThreadOrPrivately(
  deps: Pick<SlackDeps, 'delivery'>,
  client: webApi.WebClient,
  reply: Reply,
  target: ThreadTarget | undefined,
  build: (notice?: string) => SlackMessage,
  notice: string,
  what: string,
): Promise<'thread' | 'privately' | 'nowhere (expired)' | 'nowhere (dropped)' | 'thread (maybe)'> {
  if (target) {
    try {
      const outcome = await postMessage(deps, client, target, build(), what);
      if (outcome === 'delivered') return 'thread';
      return outcome === 'dropped' ? 'nowhere (dropped)' : 'thread (maybe)';
    } catch (err) {
      if (!isNotInChannel(err)) throw err;
    }
  }
  const message = build(notice);
  const delivered = await reply({
    response_type: 'ephemeral',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
  return delivered ? 'privately' : 'nowhere (expired)';
}

/** For the log line of a handled request: nothing when delivered, else what became of the post. */
export function deliveryNote(outcome: DeliveryOutcome): string {
  return outcome === 'delivered' ? '' : outcome === 'dropped' ? ' (not delivered)' : ' (delivery uncertain)';
}
