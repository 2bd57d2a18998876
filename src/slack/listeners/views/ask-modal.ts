import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { detectLang } from '../../../i18n.ts';
import { ASK_INPUT, buildAnswerModal } from '../../../render/answer-blocks.ts';
import { MATCH_LIMIT, type SlackDeps } from '../../deps.ts';

/** The App Home question form: the answer replaces the form in the same modal. */
export async function handleAskModalSubmit(deps: SlackDeps, { view, body, ack }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> {
  const question = (view.state.values[ASK_INPUT.blockId]?.[ASK_INPUT.actionId]?.value ?? '').trim();
  const lang = question ? detectLang(question) : deps.config.defaultLang;
  const answer = deps.kb.ask(question, { limit: MATCH_LIMIT });
  await ack({ response_action: 'update', view: buildAnswerModal(answer, question, lang, (id) => deps.kb.byId(id)) });
  deps.logger.info(`home question by ${body.user.id}: ${answer.answered ? `answered with ${answer.matches[0]?.entry.id}` : 'not answered'}`);
}
