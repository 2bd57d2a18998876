/** Knowledge answers as plain terminal text, for the shell and the CLI. Pure functions. */
import type { Lang } from '../../i18n.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry } from '../../knowledge/types.ts';
import { answerStrings } from '../answer-strings.ts';
import { bodyWithoutHeading, markdownToPlainText } from '../format.ts';

const TERMINAL = {
  ko: {
    didYouMean: '혹시 이 주제를 찾으셨나요?',
    noTopics: '비슷한 주제도 없어요. `topics`로 주제 목록을 볼 수 있어요.',
    alsoSee: '다른 후보',
  },
  en: {
    didYouMean: 'Did you mean one of these?',
    noTopics: 'No close topics either. Type `topics` for the list.',
    alsoSee: 'Also close',
  },
} as const;

export function renderAnswerText(answer: Answer, kb: KnowledgeBase, lang: Lang): string {
  const t = TERMINAL[lang];
  const [best, ...rest] = answer.matches;
  if (!answer.answered || !best) {
    const lines = [answerStrings(lang).notAnswered(answer.query.trim())];
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
  if (related.length > 0) lines.push('', `${answerStrings(lang).related}: ${related.map(topicLine).join(' · ')}`);
  return lines.join('\n');
}

export function renderTopicsText(kb: KnowledgeBase, lang: Lang): string {
  return [`${answerStrings(lang).topicsHeading}:`, ...kb.entries.map((e) => `  • ${topicLine(e)}`)].join('\n');
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
