import fs from 'node:fs';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type Folder, type LoadResult, loadKnowledgeDirAsync, type NoteLimits } from './load.ts';
import { assembleKnowledgeBase, IndexBuilder } from './search.ts';
import type { KnowledgeBase, KnowledgeEntry } from './types.ts';

export interface LiveKnowledgeBase extends KnowledgeBase {
  /** Reads the folder again now, as a change would; resolves once the notes served reflect it. Never rejects. */
  reload(): Promise<void>;
  /** Stops following the folder. */
  close(): void;
}

export interface WatchOptions {
  limits?: NoteLimits;
  /** Changes are gathered this long before a reload: editors and `git checkout` write in several steps. */
  debounceMs?: number;
  /**
   * The folder is read again this often without any event, for what file events miss (network and
   * some container mounts send none; inotify's watch limit can run out). Unchanged files are only stat'ed.
   */
  rescanMs?: number;
  /** Told of each reload that changed the notes served (true) and each that could not be used (false). */
  onReload?: (ok: boolean) => void;
}

/** What the first load gave: the notes served until a reload, and what to compare a reload with. */
export type InitialKnowledge = { kb: KnowledgeBase } & Pick<LoadResult, 'files' | 'folders' | 'warnings'>;

/** While the folder is gone it is looked for this often, so that its return is noticed quickly. */
const GONE_POLL_MS = 1000;
/** Longest stretch of indexing between two turns of the event loop. */
const SLICE_MS = 8;

/**
 * A knowledge base that follows its folder, so a team's new or edited note is answered without a
 * restart. Each folder the last load walked has its own watch (inotify on Linux): a folder's watch
 * reports every change of the files in it, a file replaced by rename (sed -i, vim, deploy scripts)
 * included, and costs one watch however many notes it holds. The folder is also read again every
 * `rescanMs`, in case an event was missed.
 *
 * Changes are gathered for `debounceMs`; then the folder is read without blocking (only changed files
 * are read) and the new index is built a slice at a time. Questions meanwhile get the previous index,
 * and the new one replaces it in one step; a change during a build makes one more build.
 *
 * Nothing an edit does takes the bot down: a note whose file turns bad keeps its last good version, a
 * reload that fails (the folder emptied) keeps the previous notes, and a folder that disappears is
 * waited for and followed again when it is back (each said in one log line). The watches and timers
 * never keep the process alive by themselves. Each replica follows its own copy of the folder.
 */
