/**
 * Slack Block Kit for knowledge answers: pure functions from knowledge results to messages. They
 * know Slack's limits and types (blocks.ts, @slack/types), nothing of Bolt; where a button's click
 * goes comes from the Slack face (AnswerRoutes).
 *
 * Every piece of text not written here (the question, user ids, note titles and bodies) is
 * escaped before it goes into a `text` field or mrkdwn, so nothing a user types can ping a
 * channel, mention someone or make a link when the bot repeats it.
 *
 * Buttons carry everything their click needs (entry id, question, language) in their value, so
 * any replica can handle the click without memory of the original request.
 */
import type { Button } from '@slack/types';
import { type Lang, strings } from '../../i18n/index.ts';
import type { Answer, KnowledgeEntry, Match } from '../../knowledge/types.ts';
import { bodyWithoutHeading, chatReply, markdownToPlainText, pairedTitle } from '../format.ts';
import {
  actions,
  button,
  context,
  escapeAndTruncate,
  escapeSlackText,
  header,
  type KnownBlock,
  SLACK_LIMITS,
  type SlackMessage,
  section,
  userMention,
  verbatim,
} from './blocks.ts';
import { feedbackBlocks } from './feedback.ts';
import { markdownToMrkdwn, splitMrkdwn } from './mrkdwn.ts';
import type { AnswerRoutes } from './routes.ts';

/** Who will see the message: a private (ephemeral) answer gets the Share button. */
export type Audience = 'private' | 'public';

/**
 * Who made a public answer appear: a user who shared it (with the question it answers), or one
 * who asked for an explanation. Raw values: the builders escape them.
 */
export type Attribution = { sharedBy: string; question: string } | { explainedFor: string };

/** The title a reader of `lang` sees first; English readers also get the Korean title, never in nested brackets. */
export function entryTitle(entry: KnowledgeEntry, lang: Lang): string {
  if (lang === 'ko' || !entry.titleEn) return entry.title;
  return pairedTitle(entry.titleEn, entry.title);
}

/** Short question text, escaped, for quoting it back inside a sentence. */
export function quoted(question: string): string {
  return escapeAndTruncate(question.replace(/\s+/g, ' ').trim(), 200);
}

/** Titles, escaped, for a sentence or notification text. */
function titleList(entries: readonly KnowledgeEntry[], lang: Lang): string {
  return escapeSlackText(entries.map((e) => entryTitle(e, lang)).join(', '));
}

function attributionText(attribution: Attribution, lang: Lang): string {
  const s = strings(lang).answers;
  if ('sharedBy' in attribution) return s.sharedBy(userMention(attribution.sharedBy), quoted(attribution.question));
  return s.explainedFor(userMention(attribution.explainedFor));
}

/** Blocks around an entry's own: `leading` above its header (a notice), `trailing` after it. */
interface Surroundings {
  leading?: KnownBlock[];
  trailing?: KnownBlock[];
}

/**
 * An entry as blocks: `leading`, header, body sections, related topics, then `trailing` (buttons,
 * attribution), at most `maxBlocks` in all. The body is cut, with a note, to make room.
 */
