import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { call, type FileSystem, inParallel, runAsync, runSync, type Steps } from './io.ts';
import { BadFile, clipped, decodeNote, parseEntry, SEARCHED_BODY_CHARS, shown } from './parse.ts';
import type { KnowledgeEntry } from './types.ts';

/** How much the loader reads: a notes folder is often a checkout or a volume nobody reviews byte by byte. */
export interface NoteLimits {
  /** Largest note read, in bytes (KNOWLEDGE_MAX_NOTE_KB). */
  maxNoteBytes: number;
  /** Most bytes read over all notes (KNOWLEDGE_MAX_TOTAL_MB); notes past it, in path order, are skipped. */
  maxTotalBytes: number;
}

const KB = 1024;
const MB = 1024 * KB;
export const DEFAULT_NOTE_LIMITS: NoteLimits = { maxNoteBytes: 1 * MB, maxTotalBytes: 64 * MB };

/** What one file gave at its last reading, so that the next load neither reads it again unchanged nor loses it to a bad edit. */
interface FileRecord {
  /** Which content was read: the file's real path, identity, size and times. */
  stamp: string;
  size: number;
  /** The note as parsed, or why the file is bad now. */
  note?: KnowledgeEntry;
  problem?: string;
  /** While the file is bad: the note it held when it was last good. */
  lastGood?: KnowledgeEntry;
  /** The note as served when some of its related ids are unknown (see assemble). */
  linked?: { source: KnowledgeEntry; entry: KnowledgeEntry };
}

/** The files of one load, by path relative to the folder; give it to the next load. */
export type NoteFiles = ReadonlyMap<string, FileRecord>;

export interface LoadResult {
  entries: KnowledgeEntry[];
  /** One line per problem, naming the file and the field, and saying what became of the file. */
  warnings: string[];
  files: NoteFiles;
  /**
   * Every folder walked (the notes folder first), by real path and identity (device and inode): what
   * a watcher follows. A new identity at the same path means the folder was replaced.
   */
  folders: Folder[];
}

export interface Folder {
  path: string;
  id: string;
}

export interface LoadOptions {
  limits?: NoteLimits;
  /** The previous load's files: unchanged ones are not read again, and a file that turned bad keeps its last good note. */
  previous?: NoteFiles;
}

/**
 * Reads every `*.md` file below `dir` (sorted, so the first of two duplicate ids wins on every replica),
 * blocking: for start-up and the CLI. A bad file is skipped with a warning; only a missing, unreadable or
 * empty directory is fatal (UserError). `fileSystem` is for tests that change a file between two calls.
 */
export function loadKnowledgeDir(dir: string, options: LoadOptions = {}, fileSystem?: FileSystem): LoadResult {
  return runSync(loadSteps(dir, options), fileSystem);
}

/** loadKnowledgeDir without blocking the event loop: every file-system call runs on the thread pool. */
export function loadKnowledgeDirAsync(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  return runAsync(loadSteps(dir, options));
}

