/** The notes' Markdown as Slack mrkdwn, in pieces that fit a section. Pure. */
import { alignedTable, type MarkdownTable, splitMarkdownTables, tableRowLine } from '../format.ts';
import { escapeSlackText, SLACK_LIMITS } from './blocks.ts';

/**
 * Converts the notes' Markdown to Slack mrkdwn: headings and **bold** become *bold*, *italic*
 * becomes _italic_, [text](url) becomes <url|text>, list dashes become bullets. Code blocks keep
 * their content (only escaped); their language tag is dropped because Slack would print it.
 * Slack draws no tables: a table becomes a code block of aligned columns, or one bullet a row
 * when too wide for that.
 */
export function markdownToMrkdwn(markdown: string): string {
  return splitMarkdownTables(markdown)
    .map((part) => (typeof part === 'string' ? textToMrkdwn(part) : tableToMrkdwn(part)))
    .join('\n')
    .trim();
}

function tableToMrkdwn(table: MarkdownTable): string {
  const grid = alignedTable(table);
  if (grid) return ['```', ...grid.map(escapeSlackText), '```'].join('\n');
  return table.rows.map((row) => `• ${convertInline(escapeSlackText(tableRowLine(table, row)))}`).join('\n');
}

function textToMrkdwn(markdown: string): string {
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
  return out.join('\n');
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
