import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTE_LIMITS, type KnowledgeBase, type NoteContent } from '../../src/knowledge/index.ts';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import { createKnowledgeBase } from '../../src/knowledge/search.ts';
import { watchKnowledgeBase } from '../../src/knowledge/watch.ts';
import { createNoteBook, type NoteBook } from '../../src/notebook/index.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { tempFolders } from '../support/temp-folders.ts';

const temp = tempFolders('notebook-');
const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
  temp.removeAll();
});

function sqliteStore(): Store {
  const store = createStore(`sqlite:${path.join(temp.make(), 'bot.db')}`);
  opened.push(store);
  return store;
}

function notebook(folder: KnowledgeBase, store: Store, logger = recordingLogger(), everyMs = 50): NoteBook {
  const book = createNoteBook({ folder, store, limits: DEFAULT_NOTE_LIMITS, logger, everyMs });
  opened.push(book);
  return book;
}

const PRUNE: NoteContent = {
  id: 'builder-cache-prune',
  title: '빌드 캐시 정리',
  titleEn: 'Pruning the build cache',
  aliases: ['빌드 캐시가 디스크를 너무 많이 먹어요', 'builder cache too big'],
  tags: ['disk', 'build'],
  related: ['docker-root-dir'],
  body: '`docker builder prune` removes the build cache. Add `--all` to remove every unused layer.',
};
const ORIGIN = { userId: 'U0ALICE', channelId: 'C0OPS', threadTs: '1700000000.000100' };

