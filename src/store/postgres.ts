import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { SqlDriver, SqlTransaction } from './driver.ts';
import { detail, errorCode, StoreError } from './errors.ts';

export interface PostgresOptions {
  /** Connections per process. Default 5: the bot's queries are short. */
  maxConnections?: number;
  /** Longest wait for a connection, and for one statement (ms). Default 5000. */
  timeoutMs?: number;
  /** Where errors of idle connections go (a server restart ends them); they never crash the process. */
  warn?: (message: string) => void;
}

/** PostgreSQL through a `pg` pool: the store shared by several replicas. */
export function createPostgresDriver(url: string, options: PostgresOptions = {}): SqlDriver {
  const location = redactedUrl(url);
  const timeoutMs = options.timeoutMs ?? 5000;
  let pool: Pool | undefined;

  const connected = (): Pool => {
    if (!pool) throw new StoreError('unknown', `The PostgreSQL store ${location} is not open.`);
    return pool;
  };
  const runnerOn = (client: Pool | PoolClient): SqlTransaction => ({
    async query(sql, params = []) {
      return (await client.query(sql, params)).rows;
    },
    async execute(sql, params = []) {
      return (await client.query(sql, params)).rowCount ?? 0;
    },
    async exec(script) {
      // Without parameters pg uses the simple protocol, which runs several statements in one go.
      await client.query(script);
    },
  });

  return {
    dialect: 'postgres',
    location,

    async connect() {
      if (pool) return;
      const pg = (await import('pg')).default;
      const created = new pg.Pool({
        connectionString: url,
        max: options.maxConnections ?? 5,
        connectionTimeoutMillis: timeoutMs,
        idleTimeoutMillis: 30_000,
        // Both sides bound a statement: the server cancels it, the client gives up on a silent network.
        statement_timeout: timeoutMs,
        query_timeout: timeoutMs + 1000,
        keepAlive: true,
        application_name: 'docker-notes-bot',
      });
      created.on('error', (err) =>
        options.warn?.(`an idle PostgreSQL connection to ${location} failed (${detail(err)}); the pool reconnects.`),
      );
      pool = created;
    },

    query: (sql, params) => runnerOn(connected()).query(sql, params),
    execute: (sql, params) => runnerOn(connected()).execute(sql, params),

    async transaction(lockName, work, { waitMs } = {}) {
      const client = await connected().connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        if (waitMs !== undefined) await client.query(`SET LOCAL statement_timeout = ${Math.floor(waitMs)}`);
        // Held until COMMIT or ROLLBACK; other replicas taking the same lock wait here.
        // pg honours a per-query query_timeout that its types do not list.
        const takeLock: QueryConfig & { query_timeout: number } = {
          text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
          values: [lockName],
          query_timeout: (waitMs ?? timeoutMs) + 1000,
        };
        await client.query(takeLock);
        const result = await work(runnerOn(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
        throw err;
      } finally {
        // A connection that cannot even roll back is dropped from the pool instead of reused.
        client.release(broken);
      }
    },

    explain: (err, doing) => explainPostgresError(err, doing, location),

    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

/** postgres://user@host:port/db: the URL without its password, for logs and messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);

export function explainPostgresError(err: unknown, doing: string, location: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const fail = (failure: StoreError['failure'], what: string) =>
    new StoreError(failure, `Could not ${doing}: ${what}`, { cause: err });
  const where = `PostgreSQL at ${location}`;

  if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || /Connection terminated|trying to connect/.test(message))
    return fail(
      'unreachable',
      `${where} cannot be reached (${code || detail(err)}). Check that the server runs and that DATABASE_URL names the right host and port; the bot keeps answering meanwhile.`,
    );
  if (code === '57014' || /timeout/i.test(message))
    return fail(
      'timeout',
      `${where} did not answer in time (${code || detail(err)}). Check the server's load and the network to it.`,
    );
  if (code === '28P01' || code === '28000')
    return fail('denied', `${where} refused the login (${code}). Check the user name and password in DATABASE_URL.`);
  if (code === '3D000')
    return fail(
      'denied',
      `${where}: the database does not exist. Create it (createdb) or fix the database name in DATABASE_URL.`,
    );
  if (code === '42501')
    return fail(
      'denied',
      `${where}: the user may not do this (${detail(err)}). Grant it rights on the database (it creates its own tables).`,
    );
  if (code === '53100') return fail('disk-full', `${where} has no disk space left. Free space on the database server.`);
  if (code === '25006')
    return fail('read-only', `${where} accepts only reads (a standby?). Point DATABASE_URL at the primary server.`);
  if (code === '40001' || code === '40P01' || code === '55P03')
    return fail('locked', `${where} had a conflicting transaction (${code}). Try again.`);
  if (code.startsWith('22') || code.startsWith('23'))
    return fail('rejected', `the database refused the record (${code}: ${detail(err)}).`);
  if (code === '42P01' || code === '42703')
    return fail(
      'schema',
      `${where} lacks the tables this bot expects (${detail(err)}). Was the schema changed by hand?`,
    );
  if (/Cannot find module|ERR_MODULE_NOT_FOUND/.test(message) || code === 'ERR_MODULE_NOT_FOUND')
    return fail('driver', `the PostgreSQL driver (pg) is not installed: run npm ci. (${detail(err)})`);
  return fail('unknown', `${where} failed (${code || 'no code'}: ${detail(err)}).`);
}
