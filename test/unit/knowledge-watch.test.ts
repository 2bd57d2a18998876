/**
 * Following a notes folder with real files: every way editors, deploy scripts, git and Kubernetes
 * change a folder, each followed to the answer served. The rescan is an hour unless a test is about
 * it, so what is seen here is seen through file events.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { type LiveKnowledgeBase, type WatchOptions, watchKnowledgeBase } from '../../src/knowledge/watch.ts';
import { eventually } from '../support/eventually.ts';
import { recordingLogger } from '../support/logger.ts';
import { tempFolders } from '../support/temp-folders.ts';

const note = (id: string, body: string, title = id) => `---\nid: ${id}\ntitle: ${title}\n---\n# ${title}\n\n${body}\n`;
const HOUR = 3_600_000;

let live: LiveKnowledgeBase | undefined;
const folders = tempFolders('kb-watch-');
const tempDir = () => folders.make();
afterEach(() => {
  live?.close();
  live = undefined;
  folders.removeAll();
});

/** Follows `dir` (which must hold a valid note), collecting the log lines (`<level> <message>`). */
function follow(dir: string, options: WatchOptions = {}): { kb: LiveKnowledgeBase; lines: string[] } {
  const { lines, ...logger } = recordingLogger();
  live = watchKnowledgeBase(dir, loadKnowledgeBase(dir), logger, {
    debounceMs: 50,
    rescanMs: HOUR,
    ...options,
  });
  return { kb: live, lines };
}

