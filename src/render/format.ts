import type { PsView } from '../docker/types.ts';
import { type Lang, strings } from '../i18n/index.ts';
import type { Answer, KnowledgeEntry } from '../knowledge/types.ts';

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
 * Two names of one thing, the second in parentheses, never nested: when either already has
 * brackets ("Docker 활용 (이미지와 컨테이너 사용법)") they are set apart with a middle dot instead, and
 * a name the other already contains ("쿠버네티스 (Kubernetes)", "Kubernetes") is not repeated.
 */
export function pairedTitle(first: string, second: string): string {
  const a = first.trim();
  const b = second.trim();
  if (!b || a.toLowerCase().includes(b.toLowerCase())) return a;
  if (!a) return b;
  return /[()[\]]/.test(a + b) ? `${a} · ${b}` : `${a} (${b})`;
}

/** A Markdown (GFM) table: its header cells and body rows, cells as written (inline Markdown kept). */
export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Markdown cut into its tables and the text between them, in order. A table is a row with pipes,
 * a delimiter row (| --- | :-: |) and the rows with pipes after it; fenced code is never read as one.
 */
export function splitMarkdownTables(markdown: string): Array<string | MarkdownTable> {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const parts: Array<string | MarkdownTable> = [];
  let text: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) inFence = !inFence;
    const next = lines[i + 1];
    const startsTable =
      !inFence &&
      line.includes('|') &&
      next?.includes('|') &&
      TABLE_DELIMITER.test(next) &&
      tableCells(next).length === tableCells(line).length;
    if (startsTable) {
      const header = tableCells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== '') rows.push(tableCells(lines[i++]!));
      i--;
      if (text.length) parts.push(text.join('\n'));
      text = [];
      parts.push({ header, rows: rows.map((r) => header.map((_, k) => r[k] ?? '')) });
      continue;
    }
    text.push(line);
  }
  if (text.length) parts.push(text.join('\n'));
  return parts;
}

/** The cells of one table row: split at pipes outside inline code, `\|` kept as a pipe. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const row = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < row.length; i++) {
    const char = row[i]!;
    if (char === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (char === '`') {
      inCode = !inCode;
      cell += char;
    } else if (char === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** Columns a character takes in a monospace font: Hangul, CJK, full-width forms and emoji take two. */
function charWidth(codePoint: number): number {
  if (codePoint < 0x1100) return 1;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f300
  )
    return 2;
  return 1;
}

/** How many monospace columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/** Widest aligned table still read as a grid; a wider one is one line per row instead. */
export const ALIGNED_TABLE_MAX_COLUMNS = 72;

/** A table cell as plain words: no emphasis marks or backticks (the grid is already code). */
export function plainCell(cell: string): string {
  return cell.replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2').replace(/`([^`]*)`/g, '$1');
}

/**
 * A table as aligned monospace lines (header, a rule, rows), cells as `cell` gives them; undefined
 * when the grid would be wider than `maxColumns`, for the caller to lay it out one row a line.
 */
export function alignedTable(
  table: MarkdownTable,
  cell: (text: string) => string = plainCell,
  maxColumns = ALIGNED_TABLE_MAX_COLUMNS,
): string[] | undefined {
  const grid = [table.header, ...table.rows].map((row) => row.map(cell));
  const widths = table.header.map((_, k) => Math.max(1, ...grid.map((row) => displayWidth(row[k] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > maxColumns) return undefined;
  const line = (row: string[]) =>
    row
      .map((c, k) => (k === row.length - 1 ? c : c + ' '.repeat(widths[k]! - displayWidth(c))))
      .join('  ')
      .trimEnd();
  return [line(grid[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...grid.slice(1).map(line)];
}

/**
 * A table row as one line of words, for tables too wide for a grid: the first cell names the row,
 * the others follow with their column's header ("docker ps — 뜻: 실행 중인 컨테이너 · 옵션: -a").
 */
export function tableRowLine(table: MarkdownTable, row: string[]): string {
  const [first = '', ...rest] = row;
  const others = rest
    .map((c, k) => (c ? `${table.header[k + 1] ? `${table.header[k + 1]}: ` : ''}${c}` : ''))
    .filter(Boolean);
  return others.length ? `${first} — ${others.join(' · ')}` : first;
}

/**
 * A note's Markdown as plain text (a terminal, a notification): code blocks indented without their
 * fences, emphasis markers and heading hashes dropped, tables as aligned columns (or one row a line
 * when too wide). Code keeps its characters untouched.
 */
export function markdownToPlainText(markdown: string, marks: PlainTextMarks = NO_MARKS): string {
  return splitMarkdownTables(markdown)
    .map((part) => (typeof part === 'string' ? textToPlain(part, marks) : tableToPlain(part)))
    .join('\n');
}

/** How plain text marks what the Markdown marked (a terminal's bold and colours); none by default. */
export interface PlainTextMarks {
  /** Headings and **bold**. */
  heading(text: string): string;
  /** Code lines and `inline code`, backticks kept. */
  code(text: string): string;
}

const NO_MARKS: PlainTextMarks = { heading: (t) => t, code: (t) => t };

function tableToPlain(table: MarkdownTable): string {
  const grid = alignedTable(table);
  if (grid) return grid.map((l) => `  ${l}`).join('\n');
  return table.rows.map((row) => `- ${plainCell(tableRowLine(table, row))}`).join('\n');
}

function textToPlain(markdown: string, marks: PlainTextMarks): string {
  let inCode = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(`    ${line && marks.code(line)}`);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      out.push(marks.heading(heading[1]!.replace(/\*\*|__/g, '')));
      continue;
    }
    out.push(
      line
        .split(/(`[^`]*`)/)
        .map((part) =>
          part.startsWith('`')
            ? marks.code(part)
            : part.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a?: string, b?: string) => marks.heading(a ?? b ?? '')),
        )
        .join(''),
    );
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

/** The brief reply to small talk (the help, which lists the topics, is each face's own). */
export function chatReply(chat: Exclude<NonNullable<Answer['chat']>, 'help'>, lang: Lang): string {
  const s = strings(lang).answers;
  return chat === 'greeting' ? s.chatGreeting : chat === 'thanks' ? s.chatThanks : s.chatSorry;
}
