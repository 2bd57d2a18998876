import { strings } from '../../../i18n/index.ts';
import { buildEntryMessage } from '../../../render/slack/answers.ts';
import type { SlackDeps } from '../../deps.ts';
import { ROUTES } from '../../interactions.ts';
import { postInThreadOrPrivately } from '../../post-answer.ts';
import { type ButtonArgs, clickedEntry } from './clicked-entry.ts';

/**
 * Explain, under a /docker-ps or /docker-df result: posts the knowledge entry into the result's
 * thread. The result was posted through response_url, which returns no ts; the click itself
 * carries the message's ts (container.message_ts) and channel, so no state is needed to find the
 * thread. Where the bot may not post (not invited) or the result was private, the explanation
 * comes back privately to the person who clicked.
 */
export async function handleExplainDocker(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const clicked = await clickedEntry(deps, args);
  if (!clicked) return;
  const { ref, entry, reply } = clicked;
  const { body, client } = args;
  const build = (notice?: string) =>
    buildEntryMessage({
      entry,
      question: entry.title,
      lang: ref.lang,
      audience: 'public',
      lookup: (id) => deps.kb.byId(id),
      hasOtherMatches: false,
      routes: ROUTES,
      attribution: { explainedFor: body.user.id },
      ...(notice ? { notice } : {}),
    });
  const channel = typeof body.container.channel_id === 'string' ? body.container.channel_id : body.channel?.id;
  const threadTs = typeof body.container.message_ts === 'string' ? body.container.message_ts : body.message?.ts;
  const target = channel && threadTs && body.container.is_ephemeral !== true ? { channel, threadTs } : undefined;
  const where = await postInThreadOrPrivately(
    deps,
    client,
    reply,
    target,
    build,
    strings(ref.lang).slack.explainedPrivately,
    `explanation ${entry.id} for ${body.user.id}`,
  );
  deps.logger.info(
    `explain ${entry.id} by ${body.user.id} in ${channel ?? 'unknown'}: ${where === 'thread' ? 'in the thread' : where}`,
  );
}
