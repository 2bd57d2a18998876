import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { VIEW_CALLBACK_IDS } from '../../interactions.ts';
import { handleAskModalSubmit } from './ask-modal.ts';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: VIEW_CALLBACK_IDS.askModal, type: 'view_submission' }, (args) =>
    handleAskModalSubmit(deps, args),
  );
}
