/**
 * `cli notes list` and `cli notes export --dir <folder>`: the notes saved from Slack, for a team to
 * review and commit as files. An export writes each note as `<id>.md` in the form the loader reads,
 * and never replaces a file silently: one that differs is named and left alone unless --overwrite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import type { Strings } from '../i18n/index.ts';
import { formatNoteFile } from '../knowledge/index.ts';
import { loadKnowledgeDir } from '../knowledge/load.ts';
import type { SavedNote } from '../store/types.ts';

export type ExportOutcome =
  | { id: string; file: string; result: 'written' | 'unchanged' | 'overwritten' }
  | { id: string; file: string; result: 'differs' }
  | { id: string; file: string; result: 'id-in-folder'; holder: string };

/** The note file of a saved note: its content, and who saved it from where as a comment the loader ignores. */
export function savedNoteFile(note: SavedNote): string {
  const from = note.sourceChannelId ? ` from ${note.sourceChannelId}/${note.sourceThreadTs ?? '-'}` : '';
  const edited =
    note.updatedAt.getTime() !== note.createdAt.getTime()
      ? `, edited by ${note.updatedBy} ${note.updatedAt.toISOString()}`
      : '';
  return formatNoteFile(note, `Saved from Slack by ${note.createdBy} ${note.createdAt.toISOString()}${from}${edited}`);
}

/** Writes the notes into `dir` (made if missing); what became of each, in id order. */
export function exportNotes(notes: readonly SavedNote[], dir: string, { overwrite = false } = {}): ExportOutcome[] {
  fs.mkdirSync(dir, { recursive: true });
  const holders = idsInFolder(dir);
  return notes.map((note): ExportOutcome => {
    const name = `${note.id}.md`;
    const file = path.join(dir, name);
    const holder = holders.get(note.id);
    if (holder && holder !== name) return { id: note.id, file, result: 'id-in-folder', holder };
    const text = savedNoteFile(note);
    let existing: string | undefined;
    try {
      existing = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (existing === text) return { id: note.id, file, result: 'unchanged' };
    if (existing !== undefined && !overwrite) return { id: note.id, file, result: 'differs' };
    // 'wx' when there was no file: one that appeared meanwhile is not replaced either.
    fs.writeFileSync(file, text, { flag: existing === undefined ? 'wx' : 'w' });
    return { id: note.id, file, result: existing === undefined ? 'written' : 'overwritten' };
  });
}

/** The note ids the folder's files hold, by file name relative to it; none when it holds no valid note yet. */
function idsInFolder(dir: string): Map<string, string> {
  try {
    return new Map(loadKnowledgeDir(dir).entries.map((e) => [e.id, e.file]));
  } catch (err) {
    if (err instanceof UserError) return new Map();
    throw err;
  }
}

/** What the export says on stderr for each note it did not write, and its summary line. */
export function exportReport(outcomes: readonly ExportOutcome[], dir: string, t: Strings['cli']) {
  const problems = outcomes.flatMap((o) =>
    o.result === 'differs'
      ? [t.notesFileExists(o.file)]
      : o.result === 'id-in-folder'
        ? [t.notesIdInFolder(o.id, o.holder)]
        : [],
  );
  const count = (...results: ExportOutcome['result'][]) => outcomes.filter((o) => results.includes(o.result)).length;
  return {
    problems,
    summary: t.notesExported(count('written', 'overwritten'), count('unchanged'), problems.length, dir),
  };
}
