/**
 * One suite, both adapters: every behaviour of the Store is checked against a temporary SQLite file
 * and against a real PostgreSQL server this file starts itself (test/support/postgres.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStore, followNoteChanges, type NoteDraft, type Store, StoreError } from '../../src/store/index.ts';
import { readMigrations } from '../../src/store/migrations.ts';
import { startRetention } from '../../src/store/retention.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { openFromProcessesAtOnce } from '../support/store-processes.ts';

const DAY = 24 * 60 * 60 * 1000;
/** The schema version this code knows: the highest migration shipped. */
const NEWEST_MIGRATION = Math.max(...readMigrations().map((m) => m.version));
const START = Date.parse('2025-03-01T09:00:00Z');

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A URL for a new, empty database. */
  freshUrl(): Promise<string>;
  /** Runs SQL on that database behind the store's back, as an operator or another version would. */
  exec(url: string, sql: string): Promise<void>;
}

let postgres: TestPostgres | undefined;
const tempDirs: string[] = [];

const backends: Backend[] = [
  {
    name: 'sqlite',
    async freshUrl() {
      const dir = fs.mkdtempSync('/tmp/store-sqlite-');
      tempDirs.push(dir);
      // A folder that does not exist yet: the store creates it on first start.
      return `sqlite:${path.join(dir, 'data', 'bot.db')}`;
    },
    async exec(url, sql) {
      const db = new Database(url.slice('sqlite:'.length));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'postgres',
    async freshUrl() {
      postgres ??= await startTestPostgres();
      return postgres.createSchema();
    },
    async exec(url, sql) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
  },
];

afterAll(async () => {
  await postgres?.stop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const draft = (id: string, body = `Body of ${id}.`): NoteDraft => ({
  id,
  title: `${id} 제목`,
  titleEn: `${id} title`,
  aliases: [`${id} alias`],
  tags: ['docker'],
  related: [],
  body,
});

describe.each(backends)('store contract ($name)', (backend) => {
  let clock = START;
  const now = () => clock;
  const opened: Store[] = [];
  let url: string;
  let store: Store;

  /** Another store on the same database: a second replica, or the bot after a restart. */
  const openStore = (options: { now?: () => number; warn?: (message: string) => void } = {}) => {
    const s = createStore(url, { now, warn: () => undefined, ...options });
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    // The first PostgreSQL database also starts the server (about a second).
    await backend.freshUrl();
  });

  beforeEach(async () => {
    clock = START;
    url = await backend.freshUrl();
    store = openStore();
    await store.open();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  describe('start-up', () => {
    it('creates its schema on first start and opens the same database again without redoing it', async () => {
      expect(await store.notes.revision()).toBe(0);
      await store.notes.create(draft('a'), { userId: 'U1' });
      await store.close();
      const again = openStore();
      await again.open();
      expect((await again.notes.list()).map((n) => n.id)).toEqual(['a']);
      if (backend.name === 'sqlite') expect(fs.existsSync(url.slice('sqlite:'.length))).toBe(true);
    });

    it('warns, and goes on, when the database was migrated by a newer bot or an applied file was edited', async () => {
      await store.close();
      await backend.exec(
        url,
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'from_the_future', 'x', 0); " +
          "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1",
      );
      const warnings: string[] = [];
      const again = openStore({ warn: (message) => warnings.push(message) });
      await again.notes.create(draft('still-works'), { userId: 'U1' });
      expect(warnings).toEqual([
        expect.stringMatching(
          /^migration 1 \(initial\) was changed after .* applied it; changes go in a new migration file/,
        ),
        expect.stringMatching(
          new RegExp(
            `has schema version 999, newer than this bot's ${NEWEST_MIGRATION}: a newer version of the bot migrated it`,
          ),
        ),
      ]);
    });

    it('migrates once when several processes start on a new database at the same moment', async () => {
      const fresh = await backend.freshUrl();
      const results = await openFromProcessesAtOnce(fresh, 3);
      expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
      url = fresh;
      const after = openStore();
      await after.notes.create(draft('after-migration'), { userId: 'U1' });
      expect(await after.notes.revision()).toBe(1);
    });

    it('migrates once when several stores in one process open a new database together', async () => {
      url = await backend.freshUrl();
      const stores = [openStore(), openStore(), openStore()];
      await Promise.all(stores.map((s) => s.open()));
      await stores[0]!.gaps.record({ question: 'q', lang: 'en', outcome: 'not-answered', closest: [] });
      expect((await stores[2]!.gaps.top({ since: new Date(0) })).map((g) => g.count)).toEqual([1]);
    });
  });

  describe('feedback', () => {
    it('keeps one vote per user per answer; a second click changes it', async () => {
      await store.feedback.record({ answerId: 'C1:1.1', userId: 'U1', vote: 'up', noteId: 'docker-root-dir' });
      clock += 1000;
      await store.feedback.record({ answerId: 'C1:1.1', userId: 'U1', vote: 'down' });
      await store.feedback.record({ answerId: 'C1:1.1', userId: 'U2', vote: 'up' });
      await store.feedback.record({ answerId: 'C1:2.2', userId: 'U1', vote: 'up' });

      const votes = await store.feedback.forAnswer('C1:1.1');
      expect(votes.map((v) => [v.userId, v.vote])).toEqual([
        ['U1', 'down'],
        ['U2', 'up'],
      ]);
      expect(votes[0]).toMatchObject({
        noteId: 'docker-root-dir',
        firstVotedAt: new Date(START),
        votedAt: new Date(START + 1000),
      });
    });

    it('keeps "what was missing" while the vote stays 👎 and clears it with 👍', async () => {
      const vote = { answerId: 'C1:1.1', userId: 'U1' } as const;
      await store.feedback.record({ ...vote, vote: 'down' });
      await store.feedback.record({ ...vote, vote: 'down', missing: 'How to <@U9> move /var/lib/docker\nsafely' });
      await store.feedback.record({ ...vote, vote: 'down' });
      expect((await store.feedback.forAnswer('C1:1.1'))[0]?.missing).toBe('How to move /var/lib/docker safely');
      await store.feedback.record({ ...vote, vote: 'up', missing: 'ignored on a 👍' });
      expect((await store.feedback.forAnswer('C1:1.1'))[0]?.missing).toBeNull();
    });

    it('lists votes since a date, newest first, optionally only 👎', async () => {
      await store.feedback.record({ answerId: 'a', userId: 'U1', vote: 'down', question: '<@U0BOT> old question' });
      clock += DAY;
      await store.feedback.record({ answerId: 'b', userId: 'U1', vote: 'up' });
      clock += DAY;
      await store.feedback.record({ answerId: 'c', userId: 'U1', vote: 'down', question: 'new question' });

      const since = new Date(START + DAY);
      expect((await store.feedback.list({ since })).map((f) => f.answerId)).toEqual(['c', 'b']);
      expect((await store.feedback.list({ since: new Date(0), vote: 'down' })).map((f) => f.question)).toEqual([
        'new question',
        'old question',
      ]);
    });

    it('refuses a vote that is neither up nor down, with a StoreError that says so', async () => {
      const bad = { answerId: 'a', userId: 'U1', vote: 'maybe' as 'up' };
      await expect(store.feedback.record(bad)).rejects.toMatchObject({
        failure: 'rejected',
        retryable: false,
        message: expect.stringContaining('"up" or "down"'),
      });
    });
  });

  describe('gaps', () => {
    const gap = (question: string, extra: Partial<Parameters<Store['gaps']['record']>[0]> = {}) =>
      store.gaps.record({ question, lang: 'en', outcome: 'not-answered', closest: [], channelId: 'C1', ...extra });

    it('counts identical questions together after normalisation, most asked first', async () => {
      await gap('How do I change the Docker root dir?');
      clock += 1;
      await gap('how do i change the docker root dir');
      clock += 1;
      await gap('<@U0BOT>   HOW do I change the Docker-root dir??', { outcome: 'partial' });
      clock += 1;
      await gap('ｈｏｗ ｄｏ ｉ change the docker root dir', { outcome: 'voted-down' });
      clock += 1;
      await gap('도커 로그 위치?', { lang: 'ko', closest: [{ noteId: 'docker-logs', score: 0.41 }] });
      clock += 1;
      await gap('도커  로그 위치', { lang: 'ko', closest: [{ noteId: 'docker-logs', score: 0.42 }] });
      clock += 1;
      await gap('Something else entirely');

      const top = await store.gaps.top({ since: new Date(START) });
      expect(top.map((g) => [g.question, g.count])).toEqual([
        ['ｈｏｗ ｄｏ ｉ change the docker root dir', 4],
        ['도커 로그 위치', 2],
        ['Something else entirely', 1],
      ]);
      expect(top[0]).toMatchObject({
        questionKey: 'how do i change the docker root dir',
        outcomes: { 'not-answered': 2, partial: 1, 'voted-down': 1 },
        firstAskedAt: new Date(START),
        lastAskedAt: new Date(START + 3),
      });
      expect(top[1]).toMatchObject({ lang: 'ko', closest: [{ noteId: 'docker-logs', score: 0.42 }] });
    });

    it('counts only records asked since the date and honours the limit', async () => {
      await gap('old question');
      clock += 31 * DAY;
      await gap('recent question');
      await gap('recent question');
      await gap('another recent one');
      const since = new Date(clock - 30 * DAY);
      expect((await store.gaps.top({ since })).map((g) => g.question)).toEqual([
        'recent question',
        'another recent one',
      ]);
      expect((await store.gaps.top({ since, limit: 1 })).map((g) => g.question)).toEqual(['recent question']);
    });

    it('stores the question without user mentions, capped, and at most five closest notes', async () => {
      const closest = Array.from({ length: 8 }, (_, i) => ({ noteId: `n${i}`, score: 0.5 - i / 100 }));
      await gap(`<@U123|alice> <!subteam^S1|@ops> ${'왜'.repeat(400)}`, { closest });
      const [top] = await store.gaps.top({ since: new Date(0) });
      expect(top!.question).not.toContain('<@');
      expect(top!.question).not.toContain('subteam');
      expect(Array.from(top!.question)).toHaveLength(300);
      expect(top!.closest.map((c) => c.noteId)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    });

    it('refuses a question that is empty once its mentions are gone', async () => {
      await expect(gap('<@U0BOT>  ')).rejects.toMatchObject({ failure: 'rejected' });
      expect(await store.gaps.top({ since: new Date(0) })).toEqual([]);
    });
  });

  describe('saved notes', () => {
    it('creates, reads, updates and deletes a note, keeping who saved it, from where and when', async () => {
      const created = await store.notes.create(draft('docker-prune'), {
        userId: 'U1',
        channelId: 'C1',
        threadTs: '1700000000.000100',
      });
      expect(created).toMatchObject({ ok: true, note: { id: 'docker-prune', createdBy: 'U1', revision: 1 } });
      expect(await store.notes.get('docker-prune')).toEqual({
        ...draft('docker-prune'),
        createdBy: 'U1',
        createdAt: new Date(START),
        sourceChannelId: 'C1',
        sourceThreadTs: '1700000000.000100',
        updatedBy: 'U1',
        updatedAt: new Date(START),
        revision: 1,
      });

      clock += 5000;
      const updated = await store.notes.update({ ...draft('docker-prune', 'New body.'), tags: ['disk'] }, 'U2');
      expect(updated).toMatchObject({
        ok: true,
        note: { body: 'New body.', tags: ['disk'], createdBy: 'U1', updatedBy: 'U2', revision: 2 },
      });
      expect((await store.notes.get('docker-prune'))?.updatedAt).toEqual(new Date(START + 5000));

      expect(await store.notes.delete('docker-prune')).toBe(true);
      expect(await store.notes.get('docker-prune')).toBeUndefined();
      expect(await store.notes.delete('docker-prune')).toBe(false);
    });

    it('refuses to create an id that exists or to update one that does not, and leaves the revision alone', async () => {
      await store.notes.create(draft('a'), { userId: 'U1' });
      const revision = await store.notes.revision();
      expect(await store.notes.create(draft('a', 'other'), { userId: 'U2' })).toEqual({ ok: false, reason: 'exists' });
      expect(await store.notes.update(draft('missing'), 'U2')).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.notes.delete('missing')).toBe(false);
      expect(await store.notes.revision()).toBe(revision);
      expect((await store.notes.get('a'))?.body).toBe('Body of a.');
    });

    it('changes the revision with every write and lists notes by id', async () => {
      const revisions = [await store.notes.revision()];
      for (const id of ['b-2', 'a-1', 'b10']) {
        await store.notes.create(draft(id), { userId: 'U1' });
        revisions.push(await store.notes.revision());
      }
      await store.notes.update(draft('a-1', 'edited'), 'U1');
      revisions.push(await store.notes.revision());
      await store.notes.delete('b10');
      revisions.push(await store.notes.revision());
      expect(new Set(revisions).size).toBe(revisions.length);
      expect((await store.notes.list()).map((n) => n.id)).toEqual(['a-1', 'b-2']);
    });

    it('keeps any Unicode text, dropping only what neither database can hold (NUL, lone surrogates)', async () => {
      const body = '한글 ✓ emoji 🐳 `code` <script>&amp;\n\ttab';
      await store.notes.create(
        { ...draft('text'), body: `${body}\u0000`, aliases: ['bad \ud800 half'] },
        { userId: 'U1' },
      );
      const note = await store.notes.get('text');
      expect(note?.body).toBe(body);
      expect(note?.aliases).toEqual(['bad \ufffd half']);
    });
  });

  describe('rate limits and event claims', () => {
    it('allows `limit` uses per sliding window and then says how long to wait', async () => {
      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: true });
      clock += 10_000;
      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: true });
      clock += 10_000;
      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: false, retryAfterMs: 40_000 });
      expect(await store.rateLimits.take('U2', 2, 60_000)).toEqual({ ok: true });
      clock += 40_000;
      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: true });
      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: false, retryAfterMs: 10_000 });
    });

    it('gives an event to exactly one claimer until its claim expires', async () => {
      expect(await store.eventClaims.claim('Ev1', 60_000)).toBe(true);
      expect(await store.eventClaims.claim('Ev1', 60_000)).toBe(false);
      expect(await store.eventClaims.claim('Ev2', 60_000)).toBe(true);
      clock += 60_000;
      expect(await store.eventClaims.claim('Ev1', 60_000)).toBe(true);
    });

    it('remembers the threads the bot answered in, per channel, once each', async () => {
      expect(await store.botThreads.has('C1', '1700000000.000100')).toBe(false);
      await store.botThreads.remember('C1', '1700000000.000100');
      await store.botThreads.remember('C1', '1700000000.000100');
      expect(await store.botThreads.has('C1', '1700000000.000100')).toBe(true);
      expect(await store.botThreads.has('C2', '1700000000.000100')).toBe(false);
      expect(await store.botThreads.has('C1', '1700000000.000200')).toBe(false);
      await expect(store.botThreads.remember('', '1.2')).rejects.toMatchObject({ failure: 'rejected' });
    });
  });

  describe('two replicas on one database', () => {
    it('see each other’s notes, rate-limit counts and claims', async () => {
      const other = openStore();
      await store.botThreads.remember('C1', '1.1');
      expect(await other.botThreads.has('C1', '1.1')).toBe(true);
      await store.notes.create(draft('shared'), { userId: 'U1' });
      expect((await other.notes.get('shared'))?.title).toBe('shared 제목');

      expect(await store.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: true });
      expect(await other.rateLimits.take('U1', 2, 60_000)).toEqual({ ok: true });
      expect(await store.rateLimits.take('U1', 2, 60_000)).toMatchObject({ ok: false });

      expect(await other.eventClaims.claim('Ev-retried', 60_000)).toBe(true);
      expect(await store.eventClaims.claim('Ev-retried', 60_000)).toBe(false);
    });

    it('hand a claim and the last rate-limited use to one of many concurrent callers', async () => {
      const replicas = [store, openStore(), openStore()];
      const claims = await Promise.all(
        Array.from({ length: 24 }, (_, i) => replicas[i % 3]!.eventClaims.claim('Ev-burst', 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const takes = await Promise.all(
        Array.from({ length: 24 }, (_, i) => replicas[i % 3]!.rateLimits.take('U-burst', 4, 60_000)),
      );
      expect(takes.filter((t) => t.ok)).toHaveLength(4);
    });

    it('notice a note saved elsewhere on their next poll of the revision', async () => {
      const other = openStore();
      const seen: string[][] = [];
      const follower = followNoteChanges(other, {
        everyMs: 60_000,
        onChange: (notes) => seen.push(notes.map((n) => n.id)),
      });
      try {
        await follower.check();
        expect(await follower.check()).toBe(false);
        await store.notes.create(draft('from-slack'), { userId: 'U1' });
        expect(await follower.check()).toBe(true);
        expect(seen.at(-1)).toEqual(['from-slack']);
      } finally {
        follower.stop();
      }
    });
  });

  describe('restart and retention', () => {
    it('keeps everything across a restart', async () => {
      await store.feedback.record({ answerId: 'a', userId: 'U1', vote: 'down', missing: 'more detail' });
      await store.gaps.record({
        question: 'q?',
        lang: 'en',
        outcome: 'partial',
        closest: [{ noteId: 'n', score: 0.3 }],
      });
      await store.notes.create(draft('kept'), { userId: 'U1', channelId: 'C1', threadTs: '1.2' });
      await store.rateLimits.take('U1', 1, 60_000);
      await store.eventClaims.claim('Ev1', 60_000);
      const revision = await store.notes.revision();
      await store.close();

      const restarted = openStore();
      await restarted.open();
      expect(await restarted.feedback.forAnswer('a')).toMatchObject([{ vote: 'down', missing: 'more detail' }]);
      expect(await restarted.gaps.top({ since: new Date(0) })).toMatchObject([{ question: 'q?', count: 1 }]);
      expect(await restarted.notes.get('kept')).toMatchObject({ sourceChannelId: 'C1', sourceThreadTs: '1.2' });
      expect(await restarted.notes.revision()).toBe(revision);
      expect(await restarted.rateLimits.take('U1', 1, 60_000)).toMatchObject({ ok: false });
      expect(await restarted.eventClaims.claim('Ev1', 60_000)).toBe(false);
    });

    it('deletes feedback, gaps and bot threads older than the retention, and expired claims, but never notes', async () => {
      await store.feedback.record({ answerId: 'old', userId: 'U1', vote: 'up' });
      await store.gaps.record({ question: 'old gap', lang: 'en', outcome: 'not-answered', closest: [] });
      await store.notes.create(draft('old-note'), { userId: 'U1' });
      await store.eventClaims.claim('Ev-old', 60_000);
      await store.rateLimits.take('U1', 5, 60_000);
      await store.botThreads.remember('C1', 'old.1');
      clock += 89 * DAY;
      await store.feedback.record({ answerId: 'new', userId: 'U1', vote: 'up' });
      await store.botThreads.remember('C1', 'new.1');
      await store.gaps.record({ question: 'new gap', lang: 'en', outcome: 'not-answered', closest: [] });
      clock += 2 * DAY;

      const cutoff = new Date(clock - 90 * DAY);
      expect(await store.purge(cutoff)).toEqual({
        feedback: 1,
        gaps: 1,
        eventClaims: 1,
        rateLimitHits: 1,
        botThreads: 1,
      });
      expect(await store.purge(cutoff)).toEqual({
        feedback: 0,
        gaps: 0,
        eventClaims: 0,
        rateLimitHits: 0,
        botThreads: 0,
      });
      expect(await store.botThreads.has('C1', 'old.1')).toBe(false);
      expect(await store.botThreads.has('C1', 'new.1')).toBe(true);
      expect((await store.feedback.list({ since: new Date(0) })).map((f) => f.answerId)).toEqual(['new']);
      expect((await store.gaps.top({ since: new Date(0) })).map((g) => g.question)).toEqual(['new gap']);
      expect(await store.notes.get('old-note')).toBeDefined();
    });

    it('purges at start and then on a timer with the retention in days', async () => {
      await store.gaps.record({ question: 'old gap', lang: 'en', outcome: 'not-answered', closest: [] });
      clock += 91 * DAY;
      const purged = await new Promise((resolve, reject) => {
        const retention = startRetention(store, {
          retentionDays: 90,
          now,
          onPurged: (counts) => {
            retention.stop();
            resolve(counts);
          },
          onError: reject,
        });
      });
      expect(purged).toMatchObject({ gaps: 1 });
    });
  });

  it('fails with a StoreError naming the store once closed', async () => {
    await store.close();
    const error = await store.notes.list().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain('closed');
  });
});
