import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTION_IDS, actionIdPattern as byPrefix } from '../../interactions.ts';
import { handleOtherMatches, handleShareAnswer, handleShowEntry } from './answer-buttons.ts';
import { handleExplainDocker } from './explain-docker.ts';
import { handleHomeAsk, handleHomeReadTopic } from './home-buttons.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.share), (args) => handleShareAnswer(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.otherMatches), (args) => handleOtherMatches(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.showEntry), (args) => handleShowEntry(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.explainDocker), (args) => handleExplainDocker(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.homeReadTopic), (args) => handleHomeReadTopic(deps, args));
  app.action<BlockButtonAction>(byPrefix(ACTION_IDS.homeAsk), (args) => handleHomeAsk(deps, args));
}
