/**
 * The store failing for real: a full disk, a read-only file or file system, a locked SQLite file, a
 * PostgreSQL server that stops mid-run, is not there, or accepts connections and never answers. Each
 * gives a StoreError saying what to do, and the calls that sit on an answer's path (the recorder, the
 * guards) neither throw nor wait for the store. The disk cases mount a small tmpfs, so they need root.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createBestEffortRecorder,
  createReplicaGuards,
  createStore,
  type GapInput,
  StoreError,
} from '../../src/store/index.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { requireTools } from '../support/requirements.ts';

const gap = (question: string): GapInput => ({ question, lang: 'en', outcome: 'not-answered', closest: [] });
const note = { id: 'kept', title: 't', titleEn: 't', aliases: [], tags: [], related: [], body: 'b' };
/** Quick retries, so that recovery shows within the test. */
const QUICK_RETRIES = { firstRetryMs: 20, maxRetryMs: 100 };

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track<T extends { close(): unknown }>(closable: T): T {
  cleanups.push(async () => {
    await closable.close();
  });
  return closable;
}

/** A tmpfs of `size` mounted on a new folder under /tmp; unmounted after the test. */
function smallDisk(size: string): string {
  if (process.getuid?.() !== 0) {
    throw new Error('The store disk-failure tests mount a small tmpfs, which needs root. Run them as root.');
  }
  const dir = fs.mkdtempSync('/tmp/store-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  cleanups.push(() => {
    execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Fills the disk holding `dir` to the last byte; returns the filler file to remove. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    for (;;) {
      try {
        fs.writeSync(fd, chunk, 0, 512);
      } catch {
        break;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`gave up waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function failureOf(promise: Promise<unknown>): Promise<StoreError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(err)}`);
  return err;
}

describe('SQLite on a disk that fills up', () => {
  it('says the disk is full, keeps reading, and writes what was queued once space is freed', async () => {
    const dir = smallDisk('1m');
    const store = track(createStore(`sqlite:${path.join(dir, 'bot.db')}`));
    await store.notes.create(note, { userId: 'U1' });
    const filler = fillDisk(dir);

    const error = await failureOf(store.gaps.record(gap('asked while the disk is full')));
    expect(error.failure).toBe('disk-full');
    expect(error.message).toMatch(/disk holding .*bot\.db is full\. Free space there/);
    expect((await store.notes.list()).map((n) => n.id)).toEqual(['kept']);

    const recorder = track(createBestEffortRecorder(store, QUICK_RETRIES));
    expect(recorder.recordGap(gap('first'))).toBeUndefined();
    recorder.recordFeedback({ answerId: 'a', userId: 'U1', vote: 'down' });
    await until(() => recorder.stats().failing, 'the recorder notices');
    expect(recorder.stats()).toMatchObject({ queued: 2, lastError: { failure: 'disk-full' } });

    fs.rmSync(filler);
    expect(await recorder.drain(10_000)).toBe(true);
    expect(recorder.stats()).toMatchObject({ queued: 0, failing: false, written: { gap: 1, feedback: 1 } });
    expect((await store.gaps.top({ since: new Date(0) })).map((g) => g.question)).toEqual(['first']);
  });
});

describe('SQLite that cannot be written', () => {
  it('reads a database file made read-only but refuses writes as read-only', async () => {
    const dir = smallDisk('4m');
    const file = path.join(dir, 'bot.db');
    const before = createStore(`sqlite:${file}`);
    await before.notes.create(note, { userId: 'U1' });
    await before.close();
    // Immutable: not even root may write it (file modes do not stop root).
    requireTools('The read-only store test (an immutable file)', ['chattr']);
    execFileSync('chattr', ['+i', file]);
    cleanups.push(() => void execFileSync('chattr', ['-i', file]));

    const store = track(createStore(`sqlite:${file}`));
    expect((await store.notes.list()).map((n) => n.id)).toEqual(['kept']);
    const error = await failureOf(store.gaps.record(gap('q')));
    expect(error.failure).toBe('read-only');
    expect(error.message).toContain('Make the file and its folder writable');
  });

  it('explains a read-only file system at start-up, and the guards still decide', async () => {
    const dir = smallDisk('1m');
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const store = track(createStore(`sqlite:${path.join(dir, 'data', 'bot.db')}`));

    const error = await failureOf(store.open());
    expect(error.failure).toBe('read-only');
    expect(error.message).toContain('its file system is read-only');
    const guards = createReplicaGuards(store);
    expect(await guards.take('U1', 1, 60_000)).toEqual({ ok: true });
    expect(await guards.take('U1', 1, 60_000)).toMatchObject({ ok: false });
    expect(await guards.claim('Ev1', 60_000)).toBe(true);
    expect(await guards.claim('Ev1', 60_000)).toBe(false);
    expect(guards.stats()).toEqual({ rateLimitFallbacks: 2, claimFallbacks: 2 });
  });
});

describe('SQLite locked by another writer', () => {
  it('gives up after the short busy timeout with "locked", and the recorder writes once the lock is released', async () => {
    const dir = fs.mkdtempSync('/tmp/store-locked-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'bot.db');
    const store = track(createStore(`sqlite:${file}`, { sqlite: { busyTimeoutMs: 50 } }));
    await store.open();
    const other = new Database(file);
    cleanups.push(() => void other.close());
    other.exec('BEGIN EXCLUSIVE');

    const error = await failureOf(store.gaps.record(gap('while locked')));
    expect(error.failure).toBe('locked');
    expect(error.message).toContain('locked by another process');

    const recorder = track(createBestEffortRecorder(store, QUICK_RETRIES));
    recorder.recordGap(gap('queued while locked'));
    await until(() => recorder.stats().failing, 'the recorder notices');
    other.exec('COMMIT');
    expect(await recorder.drain(10_000)).toBe(true);
    expect((await store.gaps.top({ since: new Date(0) })).map((g) => g.question)).toEqual(['queued while locked']);
  });
});

describe('PostgreSQL failing', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps the bot going while the server is down mid-run, and catches up when it is back', async () => {
    const store = track(createStore(await server.createSchema(), { warn: () => undefined }));
    await store.notes.create(note, { userId: 'U1' });
    const dropped: string[] = [];
    const recorder = track(
      createBestEffortRecorder(store, {
        ...QUICK_RETRIES,
        maxQueued: 3,
        onDrop: (kind, reason) => dropped.push(`${kind}:${reason}`),
      }),
    );
    const guards = createReplicaGuards(store);

    await server.stopServer();
    try {
      const error = await failureOf(store.gaps.record(gap('while down')));
      expect(error.failure).toBe('unreachable');
      expect(error.message).toMatch(/PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres cannot be reached/);
      expect(error.message).toContain('Check that the server runs');

      for (const question of ['one', 'two', 'three', 'four']) expect(recorder.recordGap(gap(question))).toBeUndefined();
      await until(() => recorder.stats().failing, 'the recorder notices');
      expect(recorder.stats()).toMatchObject({ queued: 3, lastError: { failure: 'unreachable' } });
      expect(dropped).toEqual(['gap:queue-full']);

      expect(await guards.take('U1', 5, 60_000)).toEqual({ ok: true });
      expect(await guards.claim('Ev1', 60_000)).toBe(true);
      expect(guards.stats()).toEqual({ rateLimitFallbacks: 1, claimFallbacks: 1 });
    } finally {
      await server.startServer();
    }

    expect(await recorder.drain(15_000)).toBe(true);
    expect((await store.gaps.top({ since: new Date(0) })).map((g) => g.question).sort()).toEqual([
      'four',
      'one',
      'three',
    ]);
    expect((await store.notes.list()).map((n) => n.id)).toEqual(['kept']);
    expect(await guards.claim('Ev2', 60_000)).toBe(true);
    expect(guards.stats()).toEqual({ rateLimitFallbacks: 1, claimFallbacks: 1 });
  });

  it('fails fast and clearly, never showing the password, when nothing listens at DATABASE_URL', async () => {
    const port = await freeLoopbackPort();
    const store = track(createStore(`postgres://bot:s3cret-pw@127.0.0.1:${port}/bot`, { warn: () => undefined }));
    const error = await failureOf(store.open());
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('s3cret-pw');
    // Within the next second, calls fail at once with the same error instead of dialling again.
    expect(await failureOf(store.notes.list())).toBe(error);
  });

  it('names a database that does not exist and how to create it', async () => {
    const store = track(createStore(server.url('no_such_db'), { warn: () => undefined }));
    const error = await failureOf(store.open());
    expect(error.failure).toBe('denied');
    expect(error.message).toContain('the database does not exist. Create it (createdb)');
  });

  it('does not wait on a server that accepts connections and never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      silent.close();
    });
    const { port } = silent.address() as net.AddressInfo;
    const store = track(
      createStore(`postgres://bot@127.0.0.1:${port}/bot`, { warn: () => undefined, postgres: { timeoutMs: 300 } }),
    );
    const guards = createReplicaGuards(store, { timeoutMs: 50 });
    expect(await guards.claim('Ev1', 60_000)).toBe(true);
    expect(guards.stats().claimFallbacks).toBe(1);
    const error = await failureOf(store.open());
    expect(error.failure).toBe('unreachable');
  });
});
