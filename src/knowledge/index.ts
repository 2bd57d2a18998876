import { loadKnowledgeDir } from './load.ts';
import { createKnowledgeBase } from './search.ts';
import type { KnowledgeBase } from './types.ts';

export { createKnowledgeBase } from './search.ts';
export type { Answer, KnowledgeBase, KnowledgeEntry, Match } from './types.ts';
export { type LiveKnowledgeBase, watchKnowledgeBase } from './watch.ts';

/**
 * Loads the notes in `dir` and builds the search index once.
 * Throws UserError when the folder is missing or holds no valid note; bad files only warn.
 */
export function loadKnowledgeBase(dir: string): { kb: KnowledgeBase; warnings: string[] } {
  const { entries, warnings } = loadKnowledgeDir(dir);
  return { kb: createKnowledgeBase(entries), warnings };
}
