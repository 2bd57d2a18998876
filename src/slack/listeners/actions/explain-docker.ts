import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerStrings } from '../../../render/answer-strings.ts';
import { buildEntryMessage, decodeEntryRef } from '../../../render/answer-blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { isNotInChannel, postMessage } from '../../post-answer.ts';
import { slackReplies } from '../../replies.ts';

/**
 * Explain, under a /docker-ps or /docker-df result: posts the knowledge entry into the result's
 * thread. The result was posted through response_url, which returns no ts; the click itself
 * carries the message's ts (container.message_ts) and channel, so no state is needed to find the
 * thread. Where the bot may not post (not invited) or the result was private, the explanation
 * comes back privately to the person who clicked.
 */
export async function handleExplainDocker(deps: SlackDeps, { action, body, ack, respond, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> {
  await ack();
  const ref = decodeEntryRef(action.value);
  if (!ref) return;
  const entry = deps.kb.byId(ref.entryId);
  if (!entry) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: slackReplies(ref.lang).topicGone });
    return;
  }
  const message = buildEntryMessage({
    entry,
    question: entry.title,
    lang: ref.lang,
    audience: 'public',
    lookup: (id) => deps.kb.byId(id),
    hasOtherMatches: false,
    attribution: answerStrings(ref.lang).explainedFor(body.user.id),
  });
  const channel = typeof body.container['channel_id'] === 'string' ? body.container['channel_id'] : body.channel?.id;
  const threadTs = typeof body.container['message_ts'] === 'string' ? body.container['message_ts'] : body.message?.ts;
  if (channel && threadTs && body.container['is_ephemeral'] !== true) {
    try {
      await postMessage(client, channel, message, threadTs);
      deps.logger.info(`explain ${entry.id} by ${body.user.id} in ${channel}`);
      return;
    } catch (err) {
      if (!isNotInChannel(err)) throw err;
    }
  }
  const note = slackReplies(ref.lang).explainedPrivately;
  await respond({ response_type: 'ephemeral', replace_original: false, text: note, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: note }] }, ...message.blocks] });
}
