import { DEFAULT_NOTE_LIMITS, type LoadResult, loadKnowledgeDir, type NoteLimits } from './load.ts';
import { createKnowledgeBase } from './search.ts';
import type { KnowledgeBase } from './types.ts';

export { DEFAULT_NOTE_LIMITS, type NoteLimits } from './load.ts';
export { createKnowledgeBase } from './search.ts';
export type { Answer, KnowledgeBase, KnowledgeEntry, Match } from './types.ts';
export { type LiveKnowledgeBase, type WatchOptions, watchKnowledgeBase } from './watch.ts';

/**
 * Loads the notes in `dir` and builds the search index once; what it returns also starts
 * watchKnowledgeBase. Throws UserError when the folder is missing or holds no valid note; bad
 * files only warn.
 */
export function loadKnowledgeBase(
  dir: string,
  limits: NoteLimits = DEFAULT_NOTE_LIMITS,
): LoadResult & { kb: KnowledgeBase } {
  const loaded = loadKnowledgeDir(dir, { limits });
  return { ...loaded, kb: createKnowledgeBase(loaded.entries) };
}
export { checkNoteAsFile, formatNoteFile, type NoteCheck, type NoteContent } from './note-file.ts';
