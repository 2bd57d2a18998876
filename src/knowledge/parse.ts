import { isScalar, parseDocument, visit, YAMLError } from 'yaml';
import { showControlChars, truncateCodePoints } from '../text/visible.ts';
import type { KnowledgeEntry } from './types.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * How much front-matter a note may hold. Front-matter is a few lines (the seed's largest is under
 * 1 KB); the caps bound what parsing costs, since YAML parsing is synchronous and some shapes (many
 * custom tags in one flow sequence) cost time quadratic in their size, and what one note adds to the
 * index. Past a cap the file is refused with a message naming the field, never cut silently.
 */
export const FRONT_MATTER_LIMITS = {
  bytes: 16 * 1024,
  /** title and title_en, in characters. */
  titleChars: 200,
  /** aliases, tags and related, in items. */
  listItems: 200,
  /** One alias, tag or related id, in characters. */
  itemChars: 200,
} as const;

/**
 * How much of a note's body is searched, in UTF-16 units: tokenising costs time in proportion to the
 * text and is not split across turns of the event loop, so a megabyte of body would hold answers up
 * for seconds at each reload. A note is a page or two (the seed's largest is 1.4 KB); the rest of a
 * longer body is not searched, and the loader says so.
 */
export const SEARCHED_BODY_CHARS = 32 * 1024;

/** What is wrong with one note file, naming the field; the loader adds the file's name. */
export class BadFile extends Error {
  /** The front-matter field (or 'body') the message is about, when it is about one: where a form shows it. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/**
 * A note file's bytes as text. UTF-8 (with or without a byte-order mark) and UTF-16 (as Windows
 * editors save it, with a mark or recognisably without) are read; anything else is refused rather
 * than served with replacement characters, since a Korean note saved as EUC-KR would otherwise be
 * answered as mojibake.
 */
export function decodeNote(bytes: Uint8Array): string {
  // A byte-order mark is dropped by the decoder itself.
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstBadByte(bytes);
    throw new BadFile(
      `is not UTF-8 text (line ${line} has bytes that are not UTF-8); save it as UTF-8 (a Korean file saved as EUC-KR or CP949 needs converting)`,
    );
  }
  if (text.includes('\0')) throw new BadFile('holds NUL bytes, so it is not a text file; a note is Markdown text');
  return text;
}

/** UTF-16's byte order when the bytes are UTF-16: by the byte-order mark, or by `---` (or `\n`) as its first character. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const asciiThenNul = bytes.length >= 4 && bytes[0]! > 0 && bytes[0]! < 0x80 && bytes[1] === 0 && bytes[3] === 0;
  const nulThenAscii = bytes.length >= 4 && bytes[0] === 0 && bytes[1]! > 0 && bytes[1]! < 0x80 && bytes[2] === 0;
  if (asciiThenNul) return 'utf-16le';
  if (nulThenAscii) return 'utf-16be';
  return undefined;
}

function lineOfFirstBadByte(bytes: Uint8Array): number {
  // The longest prefix that decodes, found by halving: the bad byte's line is that prefix's line count.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
    } catch {
      bad = mid;
    }
  }
  let line = 1;
  for (let i = 0; i < good; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Parses one file's text; throws BadFile naming the field that is wrong. */
export function parseEntry(text: string, file: string): KnowledgeEntry {
  // Old Mac and Windows line endings read as Unix ones; blank lines before the front-matter are allowed.
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const leading = /^(?:[ \t]*\n)*/.exec(lines)![0];
  const { yaml, body, firstLine } = splitFrontMatter(lines.slice(leading.length), countLines(leading));
  const m = parseFrontMatter(yaml, firstLine);
  const id = requiredString(m, 'id', 64);
  // An id is matched as written: what a title loses of pasted invisible characters, an id may not ("docker\u200b").
  const written = typeof m.id === 'string' ? m.id.trim() : id;
  if (!ID_PATTERN.test(written))
    throw new BadFile(`id ${shown(written)} must be lowercase letters, digits and dashes`, 'id');
  const title = requiredString(m, 'title', FRONT_MATTER_LIMITS.titleChars);
  if (!body.trim()) throw new BadFile('the body after the front-matter is empty', 'body');
  return {
    id,
    title,
    titleEn: optionalString(m, 'title_en', FRONT_MATTER_LIMITS.titleChars) ?? title,
    aliases: stringList(m, 'aliases'),
    tags: stringList(m, 'tags'),
    related: stringList(m, 'related'),
    body: body.trim(),
    file,
  };
}

