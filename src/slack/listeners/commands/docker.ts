import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { notesForDockerResult } from '../../../commands/explain.ts';
import { type DockerCommand, planDockerCommand } from '../../../commands/index.ts';
import type { DockerResult } from '../../../docker/types.ts';
import { UserError, userMessage } from '../../../errors.ts';
import { strings } from '../../../i18n/index.ts';
import { withExplainButton } from '../../../render/slack/answers.ts';
import { escapeSlackText, type SlackMessage } from '../../../render/slack/blocks.ts';
import { renderDockerBlocks } from '../../../render/slack/docker.ts';
import { truncateCodePoints } from '../../../text/visible.ts';
import { checkDockerAccess } from '../../access.ts';
import type { SlackDeps } from '../../deps.ts';
import { ROUTES } from '../../interactions.ts';
import { replyThrough } from '../../respond.ts';
import { decodeSlackEntities } from '../../text.ts';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** An error reply is one line saying what to do; cut on code points, so an emoji is never split. */
const ERROR_REPLY_MAX = 1000;

/**
 * /docker-ps and /docker-df. Refusals, usage errors and the rate limit answer in the ack
 * (ephemeral). Otherwise the ack says it is running, at once, since Docker can take longer than
 * Slack's 3 s, and the result follows through response_url, in the channel, with an Explain
 * button. Errors go only to the user who ran the command, in the reader's plain words; anything
 * unexpected is logged with its stack on the server and the user gets a generic sentence.
 */
export async function handleDockerCommand(
  deps: SlackDeps,
  kind: DockerCommand,
  { command, ack, respond }: CommandArgs,
): Promise<void> {
  const lang = deps.config.defaultLang;
  const replies = strings(lang).slack;
  // Slack sends &, < and > as entities; the parser gets the words as typed.
  const args = decodeSlackEntities(command.text).trim();
  const typed = `/docker-${kind}${args ? ` ${args}` : ''}`;
  const logged = typed.slice(0, 200);
  const who = `${command.user_id} in ${command.channel_id}`;
  const reply = replyThrough(respond, deps.logger, `${logged} by ${who}`);

  const access = checkDockerAccess(deps.config.docker, { userId: command.user_id, channelId: command.channel_id });
  if (!access.ok) {
    await ack({
      response_type: 'ephemeral',
      text: access.reason === 'user' ? replies.refusedUser : replies.refusedChannel,
    });
    deps.logger.info(`${logged} by ${who}: refused (${access.reason} not allowed)`);
    return;
  }
  const plan = planDockerCommand(kind, args, lang);
  if (!plan.ok) {
    await ack({
      response_type: 'ephemeral',
      text: `${escapeSlackText(plan.error)}\n\`\`\`${escapeSlackText(plan.usage)}\`\`\``,
    });
    return;
  }
  const rate = deps.dockerRateLimiter.take(command.user_id);
  if (!rate.ok) {
    await ack({
      response_type: 'ephemeral',
      text: replies.rateLimited(rate.reason === 'rate' ? rate.retryAfterSec : 60),
    });
    deps.logger.info(`${logged} by ${who}: rate limited`);
    return;
  }
  await ack({ response_type: 'ephemeral', text: replies.running(escapeSlackText(typed)) });
  deps.logger.info(`${logged} by ${who}`);

  let result: SlackMessage;
  try {
    result = resultMessage(deps, await plan.read(deps.docker));
  } catch (err) {
    if (err instanceof UserError) deps.logger.warn(`${logged} by ${who} failed: ${err.message}`);
    // Server log only, never Slack: the stack says where it broke.
    else
      deps.logger.error(
        `${logged} by ${who} failed unexpectedly: ${err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err)}`,
      );
    const message = truncateCodePoints(userMessage(err, strings(lang).common.failed), ERROR_REPLY_MAX);
    await reply({ response_type: 'ephemeral', text: escapeSlackText(message) });
    return;
  }
  await reply({ response_type: 'in_channel', text: result.text, blocks: result.blocks });
}

/** Renders what Docker returned, with the Explain button for the note that explains it (if the notes have one). */
function resultMessage(deps: SlackDeps, result: DockerResult): SlackMessage {
  const lang = deps.config.defaultLang;
  const notes = notesForDockerResult(result, deps.kb);
  return withExplainButton(renderDockerBlocks(result, lang, notes), notes.explain, lang, ROUTES);
}
