import type { KnowledgeEntry } from '../../../knowledge/types.ts';
import {
  type Attribution,
  type Audience,
  buildEntryMessage,
  buildOtherMatchesMessage,
} from '../../../render/slack/answers.ts';
import type { EntryRef } from '../../../render/slack/routes.ts';
import { MATCH_LIMIT, type SlackDeps } from '../../deps.ts';
import { decodeEntryRef, ROUTES } from '../../interactions.ts';
import { postInChannelReplacingPrivate } from '../../respond.ts';
import { type ButtonArgs, clickedEntry, clickReply } from './clicked-entry.ts';

function hasOtherMatches(deps: SlackDeps, question: string): boolean {
  return question !== '' && deps.kb.ask(question, { limit: 2 }).matches.length > 1;
}

/** The entry a button names, as the answer to the question the button carries. */
function entryMessageFor(
  deps: SlackDeps,
  entry: KnowledgeEntry,
  ref: EntryRef,
  audience: Audience,
  attribution?: Attribution,
) {
  return buildEntryMessage({
    entry,
    question: ref.question,
    lang: ref.lang,
    audience,
    lookup: (id) => deps.kb.byId(id),
    hasOtherMatches: hasOtherMatches(deps, ref.question),
    routes: ROUTES,
    feedback: deps.recorder !== undefined,
    ...(attribution ? { attribution } : {}),
  });
}

/**
 * Share in channel: posts the answer publicly through the click's response_url (which works in
 * any channel, member or not) naming who shared it, then removes the private copy.
 */
export async function handleShareAnswer(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const clicked = await clickedEntry(deps, args);
  if (!clicked) return;
  const { ref, entry, reply } = clicked;
  const { body } = args;
  const message = entryMessageFor(deps, entry, ref, 'public', { sharedBy: body.user.id, question: ref.question });
  if (!(await postInChannelReplacingPrivate(reply, message))) return;
  deps.logger.info(`share by ${body.user.id} in ${body.channel?.id ?? 'unknown'}: ${entry.id}`);
}

/** Other matches: the next closest topics for the same question, privately, as buttons. */
export async function handleOtherMatches(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  const ref = decodeEntryRef(args.action.value);
  if (!ref) return;
  const others = deps.kb.ask(ref.question, { limit: MATCH_LIMIT }).matches.filter((m) => m.entry.id !== ref.entryId);
  const message = buildOtherMatchesMessage(others, ref.question, ref.lang, ROUTES);
  await clickReply(
    deps,
    args,
  )({
    response_type: 'ephemeral',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
}

/**
 * A topic button (did-you-mean, other matches): shows that entry privately with Share. A private
 * list is replaced by the entry; under a public message a new private one appears instead.
 */
export async function handleShowEntry(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const clicked = await clickedEntry(deps, args);
  if (!clicked) return;
  const message = entryMessageFor(deps, clicked.entry, clicked.ref, 'private');
  await clicked.reply({
    response_type: 'ephemeral',
    replace_original: args.body.container.is_ephemeral === true,
    text: message.text,
    blocks: message.blocks,
  });
}
