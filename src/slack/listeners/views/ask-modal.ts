import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import { buildAnswerModal } from '../../../render/slack/views.ts';
import type { SlackDeps } from '../../deps.ts';
import { ASK_INPUT } from '../../interactions.ts';
import { askNotes, outcome } from '../../post-answer.ts';
import { recordGapIfUnanswered } from '../../records.ts';
import { recordAnswer } from '../../requests.ts';
import { questionFromSlack } from '../../text.ts';

/** The App Home question form: the answer replaces the form in the same modal. */
export async function handleAskModalSubmit(
  deps: SlackDeps,
  { view, body, ack, context }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>,
): Promise<void> {
  // A plain_text_input value arrives as typed, not Slack-encoded.
  const asked = askNotes(
    deps,
    questionFromSlack(view.state.values[ASK_INPUT.blockId]?.[ASK_INPUT.actionId]?.value ?? '', 'input'),
  );
  if (!asked) {
    // Only spaces: Slack shows the message under the field and keeps the form open.
    await ack({
      response_action: 'errors',
      errors: { [ASK_INPUT.blockId]: strings(deps.config.defaultLang).slack.emptyQuestion },
    });
    return;
  }
  await ack({
    response_action: 'update',
    view: buildAnswerModal(asked.answer, asked.question, asked.lang, (id) => deps.kb.byId(id)),
  });
  recordGapIfUnanswered(deps, asked);
  recordAnswer(context, asked);
  deps.logger.info(`home question by ${body.user.id}: ${outcome(asked)}`);
}
