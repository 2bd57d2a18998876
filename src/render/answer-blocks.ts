/**
 * Slack Block Kit for knowledge answers, topic lists and the App Home: pure functions from
 * knowledge results to messages and views. They know Slack's limits (slack-format.ts) and
 * Slack's types (@slack/types), nothing of Bolt.
 *
 * Every piece of text not written here (the question, user ids, note titles and bodies) is
 * escaped before it goes into a `text` field or mrkdwn, so nothing a user types can ping a
 * channel, mention someone or make a link when the bot repeats it.
 *
 * Buttons carry everything their click needs (entry id, question, language) in their value, so
 * any replica can handle the click without memory of the original request.
 */
import type { Button, HomeView, ModalView } from '@slack/types';
import type { Lang } from '../i18n.ts';
import type { Answer, KnowledgeEntry, Match } from '../knowledge/types.ts';
import { answerStrings } from './answer-strings.ts';
import { bodyWithoutHeading, markdownToTerminal } from './answer-text.ts';
import {
  escapeAndTruncate,
  escapeSlackText,
  type KnownBlock,
  SLACK_LIMITS,
  type SlackMessage,
  truncate,
  userMention,
} from './slack-format.ts';

/** action_id prefixes; buttons of one block get `:<n>` suffixes, as ids must be unique per block. */
export const ACTION_IDS = {
  share: 'share_answer',
  otherMatches: 'other_matches',
  showEntry: 'show_entry',
  explainDocker: 'explain_docker',
  homeReadTopic: 'home_read_topic',
  homeAsk: 'home_ask',
} as const;

export const VIEW_CALLBACK_IDS = { askModal: 'ask_modal' } as const;
export const ASK_INPUT = { blockId: 'question', actionId: 'question_text' } as const;

/** What a button click needs to rebuild an answer on any replica. */
export interface EntryRef {
  entryId: string;
  question: string;
  lang: Lang;
}

/** Who will see the message: a private (ephemeral) answer gets the Share button. */
export type Audience = 'private' | 'public';

/**
 * Who made a public answer appear: a user who shared it (with the question it answers), or one
 * who asked for an explanation. Raw values: the builders escape them.
 */
export type Attribution = { sharedBy: string; question: string } | { explainedFor: string };

// ---------------------------------------------------------------------------------------------
// Button values

/** Encodes a reference as a button value, shortening the question to stay within 2000 chars. */
export function encodeEntryRef(ref: EntryRef): string {
  let question = ref.question;
  for (;;) {
    const value = JSON.stringify({ e: ref.entryId, q: question, l: ref.lang });
    if (value.length <= SLACK_LIMITS.actionValue) return value;
    question = question.slice(0, Math.max(0, question.length - (value.length - SLACK_LIMITS.actionValue) - 1));
  }
}

/** The reference a button carries, or undefined if the value is not one of ours. */
export function decodeEntryRef(value: string | undefined): EntryRef | undefined {
  if (!value) return undefined;
  try {
    const raw = JSON.parse(value) as { e?: unknown; q?: unknown; l?: unknown };
    if (typeof raw.e !== 'string' || typeof raw.q !== 'string') return undefined;
    return { entryId: raw.e, question: raw.q, lang: raw.l === 'en' ? 'en' : 'ko' };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Converts the notes' Markdown to Slack mrkdwn: headings and **bold** become *bold*, *italic*
 * becomes _italic_, [text](url) becomes <url|text>, list dashes become bullets. Code blocks keep
 * their content (only escaped); their language tag is dropped because Slack would print it.
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fence = /^\s*```/.exec(line);
    if (fence) {
      inFence = !inFence;
      out.push('```');
      continue;
    }
    if (inFence) {
      out.push(escapeSlackText(line));
      continue;
    }
    out.push(convertInline(escapeSlackText(line)));
  }
  return out.join('\n').trim();
}

const BOLD_MARK = '\u0001';

function convertInline(line: string): string {
  const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
  if (heading) return `*${stripEmphasis(heading[1] ?? '')}*`;
  return line
    .replace(/^(\s*)[-*+]\s+/, '$1• ')
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : convertEmphasisAndLinks(part)))
    .join('');
}

function convertEmphasisAndLinks(text: string): string {
  return text
    .replace(
      /\*\*(.+?)\*\*|__(.+?)__/g,
      (_m, a: string | undefined, b: string | undefined) => `${BOLD_MARK}${a ?? b}${BOLD_MARK}`,
    )
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1_$2_')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>')
    .replaceAll(BOLD_MARK, '*');
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '');
}

/**
 * Splits mrkdwn into pieces of at most `max` characters at line breaks. A code block cut in two
 * is closed at the end of one piece and reopened in the next, so both halves render as code.
 */
