import type { PsView } from '../docker/types.ts';
import { type Lang, strings } from '../i18n/index.ts';
import type { KnowledgeEntry } from '../knowledge/types.ts';

/**
 * Formatting every face shares, knowing nothing of Slack or terminals: sizes, state names, notes
 * as plain text, cutting text to a length.
 */

/** Cuts text to `max` characters (UTF-16 units, as Slack counts), marking the cut with an ellipsis; never half an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The body without its leading `# Title` line, which every face shows on its own. */
export function bodyWithoutHeading(entry: KnowledgeEntry): string {
  return entry.body.replace(/^#\s+.*\n+/, '');
}

/**
 * A note's Markdown as plain text (a terminal, a notification): code blocks indented without their
 * fences, emphasis markers and heading hashes dropped. Code keeps its characters untouched.
 */
export function markdownToPlainText(markdown: string): string {
  let inCode = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) out.push(`    ${line}`);
    else out.push(line.replace(/^#{1,6}\s+/, '').replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2'));
  }
  return out.join('\n');
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** Decimal units with 4 significant digits, exactly like docker's (go-units HumanSize): 1.982MB. */
export function humanSize(bytes: number): string {
  let size = Math.max(0, bytes);
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${UNITS[unit]}`;
}

/** The -v lists of df, in the order docker system df -v prints them. */
export const LARGEST_KINDS = ['images', 'containers', 'volumes'] as const;

/** "0B" alone when nothing is stored, else "1.2GB (40%)" — the way docker system df prints it. */
export function reclaimableText(reclaimableBytes: number, percent: number, sizeBytes: number): string {
  return sizeBytes > 0 ? `${humanSize(reclaimableBytes)} (${percent}%)` : humanSize(reclaimableBytes);
}

const STATE_ORDER = ['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing'];

/** The engine's state name in `lang`; a state this code does not know yet is shown as the engine says it. */
export function stateName(state: string, lang: Lang): string {
  const states: Record<string, string | undefined> = strings(lang).docker.states;
  return states[state] ?? state;
}

/** "800 running, 200 exited", in a fixed state order. */
export function countsSummary(view: PsView, lang: Lang): string {
  const states = Object.keys(view.countsByState).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return states
    .map((s) =>
      lang === 'ko'
        ? `${stateName(s, lang)} ${view.countsByState[s]}`
        : `${view.countsByState[s]} ${stateName(s, lang)}`,
    )
    .join(', ');
}

function rank(state: string): number {
  const i = STATE_ORDER.indexOf(state);
  return i < 0 ? STATE_ORDER.length : i;
}

/**
 * What a renderer is told beyond the Docker view: the note df's advice line names, when the disk
 * looks tight and the notes have it (src/commands/explain.ts decides).
 */
export interface DockerRenderOptions {
  diskAdvice?: Pick<KnowledgeEntry, 'id'>;
}

/** "name=web status=exited", as the user would type it. */
export function filtersText(view: PsView): string {
  return Object.entries(view.filters)
    .flatMap(([key, values]: [string, string[]]) => values.map((v) => `${key}=${v}`))
    .join(' ');
}
