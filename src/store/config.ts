import path from 'node:path';
import { type Env, PROJECT_ROOT, readPositiveInt } from '../config.ts';
import { ConfigError } from '../errors.ts';

export interface StoreConfig {
  /** sqlite:<file> or postgres://… (DATABASE_URL). */
  databaseUrl: string;
  /** Feedback and gap records older than this are deleted (DATA_RETENTION_DAYS, default 90). */
  retentionDays: number;
}

/** The embedded default: a file in the project's data/ folder, created on first start. */
export const DEFAULT_DATABASE_URL = `sqlite:${path.join(PROJECT_ROOT, 'data', 'bot.db')}`;
export const DEFAULT_RETENTION_DAYS = 90;

export function readStoreConfig(env: Env): StoreConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  parseDatabaseUrl(databaseUrl);
  return { databaseUrl, retentionDays: readPositiveInt(env, 'DATA_RETENTION_DAYS', DEFAULT_RETENTION_DAYS) };
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * sqlite:./data/bot.db, sqlite:/abs/bot.db or sqlite:///abs/bot.db (relative paths from the working
 * directory), or postgres://… / postgresql://… as libpq and `pg` read it.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  const file = /^sqlite:(?:\/\/)?(.+)$/i.exec(url)?.[1];
  if (file === ':memory:')
    throw new ConfigError(
      'DATABASE_URL=sqlite::memory: would forget everything at exit. Name a file: sqlite:./data/bot.db.',
    );
  if (file) return { kind: 'sqlite', file: path.resolve(file) };
  // Never echo credentials, even from a URL too mistyped to parse.
  const shown = url.replace(/\/\/[^/]*@/, '//…@');
  throw new ConfigError(
    `DATABASE_URL=${shown} is not a store the bot knows. Use sqlite:./data/bot.db (a file, the default) or ` +
      'postgres://user:password@host:5432/database (see .env.example).',
  );
}
