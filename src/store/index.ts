/**
 * The bot's store: feedback, gaps, notes saved from Slack, and the state replicas share. No Slack in
 * here; the faces wire it in. createStore picks the adapter from DATABASE_URL.
 */
import { parseDatabaseUrl } from './config.ts';
import { createPostgresDriver, type PostgresOptions } from './postgres.ts';
import { createSqlStore, type SqlStoreOptions } from './sql-store.ts';
import { createSqliteDriver, type SqliteOptions } from './sqlite.ts';
import type { Store } from './types.ts';

export { DEFAULT_DATABASE_URL, DEFAULT_RETENTION_DAYS, readStoreConfig, type StoreConfig } from './config.ts';
export { StoreError, type StoreFailure } from './errors.ts';
export { followNoteChanges, type NoteFollower } from './follow-notes.ts';
export { createLocalGuards, createReplicaGuards, type ReplicaGuards } from './guards.ts';
export { type BestEffortRecorder, createBestEffortRecorder, type RecorderStats } from './recorder.ts';
export { type Retention, startRetention } from './retention.ts';
export { questionKey, recordedQuestion } from './text.ts';
export type * from './types.ts';

export interface CreateStoreOptions extends SqlStoreOptions {
  sqlite?: SqliteOptions;
  postgres?: Omit<PostgresOptions, 'warn'>;
}

/** A store for DATABASE_URL (see parseDatabaseUrl); nothing is opened until `open()` or the first call. */
export function createStore(databaseUrl: string, options: CreateStoreOptions = {}): Store {
  const target = parseDatabaseUrl(databaseUrl);
  const driver =
    target.kind === 'sqlite'
      ? createSqliteDriver(target.file, options.sqlite)
      : createPostgresDriver(target.url, { ...options.postgres, warn: options.warn });
  return createSqlStore(driver, options);
}
