/** Knowledge answers as plain terminal text, for the shell and the CLI. Pure functions. */
import { type Lang, strings } from '../../i18n/index.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry } from '../../knowledge/types.ts';
import { bodyWithoutHeading, markdownToPlainText } from '../format.ts';

export function renderAnswerText(answer: Answer, kb: KnowledgeBase, lang: Lang): string {
  const t = strings(lang).terminal;
  const [best, ...rest] = answer.matches;
  if (!answer.answered || !best) {
    const lines = [strings(lang).answers.notAnswered(answer.query.trim())];
    if (answer.matches.length === 0) lines.push(t.noTopics);
    else lines.push(t.didYouMean, ...answer.matches.map((m) => `  • ${topicLine(m.entry)}`));
    return lines.join('\n');
  }
  const lines = [renderEntryText(best.entry, kb, lang)];
  // Weak runners-up are noise under a confident answer; related topics are already listed.
  const close = rest.filter((m) => m.score >= best.score / 2 && !best.entry.related.includes(m.entry.id));
  if (close.length > 0) lines.push('', `${t.alsoSee}: ${close.map((m) => topicLine(m.entry)).join(' · ')}`);
  return lines.join('\n');
}

/** One entry: its title line, its body as terminal text, and related topics. */
function renderEntryText(entry: KnowledgeEntry, kb: KnowledgeBase, lang: Lang): string {
  const body = markdownToPlainText(bodyWithoutHeading(entry).trim());
  const lines = [`== ${displayTitle(entry)} ==`, '', body];
  const related = entry.related.map((id) => kb.byId(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  if (related.length > 0) lines.push('', `${strings(lang).answers.related}: ${related.map(topicLine).join(' · ')}`);
  return lines.join('\n');
}

export function renderTopicsText(kb: KnowledgeBase, lang: Lang): string {
  return [`${strings(lang).answers.topicsHeading}:`, ...kb.entries.map((e) => `  • ${topicLine(e)}`)].join('\n');
}

/** "쿠버네티스 (Kubernetes)" already names it in English; other titles get the English one added. */
function displayTitle(entry: KnowledgeEntry): string {
  return entry.title.toLowerCase().includes(entry.titleEn.toLowerCase())
    ? entry.title
    : `${entry.title} (${entry.titleEn})`;
}

function topicLine(entry: KnowledgeEntry): string {
  return `${entry.title} [${entry.id}]`;
}
