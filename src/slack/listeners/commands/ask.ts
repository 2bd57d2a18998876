import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { answerMessage, askNotes, helpMessage, outcome } from '../../post-answer.ts';
import { recordGapIfUnanswered } from '../../records.ts';
import { recordAnswer } from '../../requests.ts';
import { questionFromSlack } from '../../text.ts';

/**
 * /docker-ask <question>: the answer, visible only to the asker, sent in the ack itself: the
 * search takes well under a millisecond, so one round trip is all it needs. With no question,
 * how to use the bot and the topic list.
 */
export async function handleDockerAsk(
  deps: SlackDeps,
  { command, ack, context }: AllMiddlewareArgs & SlackCommandMiddlewareArgs,
): Promise<void> {
  const asked = askNotes(deps, questionFromSlack(command.text));
  await ack({
    response_type: 'ephemeral',
    ...(asked ? answerMessage(deps, asked, { audience: 'private' }) : helpMessage(deps)),
  });
  recordGapIfUnanswered(deps, asked, command.channel_id);
  recordAnswer(context, asked);
  deps.logger.info(`/docker-ask by ${command.user_id} in ${command.channel_id}: ${outcome(asked)}`);
}
