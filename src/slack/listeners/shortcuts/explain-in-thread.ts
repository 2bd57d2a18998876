import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { detectLang } from '../../../i18n.ts';
import { answerStrings } from '../../../render/answer-strings.ts';
import { buildNotAnsweredMessage } from '../../../render/answer-blocks.ts';
import { MATCH_LIMIT, type SlackDeps } from '../../deps.ts';
import { answerForConversation, isNotInChannel, postMessage } from '../../post-answer.ts';
import { slackReplies } from '../../replies.ts';
import { slackTextToPlain } from '../../text.ts';

/**
 * Message shortcut "Explain in thread": answers the message's text in its thread, so a question
 * a teammate posted gets a shared explanation. When the notes do not cover it, only the person
 * who asked for it hears so (a public "I don't know" in someone's thread is noise). When the bot
 * may not post in the channel, the answer comes back privately with a hint to invite it.
 */
export async function handleExplainInThread(deps: SlackDeps, { shortcut, ack, respond, client }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>): Promise<void> {
  await ack();
  const question = slackTextToPlain(shortcut.message.text ?? '');
  const lang = question ? detectLang(question) : deps.config.defaultLang;
  const replies = slackReplies(lang);
  if (!question) {
    await respond({ response_type: 'ephemeral', text: replies.nothingToExplain });
    return;
  }
  const where = `${shortcut.user.id} in ${shortcut.channel.id}`;
  const { message, answered, topId } = answerForConversation(deps, question, (l) => answerStrings(l).explainedFor(shortcut.user.id));
  if (!answered) {
    const notAnswered = buildNotAnsweredMessage(deps.kb.ask(question, { limit: MATCH_LIMIT }), question, lang);
    await respond({ response_type: 'ephemeral', text: notAnswered.text, blocks: notAnswered.blocks });
    deps.logger.info(`explain-in-thread by ${where}: not answered`);
    return;
  }
  const threadTs = typeof shortcut.message['thread_ts'] === 'string' ? shortcut.message['thread_ts'] : shortcut.message.ts;
  try {
    await postMessage(client, shortcut.channel.id, message, threadTs);
  } catch (err) {
    if (!isNotInChannel(err)) throw err;
    await respond({ response_type: 'ephemeral', text: replies.notInChannel, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: replies.notInChannel }] }, ...message.blocks] });
  }
  deps.logger.info(`explain-in-thread by ${where}: answered with ${topId}`);
}
