import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { sleep } from '../time/sleep.ts';
import type { SqlDriver, SqlTransaction, SqlValue } from './driver.ts';
import { detail, errorCode, StoreError } from './errors.ts';

export interface SqliteOptions {
  /**
   * How long a write waits for another connection's write lock before failing with 'locked'. Short on
   * purpose: better-sqlite3 waits synchronously, so this is time the whole process stands still.
   */
  busyTimeoutMs?: number;
}

/**
 * better-sqlite3 is synchronous but a transaction's work awaits. Calls on one file take turns within
 * this process, so nothing runs inside another call's transaction, and two stores on one file in one
 * process (tests, a CLI beside the bot) never wait synchronously for a lock the other cannot release.
 */
const turnsByFile = new Map<string, Promise<unknown>>();

/** How long, and how often, opening retries a switch to WAL that another process holds up. */
const OPEN_RETRY_FOR_MS = 10_000;
const OPEN_RETRY_MS = 50;

/**
 * SQLite in one file through better-sqlite3: the embedded default, nothing to install. The file and its
 * folder are created on first start; WAL lets readers (the CLI) work while the bot writes.
 */
export function createSqliteDriver(file: string, options: SqliteOptions = {}): SqlDriver {
  const busyTimeoutMs = options.busyTimeoutMs ?? 250;
  let db: BetterSqlite3.Database | undefined;
  const statements = new Map<string, BetterSqlite3.Statement>();
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const turn = (turnsByFile.get(file) ?? Promise.resolve()).then(work);
    turnsByFile.set(
      file,
      turn.catch(() => undefined),
    );
    return turn;
  };

  const database = (): BetterSqlite3.Database => {
    if (!db) throw new StoreError('unknown', `The SQLite store ${file} is not open.`);
    return db;
  };
  const prepared = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database().prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // $1…$n are named parameters "1"…"n" to SQLite, so the PostgreSQL-style SQL runs unchanged.
  const named = (params: SqlValue[]) => Object.fromEntries(params.map((value, i) => [String(i + 1), value]));
  const runner: SqlTransaction = {
    async query(sql, params = []) {
      return prepared(sql).all(named(params)) as Record<string, unknown>[];
    },
    async execute(sql, params = []) {
      return prepared(sql).run(named(params)).changes;
    },
    async exec(script) {
      database().exec(script);
    },
  };

  return {
    dialect: 'sqlite',
    location: file,

    async connect() {
      if (db) return;
      const Database = await loadBetterSqlite3();
      ensureWritableFolder(path.dirname(file));
      // A long wait for the lock only while opening: switching a new file to WAL needs it briefly.
      const opened = new Database(file, { timeout: 10_000 });
      try {
        // SQLite can refuse the switch to WAL at once, without waiting, while another process is switching
        // the same new file: several bots starting together retry instead of failing to start.
        for (let waited = 0; ; waited += OPEN_RETRY_MS) {
          try {
            opened.pragma('journal_mode = WAL');
            break;
          } catch (err) {
            if (!errorCode(err).startsWith('SQLITE_BUSY') || waited >= OPEN_RETRY_FOR_MS) throw err;
            await sleep(OPEN_RETRY_MS);
          }
        }
        opened.pragma('synchronous = NORMAL');
        opened.pragma(`busy_timeout = ${busyTimeoutMs}`);
      } catch (err) {
        opened.close();
        throw err;
      }
      db = opened;
    },

    query: (sql, params) => inTurn(() => runner.query(sql, params)),
    execute: (sql, params) => inTurn(() => runner.execute(sql, params)),

    transaction: (_lockName, work, { waitMs } = {}) =>
      // BEGIN IMMEDIATE takes the file's one write lock up front, so it also excludes other processes.
      inTurn(async () => {
        const conn = database();
        if (waitMs !== undefined) conn.pragma(`busy_timeout = ${waitMs}`);
        try {
          conn.exec('BEGIN IMMEDIATE');
          try {
            const result = await work(runner);
            conn.exec('COMMIT');
            return result;
          } catch (err) {
            if (conn.inTransaction) conn.exec('ROLLBACK');
            throw err;
          }
        } finally {
          if (waitMs !== undefined) conn.pragma(`busy_timeout = ${busyTimeoutMs}`);
        }
      }),

    explain: (err, doing) => explainSqliteError(err, doing, file),

    async close() {
      await inTurn(() => undefined);
      statements.clear();
      db?.close();
      db = undefined;
    },
  };
}

