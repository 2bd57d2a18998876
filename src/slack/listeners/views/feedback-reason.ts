import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { decodeFeedbackContext, FEEDBACK_INPUT } from '../../interactions.ts';

/**
 * The "what was missing" form a 👎 opened: its one line is added to that 👎 (the vote itself was
 * recorded at the click). Empty means the person had nothing to add; the form closes either way.
 */
export async function handleFeedbackReasonSubmit(
  deps: SlackDeps,
  { view, body, ack }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>,
): Promise<void> {
  await ack();
  const context = decodeFeedbackContext(view.private_metadata);
  // A plain_text_input value arrives as typed, not Slack-encoded.
  const missing = view.state.values[FEEDBACK_INPUT.blockId]?.[FEEDBACK_INPUT.actionId]?.value?.trim();
  if (!context || !missing || !deps.recorder) return;
  const { answerId, channelId, ref } = context;
  deps.recorder.recordFeedback({
    answerId,
    userId: body.user.id,
    vote: 'down',
    missing,
    ...(ref.entryId ? { noteId: ref.entryId } : {}),
    ...(ref.question ? { question: ref.question } : {}),
    ...(channelId ? { channelId } : {}),
  });
  deps.logger.info(`feedback reason by ${body.user.id} on ${answerId}`);
}
