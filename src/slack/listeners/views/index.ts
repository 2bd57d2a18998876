import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { NOTE_FORM, VIEW_CALLBACK_IDS } from '../../interactions.ts';
import { handleAskModalSubmit } from './ask-modal.ts';
import { handleFeedbackReasonSubmit } from './feedback-reason.ts';
import { handleSaveNoteSubmit } from './save-note.ts';

/**
 * Every modal submission the bot handles, by callback id. The manifest cannot list them either; a
 * test checks that the forms the builders draw (ROUTES.askForm, ROUTES.feedbackForm, NOTE_ROUTES.form) are these, and only these.
 */
const VIEW_LISTENERS = [
  {
    callbackId: VIEW_CALLBACK_IDS.askModal,
    register: (app: App, deps: SlackDeps) =>
      app.view<ViewSubmitAction>({ callback_id: VIEW_CALLBACK_IDS.askModal, type: 'view_submission' }, (args) =>
        handleAskModalSubmit(deps, args),
      ),
  },
  {
    callbackId: VIEW_CALLBACK_IDS.feedbackReason,
    register: (app: App, deps: SlackDeps) =>
      app.view<ViewSubmitAction>({ callback_id: VIEW_CALLBACK_IDS.feedbackReason, type: 'view_submission' }, (args) =>
        handleFeedbackReasonSubmit(deps, args),
      ),
  },
  {
    callbackId: NOTE_FORM.callbackId,
    register: (app: App, deps: SlackDeps) =>
      app.view<ViewSubmitAction>({ callback_id: NOTE_FORM.callbackId, type: 'view_submission' }, (args) =>
        handleSaveNoteSubmit(deps, args),
      ),
  },
] as const;

export const VIEW_SUBMISSION_CALLBACK_IDS: readonly string[] = VIEW_LISTENERS.map((l) => l.callbackId);

export function registerViews(app: App, deps: SlackDeps): void {
  for (const listener of VIEW_LISTENERS) listener.register(app, deps);
}
