/**
 * 👍 / 👎 under an answer ("Was this helpful?"), and the optional "what was missing" form a 👎
 * opens. Slack's own feedback_buttons element (in a context_actions block) draws the two buttons;
 * each carries the answer's reference, so any replica can record the vote.
 */
import type { ContextActionsBlock, ModalView } from '@slack/types';
import { strings } from '../../i18n/index.ts';
import { MISSING_MAX_CHARS } from '../../store/text.ts';
import { truncate } from '../format.ts';
import { context, type KnownBlock, SLACK_LIMITS } from './blocks.ts';
import type { AnswerRoutes, EntryRef } from './routes.ts';

/** How many blocks feedbackBlocks adds: the question line and the buttons. */
export const FEEDBACK_BLOCK_COUNT = 2;

/** "Was this helpful?" and 👍 / 👎 for the answer about `ref`. */
export function feedbackBlocks(ref: EntryRef, routes: AnswerRoutes): KnownBlock[] {
  const s = strings(ref.lang).feedback;
  const route = routes.feedback(ref);
  const buttons: ContextActionsBlock = {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: route.actionId,
        positive_button: { text: { type: 'plain_text', text: '👍' }, accessibility_label: s.helpful, value: route.up },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          accessibility_label: s.notHelpful,
          value: route.down,
        },
      },
    ],
  };
  return [context(s.prompt), buttons];
}

/** The form a 👎 opens: one optional line on what was missing; `metadata` says which answer it is about. */
export function buildFeedbackModal(lang: EntryRef['lang'], metadata: string, routes: AnswerRoutes): ModalView {
  const s = strings(lang).feedback;
  const form = routes.feedbackForm;
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: metadata,
    title: { type: 'plain_text', text: truncate(s.modalTitle, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: s.send },
    close: { type: 'plain_text', text: s.skip },
    blocks: [
      {
        type: 'input',
        block_id: form.blockId,
        optional: true,
        label: { type: 'plain_text', text: s.missingLabel },
        element: {
          type: 'plain_text_input',
          action_id: form.actionId,
          placeholder: { type: 'plain_text', text: s.missingPlaceholder },
          max_length: MISSING_MAX_CHARS,
        },
      },
    ],
  };
}
