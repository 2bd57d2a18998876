import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliDeps, runCli } from '../../src/cli/index.ts';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import { createStore, type NoteDraft, type Store } from '../../src/store/index.ts';
import { captureIo } from '../support/io.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { tempFolders } from '../support/temp-folders.ts';

const temp = tempFolders('cli-notes-');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  temp.removeAll();
});

/** Notes that test the file form: quotes, colons, a leading dash, '---' in the body, Korean, a lone number. */
const NOTES: NoteDraft[] = [
  {
    id: 'builder-cache-prune',
    title: '빌드 캐시 정리: "prune"',
    titleEn: 'Pruning the build cache',
    aliases: ['- starts with a dash', 'colon: inside', "it's 40 GB", '#not a comment', '42'],
    tags: ['disk', 'build'],
    related: ['docker-root-dir'],
    body: 'Run `docker builder prune`.\n\n---\n\nA rule above, and YAML-looking text:\nid: not-this\n',
  },
  { id: 'short', title: 'Short', titleEn: 'Short', aliases: [], tags: [], related: [], body: 'Just a line.' },
];

async function storeWithNotes(): Promise<Store> {
  const store = createStore(`sqlite:${path.join(temp.make(), 'bot.db')}`);
  stores.push(store);
  for (const note of NOTES) await store.notes.create(note, { userId: 'U0ALICE', channelId: 'C0OPS', threadTs: '1.2' });
  return store;
}

async function cli(args: string[], store: Store) {
  const { io, written } = captureIo('');
  const deps: CliDeps = {
    lang: () => 'en',
    knowledge: () => fixtureKnowledge(),
    docker: () => {
      throw new Error('no Docker here');
    },
    logger: recordingLogger(),
    store: () => store,
  };
  const code = await runCli(args, io, deps);
  return { code, ...written };
}

describe('cli notes export', () => {
  it('writes each saved note as a file the loader reads back to the same note', async () => {
    const store = await storeWithNotes();
    const dir = path.join(temp.make(), 'knowledge');
    const r = await cli(['notes', 'export', '--dir', dir], store);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote 2 note files to ${dir}.\n`);
    const loaded = loadKnowledgeDir(dir);
    expect(loaded.warnings).toEqual(['builder-cache-prune.md: related: unknown id "docker-root-dir"; link ignored']);
    const [prune, short] = NOTES as [NoteDraft, NoteDraft];
    expect(loaded.entries).toEqual([
      { ...prune, body: prune.body.trim(), related: [], file: 'builder-cache-prune.md' },
      { ...short, file: 'short.md' },
    ]);
    expect(fs.readFileSync(path.join(dir, 'short.md'), 'utf8')).toMatch(
      /^---\n# Saved from Slack by U0ALICE \d{4}-\d\d-\d\dT[\d:.]+Z from C0OPS\/1\.2\nid: short\ntitle: Short\n---\n\nJust a line\.\n$/,
    );
  });

  it('never replaces a file silently: one that differs is named and kept, unless --overwrite', async () => {
    const store = await storeWithNotes();
    const dir = temp.make({ 'short.md': '---\nid: short\ntitle: Edited by hand\n---\nmine\n' });
    const r = await cli(['notes', 'export', '--dir', dir], store);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${path.join(dir, 'short.md')} exists and differs from the saved note: left as it is (--overwrite replaces it).\n`,
    );
    expect(r.stdout).toBe(`Wrote 1 note file to ${dir}, 1 skipped (see above).\n`);
    expect(fs.readFileSync(path.join(dir, 'short.md'), 'utf8')).toContain('Edited by hand');
    const again = await cli(['notes', 'export', '--dir', dir, '--overwrite'], store);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Wrote 1 note file to ${dir}, 1 already up to date.\n`);
    expect(fs.readFileSync(path.join(dir, 'short.md'), 'utf8')).toContain('Just a line.');
  });

  it('does not write a note whose id another file of the folder has', async () => {
    const store = await storeWithNotes();
    const dir = temp.make({ 'mine.md': '---\nid: short\ntitle: Mine\n---\nmine\n' });
    const r = await cli(['notes', 'export', '--dir', dir], store);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('"short" is already the id of mine.md in that folder: not written.\n');
    expect(fs.existsSync(path.join(dir, 'short.md'))).toBe(false);
  });

  it('lists the saved notes, and says how to use it when misused', async () => {
    const store = await storeWithNotes();
    const list = await cli(['notes', 'list', '--json'], store);
    expect(JSON.parse(list.stdout).map((n: { id: string }) => n.id)).toEqual(['builder-cache-prune', 'short']);
    for (const args of [['notes'], ['notes', 'export'], ['notes', 'export', '--dir', 'x', '--force']]) {
      const r = await cli(args, store);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('cli notes export --dir <folder>');
    }
  });
});
