import type { App, BlockButtonAction, BlockFeedbackButtonsAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTION_IDS, actionIdPattern, NOTE_ACTION_IDS, WRITE_NOTE_ACTION } from '../../interactions.ts';
import { handleOtherMatches, handleShareAnswer, handleShowEntry } from './answer-buttons.ts';
import type { ButtonArgs } from './clicked-entry.ts';
import { handleExplainDocker } from './explain-docker.ts';
import { type FeedbackArgs, handleFeedbackVote } from './feedback.ts';
import { handleHomeAsk, handleHomeReadTopic } from './home-buttons.ts';
import { handleDeleteNote, handleEditNote, handleWriteNote } from './note-buttons.ts';
import { handleShareDocker } from './share-docker.ts';
import { handleShareQuestion } from './share-question.ts';

/**
 * Every button the bot listens to, by action id prefix (buttons carry `<prefix>:<n>`, unique in
 * their block). The manifest cannot list action ids; a test checks that every button the builders
 * draw (ROUTES) has a listener here and that every listener here has a button.
 */
const ACTION_LISTENERS: ReadonlyArray<{
  actionId: string;
  handle: (deps: SlackDeps, args: ButtonArgs) => Promise<void>;
}> = [
  { actionId: ACTION_IDS.share, handle: handleShareAnswer },
  { actionId: ACTION_IDS.otherMatches, handle: handleOtherMatches },
  { actionId: ACTION_IDS.showEntry, handle: handleShowEntry },
  { actionId: ACTION_IDS.explainDocker, handle: handleExplainDocker },
  { actionId: ACTION_IDS.shareDocker, handle: handleShareDocker },
  { actionId: ACTION_IDS.homeReadTopic, handle: handleHomeReadTopic },
  { actionId: ACTION_IDS.homeAsk, handle: handleHomeAsk },
  { actionId: WRITE_NOTE_ACTION, handle: handleWriteNote },
  { actionId: NOTE_ACTION_IDS.edit, handle: handleEditNote },
  { actionId: NOTE_ACTION_IDS.delete, handle: handleDeleteNote },
  { actionId: ACTION_IDS.shareQuestion, handle: handleShareQuestion },
];

/** Slack's feedback_buttons (👍 / 👎 under answers): one element, the vote in the clicked button's value. */
const FEEDBACK_LISTENERS: ReadonlyArray<{
  actionId: string;
  handle: (deps: SlackDeps, args: FeedbackArgs) => Promise<void>;
}> = [{ actionId: ACTION_IDS.feedback, handle: handleFeedbackVote }];

export const ACTION_ID_PREFIXES: readonly string[] = [...ACTION_LISTENERS, ...FEEDBACK_LISTENERS].map(
  (l) => l.actionId,
);

export function registerActions(app: App, deps: SlackDeps): void {
  for (const listener of ACTION_LISTENERS) {
    app.action<BlockButtonAction>(actionIdPattern(listener.actionId), (args) => listener.handle(deps, args));
  }
  for (const listener of FEEDBACK_LISTENERS) {
    app.action<BlockFeedbackButtonsAction>(listener.actionId, (args) => listener.handle(deps, args));
  }
}
