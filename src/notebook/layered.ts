import { createKnowledgeBase, type KnowledgeBase, type KnowledgeEntry } from '../knowledge/index.ts';
import type { SavedNote } from '../store/types.ts';

/** What a saved note's entry names as its file: there is none, and messages should say where it lives. */
export const SAVED_NOTE_FILE_PREFIX = 'saved in Slack: ';

export interface LayeredKnowledge {
  /** The folder's notes with the saved notes laid over them; always the latest of both. */
  readonly kb: KnowledgeBase;
  /** Replaces the saved layer (every saved note, as the store lists them); the index is rebuilt now. */
  setSaved(notes: readonly SavedNote[]): void;
  /** A saved note by id, as last set, whether it is served or shadowed by the folder. */
  saved(id: string): SavedNote | undefined;
  savedNotes(): readonly SavedNote[];
  /** The folder's note with this id, if any: a saved note may not take its id. */
  folderNote(id: string): KnowledgeEntry | undefined;
}

/**
 * The knowledge base the bot answers from: the notes folder (followed by its own watcher) with the
 * notes saved from Slack over it. The folder wins: a saved note whose id a file holds is not served,
 * and that is said once in the log. The combined index is built when the saved notes change, and
 * again on the next question after the folder's notes changed; with no saved note the folder's own
 * index is served as it is.
 */
export function layerSavedNotes(folder: KnowledgeBase, warn: (line: string) => void): LayeredKnowledge {
  let saved: readonly SavedNote[] = [];
  let savedById = new Map<string, SavedNote>();
  let built: { folderEntries: readonly KnowledgeEntry[]; saved: readonly SavedNote[]; kb: KnowledgeBase } | undefined;
  const warned = new Set<string>();

  const current = (): KnowledgeBase => {
    if (saved.length === 0) return folder;
    const folderEntries = folder.entries;
    if (built?.folderEntries !== folderEntries || built.saved !== saved) {
      built = { folderEntries, saved, kb: createKnowledgeBase(combine(folderEntries)) };
    }
    return built.kb;
  };

  const combine = (folderEntries: readonly KnowledgeEntry[]): KnowledgeEntry[] => {
    const fromFolder = new Map(folderEntries.map((e) => [e.id, e]));
    const served = saved.filter((note) => {
      const file = fromFolder.get(note.id);
      if (!file) return true;
      const key = `${note.id}|${file.file}`;
      if (!warned.has(key)) {
        warned.add(key);
        warn(`saved note "${note.id}" has the id of ${file.file} in the notes folder; the folder's note is served`);
      }
      return false;
    });
    const known = new Set([...fromFolder.keys(), ...served.map((n) => n.id)]);
    return [...folderEntries, ...served.map((note) => savedEntry(note, known))];
  };

  return {
    kb: {
      get entries() {
        return current().entries;
      },
      byId: (id) => current().byId(id),
      ask: (question, options) => current().ask(question, options),
    },
    setSaved(notes) {
      saved = [...notes];
      savedById = new Map(saved.map((n) => [n.id, n]));
      current();
    },
    saved: (id) => savedById.get(id),
    savedNotes: () => saved,
    folderNote: (id) => folder.byId(id),
  };
}

/** A saved note as the search serves it: links to ids that are nowhere dropped, as the loader drops them. */
function savedEntry(note: SavedNote, known: ReadonlySet<string>): KnowledgeEntry {
  return {
    id: note.id,
    title: note.title,
    titleEn: note.titleEn,
    aliases: note.aliases,
    tags: note.tags,
    related: note.related.filter((id) => known.has(id) && id !== note.id),
    body: note.body,
    file: `${SAVED_NOTE_FILE_PREFIX}${note.id}`,
  };
}