function* loadSteps(dir: string, { limits = DEFAULT_NOTE_LIMITS, previous }: LoadOptions): Steps<LoadResult> {
  const { root, folders, notes, warnings } = yield* listNotes(dir);
  const looks = yield* inParallel(notes.map((note) => inspectNote(note, limits, previous?.get(note.rel))));
  // The total limit goes by path order, so every replica skips the same notes.
  const kept: Array<{ note: Candidate; record?: FileRecord; unread?: Unread }> = [];
  let total = 0;
  for (const [i, look] of looks.entries()) {
    const note = notes[i]!;
    if (!look) continue; // gone since it was listed
    total += look.size;
    if (total > limits.maxTotalBytes) {
      warnings.push(
        `${pathShown(note.rel)}: the notes reach the total limit of ${bytes(limits.maxTotalBytes)} (KNOWLEDGE_MAX_TOTAL_MB) here; ` +
          `this file and the ${notes.length - i - 1} after it are skipped`,
      );
      break;
    }
    kept.push('record' in look ? { note, record: look.record } : { note, unread: look });
  }
  const unread = kept.filter((k) => k.unread);
  const read = yield* inParallel(unread.map(({ note, unread }) => readNote(note, root, unread!, limits)));
  for (const [i, record] of read.entries()) unread[i]!.record = record;
  const files = new Map<string, FileRecord>();
  for (const { note, record } of kept) if (record) files.set(note.rel, record); // no record: gone meanwhile
  const entries = assemble(files, warnings);
  // One line each, bounded, and nothing in a file's name or content can act on a terminal or forge a log line.
  const lines = warnings.map((w) => clipped(w, WARNING_MAX));
  if (entries.length === 0) {
    const why = notes.length === 0 ? 'has no .md files' : 'has no valid .md files';
    const shownLines = lines.slice(0, FATAL_WARNINGS);
    const more = lines.length > FATAL_WARNINGS ? ` (and ${lines.length - FATAL_WARNINGS} more problems)` : '';
    throw new UserError(
      `Knowledge directory ${dir} ${why}. ${shownLines.join(' ')}${more} Add notes there or set KNOWLEDGE_DIR.`
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return { entries, warnings: lines, files, folders };
}

/** Code points of a path in a warning: a deep path keeps its end, where the file's name is. */
const PATH_MAX = 120;
const pathShown = (p: string) => (p.length <= PATH_MAX ? p : `…${p.slice(-(PATH_MAX - 1))}`);

/** Code points of one warning line: a file name and the reason fit, a file's content pasted into it does not. */
const WARNING_MAX = 400;
/** Problems named in the error of a folder with no valid note; the rest are counted. */
const FATAL_WARNINGS = 5;
/** Unknown related ids named in one warning; the rest are counted. */
const UNKNOWN_IDS_SHOWN = 5;

/**
 * The notes in path order. Of two valid files with one id, the one named for it (`<id>.md`, as the CLI
 * exports notes) wins, else the first: a file added beside `docker-volume.md` claiming its id
 * (`a-copy.md`, sorted first) cannot take the note over, and every replica still picks the same file.
 * Links to unknown ids and to the note itself are dropped. A bad file's last good version is served
 * only while no valid file holds its id: the note may have moved to another file, and what is in a
 * file now outranks what was in one before.
 */
function assemble(files: Map<string, FileRecord>, warnings: string[]): KnowledgeEntry[] {
  const valid = new Map<string, string>();
  const namedFor = (rel: string, id: string) => path.basename(rel).toLowerCase() === `${id}.md`;
  for (const [rel, record] of files) {
    const id = record.note?.id;
    if (id === undefined) continue;
    const holder = valid.get(id);
    if (holder === undefined || (!namedFor(holder, id) && namedFor(rel, id))) valid.set(id, rel);
  }
  const kept: Array<{ note: KnowledgeEntry; record: FileRecord }> = [];
  const seen = new Map<string, string>();
  for (const [rel, record] of files) {
    let note = record.note ?? record.lastGood;
    const owner = record.note && valid.get(record.note.id);
    if (owner !== undefined && owner !== rel) {
      warnings.push(
        `${pathShown(rel)}: id ${shown(record.note!.id)} is already used by ${pathShown(owner)}; file skipped`,
      );
      continue;
    }
    if (record.problem) {
      const holder = note && valid.get(note.id);
      if (holder) note = undefined;
      const outcome = holder
        ? `file skipped (its last good version's id ${shown(record.lastGood!.id)} is in ${pathShown(holder)} now)`
        : note
          ? 'serving its last good version'
          : 'file skipped';
      warnings.push(`${pathShown(rel)}: ${record.problem}; ${outcome}`);
    }
    if (!note) continue;
    const first = seen.get(note.id);
    if (first) {
      warnings.push(`${pathShown(rel)}: id ${shown(note.id)} is already used by ${pathShown(first)}; file skipped`);
      continue;
    }
    seen.set(note.id, rel);
    kept.push({ note, record });
    if (note.body.length > SEARCHED_BODY_CHARS) {
      warnings.push(
        `${pathShown(rel)}: the body is ${note.body.length.toLocaleString('en')} characters; only its first ${SEARCHED_BODY_CHARS.toLocaleString('en')} are searched (split it into notes of one topic each)`,
      );
    }
  }
  return kept.map(({ note, record }) => {
    // Each once, and not the note itself: the answer lists them as other topics to read.
    const related = [...new Set(note.related)].filter((id) => seen.has(id) && id !== note.id);
    if (related.length === note.related.length) return note;
    const unknown = note.related.filter((id) => !seen.has(id));
    if (unknown.length > 0) {
      const named = unknown.slice(0, UNKNOWN_IDS_SHOWN).map((id) => shown(id));
      const more = unknown.length > UNKNOWN_IDS_SHOWN ? ` and ${unknown.length - UNKNOWN_IDS_SHOWN} more` : '';
      warnings.push(`${pathShown(note.file)}: related: unknown id ${named.join(', ')}${more}; link ignored`);
    }
    if (note.related.includes(note.id))
      warnings.push(`${pathShown(note.file)}: related: lists the note's own id ${shown(note.id)}; link ignored`);
    // A copy, since the parsed note is kept for the next load (whose notes may know the id); the
    // same copy while nothing changes, so that an unchanged folder gives the very same entries.
    const linked = record.linked;
    if (linked?.source === note && linked.entry.related.join('\n') === related.join('\n')) return linked.entry;
    record.linked = { source: note, entry: { ...note, related } };
    return record.linked.entry;
  });
}

/** A `.md` entry found in the folder, with its path once every link is resolved. */
interface Candidate {
  rel: string;
  real: string;
  /** Reached through a symbolic link. */
  link?: boolean;
  /** Why it cannot be read, found while listing (a link to nothing): bad like any other file, so its last good note stays. */
  problem?: string;
}

const isNoteName = (name: string) => name.toLowerCase().endsWith('.md');
/** Whether `real` (a resolved path) lies inside the folder `root` (also resolved). */
const isInside = (real: string, root: string) => real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * Walks the folder. Dot folders (.git, .obsidian, a ConfigMap's ..data) hold tooling, not notes.
 * Links are followed while they stay inside the folder (a ConfigMap's files are links into its
 * ..data); anything they lead to outside is skipped with a warning, and each real folder is walked
 * once, so a link loop ends.
 */
function* listNotes(dir: string): Steps<{ root: string; folders: Folder[]; notes: Candidate[]; warnings: string[] }> {
  let stat: fs.Stats;
  try {
    stat = yield* call('stat', dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT')
      throw new UserError(
        `Knowledge directory ${dir} does not exist. Set KNOWLEDGE_DIR to a folder of Markdown notes.`,
      );
    throw new UserError(`Knowledge directory ${dir} cannot be read (${errorCode(err)}). Check its permissions.`);
  }
  if (!stat.isDirectory()) {
    throw new UserError(`KNOWLEDGE_DIR ${dir} is a file, not a folder. Point it at a folder of Markdown notes.`);
  }
  const root = yield* call('realpath', dir);
  const notes: Candidate[] = [];
  const warnings: string[] = [];
  const walked = new Set<string>([root]);
  const folders: Folder[] = [];

  function* walk(rel: string, real: string): Steps<void> {
    let items: fs.Dirent[];
    try {
      const st = rel === '' ? stat : yield* call('stat', real);
      // Sorted, so that warnings come in the same order on every replica.
      items = (yield* call('readdir', real)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      folders.push({ path: real, id: `${st.dev}:${st.ino}` });
    } catch (err) {
      if (rel === '')
        throw new UserError(`Knowledge directory ${dir} cannot be read (${errorCode(err)}). Check its permissions.`);
      warnings.push(`${pathShown(rel)}: folder cannot be read (${errorCode(err)}); its notes are skipped`);
      return;
    }
    for (const item of items) {
      if (item.name.startsWith('.')) continue;
      const itemRel = path.join(rel, item.name);
      // A name that is not UTF-8 comes back with U+FFFD in it, a path no call can open.
      if (item.name.includes('\uFFFD')) {
        if (isNoteName(item.name) || item.isDirectory())
          warnings.push(`${pathShown(itemRel)}: its name is not UTF-8 text, so it cannot be opened; rename it`);
        continue;
      }
      const itemReal = path.join(real, item.name);
      if (item.isDirectory()) {
        if (walked.has(itemReal)) continue; // walked already, through a link
        walked.add(itemReal);
        yield* walk(itemRel, itemReal);
      } else if (item.isSymbolicLink()) {
        yield* followLink(itemRel, itemReal);
      } else if (isNoteName(item.name)) {
        notes.push({ rel: itemRel, real: itemReal });
      }
    }
  }

  function* followLink(rel: string, link: string): Steps<void> {
    const warnAboutNote = (why: string) => {
      if (isNoteName(rel)) warnings.push(`${pathShown(rel)}: ${why}; file skipped`);
    };
    let target: string;
    let targetStat: fs.Stats;
    try {
      target = yield* call('realpath', link);
      targetStat = yield* call('stat', target);
    } catch (err) {
      const code = errorCode(err);
      const problem =
        code === 'ELOOP'
          ? 'is a symbolic link loop'
          : code === 'ENOENT'
            ? 'is a link to a file that does not exist'
            : `is a link that cannot be followed (${code})`;
      // A note whose file became a dangling link mid-deploy keeps its last good version, as a bad file does.
      if (isNoteName(rel)) notes.push({ rel, real: link, link: true, problem });
      return;
    }
    if (target === root) return; // a link back to the folder itself: walked already
    if (!isInside(target, root)) {
      if (targetStat.isDirectory())
        warnings.push(
          `${pathShown(rel)}: links to a folder outside the notes folder (${pathShown(target)}); not followed`,
        );
      else warnAboutNote(`links to a file outside the notes folder (${pathShown(target)})`);
      return;
    }
    if (!targetStat.isDirectory()) {
      if (isNoteName(rel)) notes.push({ rel, real: target, link: true });
    } else if (!walked.has(target)) {
      walked.add(target);
      yield* walk(rel, target);
    }
  }

  yield* walk('', root);
  notes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { root, folders, notes: oncePerFile(notes), warnings };
}

/**
 * One candidate per real file: a link to a note in the folder is that note by another name, not a
 * second note with its id. The file's own name is kept; of links alone (a ConfigMap's), the first.
 */
function oncePerFile(notes: Candidate[]): Candidate[] {
  const direct = new Set(notes.filter((n) => !n.link).map((n) => n.real));
  const taken = new Set<string>();
  return notes.filter((n) => {
    if ((n.link && direct.has(n.real)) || taken.has(n.real)) return false;
    taken.add(n.real);
    return true;
  });
}

// Opening never waits (a FIFO would wait for a writer), never adopts a terminal, and never follows a
// link swapped in after the path was resolved.
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY | fs.constants.O_NOFOLLOW;

/** A note file that has to be read: what stat said of it, and its last good note. */
interface Unread {
  size: number;
  st: fs.Stats;
  stamp: string;
  lastGood?: KnowledgeEntry;
}

/**
 * What a note file is now, by stat: unchanged since the previous load (its record again), bad
 * (not a regular file, over the per-note limit), to be read, or gone (undefined).
 */
function* inspectNote(
  note: Candidate,
  limits: NoteLimits,
  previous?: FileRecord,
): Steps<{ size: number; record: FileRecord } | Unread | undefined> {
  const lastGood = previous?.note ?? previous?.lastGood;
  const bad = (problem: string) => ({ size: 0, record: { stamp: '', size: 0, problem, lastGood } });
  if (note.problem) return bad(note.problem);
  let st: fs.Stats;
  try {
    st = yield* call('stat', note.real);
  } catch (err) {
    return errorCode(err) === 'ENOENT' ? undefined : bad(`cannot be read (${errorCode(err)})`);
  }
  if (!st.isFile()) return bad(`is ${kindOf(st)}, not a regular file`);
  if (st.size > limits.maxNoteBytes) return bad(tooBig(st.size, limits));
  const stamp = `${note.real}|${st.dev}|${st.ino}|${st.size}|${st.mtimeMs}|${st.ctimeMs}`;
  if (previous?.stamp === stamp) return { size: st.size, record: previous };
  return { size: st.size, st, stamp, lastGood };
}

/** Reads and parses a note file that changed; undefined when it is gone. */
function* readNote(note: Candidate, root: string, look: Unread, limits: NoteLimits): Steps<FileRecord | undefined> {
  const { stamp, st, lastGood } = look;
  const bad = (problem: string): FileRecord => ({ stamp, size: st.size, problem, lastGood });
  let text: string;
  try {
    text = yield* readCapped(note.real, root, st, limits);
  } catch (err) {
    if (err instanceof BadFile) return bad(err.message);
    return errorCode(err) === 'ENOENT' ? undefined : bad(`cannot be read (${errorCode(err)})`);
  }
  try {
    return { stamp, size: st.size, note: parseEntry(text, note.rel) };
  } catch (err) {
    if (!(err instanceof BadFile)) throw err;
    return bad(err.message);
  }
}

const REPLACED = 'was replaced while it was being read';

/**
 * The file's text, at most maxNoteBytes of it: opened without waiting, checked to be the file that was
 * stat'ed and, on Linux, to lie inside the folder (a folder on its path could have become a link).
 */
function* readCapped(real: string, root: string, st: fs.Stats, limits: NoteLimits): Steps<string> {
  let fd: number;
  try {
    fd = yield* call('open', real, OPEN_FLAGS);
  } catch (err) {
    // O_NOFOLLOW meeting a link: the file was swapped for one since its path was resolved.
    if (errorCode(err) === 'ELOOP') throw new BadFile(REPLACED);
    throw err;
  }
  try {
    const opened = yield* call('fstat', fd);
    if (!opened.isFile() || opened.ino !== st.ino || opened.dev !== st.dev) throw new BadFile(REPLACED);
    if (process.platform === 'linux') {
      let where: string | undefined;
      try {
        where = yield* call('realpath', `/proc/self/fd/${fd}`);
      } catch {
        // No /proc (or the file was deleted since it was opened): the identity check above has to do.
      }
      if (where !== undefined && !isInside(where, root)) throw new BadFile(REPLACED);
    }
    // Read one byte more than allowed: getting it means the file grew past the limit meanwhile.
    let buffer = Buffer.allocUnsafe(Math.min(opened.size, limits.maxNoteBytes) + 1);
    let length = 0;
    for (;;) {
      const got = yield* call('read', fd, buffer, length, buffer.length - length, length);
      if (got === 0) break;
      length += got;
      if (length === buffer.length) {
        if (length > limits.maxNoteBytes) {
          throw new BadFile(
            `grew past the limit of ${bytes(limits.maxNoteBytes)} per note (KNOWLEDGE_MAX_NOTE_KB) as it was read`,
          );
        }
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limits.maxNoteBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
    }
    return decodeNote(buffer.subarray(0, length));
  } finally {
    yield* call('close', fd);
  }
}

export function tooBig(size: number, limits: NoteLimits): string {
  return `is ${bytes(size)}, over the limit of ${bytes(limits.maxNoteBytes)} per note (KNOWLEDGE_MAX_NOTE_KB); split it or raise the limit`;
}

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}

/** A size as people write it: 300 MB, 1 MB, 512 KB, 12 bytes. */
function bytes(n: number): string {
  const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= KB) return `${round(n / KB)} KB`;
  return `${n} bytes`;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