export function entryBlocks(
  entry: KnowledgeEntry,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
  maxBlocks: number,
  { leading = [], trailing = [] }: Surroundings = {},
): KnownBlock[] {
  const s = strings(lang).answers;
  const related = entry.related.map((id) => lookup(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  const footer = context(
    s.source(escapeSlackText(entry.id)) + (related.length ? ` · ${s.related}: ${titleList(related, lang)}` : ''),
  );
  const room = maxBlocks - leading.length - 2 - trailing.length; // header + footer
  // The header already shows the title: drop the body's own leading heading.
  const pieces = splitMrkdwn(markdownToMrkdwn(bodyWithoutHeading(entry)));
  let body: KnownBlock[] = pieces.map(section);
  if (body.length > room)
    body = [...body.slice(0, Math.max(0, room - 1)), section(s.truncated(escapeSlackText(entry.id)))];
  return [...leading, header(entryTitle(entry, lang)), ...body, footer, ...trailing];
}

export interface EntryMessageInput {
  entry: KnowledgeEntry;
  question: string;
  lang: Lang;
  audience: Audience;
  /** Finds related entries by id, to show their titles. */
  lookup: (id: string) => KnowledgeEntry | undefined;
  /** Whether the Other matches button makes sense (there are further matches). */
  hasOtherMatches: boolean;
  /** Where the buttons' clicks go (the Slack face's routing contract). */
  routes: AnswerRoutes;
  /** Set when a user shared the answer publicly or asked for it: the attribution line. */
  attribution?: Attribution;
  /**
   * A line from the bot above the answer, e.g. why it is shown privately. It counts against
   * Slack's 50 blocks like the rest (a long note is cut to make room), and leads the notification.
   */
  notice?: string;
  /** Draw 👍 / 👎 under the answer (the Slack face does when it has a store to record votes in). */
  feedback?: boolean;
  /**
   * Set when the entry covers only part of the question: a line says which part (the question's
   * words the answer names) and a button offers to put the question to the channel.
   */
  partial?: Answer['partial'] | true;
}

/** The question's words as a reader sees them in a sentence: bold, escaped; undefined when none. */
function termsText(terms: readonly string[] | undefined): string | undefined {
  return terms?.length ? `*${escapeSlackText(terms.join(', '))}*` : undefined;
}

/** "The closest note covers part of this: it has *root dir*, but not *change*." */
export function partialIntroText(partial: Answer['partial'] | true, lang: Lang): string {
  const terms = partial === true ? undefined : partial;
  return strings(lang).answers.partialIntro(termsText(terms?.covered), termsText(terms?.missing));
}

/** One knowledge entry as the answer to `question`. */
export function buildEntryMessage(input: EntryMessageInput): SlackMessage {
  const { entry, question, lang, audience, routes } = input;
  const s = strings(lang).answers;
  const ref = { entryId: entry.id, question, lang };
  const buttons: Button[] = [];
  if (audience === 'private') buttons.push(button(s.shareInChannel, routes.share(ref), 'primary'));
  if (input.partial) buttons.push(button(s.shareQuestion, routes.shareQuestion(ref)));
  if (input.hasOtherMatches) buttons.push(button(s.otherMatches, routes.otherMatches(ref)));
  const trailing: KnownBlock[] = [];
  // The shared quote repeats what someone typed: verbatim, so nothing in it is linked.
  if (input.attribution) trailing.push(...verbatim([context(attributionText(input.attribution, lang))]));
  if (buttons.length) trailing.push(actions(buttons));
  if (input.feedback) trailing.push(...feedbackBlocks(ref, routes));
  // A line from the bot (not user text): it goes in as written.
  const leading: KnownBlock[] = input.notice ? [context(input.notice)] : [];
  const partialIntro = input.partial ? partialIntroText(input.partial, lang) : undefined;
  if (partialIntro) leading.push(section(partialIntro));
  // Notification text: plain words, no Markdown marks.
  const summary = `${entryTitle(entry, lang)}: ${markdownToPlainText(bodyWithoutHeading(entry)).replace(/`/g, '').replace(/\s+/g, ' ').trim()}`;
  const lead = [input.notice, partialIntro?.replace(/\*/g, '')].filter(Boolean).join(' ');
  return {
    text: `${lead ? `${lead} ` : ''}${escapeAndTruncate(summary, 300)}`,
    blocks: entryBlocks(entry, lang, input.lookup, SLACK_LIMITS.messageBlocks, { leading, trailing }),
  };
}

/** Buttons that open topics, one per match (at most the 25 an actions block holds). */
function topicButtons(matches: readonly Match[], question: string, lang: Lang, routes: AnswerRoutes): Button[] {
  return matches
    .slice(0, SLACK_LIMITS.actionsElements)
    .map((m, i) => button(entryTitle(m.entry, lang), routes.showEntry({ entryId: m.entry.id, question, lang }, i)));
}

/** Sections of the topic list offered when no topic is close to a question. */
const OFFERED_TOPIC_SECTIONS = 2;

/**
 * The notes do not cover the question: say so and offer up to three closest topics (those the
 * search found sharing a meaningful word with it), else the topic list when `topics` are given.
 */
export function buildNotAnsweredMessage(
  answer: Answer,
  question: string,
  lang: Lang,
  routes: AnswerRoutes,
  topics: readonly KnowledgeEntry[] = [],
): SlackMessage {
  const s = strings(lang).answers;
  const closest = answer.matches.slice(0, 3);
  const blocks: KnownBlock[] = verbatim([section(s.notAnswered(quoted(question)))]);
  if (closest.length) blocks.push(actions(topicButtons(closest, question, lang, routes)));
  else if (topics.length)
    blocks.push(context(s.noCloseTopicsList), ...topicListSections(topics, lang, OFFERED_TOPIC_SECTIONS));
  else blocks.push(context(s.noCloseTopics));
  const titles = titleList(
    closest.map((m) => m.entry),
    lang,
  );
  return { text: `${s.notAnswered(quoted(question))}${titles ? ` ${titles}` : ''}`, blocks };
}

export interface AnswerMessageInput extends Omit<EntryMessageInput, 'entry' | 'hasOtherMatches' | 'partial'> {
  answer: Answer;
  /** Every topic, offered as a list when the notes do not cover the question and nothing is close. */
  topics?: readonly KnowledgeEntry[];
}

/** A greeting, thanks or complaint with no question: a brief reply and how to ask; asked about the bot, what it does. */
export function buildChatMessage(chat: NonNullable<Answer['chat']>, lang: Lang): SlackMessage {
  const s = strings(lang).answers;
  if (chat === 'help')
    return { text: `${s.helpIntro} ${s.helpUsage}`, blocks: [section(`${s.helpIntro}\n${s.helpUsage}`)] };
  const reply = chatReply(chat, lang);
  return { text: `${reply} ${s.chatHowTo}`, blocks: [section(`${reply}\n${s.chatHowTo}`)] };
}

/**
 * The reply to a question, by outcome: answered, the best entry; partial, the entry that covers part
 * with a line saying which part and a button to ask the channel; none, "not covered" with close
 * topics or the topic list; chat, a brief reply and how to ask.
 */
export function buildAnswerMessage(input: AnswerMessageInput): SlackMessage {
  const { answer, notice, topics, ...rest } = input;
  const best = answer.matches[0];
  const withNotice = (message: SlackMessage): SlackMessage =>
    notice ? { text: `${notice} ${message.text}`, blocks: [context(notice), ...message.blocks] } : message;
  if (answer.chat === 'help' && topics) return withNotice(buildHelpMessage(topics, input.lang));
  if (answer.chat) return withNotice(buildChatMessage(answer.chat, input.lang));
  if (!best || (answer.outcome !== 'answered' && answer.outcome !== 'partial')) {
    return withNotice(buildNotAnsweredMessage(answer, input.question, input.lang, input.routes, topics));
  }
  return buildEntryMessage({
    ...rest,
    entry: best.entry,
    hasOtherMatches: answer.matches.length > 1,
    ...(notice ? { notice } : {}),
    ...(answer.outcome === 'partial' ? { partial: answer.partial ?? true } : {}),
  });
}

export interface QuestionForChannelInput {
  question: string;
  lang: Lang;
  /** The user who put the question to the channel (raw id: escaped here). */
  askedBy: string;
  /** The note that covers part of the question. */
  entry: KnowledgeEntry;
  /** What that note covers and lacks, when the answer still says. */
  partial?: Answer['partial'];
}

/** A question put to the channel from a partial answer: who asks, what, and what the notes have. */
export function buildQuestionForChannelMessage(input: QuestionForChannelInput): SlackMessage {
  const { question, lang, askedBy, entry } = input;
  const s = strings(lang).answers;
  const ask = s.questionForChannel(userMention(askedBy), quoted(question));
  const notes = s.partialForChannel(escapeSlackText(entryTitle(entry, lang)));
  const blocks: KnownBlock[] = [section(ask), context(notes)];
  if (input.partial) blocks.push(context(partialIntroText(input.partial, lang)));
  return { text: `${ask} ${notes}`, blocks };
}

/** The topics after the one already shown, as buttons. */
export function buildOtherMatchesMessage(
  matches: readonly Match[],
  question: string,
  lang: Lang,
  routes: AnswerRoutes,
): SlackMessage {
  const s = strings(lang).answers;
  if (matches.length === 0) return { text: s.noOtherMatches, blocks: [section(s.noOtherMatches)] };
  return {
    text: `${s.otherMatchesIntro(quoted(question))} ${titleList(
      matches.map((m) => m.entry),
      lang,
    )}`,
    blocks: [
      ...verbatim([section(s.otherMatchesIntro(quoted(question)))]),
      actions(topicButtons(matches, question, lang, routes)),
    ],
  };
}

/** Topic list lines, split into section-sized pieces, capped at `maxSections` with a "more" note. */
function topicListSections(entries: readonly KnowledgeEntry[], lang: Lang, maxSections: number): KnownBlock[] {
  const s = strings(lang).answers;
  const lines = entries.map((e) => `• ${escapeSlackText(entryTitle(e, lang))}`);
  const pieces = splitMrkdwn(lines.join('\n'));
  if (pieces.length <= maxSections) return pieces.map(section);
  const shown = pieces.slice(0, maxSections - 1);
  const shownCount = shown.join('\n').split('\n').length;
  return [...shown.map(section), section(s.moreTopics(entries.length - shownCount))];
}

/** Enough for several hundred topic titles; past that a list stops helping and questions work better. */
const HELP_TOPIC_SECTIONS = 5;

/** `/docker-ask` with no question: how to use it and which topics the notes have. */
export function buildHelpMessage(entries: readonly KnowledgeEntry[], lang: Lang): SlackMessage {
  const s = strings(lang).answers;
  return {
    text: `${s.helpIntro} ${s.helpUsage}`,
    blocks: [
      section(`${s.helpIntro}\n${s.helpUsage}`),
      { type: 'divider' },
      section(`*${s.topicsHeading}* (${entries.length})`),
      ...topicListSections(entries, lang, HELP_TOPIC_SECTIONS),
    ],
  };
}

/**
 * A Docker result with the Explain button for `entry` appended (none when `entry` is undefined):
 * the button posts the knowledge entry into the result's thread. Docker renderers leave room for
 * it (≤ 49 blocks); if they ever do not, the last block gives way so the message stays within
 * Slack's 50.
 */
export function withExplainButton(
  message: SlackMessage,
  entry: KnowledgeEntry | undefined,
  lang: Lang,
  routes: AnswerRoutes,
): SlackMessage {
  if (!entry) return { text: message.text, blocks: [...message.blocks] };
  const s = strings(lang).answers;
  const explain = actions([
    button(
      `${s.explain}: ${entryTitle(entry, lang)}`,
      routes.explainDocker({ entryId: entry.id, question: entry.title, lang }),
    ),
  ]);
  return { text: message.text, blocks: [...message.blocks.slice(0, SLACK_LIMITS.messageBlocks - 1), explain] };
}