/** Replaces a file the way sed -i, vim and deploy scripts do: a new file renamed over it. */
function replaceByRename(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp~`, text);
  fs.renameSync(`${file}.tmp~`, file);
}

const bodyOf = (kb: LiveKnowledgeBase, id: string) => kb.byId(id)?.body ?? '';

describe('watchKnowledgeBase', () => {
  it('answers from a note added or edited while running, and keeps the notes when a change breaks them', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', 'Docker Swarm은 오케스트레이션 도구', '도커 스웜'));
    const { kb, lines } = follow(dir);

    fs.writeFileSync(path.join(dir, 'wsl.md'), note('wsl', 'windows subsystem for linux', 'WSL'));
    await eventually(() => kb.byId('wsl') !== undefined, { what: 'wsl added' });
    expect(kb.ask('wsl').matches[0]?.entry.id).toBe('wsl');

    fs.writeFileSync(path.join(dir, 'broken.md'), '---\nid: broken\n---\nno title\n');
    await eventually(() => lines.some((l) => l.includes('broken.md: title is missing')), { what: 'warning' });
    expect(kb.entries.map((e) => e.id).sort()).toEqual(['swarm', 'wsl']);

    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    await eventually(() => lines.some((l) => l.startsWith('warn knowledge: kept the previous 2 notes')), {
      what: 'kept',
    });
    expect(kb.byId('swarm')).toBeDefined();
  });

  it('logs a bad file once, not again at every later reload, and counts the problems that remain', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', 'Docker Swarm'));
    const { kb, lines } = follow(dir);
    fs.writeFileSync(path.join(dir, 'broken.md'), '---\nid: broken\n---\nno title\n');
    await eventually(() => lines.some((l) => l.includes('broken.md: title is missing')), { what: 'warning' });
    fs.writeFileSync(path.join(dir, 'wsl.md'), note('wsl', 'windows subsystem for linux'));
    await eventually(() => kb.byId('wsl') !== undefined, { what: 'wsl added' });
    expect(lines.filter((l) => l.includes('broken.md: title is missing'))).toHaveLength(1);
    expect(lines).toContain(`info knowledge: reloaded 2 notes from ${dir} (1 problem logged before remains)`);
  });

  it('tells onReload of each reload served and each that failed (for the note reload metrics)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', 'Docker Swarm'));
    const reloads: boolean[] = [];
    const { kb } = follow(dir, { onReload: (ok) => reloads.push(ok) });
    fs.writeFileSync(path.join(dir, 'wsl.md'), note('wsl', 'windows subsystem for linux'));
    await eventually(() => kb.byId('wsl') !== undefined, { what: 'wsl added' });
    expect(reloads).toEqual([true]);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    await eventually(() => reloads.includes(false), { what: 'a failed reload' });
    expect(kb.entries).toHaveLength(2);
  });

  it('keeps following a note replaced by rename, then edited in place, again and again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, note('a', 'version 0'));
    const { kb } = follow(dir);
    for (let i = 1; i <= 3; i++) {
      replaceByRename(file, note('a', `renamed ${i}`));
      await eventually(() => bodyOf(kb, 'a').includes(`renamed ${i}`), { what: `rename ${i}` });
      fs.appendFileSync(file, `appended ${i}\n`);
      await eventually(() => bodyOf(kb, 'a').includes(`appended ${i}`), { what: `append ${i}` });
    }
  });

  it('loads a note moved in from elsewhere and a new subfolder, and drops a deleted one', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), note('a', 'stays'));
    const { kb } = follow(dir);

    fs.writeFileSync(path.join(elsewhere, 'b.md'), note('b', 'moved in'));
    fs.renameSync(path.join(elsewhere, 'b.md'), path.join(dir, 'b.md'));
    await eventually(() => kb.byId('b') !== undefined, { what: 'b moved in' });

    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'c.md'), note('c', 'in a new folder'));
    await eventually(() => kb.byId('c') !== undefined, { what: 'c in a new folder' });
    fs.appendFileSync(path.join(dir, 'sub', 'deeper', 'c.md'), 'edited\n');
    await eventually(() => bodyOf(kb, 'c').includes('edited'), { what: 'c edited' });

    fs.rmSync(path.join(dir, 'b.md'));
    await eventually(() => kb.byId('b') === undefined, { what: 'b deleted' });
    expect(kb.byId('a')).toBeDefined();
  });

  it('follows a folder given as a link to it (KNOWLEDGE_DIR=/etc/bot/notes → /srv/notes)', async () => {
    const real = tempDir();
    fs.writeFileSync(path.join(real, 'a.md'), note('a', 'before'));
    const link = path.join(tempDir(), 'notes');
    fs.symlinkSync(real, link);
    const { kb } = follow(link);
    fs.appendFileSync(path.join(real, 'a.md'), 'edited\n');
    await eventually(() => bodyOf(kb, 'a').includes('edited'), { what: 'edit' });
    fs.mkdirSync(path.join(real, 'sub'));
    fs.writeFileSync(path.join(real, 'sub', 'b.md'), note('b', 'added'));
    await eventually(() => kb.byId('b') !== undefined, { what: 'added' });
  });

  it('follows the new folder when that link is pointed elsewhere (seen by the rescan)', async () => {
    const first = tempDir();
    const second = tempDir();
    fs.writeFileSync(path.join(first, 'a.md'), note('a', 'release 1'));
    fs.writeFileSync(path.join(second, 'a.md'), note('a', 'release 2'));
    const link = path.join(tempDir(), 'current');
    fs.symlinkSync(first, link);
    const { kb, lines } = follow(link, { rescanMs: 200 });
    fs.symlinkSync(second, `${link}.new`);
    fs.renameSync(`${link}.new`, link);
    await eventually(() => bodyOf(kb, 'a').includes('release 2'), { what: 'release 2' });
    expect(lines[0]).toBe(`info knowledge: ${link} was replaced; following the new folder`);
  });

  it('says when the folder is removed and when it is back, and follows it again', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), note('a', 'first folder'));
    const { kb, lines } = follow(dir);
    for (let round = 1; round <= 2; round++) {
      fs.rmSync(dir, { recursive: true });
      await eventually(() => lines.filter((l) => l.includes('is gone')).length === round, { what: `gone ${round}` });
      expect(bodyOf(kb, 'a')).toBeTruthy();

      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'a.md'), note('a', `folder ${round + 1}`));
      await eventually(() => bodyOf(kb, 'a').includes(`folder ${round + 1}`), { what: `back ${round}` });
      expect(lines.filter((l) => l.includes('is back; following')).length).toBe(round);
      // Followed again: an edit in the new folder is seen.
      fs.appendFileSync(path.join(dir, 'a.md'), `edited ${round}\n`);
      await eventually(() => bodyOf(kb, 'a').includes(`edited ${round}`), { what: `edit after return ${round}` });
    }
    expect(lines.find((l) => l.includes('is gone'))).toBe(
      `warn knowledge: ${dir} is gone; answering from the previous 1 notes until it is back`,
    );
    expect(lines.find((l) => l.includes('is back; following'))).toBe(
      `info knowledge: ${dir} is back; following it again`,
    );
  });

  it('follows a Kubernetes ConfigMap update (a new ..timestamp folder and a swapped ..data link)', async () => {
    const dir = tempDir();
    /** What kubelet's atomic writer does: write the new version beside the old, then swap one link. */
    const publish = (version: string, files: Record<string, string>, previous?: string) => {
      fs.mkdirSync(path.join(dir, version));
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, version, name), text);
      fs.symlinkSync(version, path.join(dir, '..data_tmp'));
      fs.renameSync(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
      for (const name of Object.keys(files)) {
        if (!fs.existsSync(path.join(dir, name))) fs.symlinkSync(path.join('..data', name), path.join(dir, name));
      }
      for (const name of fs.readdirSync(dir)) {
        if (!name.startsWith('.') && !(name in files)) fs.rmSync(path.join(dir, name));
      }
      if (previous) fs.rmSync(path.join(dir, previous), { recursive: true });
    };
    publish('..2026_01_01_00_00_00.1', { 'a.md': note('a', 'config v1') });
    const { kb } = follow(dir);

    publish(
      '..2026_01_01_00_01_00.2',
      { 'a.md': note('a', 'config v2'), 'b.md': note('b', 'new key') },
      '..2026_01_01_00_00_00.1',
    );
    await eventually(() => bodyOf(kb, 'a').includes('config v2') && kb.byId('b') !== undefined, { what: 'v2' });

    publish('..2026_01_01_00_02_00.3', { 'a.md': note('a', 'config v3') }, '..2026_01_01_00_01_00.2');
    await eventually(() => bodyOf(kb, 'a').includes('config v3') && kb.byId('b') === undefined, { what: 'v3' });
  });

  it('serves the last good version of a note while its file is invalid, naming the file and field', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, note('a', 'good version'));
    fs.writeFileSync(path.join(dir, 'b.md'), note('b', 'other'));
    const { kb, lines } = follow(dir);

    fs.writeFileSync(file, '---\nid: a\n---\n'); // the first of two writes
    await eventually(() => lines.some((l) => l.includes('a.md: title is missing; serving its last good version')), {
      what: 'warning',
    });
    expect(bodyOf(kb, 'a')).toContain('good version');

    fs.writeFileSync(file, note('a', 'next version'));
    await eventually(() => bodyOf(kb, 'a').includes('next version'), { what: 'fixed' });
    fs.rmSync(file);
    await eventually(() => kb.byId('a') === undefined, { what: 'deleted' });
  });

  it('builds once more when a change arrives while a build runs', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), note('a', 'first'));
    const logger = recordingLogger();
    const { lines } = logger;
    let changeDuringBuild = (): void => {};
    const info = logger.info;
    logger.info = (...msg) => {
      info(...msg);
      changeDuringBuild();
    };
    live = watchKnowledgeBase(dir, loadKnowledgeBase(dir), logger, { debounceMs: HOUR, rescanMs: HOUR });
    const kb = live;
    fs.writeFileSync(path.join(dir, 'b.md'), note('b', 'second'));
    // While the build that loads b reports (it has read the folder already), c arrives and is asked for.
    let during: Promise<void> | undefined;
    changeDuringBuild = () => {
      changeDuringBuild = () => {};
      fs.writeFileSync(path.join(dir, 'c.md'), note('c', 'third'));
      during = kb.reload();
    };
    await kb.reload();
    expect(during).toBeDefined();
    await during;
    expect(kb.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(lines.filter((l) => l.startsWith('info knowledge: reloaded'))).toEqual([
      `info knowledge: reloaded 2 notes from ${dir}`,
      `info knowledge: reloaded 3 notes from ${dir}`,
    ]);
  });

  it('picks up, by its rescan, a change no file event reports', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.store'));
    fs.writeFileSync(path.join(dir, '.store', 'a.md'), note('a', 'before'));
    fs.symlinkSync(path.join('.store', 'a.md'), path.join(dir, 'a.md'));
    // The watcher leaves the insides of dot folders alone; only reading the folder again sees this edit.
    const { kb } = follow(dir, { rescanMs: 200 });
    fs.appendFileSync(path.join(dir, '.store', 'a.md'), 'after\n');
    await eventually(() => bodyOf(kb, 'a').includes('after'), { what: 'rescan' });
  });

  it('keeps answering while hostile files appear, and loads the good ones beside them', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), note('a', 'stays'));
    const { kb, lines } = follow(dir);
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    fs.writeFileSync(path.join(dir, 'b.md'), note('b', 'beside them'));
    await eventually(() => kb.byId('b') !== undefined, { what: 'b' });
    expect(kb.ask('stays').matches[0]?.entry.id).toBe('a');
    expect(lines).toContain('warn knowledge: pipe.md: is a FIFO (named pipe), not a regular file; file skipped');
    expect(lines).toContain(
      'warn knowledge: zero.md: links to a file outside the notes folder (/dev/zero); file skipped',
    );
  });

  it('stops following when closed', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), note('a', 'before'));
    const { kb, lines } = follow(dir);
    kb.close();
    fs.writeFileSync(path.join(dir, 'b.md'), note('b', 'after close'));
    await kb.reload();
    expect(kb.byId('b')).toBeUndefined();
    expect(lines).toEqual([]);
  });
});
