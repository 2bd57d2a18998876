import { planDockerCommand } from '../../../commands/index.ts';
import { strings } from '../../../i18n/index.ts';
import { sharedDockerMessage } from '../../../render/slack/docker.ts';
import { checkDockerAccess } from '../../access.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeDockerRef } from '../../interactions.ts';
import { postInChannelReplacingPrivate } from '../../respond.ts';
import { readAndRender } from '../commands/docker.ts';
import { type ButtonArgs, clickReply } from './clicked-entry.ts';

/**
 * Share in channel, under a private /docker-ps or /docker-df result. Stateless, so any replica can
 * take the click: the button carries the command as typed, which runs again (read-only, the same
 * access check and rate limit as typing it) and is rendered by the same code as the private copy,
 * so the shared result shows nothing the private one could not. It is posted through the click's
 * response_url under a line naming who shared it, and the private copy goes away.
 */
export async function handleShareDocker(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  const ref = decodeDockerRef(args.action.value);
  if (!ref) return;
  const { body } = args;
  const lang = deps.config.defaultLang;
  const replies = strings(lang).slack;
  const reply = clickReply(deps, args);
  const privately = (text: string) => reply({ response_type: 'ephemeral', replace_original: false, text });
  const typed = `/docker-${ref.command}${ref.args ? ` ${ref.args}` : ''}`;
  const channelId =
    body.channel?.id ?? (typeof body.container.channel_id === 'string' ? body.container.channel_id : '');
  const who = `${body.user.id} in ${channelId || 'unknown'}`;

  const access = checkDockerAccess(deps.config.docker, { userId: body.user.id, channelId });
  if (!access.ok) {
    await privately(access.reason === 'user' ? replies.refusedUser : replies.refusedChannel);
    deps.logger.info(`share of ${typed.slice(0, 200)} by ${who}: refused (${access.reason} not allowed)`);
    return;
  }
  const plan = planDockerCommand(ref.command, ref.args, lang);
  if (!plan.ok) return;
  const rate = deps.dockerRateLimiter.take(body.user.id);
  if (!rate.ok) {
    await privately(replies.rateLimited(rate.reason === 'rate' ? rate.retryAfterSec : 60));
    return;
  }
  const outcome = await readAndRender(deps, plan, `share of ${typed.slice(0, 200)} by ${who}`);
  if ('error' in outcome) {
    await privately(outcome.error);
    return;
  }
  const shared = sharedDockerMessage(outcome.message, body.user.id, typed, lang);
  if (!(await postInChannelReplacingPrivate(reply, shared))) return;
  deps.logger.info(`share of ${typed.slice(0, 200)} by ${who}`);
}
