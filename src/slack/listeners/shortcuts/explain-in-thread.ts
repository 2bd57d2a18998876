import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import { buildNotAnsweredMessage } from '../../../render/slack/answers.ts';
import type { SlackDeps } from '../../deps.ts';
import { ROUTES } from '../../interactions.ts';
import { answerMessage, askNotes, postInThreadOrPrivately } from '../../post-answer.ts';
import { recordAnswer } from '../../requests.ts';
import { replyThrough } from '../../respond.ts';
import { questionFromSlack } from '../../text.ts';

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
  const asked = askNotes(deps, questionFromSlack(shortcut.message.text));
  recordAnswer(context, asked);
  if (!asked) {
    await reply({ response_type: 'ephemeral', text: strings(deps.config.defaultLang).slack.nothingToExplain });
    return;
  }
  if (!asked.answer.answered) {
    const notAnswered = buildNotAnsweredMessage(asked.answer, asked.question, asked.lang, ROUTES);
    await reply({ response_type: 'ephemeral', text: notAnswered.text, blocks: notAnswered.blocks });
    deps.logger.info(`explain-in-thread by ${who}: not answered`);
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
    client,
    reply,
    { channel: shortcut.channel.id, threadTs },
    build,
    strings(asked.lang).slack.notInChannel,
  );
  deps.logger.info(`explain-in-thread by ${who}: answered with ${asked.answer.matches[0]?.entry.id} (${where})`);
}
