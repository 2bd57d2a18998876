import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import type { SqlDriver } from './driver.ts';

/**
 * migrations/NNNN_name.sql, shipped with the code and applied in order at start-up. Each is SQL that
 * SQLite and PostgreSQL both accept, so one file serves both adapters and the contract suite proves it.
 * Applied files are never edited: a change is a new file.
 */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(folder = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`${path.join(folder, file)}: migration files are named NNNN_name.sql`);
      const sql = fs.readFileSync(path.join(folder, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Long enough for another replica to finish migrating the same database first. */
const MIGRATION_LOCK_WAIT_MS = 30_000;

/**
 * Applies the migrations the database has not seen, all in one transaction under the migration lock:
 * replicas starting together take turns, and the later ones find nothing left to do. Returns warnings
 * for an operator (schema newer than this code, an applied file that was edited since).
 */
export async function migrate(driver: SqlDriver, migrations: Migration[], now: number): Promise<string[]> {
  return driver.transaction(
    'docker-notes-bot:migrations',
    async (tx) => {
      await tx.exec(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY,
           name TEXT NOT NULL,
           checksum TEXT NOT NULL,
           applied_at BIGINT NOT NULL
         )`,
      );
      const applied = new Map(
        (await tx.query('SELECT version, checksum FROM schema_migrations')).map((row) => [
          Number(row.version),
          String(row.checksum),
        ]),
      );
      const warnings: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum === undefined) {
          await tx.exec(migration.sql);
          await tx.execute(
            'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
            [migration.version, migration.name, migration.checksum, now],
          );
        } else if (checksum !== migration.checksum) {
          warnings.push(
            `migration ${migration.version} (${migration.name}) was changed after ${driver.location} applied it; ` +
              'changes go in a new migration file, the applied one is left as it was.',
          );
        }
      }
      const known = Math.max(0, ...migrations.map((m) => m.version));
      const newest = Math.max(0, ...applied.keys());
      if (newest > known) {
        warnings.push(
          `${driver.location} has schema version ${newest}, newer than this bot's ${known}: a newer version of the bot ` +
            'migrated it. This one goes on with the tables it knows; upgrade it to match.',
        );
      }
      return warnings;
    },
    { waitMs: MIGRATION_LOCK_WAIT_MS },
  );
}
