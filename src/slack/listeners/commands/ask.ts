import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { detectLang } from '../../../i18n.ts';
import { buildAnswerMessage, buildHelpMessage } from '../../../render/answer-blocks.ts';
import { MATCH_LIMIT, type SlackDeps } from '../../deps.ts';

/**
 * /docker-ask <question>: the answer, visible only to the asker, sent in the ack itself: the
 * search takes well under a millisecond, so one round trip is all it needs.
 */
export async function handleDockerAsk(deps: SlackDeps, { command, ack }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
  const question = command.text.trim();
  const lookup = (id: string) => deps.kb.byId(id);
  if (!question) {
    await ack({ response_type: 'ephemeral', ...buildHelpMessage(deps.kb.entries, deps.config.defaultLang) });
    deps.logger.info(`/docker-ask (help) by ${command.user_id} in ${command.channel_id}`);
    return;
  }
  const lang = detectLang(question);
  const answer = deps.kb.ask(question, { limit: MATCH_LIMIT });
  await ack({ response_type: 'ephemeral', ...buildAnswerMessage({ answer, question, lang, audience: 'private', lookup }) });
  deps.logger.info(`/docker-ask by ${command.user_id} in ${command.channel_id}: ${answer.answered ? `answered with ${answer.matches[0]?.entry.id}` : 'not answered'}`);
}
