import type { webApi } from '@slack/bolt';
import { detectLang } from '../i18n.ts';
import { buildAnswerMessage, buildHelpMessage, type SlackMessage } from '../render/answer-blocks.ts';
import { MATCH_LIMIT, type SlackDeps } from './deps.ts';
import { slackTextToPlain } from './text.ts';

/** The public reply to a question typed in a conversation (mention, DM, shortcut). */
export function answerForConversation(deps: SlackDeps, rawText: string, attribution?: (lang: 'ko' | 'en') => string): { message: SlackMessage; answered: boolean; topId?: string } {
  const question = slackTextToPlain(rawText);
  if (!question) return { message: buildHelpMessage(deps.kb.entries, deps.config.defaultLang), answered: false };
  const lang = detectLang(question);
  const answer = deps.kb.ask(question, { limit: MATCH_LIMIT });
  const message = buildAnswerMessage({
    answer,
    question,
    lang,
    audience: 'public',
    lookup: (id) => deps.kb.byId(id),
    ...(attribution ? { attribution: attribution(lang) } : {}),
  });
  const topId = answer.matches[0]?.entry.id;
  return { message, answered: answer.answered, ...(topId ? { topId } : {}) };
}

/** Posts a message, in a thread when `threadTs` is given. */
export async function postMessage(client: webApi.WebClient, channel: string, message: SlackMessage, threadTs?: string): Promise<void> {
  await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
}

/** True when Slack refused a post because the bot is not in the conversation. */
export function isNotInChannel(err: unknown): boolean {
  const code = (err as { data?: { error?: string } } | undefined)?.data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found';
}