const countLines = (text: string) => text.split('\n').length - 1;

/** A value from the file, quoted in a message. */
export const shown = (value: string, max = 60) => `"${clipped(value, max)}"`;
/** Text from the file or a library in a message: bounded, its control and bidi characters as visible escapes. */
export const clipped = (text: string, max: number) => showControlChars(truncateCodePoints(text, max));

/** The front-matter's YAML and the body; `firstLine` is the file line the YAML starts on. */
function splitFrontMatter(text: string, blankLines: number): { yaml: string; body: string; firstLine: number } {
  const opening = /^([^\n]*)(?:\n|$)/.exec(text)![1]!;
  if (/^\+\+\+[ \t]*$/.test(opening)) {
    throw new BadFile('front-matter is TOML (+++); a note takes YAML front-matter between --- lines');
  }
  if (/^[ \t]+---[ \t]*$/.test(opening)) {
    throw new BadFile(
      'the --- line that opens the front-matter is indented: it must start at the beginning of its line',
    );
  }
  if (!/^---[ \t]*$/.test(opening)) {
    throw new BadFile(
      'no front-matter (the file must start with a --- line, then id and title, then another --- line)',
    );
  }
  const openingLine = blankLines + 1;
  const rest = text.slice(opening.length + 1);
  // Closed by a --- line, or by YAML's own end-of-document line (...).
  const closing = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!closing) {
    throw new BadFile(
      `front-matter opened on line ${openingLine} is never closed: end it with a --- line before the body`,
    );
  }
  // Without the line break before the closing line, so that an error at the end is placed on the last line.
  const yaml = rest.slice(0, closing.index).replace(/\n$/, '');
  return { yaml, body: rest.slice(closing.index + closing[0].length), firstLine: openingLine + 1 };
}

function parseFrontMatter(yaml: string, firstLine: number): Record<string, unknown> {
  const size = Buffer.byteLength(yaml, 'utf8');
  if (size > FRONT_MATTER_LIMITS.bytes) {
    throw new BadFile(
      `front-matter is ${Math.ceil(size / 1024)} KB, over the limit of ${FRONT_MATTER_LIMITS.bytes / 1024} KB; it holds id, title, aliases, tags and related: move longer text into the body`,
    );
  }
  let meta: unknown;
  try {
    // Silent: the library's warnings (an unknown tag) would go to stderr, outside the logger and naming no file.
    const doc = parseDocument(yaml, { logLevel: 'silent', uniqueKeys: true });
    const error = doc.errors[0];
    if (error) throw error;
    // A number or yes/true is text in a note: `id: 0777` is the id "0777", not 777.
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean'))
          node.value = node.source;
      },
    });
    meta = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    throw new BadFile(`front-matter is not valid YAML${yamlProblem(err, yaml, firstLine)}`);
  }
  if (meta === null || meta === undefined) throw new BadFile('front-matter is empty: it must hold id and title');
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    throw new BadFile('front-matter must be a YAML mapping of id, title, aliases, ...');
  }
  return meta as Record<string, unknown>;
}

