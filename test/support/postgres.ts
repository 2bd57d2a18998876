import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from './net.ts';

/**
 * A private PostgreSQL server for the store tests, like the private dockerd: its own data directory,
 * unix socket directory and loopback port under /tmp, started from Debian's binaries and removed
 * afterwards. Never a system service, never the default port or socket. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user the Debian package creates (or `nobody`).
 */

export const POSTGRES_INSTALL_HINT = 'Install it as root with: npm run test:setup (apt-get install -y postgresql).';

export interface TestPostgres {
  dir: string;
  port: number;
  /** A connection URL for `database` on this server (no password: the server trusts loopback). */
  url(database?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(): Promise<string>;
  /**
   * A new empty schema in the default database, as a URL whose search_path points at it: as good as a
   * new database for code that names no schema, and 5 ms instead of CREATE DATABASE's 200-400 ms.
   */
  createSchema(): Promise<string>;
  /** Stops the server but keeps its data and port: "PostgreSQL went down" for failure tests. */
  stopServer(): Promise<void>;
  /** Starts it again on the same data and port (after stopServer). */
  startServer(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** The bin directory of an installed PostgreSQL (15 preferred); throws with the apt-get line when there is none. */
export function postgresBinDir(root = '/usr/lib/postgresql'): string {
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions.includes('15') ? '15' : versions[0];
  if (!version) {
    throw new Error(
      `The store tests start their own PostgreSQL server, but none is installed. ${POSTGRES_INSTALL_HINT}`,
    );
  }
  return path.join(root, version, 'bin');
}

/** uid/gid to run the server as: ourselves, or an unprivileged user when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const found = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (found.status !== 0) continue;
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    return { uid: Number(found.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('PostgreSQL refuses to run as root and there is no postgres or nobody user to run it as.');
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = fs.mkdtempSync('/tmp/pg-');
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  fs.mkdirSync(socketDir);
  if (user) for (const d of [dir, socketDir]) fs.chownSync(d, user.uid, user.gid);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
  const asUser = { cwd: dir, env, ...(user ?? {}) };

  try {
    execFileSync(
      path.join(bin, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      { ...asUser, stdio: 'pipe' },
    );
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`initdb failed in ${dataDir}: ${stderr.trim()}`);
  }

  const port = await freeLoopbackPort();
  const logFile = path.join(dir, 'postgres.log');
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let created = 0;
  const asAdmin = async (sql: string) => {
    const admin = new pg.Client({ connectionString: connectionUrl('postgres') });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };

  const startServer = async () => {
    const log = fs.openSync(logFile, 'a');
    if (user) fs.fchownSync(log, user.uid, user.gid);
    const server = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-k',
        socketDir,
        '-c',
        'listen_addresses=127.0.0.1',
        // A throwaway server: durability costs time and buys nothing here.
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { ...asUser, stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    child = server;
    exited = new Promise((resolve) => server.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    while (!(await accepts(connectionUrl('postgres')))) {
      if (server.exitCode !== null || Date.now() > deadline) {
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
        await stopServer();
        throw new Error(`PostgreSQL did not come up on 127.0.0.1:${port}:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const stopServer = async () => {
    const server = child;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, as when a server is stopped for real.
    server.kill('SIGINT');
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };

  const connectionUrl = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;

  await startServer().catch((err) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  });

  return {
    dir,
    port,
    url: connectionUrl,
    async createDatabase() {
      const name = `test_db_${++created}`;
      await asAdmin(`CREATE DATABASE ${name}`);
      return connectionUrl(name);
    },
    async createSchema() {
      const name = `test_schema_${++created}`;
      await asAdmin(`CREATE SCHEMA ${name}`);
      return `${connectionUrl('postgres')}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    stopServer,
    startServer,
    async stop() {
      await stopServer();
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
