import type { DockerResult } from '../docker/types.ts';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/types.ts';

/** The note about moving /var/lib/docker to its own disk: what df's "disk looks tight" points to. */
export const DISK_ADVICE_NOTE = 'docker-root-dir';
/** The note about listing images and containers: what explains any other Docker result. */
export const LISTING_NOTE = 'listing-commands';

/**
 * The notes that explain one Docker result, for every face to render (never to choose): the
 * Docker reader reports facts, the knowledge base says which notes exist.
 */
export interface DockerNotes {
  /** df found the disk tight and the notes have the advice: faces print a line naming it. */
  diskAdvice?: KnowledgeEntry;
  /** The note behind Slack's Explain button: the disk advice when given, else the listing note. */
  explain?: KnowledgeEntry;
}

/**
 * Picks the notes by id, not by search: a search could change what it finds as the notes change.
 * A knowledge base without them (a team's own KNOWLEDGE_DIR), or none at all, just means no advice.
 */
export function notesForDockerResult(result: DockerResult, kb: Pick<KnowledgeBase, 'byId'> | undefined): DockerNotes {
  const diskAdvice = result.kind === 'df' && result.view.diskLooksTight ? kb?.byId(DISK_ADVICE_NOTE) : undefined;
  const explain = diskAdvice ?? kb?.byId(LISTING_NOTE);
  return { ...(diskAdvice ? { diskAdvice } : {}), ...(explain ? { explain } : {}) };
}
