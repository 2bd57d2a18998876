import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { parseDatabaseUrl, readStoreConfig } from '../../src/store/config.ts';

describe('DATABASE_URL', () => {
  it('defaults to a SQLite file in the project data folder, and retention to 90 days', () => {
    expect(readStoreConfig({})).toEqual({
      databaseUrl: `sqlite:${path.join(PROJECT_ROOT, 'data', 'bot.db')}`,
      retentionDays: 90,
    });
  });

  it.each([
    ['sqlite:./data/bot.db', path.resolve('data/bot.db')],
    ['sqlite:data/bot.db', path.resolve('data/bot.db')],
    ['sqlite:/var/lib/bot/bot.db', '/var/lib/bot/bot.db'],
    ['sqlite:///var/lib/bot/bot.db', '/var/lib/bot/bot.db'],
    ['SQLITE:/x.db', '/x.db'],
  ])('%s is the SQLite file %s', (url, file) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'sqlite', file });
  });

  it.each(['postgres://bot:pw@db:5432/bot', 'postgresql://db/bot?sslmode=require'])('%s is PostgreSQL', (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'postgres', url });
  });

  it('refuses anything else, naming both forms and never echoing a password', () => {
    const error = (() => {
      try {
        parseDatabaseUrl('mysql://bot:hunter2@db/bot');
      } catch (err) {
        return err as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain('sqlite:./data/bot.db');
    expect(error?.message).toContain('postgres://user:password@host:5432/database');
    expect(error?.message).not.toContain('hunter2');
  });

  it('refuses an in-memory SQLite database, which would forget everything at exit', () => {
    expect(() => parseDatabaseUrl('sqlite::memory:')).toThrow(/forget everything/);
  });

  it('reads DATA_RETENTION_DAYS and refuses a value that is not a positive whole number', () => {
    expect(readStoreConfig({ DATA_RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(() => readStoreConfig({ DATA_RETENTION_DAYS: '0' })).toThrow(/DATA_RETENTION_DAYS=0/);
  });
});
