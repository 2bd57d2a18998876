import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../../render/answer-blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { handleOtherMatches, handleShareAnswer, handleShowEntry } from './answer-buttons.ts';
import { handleExplainDocker } from './explain-docker.ts';
import { handleHomeAsk, handleHomeReadTopic } from './home-buttons.ts';

/** Buttons carry `<prefix>:<n>` action ids (unique within their block); match on the prefix. */
function byPrefix(prefix: string): RegExp {
  return new RegExp(`^${prefix}(:\\d+)?$`);
}

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.share), (args) => handleShareAnswer(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.otherMatches), (args) => handleOtherMatches(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.showEntry), (args) => handleShowEntry(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.explainDocker), (args) => handleExplainDocker(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.homeReadTopic), (args) => handleHomeReadTopic(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.homeAsk), (args) => handleHomeAsk(deps, args));
}
