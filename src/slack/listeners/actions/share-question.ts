import { buildQuestionForChannelMessage } from '../../../render/slack/answers.ts';
import type { SlackDeps } from '../../deps.ts';
import { type ButtonArgs, clickedEntry } from './clicked-entry.ts';

/**
 * Ask the channel, under a partial answer: puts the question to the channel through the click's
 * response_url (any channel, member or not), naming who asks and the note that covers part of it.
 * The answer stays where it was: the asker still has the part the notes cover. What the note lacks
 * is asked again of the notes, so any replica rebuilds it from the button alone.
 */
export async function handleShareQuestion(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  const clicked = await clickedEntry(deps, args);
  if (!clicked) return;
  const { ref, entry, reply } = clicked;
  const answer = ref.question ? deps.kb.ask(ref.question) : undefined;
  const stillPartial = answer?.outcome === 'partial' && answer.matches[0]?.entry.id === entry.id;
  const message = buildQuestionForChannelMessage({
    question: ref.question,
    lang: ref.lang,
    askedBy: args.body.user.id,
    entry,
    ...(stillPartial && answer.partial ? { partial: answer.partial } : {}),
  });
  const shared = await reply({
    response_type: 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
  if (shared)
    deps.logger.info(`question shared by ${args.body.user.id} in ${args.body.channel?.id ?? 'unknown'}: ${entry.id}`);
}
