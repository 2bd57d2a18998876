/**
 * A note as a Markdown file's text, and back: what `notes export` writes and what a note typed in a
 * form is checked as. A form's note is judged as the file it would be, by the loader's own size limit
 * and parser, so a note saved from Slack follows exactly the rules (and gets the messages) of a file.
 */
import { stringify } from 'yaml';
import { type NoteLimits, tooBig } from './load.ts';
import { BadFile, parseEntry } from './parse.ts';
import type { KnowledgeEntry } from './types.ts';

/** A note's content as a form or the store holds it: an entry without its file. */
export type NoteContent = Omit<KnowledgeEntry, 'file'>;

/**
 * The file's text: front-matter then the body. Empty fields are left out, so the loader says
 * "title is missing" rather than "title is empty"; `comment` (one line, e.g. who saved it) goes
 * in the front-matter as a YAML comment, which the loader ignores.
 */
export function formatNoteFile(note: NoteContent, comment?: string): string {
  const meta: Record<string, string | string[]> = {};
  if (note.id) meta.id = note.id;
  if (note.title) meta.title = note.title;
  if (note.titleEn && note.titleEn !== note.title) meta.title_en = note.titleEn;
  if (note.aliases.length) meta.aliases = note.aliases;
  if (note.tags.length) meta.tags = note.tags;
  if (note.related.length) meta.related = note.related;
  const yaml = Object.keys(meta).length ? stringify(meta, { lineWidth: 0 }) : '';
  const remark = comment ? `# ${comment.replace(/\s+/g, ' ').trim()}\n` : '';
  return `---\n${remark}${yaml}---\n\n${note.body.trim()}\n`;
}

export type NoteCheck = { ok: true; entry: KnowledgeEntry } | { ok: false; field?: string; message: string };

/** The note as the loader would read it from a file named `file`, or what the loader would say is wrong. */
export function checkNoteAsFile(note: NoteContent, file: string, limits: NoteLimits): NoteCheck {
  const text = formatNoteFile(note);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxNoteBytes) return { ok: false, field: 'body', message: `the note ${tooBig(size, limits)}` };
  try {
    return { ok: true, entry: parseEntry(text, file) };
  } catch (err) {
    if (!(err instanceof BadFile)) throw err;
    return { ok: false, ...(err.field ? { field: err.field } : {}), message: err.message };
  }
}
