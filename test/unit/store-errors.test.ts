import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { StoreError } from '../../src/store/errors.ts';
import { explainPostgresError, redactedUrl } from '../../src/store/postgres.ts';
import { explainSqliteError } from '../../src/store/sqlite.ts';

const failed = (code: string | undefined, message = 'driver message') => Object.assign(new Error(message), { code });

describe('SQLite errors as StoreErrors', () => {
  it.each([
    ['SQLITE_FULL', 'disk-full', 'Free space there'],
    ['ENOSPC', 'disk-full', 'Free space there'],
    ['SQLITE_READONLY', 'read-only', 'writable for the bot'],
    ['SQLITE_READONLY_DBMOVED', 'read-only', 'writable for the bot'],
    ['EROFS', 'read-only', 'its file system is read-only'],
    ['EACCES', 'read-only', 'permission denied'],
    ['ENOENT', 'read-only', 'cannot be made'],
    ['ENOTDIR', 'read-only', 'disk the bot can write'],
    ['SQLITE_CANTOPEN', 'read-only', 'cannot be opened'],
    ['SQLITE_BUSY', 'locked', 'give each bot its own file'],
    ['SQLITE_BUSY_SNAPSHOT', 'locked', 'replicas share PostgreSQL'],
    ['SQLITE_CORRUPT', 'corrupt', 'Move it aside'],
    ['SQLITE_NOTADB', 'corrupt', 'is not a SQLite database'],
    ['SQLITE_IOERR_WRITE', 'unknown', 'Check the disk'],
    ['SQLITE_CONSTRAINT_CHECK', 'rejected', 'refused the record'],
  ])('%s → %s, saying "%s"', (code, failure, advice) => {
    const error = explainSqliteError(failed(code), 'record a gap', '/srv/bot/data/bot.db');
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toBeInstanceOf(UserError);
    expect(error.failure).toBe(failure);
    expect(error.retryable).toBe(failure !== 'rejected');
    expect(error.message).toMatch(/^Could not record a gap: /);
    expect(error.message).toContain(advice);
  });

  it('tells how to fix a native addon built for another Node.js', () => {
    const error = explainSqliteError(
      failed('ERR_DLOPEN_FAILED', 'was compiled against a different Node.js version using NODE_MODULE_VERSION 115'),
      'open the store',
      '/x.db',
    );
    expect(error.failure).toBe('driver');
    expect(error.message).toContain('npm rebuild better-sqlite3');
  });

  it('passes a StoreError through unchanged', () => {
    const original = new StoreError('rejected', 'A gap needs a question.');
    expect(explainSqliteError(original, 'record a gap', '/x.db')).toBe(original);
  });

  it('fails at once, saying what to do, where its folder cannot be made (a recursive mkdir under /proc never returns)', () => {
    // In a child, bounded: a mkdir that never returns blocks the process it runs in for good.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/open-store.ts', 'sqlite:/proc/self/no-such-folder/bot.db'],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 8000 },
    );
    expect(child.error?.message, 'opening the store did not end within 8 s').toBeUndefined();
    expect(JSON.parse(child.stdout)).toEqual({
      failure: 'read-only',
      message:
        "Could not open the store: the folder of /proc/self/no-such-folder/bot.db cannot be made (ENOENT: no such file or directory, mkdir '/proc/self/no-such-folder'). Point DATABASE_URL at a file on a disk the bot can write, e.g. sqlite:./data/bot.db.",
    });
  });
});

describe('PostgreSQL errors as StoreErrors', () => {
  const where = 'postgres://bot@db.internal:5432/bot';
  it.each([
    ['ECONNREFUSED', undefined, 'unreachable', 'Check that the server runs'],
    ['ENOTFOUND', undefined, 'unreachable', 'right host and port'],
    ['57P01', 'terminating connection due to administrator command', 'unreachable', 'cannot be reached'],
    [undefined, 'Connection terminated unexpectedly', 'unreachable', 'cannot be reached'],
    [undefined, 'timeout exceeded when trying to connect', 'unreachable', 'cannot be reached'],
    [undefined, 'Query read timeout', 'timeout', 'did not answer in time'],
    ['57014', 'canceling statement due to statement timeout', 'timeout', 'did not answer in time'],
    ['28P01', 'password authentication failed', 'denied', 'user name and password in DATABASE_URL'],
    ['3D000', 'database "bot" does not exist', 'denied', 'Create it (createdb)'],
    ['42501', 'permission denied for schema public', 'denied', 'Grant it rights'],
    ['53100', 'could not extend file', 'disk-full', 'Free space on the database server'],
    ['25006', 'cannot execute INSERT in a read-only transaction', 'read-only', 'primary server'],
    ['40P01', 'deadlock detected', 'locked', 'Try again'],
    ['22021', 'invalid byte sequence', 'rejected', 'refused the record'],
    ['23505', 'duplicate key', 'rejected', 'refused the record'],
    ['42P01', 'relation "gap_records" does not exist', 'schema', 'changed by hand'],
  ])('%s %s → %s', (code, message, failure, advice) => {
    const error = explainPostgresError(failed(code, message), 'record a gap', where);
    expect(error.failure).toBe(failure);
    expect(error.message).toMatch(/^Could not record a gap: /);
    expect(error.message).toContain(advice);
  });

  it('shows where the server is without its password or query options', () => {
    expect(redactedUrl('postgres://bot:s3cret@db.internal:5432/bot?sslmode=require&password=x')).toBe(
      'postgres://bot@db.internal:5432/bot',
    );
  });
});
