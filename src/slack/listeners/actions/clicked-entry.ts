import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import type { KnowledgeEntry } from '../../../knowledge/types.ts';
import type { EntryRef } from '../../../render/slack/routes.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeEntryRef } from '../../interactions.ts';
import { type Reply, replyThrough } from '../../respond.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** The click's response_url, through the one delivery seam, named for the log. */
export function clickReply(deps: SlackDeps, { action, body, respond }: ButtonArgs): Reply {
  return replyThrough(respond, deps.logger, `${action.action_id} by ${body.user.id}`);
}

/**
 * Acks a click on a button that names an entry, and finds that entry. Undefined when the value is
 * not ours, or after telling the clicker privately that the notes no longer have the topic.
 */
export async function clickedEntry(
  deps: SlackDeps,
  args: ButtonArgs,
): Promise<{ ref: EntryRef; entry: KnowledgeEntry; reply: Reply } | undefined> {
  await args.ack();
  const reply = clickReply(deps, args);
  const ref = decodeEntryRef(args.action.value);
  if (!ref) return undefined;
  const entry = deps.kb.byId(ref.entryId);
  if (!entry) {
    await reply({ response_type: 'ephemeral', replace_original: false, text: strings(ref.lang).slack.topicGone });
    return undefined;
  }
  return { ref, entry, reply };
}
