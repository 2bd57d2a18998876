/** The questions the notes could not answer, as terminal text (`cli gaps`). Pure. */
import { type Lang, strings } from '../../i18n/index.ts';
import type { GapSummary } from '../../store/types.ts';

/** Heading, then one line per question, most asked first: count, the question, its closest notes. */
export function renderGapsText(gaps: readonly GapSummary[], lang: Lang, days: string): string {
  const s = strings(lang).gaps;
  const lines = [`${s.heading} (${days}):`];
  if (gaps.length === 0) return [...lines, `  ${s.none}`].join('\n');
  const width = String(Math.max(...gaps.map((g) => g.count))).length;
  for (const gap of gaps) {
    const closest = gap.closest.slice(0, 3).map((c) => `${c.noteId} ${c.score.toFixed(2)}`);
    lines.push(
      `  ${String(gap.count).padStart(width)}×  ${gap.question}${closest.length ? `   (${s.closest}: ${closest.join(', ')})` : ''}`,
    );
  }
  return lines.join('\n');
}
