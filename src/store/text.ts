/** Longest question kept in a gap or feedback record (characters). */
export const QUESTION_MAX_CHARS = 300;
/** Longest "what was missing" text kept. */
export const MISSING_MAX_CHARS = 500;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// <@U123>, <@U123|name> (users) and <!subteam^S123|@team> (user groups), as Slack sends them.
const MENTION = /<@[^>\s]*>|<!subteam\^[^>\s]*>/g;

/**
 * Text as both databases can hold it, identically: PostgreSQL refuses NUL in text and UTF-8 cannot
 * carry a lone surrogate, so NULs go and lone surrogates become U+FFFD in either adapter.
 */
export function storableText(text: string): string {
  return text.replace(/\0/g, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A question as gap and feedback records keep it: no user mentions, one line of single spaces, capped. */
export function recordedQuestion(text: string): string {
  return recordedLine(text, QUESTION_MAX_CHARS);
}

/** The "what was missing" text from the 👎 modal, kept the same way. */
export function recordedMissing(text: string): string {
  return recordedLine(text, MISSING_MAX_CHARS);
}

/**
 * The key that makes two wordings of one question count as one gap: NFKC (full-width and
 * compatibility forms), lower case, punctuation as spaces, whitespace collapsed.
 * "Docker-Compose 설치?" and "docker compose  설치" share a key.
 */
export function questionKey(question: string): string {
  return recordedQuestion(question)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function recordedLine(text: string, maxChars: number): string {
  const line = storableText(text).replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
  // Counted in code points, so a cut never splits a surrogate pair; "…" marks it.
  const chars = Array.from(line);
  return chars.length <= maxChars ? line : `${chars.slice(0, maxChars - 1).join('')}…`;
}
