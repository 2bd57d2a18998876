import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from '../errors.ts';
import type { KnowledgeEntry } from './types.ts';

export interface LoadResult {
  entries: KnowledgeEntry[];
  /** One line per problem, naming the file and the field; the file (or link) concerned was skipped. */
  warnings: string[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

class BadFile extends Error {}

/**
 * Reads every `*.md` file below `dir` (sorted, so the first of two duplicate ids wins on every replica).
 * A bad file is skipped with a warning; only a missing, unreadable or empty directory is fatal.
 */
export function loadKnowledgeDir(dir: string): LoadResult {
  const files = listMarkdownFiles(dir);
  const warnings: string[] = [];
  const entries: KnowledgeEntry[] = [];
  const seen = new Map<string, string>();

  for (const file of files) {
    const rel = path.relative(dir, file);
    try {
      const entry = parseEntry(readNote(file), rel);
      const first = seen.get(entry.id);
      if (first) throw new BadFile(`id "${entry.id}" is already used by ${first}`);
      seen.set(entry.id, rel);
      entries.push(entry);
    } catch (err) {
      if (!(err instanceof BadFile)) throw err;
      warnings.push(`${rel}: ${err.message}; file skipped`);
    }
  }

  for (const entry of entries) {
    const unknown = entry.related.filter((id) => !seen.has(id));
    if (unknown.length > 0) {
      warnings.push(`${entry.file}: related: unknown id ${unknown.map((id) => `"${id}"`).join(', ')}; link ignored`);
      entry.related = entry.related.filter((id) => seen.has(id));
    }
  }

  if (entries.length === 0) {
    const why = files.length === 0 ? 'has no .md files' : 'has no valid .md files';
    throw new UserError(
      `Knowledge directory ${dir} ${why}. ${warnings.join(' ')} Add notes there or set KNOWLEDGE_DIR.`
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return { entries, warnings };
}

function listMarkdownFiles(dir: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UserError(`Knowledge directory ${dir} does not exist. Set KNOWLEDGE_DIR to a folder of Markdown notes.`);
  }
  if (!stat.isDirectory()) {
    throw new UserError(`KNOWLEDGE_DIR ${dir} is a file, not a folder. Point it at a folder of Markdown notes.`);
  }
  const files: string[] = [];
  const walk = (folder: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      if (folder === dir)
        throw new UserError(`Knowledge directory ${dir} cannot be read (${errorCode(err)}). Check its permissions.`);
      return; // an unreadable subfolder is reported by nothing in it loading; the rest still loads
    }
    for (const item of items) {
      // Dot folders (.git, .obsidian) hold tooling, not notes.
      if (item.name.startsWith('.')) continue;
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      // A link is followed to a file; a dangling one is read (and reported) like any bad file.
      else if ((item.isFile() || item.isSymbolicLink()) && item.name.toLowerCase().endsWith('.md')) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/** A note's text; a file that cannot be read is a bad file, not a reason to stop. */
function readNote(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new BadFile(`cannot be read (${errorCode(err)})`);
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}

/** Parses one file's text; throws BadFile naming the field that is wrong. */
function parseEntry(text: string, file: string): KnowledgeEntry {
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
  if (!ID_PATTERN.test(id)) throw new BadFile(`id "${id}" must be lowercase letters, digits and dashes`);
  const title = requiredString(m, 'title');
  const body = text.slice(fm[0].length).trim();
  if (!body) throw new BadFile('the body after the front-matter is empty');
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
  if (value === undefined) throw new BadFile(`${field} is missing`);
  return value;
}

function optionalString(m: Record<string, unknown>, field: string): string | undefined {
  const value = m[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new BadFile(`${field} must be text`);
  const text = String(value).trim();
  if (!text) throw new BadFile(`${field} is empty`);
  return text;
}

function stringList(m: Record<string, unknown>, field: string): string[] {
  const value = m[field];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') throw new BadFile(`${field}[${i}] must be text`);
      return String(item).trim();
    })
    .filter(Boolean);
}
