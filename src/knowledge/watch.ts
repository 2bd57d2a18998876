import fs from 'node:fs';
import { userMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { loadKnowledgeDir } from './load.ts';
import { createKnowledgeBase } from './search.ts';
import type { KnowledgeBase } from './types.ts';

export interface LiveKnowledgeBase extends KnowledgeBase {
  /** Loads the folder again now; on failure the previous notes stay. */
  reload(): void;
  /** Stops following the folder. */
  close(): void;
}

/**
 * A knowledge base that follows its folder, so a team's new or edited note is answered without a
 * restart. Changes are gathered for `debounceMs`, then the folder is loaded and the index rebuilt
 * (milliseconds for the bundled notes); questions meanwhile get the previous index. A reload that
 * fails (the folder emptied or unreadable) keeps the previous notes: an edit never takes the bot
 * down. Each replica follows its own copy of the folder.
 */
export function watchKnowledgeBase(
  dir: string,
  initial: KnowledgeBase,
  logger: Pick<Logger, 'info' | 'warn'>,
  debounceMs = 300,
): LiveKnowledgeBase {
  let current = initial;
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    try {
      const { entries, warnings } = loadKnowledgeDir(dir);
      current = createKnowledgeBase(entries);
      logger.info(`knowledge: reloaded ${entries.length} notes from ${dir}`);
      for (const w of warnings) logger.warn(`knowledge: ${w}`);
    } catch (err) {
      logger.warn(
        `knowledge: kept the previous ${current.entries.length} notes: ${userMessage(err, 'the folder could not be loaded')}`,
      );
    }
  };

  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
    });
    // A watcher error (the folder removed, too many watches) ends following, not the bot.
    watcher.on('error', (err) => {
      logger.warn(`knowledge: stopped following ${dir} (${err.message}); restart to pick up changes`);
      watcher?.close();
    });
  } catch (err) {
    logger.warn(
      `knowledge: cannot follow ${dir} for changes (${err instanceof Error ? err.message : String(err)}); restart to pick up changes`,
    );
  }

  return {
    get entries() {
      return current.entries;
    },
    byId: (id) => current.byId(id),
    ask: (question, options) => current.ask(question, options),
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