export function splitMrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const FENCE = '```';
  const budget = max - (FENCE.length + 1); // room to close a code block cut at the end of a piece
  const pieces: string[] = [];
  let lines: string[] = [];
  let length = -1; // length of lines.join('\n')
  let inFence = false; // whether the end of `lines` is inside a code block

  const add = (line: string) => {
    lines.push(line);
    length += line.length + 1;
  };
  const flush = () => {
    // A code block opened on the last line moves whole to the next piece.
    const movesFence = inFence && lines.length > 0 && /^\s*```/.test(lines[lines.length - 1] ?? '');
    if (movesFence) lines.pop();
    const closeFence = inFence && !movesFence;
    if (lines.some((l) => l.trim() !== '' && l.trim() !== FENCE))
      pieces.push(lines.join('\n') + (closeFence ? `\n${FENCE}` : ''));
    lines = [];
    length = -1;
    if (inFence) add(FENCE);
  };

  for (const line of text.split('\n')) {
    const isFence = /^\s*```/.test(line);
    for (const part of cutLine(line, budget - FENCE.length - 1)) {
      if (lines.length > 0 && length + 1 + part.length > budget) flush();
      add(part);
    }
    if (isFence) inFence = !inFence;
  }
  if (lines.some((l) => l.trim() !== '' && l.trim() !== FENCE)) pieces.push(lines.join('\n'));
  return pieces;
}

/** A line cut into parts of at most `max` characters ('' stays one empty part). */
function cutLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += max) parts.push(line.slice(i, i + max));
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Blocks

function mrkdwnSection(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

function contextBlock(texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.sectionText) })),
  };
}

function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function actionsBlock(buttons: Button[]): KnownBlock {
  return { type: 'actions', elements: buttons.slice(0, SLACK_LIMITS.actionsElements) };
}

/** The title a reader of `lang` sees first; English readers also get the Korean title. */
export function entryTitle(entry: KnowledgeEntry, lang: Lang): string {
  if (lang === 'ko' || !entry.titleEn || entry.titleEn === entry.title) return entry.title;
  return `${entry.titleEn} (${entry.title})`;
}

/** Short question text, escaped, for quoting it back inside a sentence. */
function quoted(question: string): string {
  return escapeAndTruncate(question.replace(/\s+/g, ' ').trim(), 200);
}

/** Titles, escaped, for a sentence or notification text. */
function titleList(entries: readonly KnowledgeEntry[], lang: Lang): string {
  return escapeSlackText(entries.map((e) => entryTitle(e, lang)).join(', '));
}

function attributionText(attribution: Attribution, lang: Lang): string {
  const s = answerStrings(lang);
  if ('sharedBy' in attribution) return s.sharedBy(userMention(attribution.sharedBy), quoted(attribution.question));
  return s.explainedFor(userMention(attribution.explainedFor));
}

