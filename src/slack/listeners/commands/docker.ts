import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { notesForDockerResult } from '../../../commands/explain.ts';
import { type DockerCommand, type DockerPlan, planDockerCommand } from '../../../commands/index.ts';
import type { DockerResult } from '../../../docker/types.ts';
import { UserError, userMessage } from '../../../errors.ts';
import { strings } from '../../../i18n/index.ts';
import { withExplainButton } from '../../../render/slack/answers.ts';
import { escapeSlackText, type SlackMessage } from '../../../render/slack/blocks.ts';
import { renderDockerBlocks, withShareButton } from '../../../render/slack/docker.ts';
import { truncateCodePoints } from '../../../text/visible.ts';
import { checkDockerAccess } from '../../access.ts';
import type { SlackDeps } from '../../deps.ts';
import { ROUTES } from '../../interactions.ts';
import { recordOutcome } from '../../requests.ts';
import { replyThrough } from '../../respond.ts';
import { decodeSlackEntities } from '../../text.ts';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** An error reply is one line saying what to do; cut on code points, so an emoji is never split. */
const ERROR_REPLY_MAX = 1000;

/**
 * /docker-ps and /docker-df. Refusals, usage errors and the rate limit answer in the ack
 * (ephemeral). Otherwise the ack says it is running, at once, since Docker can take longer than
 * Slack's 3 s, and the result follows through response_url, privately with Share in channel (or
 * in the channel with DOCKER_RESULTS_PUBLIC), with an Explain button. Errors go only to the user who ran the command, in the reader's plain words; anything
 * unexpected is logged with its stack on the server and the user gets a generic sentence.
 */
export async function handleDockerCommand(
  deps: SlackDeps,
  kind: DockerCommand,
  { command, ack, respond, context }: CommandArgs,
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
    recordOutcome(context, { outcome: 'refused', refusal: 'access' });
    deps.logger.info(`${logged} by ${who}: refused (${access.reason} not allowed)`);
    return;
  }
  const plan = planDockerCommand(kind, args, lang);
  if (!plan.ok) {
    await ack({
      response_type: 'ephemeral',
      text: `${escapeSlackText(plan.error)}\n\`\`\`${escapeSlackText(plan.usage)}\`\`\``,
    });
    recordOutcome(context, { outcome: 'help' });
    return;
  }
  const rate = deps.dockerRateLimiter.take(command.user_id);
  if (!rate.ok) {
    await ack({
      response_type: 'ephemeral',
      text: replies.rateLimited(rate.reason === 'rate' ? rate.retryAfterSec : 60),
    });
    recordOutcome(context, { outcome: 'rate limited' });
    deps.logger.info(`${logged} by ${who}: rate limited`);
    return;
  }
  await ack({ response_type: 'ephemeral', text: replies.running(escapeSlackText(typed)) });
  deps.logger.info(`${logged} by ${who}`);

  const outcome = await readAndRender(deps, plan, `${logged} by ${who}`);
  if ('error' in outcome) {
    await reply({ response_type: 'ephemeral', text: outcome.error });
    recordOutcome(context, { outcome: 'failed' });
    return;
  }
  recordOutcome(context, { outcome: 'ran' });
  if (deps.config.docker.resultsPublic) {
    await reply({ response_type: 'in_channel', text: outcome.message.text, blocks: outcome.message.blocks });
    return;
  }
  // Private by default: only allowlisted people may run Docker commands, so the channel sees a
  // result only when the one who ran it shares it.
  const shareable = withShareButton(outcome.message, ROUTES.shareDocker({ command: kind, args }), lang);
  await reply({ response_type: 'ephemeral', text: shareable.text, blocks: shareable.blocks });
}

/**
 * Runs a planned command and renders its result with the Explain button, or says in one line what
 * went wrong (a UserError as is, anything else as a generic sentence, logged with its stack).
 * The command and Share in channel both go through here, so a shared result is made exactly as
 * the private one was.
 */
export async function readAndRender(
  deps: SlackDeps,
  plan: DockerPlan,
  label: string,
): Promise<{ message: SlackMessage } | { error: string }> {
  const lang = deps.config.defaultLang;
  try {
    return { message: resultMessage(deps, await plan.read(deps.docker)) };
  } catch (err) {
    if (err instanceof UserError) deps.logger.warn(`${label} failed: ${err.message}`);
    // Server log only, never Slack: the stack says where it broke.
    else
      deps.logger.error(
        `${label} failed unexpectedly: ${err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err)}`,
      );
    const message = truncateCodePoints(userMessage(err, strings(lang).common.failed), ERROR_REPLY_MAX);
    return { error: escapeSlackText(message) };
  }
}

/** Renders what Docker returned, with the Explain button for the note that explains it (if the notes have one). */
function resultMessage(deps: SlackDeps, result: DockerResult): SlackMessage {
  const lang = deps.config.defaultLang;
  const notes = notesForDockerResult(result, deps.kb);
  return withExplainButton(renderDockerBlocks(result, lang, notes), notes.explain, lang, ROUTES);
}
