import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { KnowledgeEntry } from './types.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** What is wrong with one note file, naming the field; the loader adds the file's name. */
export class BadFile extends Error {
  /** The front-matter field (or 'body') the message is about, when it is about one: where a form shows it. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** Parses one file's text; throws BadFile naming the field that is wrong. */
export function parseEntry(text: string, file: string): KnowledgeEntry {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) throw new BadFile('no front-matter (the file must start with a --- block holding id and title)');
  let meta: unknown;
  try {
    meta = parseYaml(fm[1] ?? '');
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line + 1}` : '';
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new BadFile(`front-matter is not valid YAML${where} (${reason})`);
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new BadFile('front-matter must be a YAML mapping of id, title, aliases, ...');
  }
  const m = meta as Record<string, unknown>;
  const id = requiredString(m, 'id');
  if (!ID_PATTERN.test(id)) throw new BadFile(`id "${id}" must be lowercase letters, digits and dashes`, 'id');
  const title = requiredString(m, 'title');
  const body = text.slice(fm[0].length).trim();
  if (!body) throw new BadFile('the body after the front-matter is empty', 'body');
  return {
    id,
    title,
    titleEn: optionalString(m, 'title_en') ?? title,
    aliases: stringList(m, 'aliases'),
    tags: stringList(m, 'tags'),
    related: stringList(m, 'related'),
    body,
    file,
  };
}

function requiredString(m: Record<string, unknown>, field: string): string {
  const value = optionalString(m, field);
  if (value === undefined) throw new BadFile(`${field} is missing`, field);
  return value;
}

function optionalString(m: Record<string, unknown>, field: string): string | undefined {
  const value = m[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new BadFile(`${field} must be text`, field);
  const text = String(value).trim();
  if (!text) throw new BadFile(`${field} is empty`, field);
  return text;
}

function stringList(m: Record<string, unknown>, field: string): string[] {
  const value = m[field];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') throw new BadFile(`${field}[${i}] must be text`, field);
      return String(item).trim();
    })
    .filter(Boolean);
}
