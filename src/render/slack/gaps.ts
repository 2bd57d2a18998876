/**
 * The questions the notes could not answer, as the team sees them in Slack: a section of the App
 * Home and the weekly digest. Each question has a Write a note button that starts a note from it.
 */
import { type Lang, strings } from '../../i18n/index.ts';
import type { GapSummary } from '../../store/types.ts';
import { quoted } from './answers.ts';
import { button, code, context, type KnownBlock, type SlackMessage, section } from './blocks.ts';
import type { AnswerRoutes } from './routes.ts';

/** Questions shown in the App Home and the digest: the most asked first. */
export const GAPS_SHOWN = 10;

/** The unanswered questions of the last `days` days, for the App Home. */
export interface HomeGaps {
  gaps: readonly GapSummary[];
  days: number;
}

/** One question: its wording, how often it was asked, its closest notes, and Write a note. */
function gapBlock(gap: GapSummary, lang: Lang, routes: AnswerRoutes, index: number): KnownBlock {
  const s = strings(lang).gaps;
  const closest = gap.closest.slice(0, 3).map((c) => code(c.noteId));
  const details = [
    s.asked(gap.count),
    ...(gap.outcomes.partial ? [s.partly(gap.outcomes.partial)] : []),
    ...(gap.outcomes['voted-down'] ? [s.votedDown(gap.outcomes['voted-down'])] : []),
    ...(closest.length ? [`${s.closest}: ${closest.join(', ')}`] : []),
  ].join(' · ');
  const ref = { entryId: gap.closest[0]?.noteId ?? '', question: gap.question, lang: gap.lang };
  return {
    ...section(`“${quoted(gap.question)}”\n${details}`),
    accessory: button(s.writeNote, routes.writeNote(ref, index)),
  };
}

/** The App Home section "Questions the notes could not answer": heading, then each question or "none". */
export function homeGapsBlocks({ gaps, days }: HomeGaps, lang: Lang, routes: AnswerRoutes): KnownBlock[] {
  const s = strings(lang).gaps;
  const blocks: KnownBlock[] = [{ type: 'divider' }, section(`*${s.heading}* (${s.lastDays(days)})`)];
  if (gaps.length === 0) return [...blocks, context(s.none)];
  return [...blocks, ...gaps.slice(0, GAPS_SHOWN).map((gap, i) => gapBlock(gap, lang, routes, i))];
}

/** The weekly digest for a channel; undefined when there is nothing to say. */
export function buildGapsDigest(
  gaps: readonly GapSummary[],
  lang: Lang,
  days: number,
  routes: AnswerRoutes,
): SlackMessage | undefined {
  if (gaps.length === 0) return undefined;
  const s = strings(lang).gaps;
  const shown = gaps.slice(0, GAPS_SHOWN);
  const intro = s.digestIntro(days, gaps.length);
  return {
    text: `${intro} ${shown.map((g) => `“${quoted(g.question)}”`).join(', ')}`,
    blocks: [section(intro), ...shown.map((gap, i) => gapBlock(gap, lang, routes, i))],
  };
}
