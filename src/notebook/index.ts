/**
 * The notes the bot answers from, as one piece: the notes folder, and the notes saved from Slack laid
 * over it (layered.ts), kept current on every replica by polling the store (followNoteChanges). It
 * stands between the knowledge base and the store, so that neither imports the other; the faces save,
 * edit and delete notes through it.
 */
import {
  checkNoteAsFile,
  type KnowledgeBase,
  type KnowledgeEntry,
  type NoteContent,
  type NoteLimits,
} from '../knowledge/index.ts';
import type { Logger } from '../logger.ts';
import { followNoteChanges } from '../store/follow-notes.ts';
import type { NoteOrigin, SavedNote, Store } from '../store/types.ts';
import { withTimeout } from '../time/timeout.ts';
import { type LayeredKnowledge, layerSavedNotes, SAVED_NOTE_FILE_PREFIX } from './layered.ts';

export { SAVED_NOTE_FILE_PREFIX } from './layered.ts';

/** Why a note was not saved. 'invalid': what the loader would say of it as a file, and about which field. */
export type NoteRefusal =
  | { reason: 'invalid'; field?: string; message: string }
  | { reason: 'in-folder'; file: string }
  | { reason: 'exists' }
  | { reason: 'not-found' };

export type NoteSave = { ok: true; note: SavedNote; warnings: string[] } | ({ ok: false } & NoteRefusal);

export interface NoteBook {
  /** The folder's notes and the saved ones; what every question is answered from. */
  readonly kb: KnowledgeBase;
  /** A saved note, as this replica last read it from the store. */
  saved(id: string): SavedNote | undefined;
  /** Every saved note this replica knows of, by id. */
  savedNotes(): readonly SavedNote[];
  /** Checks a note as the loader checks a file, without saving it. */
  check(note: NoteContent): { ok: true; entry: KnowledgeEntry; warnings: string[] } | ({ ok: false } & NoteRefusal);
  /** Saves a new note; this replica answers from it as soon as this resolves, the others within `everyMs`. */
  create(note: NoteContent, origin: NoteOrigin): Promise<NoteSave>;
  update(note: NoteContent, editedBy: string): Promise<NoteSave>;
  /** False when no saved note had this id. */
  delete(id: string): Promise<boolean>;
  /** Reads the store's notes again if they changed; resolves true when they had. */
  refresh(): Promise<boolean>;
  /**
   * Waits at most `withinMs` for the store's notes to have been read once; never rejects. True when
   * they have been; false when the store failed (said once, as any failed read) or was too slow
   * (said in one line), and `kb` serves the folder's notes until a later read succeeds.
   */
  firstRead(withinMs: number): Promise<boolean>;
  /** Stops following the store. */
  close(): void;
}

export interface NoteBookOptions {
  folder: KnowledgeBase;
  store: Pick<Store, 'notes'>;
  limits: NoteLimits;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** How often the store's notes revision is read (default 2 s): how soon another replica's save is answered here. */
  everyMs?: number;
}

export function createNoteBook({ folder, store, limits, logger, everyMs }: NoteBookOptions): NoteBook {
  const layers: LayeredKnowledge = layerSavedNotes(folder, (line) => logger.warn(`notes: ${line}`));
  let count: number | undefined;
  let read = false;
  const follower = followNoteChanges(store, {
    everyMs,
    onChange: (notes) => {
      layers.setSaved(notes);
      read = true;
      if (notes.length !== count) logger.info(`notes: ${notes.length} saved from Slack, laid over the folder`);
      count = notes.length;
    },
    onError: (err) =>
      logger.warn(
        `notes: cannot read the saved notes (${err instanceof Error ? err.message : String(err)}); answering from the folder's notes and what was read before`,
      ),
  });

  const check: NoteBook['check'] = (note) => {
    const checked = checkNoteAsFile(note, `${SAVED_NOTE_FILE_PREFIX}${note.id}`, limits);
    if (!checked.ok) return { ...checked, reason: 'invalid' };
    const inFolder = layers.folderNote(checked.entry.id);
    if (inFolder) return { ok: false, reason: 'in-folder', file: inFolder.file };
    // As the loader does with a file's links: an unknown id is a warning, and the link is not served.
    const known = new Set([...folder.entries.map((e) => e.id), ...layers.savedNotes().map((n) => n.id)]);
    const unknown = checked.entry.related.filter((id) => !known.has(id) || id === checked.entry.id);
    const warnings = unknown.length
      ? [`related: unknown id ${unknown.map((id) => `"${id}"`).join(', ')}; link ignored`]
      : [];
    return { ok: true, entry: checked.entry, warnings };
  };

  // A check under way may have read the revision before this replica's write: wait for it, then read again.
  const catchUp = async () => {
    await follower.check();
    await follower.check();
  };

  const write = async (note: NoteContent, save: (draft: NoteContent) => Promise<SavedNote | NoteRefusal>) => {
    const checked = check(note);
    if (!checked.ok) return checked;
    const { file: _file, ...draft } = checked.entry;
    const saved = await save(draft);
    if (!('id' in saved)) return { ok: false as const, ...saved };
    await catchUp();
    return { ok: true as const, note: saved, warnings: checked.warnings };
  };

  return {
    kb: layers.kb,
    saved: (id) => layers.saved(id),
    savedNotes: () => layers.savedNotes(),
    check,
    create: (note, origin) =>
      write(note, async (draft) => {
        const written = await store.notes.create(draft, origin);
        return written.ok ? written.note : { reason: written.reason };
      }),
    update: (note, editedBy) =>
      write(note, async (draft) => {
        const written = await store.notes.update(draft, editedBy);
        return written.ok ? written.note : { reason: written.reason };
      }),
    async delete(id) {
      const deleted = await store.notes.delete(id);
      await catchUp();
      return deleted;
    },
    refresh: () => follower.check(),
    async firstRead(withinMs) {
      if (read) return true;
      // Not unref'd: a one-shot command awaiting this must not end because nothing else is pending.
      const outcome = await withTimeout(follower.check(), withinMs, () => 'late' as const, { keepAlive: true });
      if (outcome === 'late' && !read) {
        logger.warn(
          `notes: the saved notes were not read within ${withinMs} ms; answering from the folder's notes until they are`,
        );
      }
      return read;
    },
    close: () => follower.stop(),
  };
}
