import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import type { KnowledgeEntry } from '../../../knowledge/types.ts';
import type { EntryRef } from '../../../render/slack/routes.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeEntryRef } from '../../interactions.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * Acks a click on a button that names an entry, and finds that entry. Undefined when the value is
 * not ours, or after telling the clicker privately that the notes no longer have the topic.
 */
export async function clickedEntry(
  deps: SlackDeps,
  { action, ack, respond }: ButtonArgs,
): Promise<{ ref: EntryRef; entry: KnowledgeEntry } | undefined> {
  await ack();
  const ref = decodeEntryRef(action.value);
  if (!ref) return undefined;
  const entry = deps.kb.byId(ref.entryId);
  if (!entry) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: strings(ref.lang).slack.topicGone });
    return undefined;
  }
  return { ref, entry };
}