describe('notes saved from Slack, laid over the folder', () => {
  it('a saved note is answered at once on the replica that saved it', async () => {
    const book = notebook(fixtureKnowledge(), sqliteStore());
    expect(book.kb.ask('빌드 캐시가 디스크를 너무 많이 먹어요').answered).toBe(false);
    const saved = await book.create(PRUNE, ORIGIN);
    expect(saved).toMatchObject({ ok: true, warnings: [] });
    const answer = book.kb.ask('빌드 캐시가 디스크를 너무 많이 먹어요');
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.entry.id).toBe('builder-cache-prune');
    expect(book.kb.byId('builder-cache-prune')?.related).toEqual(['docker-root-dir']);
    // The folder's notes are all still there.
    expect(book.kb.entries).toHaveLength(7);
    expect(book.kb.ask('컨테이너 삭제 순서?').matches[0]?.entry.id).toBe('deletion-order');
  });

  it('and by another replica sharing the store within its polling interval', async () => {
    const store = sqliteStore();
    const here = notebook(fixtureKnowledge(), store);
    const there = notebook(fixtureKnowledge(), createStore(`sqlite:${store.location}`));
    await there.refresh();
    await here.create(PRUNE, ORIGIN);
    await eventually(() => there.kb.ask('builder cache too big').answered || undefined);
    await here.delete(PRUNE.id);
    expect(here.kb.byId(PRUNE.id)).toBeUndefined();
    await eventually(() => (there.kb.byId(PRUNE.id) === undefined ? true : undefined));
  });

  it('an edit replaces the note served; the saver, thread and times are kept', async () => {
    const book = notebook(fixtureKnowledge(), sqliteStore());
    await book.create(PRUNE, ORIGIN);
    const edited = await book.update({ ...PRUNE, body: 'Use `docker buildx prune` with buildx.' }, 'U0BOB');
    expect(edited.ok).toBe(true);
    expect(book.kb.byId(PRUNE.id)?.body).toBe('Use `docker buildx prune` with buildx.');
    expect(book.saved(PRUNE.id)).toMatchObject({
      createdBy: 'U0ALICE',
      updatedBy: 'U0BOB',
      sourceChannelId: 'C0OPS',
      sourceThreadTs: '1700000000.000100',
    });
    expect(await book.update({ ...PRUNE, id: 'no-such-note' }, 'U0BOB')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('refuses an id the folder holds, saying which file, and a second note of one id', async () => {
    const book = notebook(fixtureKnowledge(), sqliteStore());
    expect(await book.create({ ...PRUNE, id: 'wsl' }, ORIGIN)).toEqual({
      ok: false,
      reason: 'in-folder',
      file: 'wsl.md',
    });
    await book.create(PRUNE, ORIGIN);
    expect(await book.create(PRUNE, ORIGIN)).toEqual({ ok: false, reason: 'exists' });
  });

  it('checks a note as the loader checks a file, with its messages, naming the field', async () => {
    const book = notebook(fixtureKnowledge(), sqliteStore());
    expect(book.check({ ...PRUNE, id: 'Build Cache' })).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'id',
      message: 'id "Build Cache" must be lowercase letters, digits and dashes',
    });
    expect(book.check({ ...PRUNE, title: '' })).toMatchObject({ field: 'title', message: 'title is missing' });
    expect(book.check({ ...PRUNE, body: '  \n ' })).toMatchObject({
      field: 'body',
      message: 'the body after the front-matter is empty',
    });
    // As for a file: an unknown related id is a warning and the link is not served.
    const linked = await book.create({ ...PRUNE, related: ['docker-root-dir', 'nowhere'] }, ORIGIN);
    expect(linked).toMatchObject({ ok: true, warnings: ['related: unknown id "nowhere"; link ignored'] });
    expect(book.kb.byId(PRUNE.id)?.related).toEqual(['docker-root-dir']);
  });

  it('applies the per-note size limit of files to the note as it would be written', () => {
    const limits = { ...DEFAULT_NOTE_LIMITS, maxNoteBytes: 200 };
    const book = createNoteBook({
      folder: fixtureKnowledge(),
      store: sqliteStore(),
      limits,
      logger: recordingLogger(),
    });
    opened.push(book);
    expect(book.check({ ...PRUNE, body: 'x'.repeat(300) })).toMatchObject({
      field: 'body',
      message: expect.stringMatching(
        /^the note is \d+ bytes, over the limit of 200 bytes per note \(KNOWLEDGE_MAX_NOTE_KB\)/,
      ),
    });
  });

  it('a file that later takes a saved note’s id wins, with one warning', async () => {
    const dir = temp.make({ 'a.md': '---\nid: a\ntitle: A\n---\nbody a\n' });
    const logger = recordingLogger();
    const live = watchKnowledgeBase(dir, { kb: createKnowledgeBase([]), ...loadKnowledgeDir(dir) }, logger, {
      debounceMs: 10,
    });
    opened.push(live);
    const book = notebook(live, sqliteStore(), logger);
    await book.create({ ...PRUNE, related: [] }, ORIGIN);
    expect(book.kb.byId(PRUNE.id)?.title).toBe('빌드 캐시 정리');
    fs.writeFileSync(path.join(dir, 'prune.md'), `---\nid: ${PRUNE.id}\ntitle: From the folder\n---\nfolder body\n`);
    await live.reload();
    expect(book.kb.byId(PRUNE.id)?.title).toBe('From the folder');
    expect(book.kb.entries.filter((e) => e.id === PRUNE.id)).toHaveLength(1);
    book.kb.ask('again'); // a second look does not warn again
    expect(logger.lines.filter((l) => l.includes("the folder's note is served"))).toEqual([
      `warn notes: saved note "${PRUNE.id}" has the id of prune.md in the notes folder; the folder's note is served`,
    ]);
    // The saved note is still kept (and can be deleted or exported); it is only not served.
    expect(book.saved(PRUNE.id)?.title).toBe('빌드 캐시 정리');
  });

  it('a store that cannot be read leaves the folder answering, said once', async () => {
    const logger = recordingLogger();
    const broken = {
      notes: {
        revision: () => Promise.reject(new Error('database is locked')),
      } as unknown as Store['notes'],
    };
    const book = createNoteBook({
      folder: fixtureKnowledge(),
      store: broken,
      limits: DEFAULT_NOTE_LIMITS,
      logger,
      everyMs: 20,
    });
    opened.push(book);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(book.kb.ask('컨테이너 삭제 순서?').answered).toBe(true);
    expect(logger.lines.filter((l) => l.startsWith('warn notes:'))).toEqual([
      "warn notes: cannot read the saved notes (database is locked); answering from the folder's notes and what was read before",
    ]);
  });

  it('the first read of the store is waited for, and then the saved notes answer', async () => {
    const store = sqliteStore();
    await notebook(fixtureKnowledge(), store, recordingLogger(), 60_000).create(PRUNE, ORIGIN);
    const logger = recordingLogger();
    const book = notebook(fixtureKnowledge(), store, logger, 60_000);
    expect(await book.firstRead(5000)).toBe(true);
    expect(book.kb.ask('builder cache too big').matches[0]?.entry.id).toBe(PRUNE.id);
    // Already read: at once, whatever the bound.
    expect(await book.firstRead(0)).toBe(true);
    expect(logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  it('a slow store is waited for no longer than the bound, said in one line, the folder answering', async () => {
    const logger = recordingLogger();
    const slow = { notes: { revision: () => new Promise<number>(() => {}) } as unknown as Store['notes'] };
    const book = createNoteBook({ folder: fixtureKnowledge(), store: slow, limits: DEFAULT_NOTE_LIMITS, logger });
    opened.push(book);
    const startedAt = Date.now();
    expect(await book.firstRead(100)).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(book.kb.ask('컨테이너 삭제 순서?').answered).toBe(true);
    expect(logger.lines).toEqual([
      "warn notes: the saved notes were not read within 100 ms; answering from the folder's notes until they are",
    ]);
  });

  it('a broken store ends the wait at once, with only the line any failed read gets', async () => {
    const logger = recordingLogger();
    const broken = {
      notes: { revision: () => Promise.reject(new Error('disk I/O error')) } as unknown as Store['notes'],
    };
    const book = createNoteBook({ folder: fixtureKnowledge(), store: broken, limits: DEFAULT_NOTE_LIMITS, logger });
    opened.push(book);
    const startedAt = Date.now();
    expect(await book.firstRead(5000)).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(logger.lines).toEqual([
      "warn notes: cannot read the saved notes (disk I/O error); answering from the folder's notes and what was read before",
    ]);
  });

  it('a read that ends after close reports nothing', async () => {
    const logger = recordingLogger();
    let fail: (err: Error) => void = () => {};
    const late = {
      notes: {
        revision: () => new Promise<number>((_, reject) => (fail = reject)),
      } as unknown as Store['notes'],
    };
    const book = createNoteBook({ folder: fixtureKnowledge(), store: late, limits: DEFAULT_NOTE_LIMITS, logger });
    book.close();
    fail(new Error('connection terminated'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logger.lines).toEqual([]);
  });
});