/** Where and what, as the file's line numbers: the library's own position is of the front-matter alone. */
function yamlProblem(err: unknown, yaml: string, firstLine: number): string {
  if (!(err instanceof YAMLError)) {
    // toJS's alias limit and a nesting deep enough to exhaust the stack are not YAMLErrors.
    const message = err instanceof Error ? err.message : String(err);
    return /alias/i.test(message)
      ? ' (it expands too many aliases)'
      : ` (${err instanceof RangeError ? 'it is nested too deeply' : clipped(message, 120)})`;
  }
  // The library turns a stack overflow into an error at whatever depth the stack ran out: say what it means.
  if (/call stack/i.test(err.message)) return ' (it is nested too deeply)';
  let reason = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (err.code === 'DUPLICATE_KEY') reason += `: ${shown(yaml.slice(err.pos[0]).split(/[:\n]/, 1)[0]!.trim(), 40)}`;
  const pos = err.linePos?.[0];
  const where = pos ? ` at line ${pos.line + firstLine - 1}, column ${pos.col}` : '';
  return `${where} (${clipped(reason, 160)})`;
}

/**
 * What a title, alias, tag or related id may not hold: control characters and the bidi embeddings,
 * overrides and isolates, which would reorder text wherever it is shown. Tabs and line breaks become
 * spaces; invisible characters pasted from the web (soft hyphen, zero-width space, direction marks)
 * are dropped; joiners (ZWJ, and ZWNJ, which Persian and Indic spelling needs) and the tag characters
 * of flag emoji stay.
 */
const ACTING = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const PASTED_INVISIBLE = /[\u00ad\u200b\u200e\u200f\u2060\ufeff\u061c]/gu;

/** Half of a UTF-16 surrogate pair alone: YAML's "\ud800" escape makes one, and it is no character at all. */
const LONE_SURROGATE = /\p{Cs}/u;

function printable(text: string, field: string): string {
  const clean = text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').replace(PASTED_INVISIBLE, '');
  const half = LONE_SURROGATE.exec(clean);
  if (half)
    throw new BadFile(
      `${field} holds half of a surrogate pair (${clipped(half[0], 1)}), which is not a character; remove it`,
      field,
    );
  const acting = ACTING.exec(clean);
  if (acting)
    throw new BadFile(`${field} holds a control or bidi character (${clipped(acting[0], 1)}); remove it`, field);
  return clean;
}

function requiredString(m: Record<string, unknown>, field: string, maxChars: number): string {
  const value = optionalString(m, field, maxChars);
  if (value === undefined) throw new BadFile(`${field} is missing`, field);
  return value;
}

function optionalString(m: Record<string, unknown>, field: string, maxChars: number): string | undefined {
  const value = m[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadFile(`${field} must be text, not ${kindOf(value)}`, field);
  const text = value.trim();
  if (!text) throw new BadFile(`${field} is empty`, field);
  if ([...text].length > maxChars) throw new BadFile(`${field} is longer than ${maxChars} characters`, field);
  return printable(text, field);
}

function stringList(m: Record<string, unknown>, field: string): string[] {
  const value = m[field];
  if (value === undefined || value === null) return [];
  if (typeof value === 'object' && !Array.isArray(value))
    throw new BadFile(`${field} must be a list of text, not a mapping`, field);
  const items = Array.isArray(value) ? value : [value];
  if (items.length > FRONT_MATTER_LIMITS.listItems) {
    throw new BadFile(`${field} has ${items.length} items, over the limit of ${FRONT_MATTER_LIMITS.listItems}`, field);
  }
  return items
    .map((item, i) => {
      if (item === null) return ''; // an empty list item (`- ` in a template)
      if (typeof item !== 'string') throw new BadFile(`${field}[${i}] must be text, not ${kindOf(item)}`, field);
      const text = item.trim();
      if ([...text].length > FRONT_MATTER_LIMITS.itemChars) {
        throw new BadFile(`${field}[${i}] is longer than ${FRONT_MATTER_LIMITS.itemChars} characters`, field);
      }
      return printable(text, `${field}[${i}]`);
    })
    .filter(Boolean);
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map || typeof value === 'object') return 'a mapping';
  return typeof value;
}
