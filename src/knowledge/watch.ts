import fs from 'node:fs';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { UserError } from '../errors.ts';
import { type LoadResult, loadKnowledgeDirAsync, type NoteLimits } from './load.ts';
import { assembleKnowledgeBase, IndexBuilder } from './search.ts';
import type { KnowledgeBase, KnowledgeEntry } from './types.ts';

export interface LiveKnowledgeBase extends KnowledgeBase {
  /** Reads the folder again now, as a change would; resolves once the notes served reflect it. Never rejects. */
  reload(): Promise<void>;
  /** Resolves once the watcher has taken in the folder: any change made after it is seen. */
  readonly following: Promise<void>;
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
}

/** What the first load gave: the notes served until a reload, and the files to compare a reload with. */
export type InitialKnowledge = { kb: KnowledgeBase } & Pick<LoadResult, 'files' | 'folderId' | 'realDir' | 'warnings'>;

/** While the folder is gone it is looked for this often, so that its return is noticed quickly. */
const GONE_POLL_MS = 1000;
/** Longest stretch of indexing between two turns of the event loop. */
const SLICE_MS = 8;

/**
 * A knowledge base that follows its folder, so a team's new or edited note is answered without a
 * restart. Chokidar watches every folder and note (it keeps following a file replaced by rename, as
 * editors and deploy scripts do), and the folder is read again every `rescanMs` in case an event was
 * missed. Changes are gathered for `debounceMs`; then the folder is read without blocking (only changed
 * files are read) and the new index is built a slice at a time; questions meanwhile get the previous
 * index, and the new one replaces it in one step. A change during a build makes one more build.
 *
 * Nothing an edit does takes the bot down: a note whose file turns bad keeps its last good version, a
 * reload that fails (the folder emptied) keeps the previous notes, and a folder that disappears is
 * waited for and followed again when it is back (each said in one log line). The watcher and its
 * timers never keep the process alive by themselves. Each replica follows its own copy of the folder.
 */
export function watchKnowledgeBase(
  dir: string,
  initial: InitialKnowledge,
  report: (line: string) => void,
  { limits, debounceMs = 300, rescanMs = 30_000 }: WatchOptions = {},
): LiveKnowledgeBase {
  let current = initial.kb;
  let files = initial.files;
  let folderId = initial.folderId;
  let realDir = initial.realDir;
  let warnings = initial.warnings.join('\n');
  let closed = false;
  let gone = false;
  let lastFailure: string | undefined;
  let watcher: FSWatcher | undefined;
  let following: Promise<void> = Promise.resolve();
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
        report(`knowledge: reload failed (${err instanceof Error ? err.message : String(err)}); previous notes kept`);
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
    if (gone || result.folderId !== folderId || result.realDir !== realDir) {
      report(
        gone
          ? `knowledge: ${dir} is back; following it again`
          : `knowledge: ${dir} was replaced; following the new folder`,
      );
      gone = false;
      folderId = result.folderId;
      realDir = result.realDir;
      startWatcher();
    }
    files = result.files;
    const newWarnings = result.warnings.join('\n');
    if (sameEntries(result.entries, current.entries) && newWarnings === warnings) return;
    const kb = await indexInSlices(result.entries);
    if (closed) return;
    current = kb;
    warnings = newWarnings;
    report(`knowledge: reloaded ${kb.entries.length} notes from ${dir}`);
    for (const w of result.warnings) report(`warning: knowledge: ${w}`);
  }

  async function failed(err: unknown): Promise<void> {
    const missing = await fs.promises.stat(dir).then(
      (st) => !st.isDirectory(),
      () => true,
    );
    if (closed) return;
    if (missing) {
      if (gone) return;
      gone = true;
      report(`knowledge: ${dir} is gone; answering from the previous ${current.entries.length} notes until it is back`);
      stopWatcher();
      armRescan();
      return;
    }
    const why = err instanceof UserError ? err.message : `the folder could not be loaded (${String(err)})`;
    const line = `knowledge: kept the previous ${current.entries.length} notes: ${why}`;
    if (line !== lastFailure) report(line);
    lastFailure = line;
  }

  function armRescan() {
    clearTimeout(rescan);
    if (closed) return;
    rescan = setTimeout(() => void reload().then(armRescan), gone ? Math.min(GONE_POLL_MS, rescanMs) : rescanMs);
    rescan.unref();
  }

  function startWatcher() {
    stopWatcher();
    // The real path: chokidar does not look inside a folder it was given as a link.
    const w = chokidar.watch(realDir, {
      // A watcher must never be what keeps the process running: a start that failed has to exit.
      persistent: false,
      ignoreInitial: true,
      // Links are watched as links, not followed: one to / must not make chokidar walk the disk. A
      // ConfigMap update swaps the ..data link, which its folder's watch sees.
      followSymlinks: false,
      ignorePermissionErrors: true,
      ignored: (file, stats) => ignoredByWatcher(realDir, file, stats),
    });
    w.on('all', schedule);
    w.on('error', (err) => watchFailed(err as NodeJS.ErrnoException));
    following = new Promise((resolve) => w.once('ready', () => resolve()));
    watcher = w;
  }

  function stopWatcher() {
    void watcher?.close();
    watcher = undefined;
  }

  /** A watch that could not be set up (inotify's limit, say): the rescan covers it. Said once per kind. */
  function watchFailed(err: NodeJS.ErrnoException) {
    const code = err.code ?? err.message;
    if (code === 'ELOOP' || watchProblems.has(code)) return; // a link loop: the loader warns about that file
    watchProblems.add(code);
    report(
      `knowledge: cannot watch everything in ${dir} (${err.message}); changes there are picked up within ${Math.round(rescanMs / 1000)} s`,
    );
  }

  startWatcher();
  armRescan();

  return {
    get entries() {
      return current.entries;
    },
    byId: (id) => current.byId(id),
    ask: (question, options) => current.ask(question, options),
    reload,
    get following() {
      return following;
    },
    close() {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(rescan);
      stopWatcher();
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

/**
 * What chokidar leaves alone: the insides of dot folders (.git/objects would cost one watch per
 * folder) and files that are not notes. Dot entries themselves are watched, since a ConfigMap
 * update is a new ..2026_… folder and a swapped ..data link.
 */
function ignoredByWatcher(root: string, file: string, stats?: fs.Stats): boolean {
  const parts = path.relative(root, file).split(path.sep);
  if (parts.slice(0, -1).some((part) => part.startsWith('.'))) return true;
  const name = parts.at(-1) ?? '';
  if (!stats?.isFile()) return false;
  return name.startsWith('.') || !name.toLowerCase().endsWith('.md');
}