/** A line the bot adds above a message (not user text: it goes in as written). */
function noticeBlock(notice: string): KnownBlock {
  return contextBlock([notice]);
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
function entryBlocks(
  entry: KnowledgeEntry,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
  maxBlocks: number,
  { leading = [], trailing = [] }: Surroundings = {},
): KnownBlock[] {
  const s = answerStrings(lang);
  const head: KnownBlock = {
    type: 'header',
    text: { type: 'plain_text', text: truncate(entryTitle(entry, lang), SLACK_LIMITS.headerText), emoji: true },
  };
  const related = entry.related.map((id) => lookup(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  const footer = contextBlock([
    s.source(escapeSlackText(entry.id)) + (related.length ? ` · ${s.related}: ${titleList(related, lang)}` : ''),
  ]);
  const room = maxBlocks - leading.length - 2 - trailing.length; // header + footer
  // The header already shows the title: drop the body's own leading heading.
  const pieces = splitMrkdwn(markdownToMrkdwn(bodyWithoutHeading(entry)));
  let body = pieces.map(mrkdwnSection);
  if (body.length > room)
    body = [...body.slice(0, Math.max(0, room - 1)), mrkdwnSection(s.truncated(escapeSlackText(entry.id)))];
  return [...leading, head, ...body, footer, ...trailing];
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
  /** Set when a user shared the answer publicly or asked for it: the attribution line. */
  attribution?: Attribution;
  /**
   * A line from the bot above the answer, e.g. why it is shown privately. It counts against
   * Slack's 50 blocks like the rest (a long note is cut to make room), and leads the notification.
   */
  notice?: string;
}

/** One knowledge entry as the answer to `question`. */
export function buildEntryMessage(input: EntryMessageInput): SlackMessage {
  const { entry, question, lang, audience } = input;
  const s = answerStrings(lang);
  const ref = encodeEntryRef({ entryId: entry.id, question, lang });
  const buttons: Button[] = [];
  if (audience === 'private') buttons.push(button(s.shareInChannel, `${ACTION_IDS.share}:0`, ref, 'primary'));
  if (input.hasOtherMatches) buttons.push(button(s.otherMatches, `${ACTION_IDS.otherMatches}:0`, ref));
  const trailing: KnownBlock[] = [];
  if (input.attribution) trailing.push(contextBlock([attributionText(input.attribution, lang)]));
  if (buttons.length) trailing.push(actionsBlock(buttons));
  const leading = input.notice ? [noticeBlock(input.notice)] : [];
  // Notification text: plain words, no Markdown marks.
  const summary = `${entryTitle(entry, lang)}: ${markdownToTerminal(bodyWithoutHeading(entry)).replace(/`/g, '').replace(/\s+/g, ' ').trim()}`;
  return {
    text: `${input.notice ? `${input.notice} ` : ''}${escapeAndTruncate(summary, 300)}`,
    blocks: entryBlocks(entry, lang, input.lookup, SLACK_LIMITS.messageBlocks, { leading, trailing }),
  };
}

/** Buttons that open topics, one per match (at most the 25 an actions block holds). */
function topicButtons(matches: readonly Match[], question: string, lang: Lang): Button[] {
  return matches
    .slice(0, SLACK_LIMITS.actionsElements)
    .map((m, i) =>
      button(
        entryTitle(m.entry, lang),
        `${ACTION_IDS.showEntry}:${i}`,
        encodeEntryRef({ entryId: m.entry.id, question, lang }),
      ),
    );
}

/** The notes do not cover the question: say so and offer up to three closest topics. */
export function buildNotAnsweredMessage(answer: Answer, question: string, lang: Lang): SlackMessage {
  const s = answerStrings(lang);
  const closest = answer.matches.slice(0, 3);
  const blocks: KnownBlock[] = [mrkdwnSection(s.notAnswered(quoted(question)))];
  if (closest.length) blocks.push(actionsBlock(topicButtons(closest, question, lang)));
  else blocks.push(contextBlock([s.noCloseTopics]));
  const titles = titleList(
    closest.map((m) => m.entry),
    lang,
  );
  return { text: `${s.notAnswered(quoted(question))}${titles ? ` ${titles}` : ''}`, blocks };
}

export interface AnswerMessageInput extends Omit<EntryMessageInput, 'entry' | 'hasOtherMatches'> {
  answer: Answer;
}

/** The reply to a question: the best entry when answered, else "not covered" with close topics. */
export function buildAnswerMessage(input: AnswerMessageInput): SlackMessage {
  const { answer, notice, ...rest } = input;
  const best = answer.matches[0];
  if (!answer.answered || !best) {
    const message = buildNotAnsweredMessage(answer, input.question, input.lang);
    return notice ? { text: `${notice} ${message.text}`, blocks: [noticeBlock(notice), ...message.blocks] } : message;
  }
  return buildEntryMessage({
    ...rest,
    entry: best.entry,
    hasOtherMatches: answer.matches.length > 1,
    ...(notice ? { notice } : {}),
  });
}

/** The topics after the one already shown, as buttons. */
export function buildOtherMatchesMessage(matches: readonly Match[], question: string, lang: Lang): SlackMessage {
  const s = answerStrings(lang);
  if (matches.length === 0) return { text: s.noOtherMatches, blocks: [mrkdwnSection(s.noOtherMatches)] };
  return {
    text: `${s.otherMatchesIntro(quoted(question))} ${titleList(
      matches.map((m) => m.entry),
      lang,
    )}`,
    blocks: [mrkdwnSection(s.otherMatchesIntro(quoted(question))), actionsBlock(topicButtons(matches, question, lang))],
  };
}

/** Topic list lines, split into section-sized pieces, capped at `maxSections` with a "more" note. */
function topicListSections(entries: readonly KnowledgeEntry[], lang: Lang, maxSections: number): KnownBlock[] {
  const s = answerStrings(lang);
  const lines = entries.map((e) => `• ${escapeSlackText(entryTitle(e, lang))}`);
  const pieces = splitMrkdwn(lines.join('\n'));
  if (pieces.length <= maxSections) return pieces.map(mrkdwnSection);
  const shown = pieces.slice(0, maxSections - 1);
  const shownCount = shown.join('\n').split('\n').length;
  return [...shown.map(mrkdwnSection), mrkdwnSection(s.moreTopics(entries.length - shownCount))];
}

/** Enough for several hundred topic titles; past that a list stops helping and questions work better. */
const HELP_TOPIC_SECTIONS = 5;

/** `/docker-ask` with no question: how to use it and which topics the notes have. */
export function buildHelpMessage(entries: readonly KnowledgeEntry[], lang: Lang): SlackMessage {
  const s = answerStrings(lang);
  return {
    text: `${s.helpIntro} ${s.helpUsage}`,
    blocks: [
      mrkdwnSection(`${s.helpIntro}\n${s.helpUsage}`),
      { type: 'divider' },
      mrkdwnSection(`*${s.topicsHeading}* (${entries.length})`),
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
export function withExplainButton(message: SlackMessage, entry: KnowledgeEntry | undefined, lang: Lang): SlackMessage {
  if (!entry) return { text: message.text, blocks: [...message.blocks] };
  const s = answerStrings(lang);
  const explain = actionsBlock([
    button(
      `${s.explain}: ${entryTitle(entry, lang)}`,
      `${ACTION_IDS.explainDocker}:0`,
      encodeEntryRef({ entryId: entry.id, question: entry.title, lang }),
    ),
  ]);
  return { text: message.text, blocks: [...message.blocks.slice(0, SLACK_LIMITS.messageBlocks - 1), explain] };
}

// ---------------------------------------------------------------------------------------------
// Views

/** The App Home tab: what the bot does, how to use it, an Ask button, and the topics to read. */
export function buildHomeView(entries: readonly KnowledgeEntry[], lang: Lang): HomeView {
  const s = answerStrings(lang);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.homeTitle, emoji: true } },
    mrkdwnSection(s.homeIntro),
    mrkdwnSection(`${s.homeHowTo}\n${s.helpUsage}`),
    actionsBlock([button(s.askButton, `${ACTION_IDS.homeAsk}:0`, lang, 'primary')]),
    { type: 'divider' },
    mrkdwnSection(`*${s.topicsHeading}* (${entries.length})`),
  ];
  const room = SLACK_LIMITS.viewBlocks - blocks.length;
  const shown = entries.length <= room ? entries : entries.slice(0, room - 1);
  for (const entry of shown) {
    const first = lang === 'ko' ? entry.title : entry.titleEn || entry.title;
    const second = lang === 'ko' ? entry.titleEn : entry.title;
    const text = `*${escapeSlackText(first)}*${second && second !== first ? `\n${escapeSlackText(second)}` : ''}`;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
      accessory: button(
        s.read,
        `${ACTION_IDS.homeReadTopic}:0`,
        encodeEntryRef({ entryId: entry.id, question: '', lang }),
      ),
    });
  }
  if (shown.length < entries.length) blocks.push(mrkdwnSection(s.moreTopics(entries.length - shown.length)));
  return { type: 'home', blocks };
}

function modalShell(lang: Lang, blocks: KnownBlock[]): ModalView {
  const s = answerStrings(lang);
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(s.modalTitle, SLACK_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: s.close },
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

/** A topic opened from the App Home. */
export function buildEntryModal(
  entry: KnowledgeEntry,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
): ModalView {
  return modalShell(lang, entryBlocks(entry, lang, lookup, SLACK_LIMITS.viewBlocks));
}

/** The question form opened by the App Home's Ask button. */
export function buildAskModal(lang: Lang): ModalView {
  const s = answerStrings(lang);
  return {
    ...modalShell(lang, [
      {
        type: 'input',
        block_id: ASK_INPUT.blockId,
        label: { type: 'plain_text', text: s.askLabel },
        element: {
          type: 'plain_text_input',
          action_id: ASK_INPUT.actionId,
          placeholder: { type: 'plain_text', text: s.askPlaceholder },
          max_length: 1000,
        },
      },
    ]),
    callback_id: VIEW_CALLBACK_IDS.askModal,
    submit: { type: 'plain_text', text: s.askSubmit },
  };
}

/** The answer shown in place of the question form after it is submitted. */
export function buildAnswerModal(
  answer: Answer,
  question: string,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
): ModalView {
  const best = answer.matches[0];
  if (answer.answered && best) return modalShell(lang, entryBlocks(best.entry, lang, lookup, SLACK_LIMITS.viewBlocks));
  const s = answerStrings(lang);
  const closest = answer.matches.slice(0, 3).map((m) => `• ${escapeSlackText(entryTitle(m.entry, lang))}`);
  return modalShell(lang, [
    mrkdwnSection(s.notAnswered(quoted(question))),
    ...(closest.length ? [mrkdwnSection(closest.join('\n'))] : [contextBlock([s.noCloseTopics])]),
  ]);
}
