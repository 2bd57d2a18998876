/**
 * Knowledge answers as terminal text, for the shell and the CLI. Pure functions; `style` marks
 * headings, code and metadata for a terminal and is plain by default (pipes, files, the CLI).
 */
import { type Lang, strings } from '../../i18n/index.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry } from '../../knowledge/types.ts';
import { showControlChars, truncateCodePoints } from '../../text/visible.ts';
import { bodyWithoutHeading, chatReply, markdownToPlainText, pairedTitle } from '../format.ts';
import { PLAIN_STYLE, type TextStyle } from './style.ts';

/**
 * Code points of the question quoted back, as Slack's reply quotes it: a pasted log is not printed back
 * whole, and what it holds that acts on a terminal (ESC, CR, bidi overrides) shows as escapes.
 */
const QUOTED_MAX = 200;
const quotedBack = (text: string) => showControlChars(truncateCodePoints(text.replace(/\s+/g, ' ').trim(), QUOTED_MAX));

/**
 * The reply to a question, by outcome: answered, the best entry; partial, a line saying which part
 * the closest note covers, then that note; none, "not covered" with the close topics the search
 * found, or the topic list; chat, a brief reply and how to ask.
 */
export function renderAnswerText(answer: Answer, kb: KnowledgeBase, lang: Lang, style = PLAIN_STYLE): string {
  const t = strings(lang).terminal;
  const s = strings(lang).answers;
  if (answer.chat === 'help')
    return [
      s.helpIntro,
      t.chatHowTo,
      '',
      `${s.topicsHeading}:`,
      ...kb.entries.map((e) => `  • ${topicLine(e, style)}`),
    ].join('\n');
  if (answer.chat) return `${chatReply(answer.chat, lang)}\n${t.chatHowTo}`;
  const [best, ...rest] = answer.matches;
  const partial = answer.outcome === 'partial' && best !== undefined;
  const topic = (e: KnowledgeEntry) => topicLine(e, style);
  if (!(answer.answered || partial) || !best) {
    const lines = [s.notAnswered(quotedBack(answer.query))];
    if (answer.matches.length === 0) lines.push(t.noTopics, ...kb.entries.map((e) => `  • ${topic(e)}`));
    else lines.push(t.didYouMean, ...answer.matches.map((m) => `  • ${topic(m.entry)}`));
    return lines.join('\n');
  }
  const lines = partial
    ? [s.partialIntro(termsText(answer.partial?.covered), termsText(answer.partial?.missing)), '']
    : [];
  lines.push(renderEntryText(best.entry, kb, lang, style));
  // Weak runners-up are noise under a confident answer; related topics are already listed.
  const close = rest.filter((m) => m.score >= best.score / 2 && !best.entry.related.includes(m.entry.id));
  if (close.length > 0)
    lines.push('', style.dim(`${t.alsoSee}: ${close.map((m) => topicLine(m.entry, PLAIN_STYLE)).join(' · ')}`));
  return lines.join('\n');
}

/** The question's words quoted for a sentence; undefined when the answer names none. */
function termsText(terms: readonly string[] | undefined): string | undefined {
  return terms?.length ? `“${quotedBack(terms.join(', '))}”` : undefined;
}

/** One entry: its title line, its body as terminal text, and related topics. */
function renderEntryText(entry: KnowledgeEntry, kb: KnowledgeBase, lang: Lang, style: TextStyle): string {
  const body = markdownToPlainText(bodyWithoutHeading(entry).trim(), style);
  const lines = [style.heading(`== ${displayTitle(entry)} ==`), '', body];
  const related = entry.related.map((id) => kb.byId(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  if (related.length > 0) {
    const list = related.map((e) => topicLine(e, PLAIN_STYLE)).join(' · ');
    lines.push('', style.dim(`${strings(lang).answers.related}: ${list}`));
  }
  return lines.join('\n');
}

export function renderTopicsText(kb: KnowledgeBase, lang: Lang, style = PLAIN_STYLE): string {
  return [
    style.heading(`${strings(lang).answers.topicsHeading}:`),
    ...kb.entries.map((e) => `  • ${topicLine(e, style)}`),
  ].join('\n');
}

/** "쿠버네티스 (Kubernetes)" already names it in English; other titles get the English one added, never in nested brackets. */
function displayTitle(entry: KnowledgeEntry): string {
  return pairedTitle(entry.title, entry.titleEn);
}

/** A topic with its id, the id as metadata. */
function topicLine(entry: KnowledgeEntry, style: TextStyle): string {
  return `${entry.title} ${style.dim(`[${entry.id}]`)}`;
}