export function watchKnowledgeBase(
  dir: string,
  initial: InitialKnowledge,
  logger: Pick<Logger, 'info' | 'warn'>,
  { limits, debounceMs = 300, rescanMs = 30_000, onReload = () => {} }: WatchOptions = {},
): LiveKnowledgeBase {
  let current = initial.kb;
  let files = initial.files;
  let root = initial.folders[0];
  let warnings = initial.warnings.join('\n');
  let closed = false;
  let gone = false;
  let lastFailure: string | undefined;
  /** One watch per folder, by its path and identity: a folder replaced at the same path is a new one. */
  const watches = new Map<string, fs.FSWatcher>();
  const watchProblems = new Set<string>();
  let debounce: NodeJS.Timeout | undefined;
  let rescan: NodeJS.Timeout | undefined;
  /** The build loop running now; `again` asks it for one more build. */
  let running: Promise<void> | undefined;
  let again = false;

  const schedule = () => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload(), debounceMs);
    debounce.unref();
  };

  function reload(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await build();
        } while (again && !closed);
      } catch (err) {
        onReload(false);
        logger.warn(
          `knowledge: reload failed (${err instanceof Error ? err.message : String(err)}); previous notes kept`,
        );
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function build(): Promise<void> {
    let result: LoadResult;
    try {
      result = await loadKnowledgeDirAsync(dir, { limits, previous: files });
    } catch (err) {
      return failed(err);
    }
    if (closed) return;
    lastFailure = undefined;
    const newRoot = result.folders[0];
    if (gone || newRoot?.id !== root?.id || newRoot?.path !== root?.path) {
      logger.info(
        gone
          ? `knowledge: ${dir} is back; following it again`
          : `knowledge: ${dir} was replaced; following the new folder`,
      );
      gone = false;
      root = newRoot;
    }
    // A folder that appeared since the listing may already hold a file the listing missed.
    if (follow(result.folders)) again = true;
    files = result.files;
    const newWarnings = result.warnings.join('\n');
    if (sameEntries(result.entries, current.entries) && newWarnings === warnings) return;
    const kb = await indexInSlices(result.entries);
    if (closed) return;
    current = kb;
    // Only what is new is logged: a folder with many bad files would repeat all of them at every edit.
    const known = new Set(warnings.split('\n'));
    const fresh = result.warnings.filter((w) => !known.has(w));
    warnings = newWarnings;
    onReload(true);
    const still = result.warnings.length - fresh.length;
    const remain =
      still === 0
        ? ''
        : still === 1
          ? ' (1 problem logged before remains)'
          : ` (${still} problems logged before remain)`;
    logger.info(`knowledge: reloaded ${kb.entries.length} notes from ${dir}${remain}`);
    for (const w of fresh) logger.warn(`knowledge: ${w}`);
  }

  async function failed(err: unknown): Promise<void> {
    const missing = await fs.promises.stat(dir).then(
      (st) => !st.isDirectory(),
      () => true,
    );
    if (closed) return;
    onReload(false);
    if (missing) {
      if (gone) return;
      gone = true;
      logger.warn(
        `knowledge: ${dir} is gone; answering from the previous ${current.entries.length} notes until it is back`,
      );
      follow([]);
      armRescan();
      return;
    }
    const why = err instanceof UserError ? err.message : `the folder could not be loaded (${String(err)})`;
    const line = `knowledge: kept the previous ${current.entries.length} notes: ${why}`;
    if (line !== lastFailure) logger.warn(line);
    lastFailure = line;
  }

  function armRescan() {
    clearTimeout(rescan);
    if (closed) return;
    rescan = setTimeout(() => void reload().then(armRescan), gone ? Math.min(GONE_POLL_MS, rescanMs) : rescanMs);
    rescan.unref();
  }

  /** Watches exactly `folders`, closing the watches of folders gone or replaced; true when one was added. */
  function follow(folders: readonly Folder[]): boolean {
    const wanted = new Map(folders.map((folder) => [`${folder.id}|${folder.path}`, folder.path]));
    for (const [key, watch] of watches) {
      if (wanted.has(key)) continue;
      watch.close();
      watches.delete(key);
    }
    let added = false;
    for (const [key, folder] of wanted) {
      if (watches.has(key)) continue;
      try {
        // Not persistent: a watch must never be what keeps the process running (a failed start exits).
        const watch = fs.watch(folder, { persistent: false }, schedule);
        // A removed folder ends its watch; the reload this schedules knows what to follow.
        watch.on('error', () => {
          watch.close();
          if (watches.get(key) === watch) watches.delete(key);
          schedule();
        });
        watches.set(key, watch);
        added = true;
      } catch (err) {
        watchFailed(folder, err as NodeJS.ErrnoException);
      }
    }
    return added;
  }

  /** A folder that cannot be watched (inotify's limit, say): the rescan covers it. Said once per kind. */
  function watchFailed(folder: string, err: NodeJS.ErrnoException) {
    const code = err.code ?? err.message;
    if (code === 'ENOENT' || watchProblems.has(code)) return; // gone already: the next reload sees it
    watchProblems.add(code);
    logger.warn(
      `knowledge: cannot watch ${folder} (${err.message}); its changes are picked up within ${Math.round(rescanMs / 1000)} s`,
    );
  }

  follow(initial.folders);
  armRescan();

  return {
    get entries() {
      return current.entries;
    },
    byId: (id) => current.byId(id),
    ask: (question, options) => current.ask(question, options),
    reload,
    close() {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(rescan);
      follow([]);
    },
  };
}

/**
 * Builds the index a slice at a time, the event loop answering questions from the previous index
 * between two slices. Only the assembly (typo-repair table, weights) runs in one go.
 */
async function indexInSlices(entries: readonly KnowledgeEntry[]): Promise<KnowledgeBase> {
  const builder = new IndexBuilder();
  let sliceStart = performance.now();
  for (const entry of entries) {
    builder.add(entry);
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return assembleKnowledgeBase(builder);
}

function sameEntries(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}