/**
 * Creates the folder if needed, a level at a time, and checks that the bot may write there, so a
 * read-only disk, a folder owned by someone else or a place that holds no folders is reported as such
 * (EROFS, EACCES, ENOENT) rather than as whatever SQLite makes of it. Not a recursive mkdir: under
 * /proc mkdir says ENOENT below a folder that exists, and a recursive one retries for good. (SQLite
 * also needs the folder for its -wal and -shm files.)
 */
function ensureWritableFolder(folder: string): void {
  const missing: string[] = [];
  for (let level = folder; !fs.existsSync(level) && path.dirname(level) !== level; level = path.dirname(level))
    missing.unshift(level);
  for (const level of missing) {
    try {
      fs.mkdirSync(level);
    } catch (err) {
      // Another process opening the same store made it meanwhile.
      if (errorCode(err) !== 'EEXIST') throw err;
    }
  }
  fs.accessSync(folder, fs.constants.W_OK);
}

/** Loaded when a SQLite store opens, so a PostgreSQL deployment never needs the native addon to load. */
async function loadBetterSqlite3(): Promise<typeof BetterSqlite3> {
  return (await import('better-sqlite3')).default;
}

export function explainSqliteError(err: unknown, doing: string, file: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : '';
  const fail = (failure: StoreError['failure'], what: string) =>
    new StoreError(failure, `Could not ${doing}: ${what}`, { cause: err });

  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return fail(
      'disk-full',
      `the disk holding ${file} is full. Free space there, or point DATABASE_URL at another disk.`,
    );
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    const why =
      code === 'EROFS'
        ? 'its file system is read-only'
        : code.startsWith('SQLITE')
          ? 'it is read-only'
          : 'permission denied';
    return fail(
      'read-only',
      `${file} cannot be written (${why}, ${code}). Make the file and its folder writable for the bot's user, or point DATABASE_URL at a writable place.`,
    );
  }
  // From making its folder: the place above it exists but holds no folders (/proc/self/…, a file).
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return fail(
      'read-only',
      `the folder of ${file} cannot be made (${detail(err)}). Point DATABASE_URL at a file on a disk the bot can write, e.g. sqlite:./data/bot.db.`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return fail(
      'read-only',
      `${file} cannot be opened (${code}). Check that its folder exists and is writable for the bot's user, or point DATABASE_URL elsewhere.`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return fail(
      'locked',
      `${file} is locked by another process writing to it. Let that finish, or give each bot its own file; replicas share PostgreSQL, not one SQLite file.`,
    );
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return fail(
      'corrupt',
      `${file} is damaged or is not a SQLite database (${code}). Move it aside (the bot then starts a new one) and restore a backup if you have one.`,
    );
  if (code.startsWith('SQLITE_IOERR'))
    return fail('unknown', `reading or writing ${file} failed (${code}). Check the disk it is on.`);
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH')
    return fail('rejected', `the database refused the record (${code}: ${detail(err)}).`);
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|better_sqlite3\.node|Cannot find module/.test(message))
    return fail(
      'driver',
      `the SQLite driver (better-sqlite3) does not load in Node.js ${process.version}: ${detail(err)}. ` +
        'Run `npm rebuild better-sqlite3` with this Node.js, or use PostgreSQL (DATABASE_URL=postgres://…).',
    );
  if (code === 'SQLITE_ERROR' && /no such (table|column)/.test(message))
    return fail(
      'schema',
      `${file} lacks the tables this bot expects (${detail(err)}). Was it changed by hand? Move it aside to start anew.`,
    );
  return fail('unknown', `SQLite failed on ${file} (${code || 'no code'}: ${detail(err)}).`);
}
