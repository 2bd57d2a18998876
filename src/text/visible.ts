/**
 * Text from outside the bot (container names, commands, labels, later user text quoted in answers)
 * shown so that what you see is what is there: no face — terminal, Slack, JSON — can be made to
 * clear a screen, retitle a terminal, fake a table row or reorder a line by characters it cannot
 * see. Face-neutral: it knows nothing of Slack markup or terminals.
 */

/**
 * Characters that act instead of showing: C0/C1 controls (ESC, CR, LF, TAB, DEL…), format
 * characters (bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, marks
 * U+200E/U+200F/U+061C, zero-width space and joiners, BOM, soft hyphen, tag characters), the line
 * and paragraph separators, and surrogates that are not half of a pair. One code point per match,
 * so the replace is linear. The zero-width joiner (U+200D) is left alone: it only glues emoji and
 * some scripts together and cannot reorder or hide text.
 */
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** The code point as an escape a reader can type back: \x1b, \n, \u202e, \u{e0041}. */
function escapeFor(char: string): string {
  const code = char.codePointAt(0)!;
  const named: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r' };
  if (named[code]) return named[code];
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** `text` with every control, bidi and invisible format character shown as a visible escape. */
export function showControlChars(text: string): string {
  return text.replace(INVISIBLE, escapeFor);
}

/**
 * At most `max` code points of `text` (never half a surrogate pair), with `…` as the last one when
 * something was cut. Linear; reads only as far as it keeps.
 */
export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  let points = 0;
  while (units < text.length && points < max - 1) {
    units += text.codePointAt(units)! > 0xffff ? 2 : 1;
    points++;
  }
  if (units >= text.length) return text;
  // What is left might be exactly one more code point: then nothing needs cutting.
  const next = text.codePointAt(units)! > 0xffff ? 2 : 1;
  if (units + next >= text.length) return text;
  return `${text.slice(0, units)}…`;
}
