import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { type AskedQuestion, answerMessage, askNotes, outcome, postInThreadOrPrivately } from '../../post-answer.ts';
import { recordGapIfUnanswered } from '../../records.ts';
import { recordAnswer } from '../../requests.ts';
import { replyThrough } from '../../respond.ts';
import { questionFromSlack } from '../../text.ts';
import { rememberBotThread } from '../events/thread-follow-up.ts';

/**
 * Message shortcut "Explain in thread": answers the message's text in its thread, so a question
 * a teammate posted gets a shared explanation. When the notes do not cover it, only the person
 * who asked for it hears so (a public "I don't know" in someone's thread is noise). When the bot
 * may not post in the channel, the answer comes back privately with a hint to invite it.
 */
export async function handleExplainInThread(
  deps: SlackDeps,
  { shortcut, ack, respond, client, context }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>,
): Promise<void> {
  await ack();
  const who = `${shortcut.user.id} in ${shortcut.channel.id}`;
  const reply = replyThrough(respond, deps.logger, `explain-in-thread by ${who}`);
  const asked = withoutSmallTalk(askNotes(deps, questionFromSlack(shortcut.message.text)));
  recordAnswer(context, asked);
  if (!asked) {
    await reply({ response_type: 'ephemeral', text: strings(deps.config.defaultLang).slack.nothingToExplain });
    return;
  }
  recordGapIfUnanswered(deps, asked, shortcut.channel.id);
  // A partial answer says honestly what it covers, so it goes in the thread like an answer.
  if (asked.answer.outcome === 'none') {
    const notAnswered = answerMessage(deps, asked, { audience: 'private' });
    await reply({ response_type: 'ephemeral', text: notAnswered.text, blocks: notAnswered.blocks });
    deps.logger.info(`explain-in-thread by ${who}: ${outcome(asked)}`);
    return;
  }
  const threadTs = typeof shortcut.message.thread_ts === 'string' ? shortcut.message.thread_ts : shortcut.message.ts;
  const build = (notice?: string) =>
    answerMessage(deps, asked, {
      audience: 'public',
      attribution: { explainedFor: shortcut.user.id },
      ...(notice ? { notice } : {}),
    });
  const where = await postInThreadOrPrivately(
    deps,
    client,
    reply,
    { channel: shortcut.channel.id, threadTs },
    build,
    strings(asked.lang).slack.notInChannel,
    `explain-in-thread answer for ${shortcut.user.id}`,
  );
  if (where === 'thread') await rememberBotThread(deps, shortcut.channel.id, threadTs);
  deps.logger.info(`explain-in-thread by ${who}: ${outcome(asked)} (${where})`);
}

/**
 * Small talk in a teammate's message (a greeting, thanks, a complaint, "다시 설명해 줄래요?") is not said to the
 * bot, so replying to it, or posting the bot's help in the channel, would be odd: it is a message the notes do not
 * cover.
 */
function withoutSmallTalk(asked: AskedQuestion | undefined): AskedQuestion | undefined {
  if (!asked?.answer.chat) return asked;
  const { chat: _smallTalk, ...answer } = asked.answer;
  return { ...asked, answer };
}
