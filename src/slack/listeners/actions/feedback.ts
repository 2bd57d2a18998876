import type { AllMiddlewareArgs, BlockFeedbackButtonsAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildFeedbackModal } from '../../../render/slack/feedback.ts';
import type { AnswerVote } from '../../../store/types.ts';
import type { SlackDeps } from '../../deps.ts';
import { answerIdOf, decodeVote, encodeFeedbackContext, ROUTES } from '../../interactions.ts';
import { recordVote } from '../../records.ts';

export type FeedbackArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockFeedbackButtonsAction>;

/**
 * 👍 / 👎 under an answer: records the vote (one per user per answer; a second click changes it).
 * 👎 also opens the optional "what was missing" form, before anything else, as the click's
 * trigger_id is good for 3 seconds only. Which answer it was comes from the message clicked on,
 * what it answered from the button's value: nothing is remembered between requests.
 */
export async function handleFeedbackVote(deps: SlackDeps, { action, body, ack, client }: FeedbackArgs): Promise<void> {
  await ack();
  const click = decodeVote(action.value);
  const answerId = answerIdOf(body.container);
  if (!click || !answerId) return;
  const { ref } = click;
  const channelId = typeof body.container.channel_id === 'string' ? body.container.channel_id : body.channel?.id;
  if (click.vote === 'down') {
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildFeedbackModal(
          ref.lang,
          encodeFeedbackContext({ answerId, ref, ...(channelId ? { channelId } : {}) }),
          ROUTES,
        ),
      });
    } catch (err) {
      // The form is optional: the vote counts without it.
      deps.logger.warn(`feedback form for ${answerId} by ${body.user.id} not opened: ${slackErrorCode(err)}`);
    }
  }
  const vote: AnswerVote = {
    answerId,
    userId: body.user.id,
    vote: click.vote,
    ...(ref.entryId ? { noteId: ref.entryId } : {}),
    ...(ref.question ? { question: ref.question } : {}),
    ...(channelId ? { channelId } : {}),
  };
  await recordVote(deps, vote, ref.lang);
  deps.logger.info(`feedback ${click.vote} by ${body.user.id} on ${answerId}${ref.entryId ? ` (${ref.entryId})` : ''}`);
}

/** Slack's error code when it gave one, else the message: never the request. */
function slackErrorCode(err: unknown): string {
  const code = (err as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.message : String(err);
}
