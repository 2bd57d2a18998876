/**
 * A notes folder nobody reviews byte by byte (a checkout, a mounted volume): every shape that is
 * not a regular note inside the folder is skipped with a warning naming it, nothing blocks, nothing
 * reads without bound, and a file changed between two calls is caught. Real files, FIFOs, devices
 * and links in temp folders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { blockingFs, type FileSystem } from '../../src/knowledge/io.ts';
import { loadKnowledgeDir, loadKnowledgeDirAsync } from '../../src/knowledge/load.ts';
import { tempFolders } from '../support/temp-folders.ts';

const note = (id: string, body = 'Body text.') => `---\nid: ${id}\ntitle: ${id} title\n---\n# ${id}\n\n${body}\n`;
const isRoot = process.getuid?.() === 0;

const folders = tempFolders('kb-hostile-');
const tempDir = folders.make;
afterEach(folders.removeAll);

/**
 * The blocking loader in a child process, so that a loader that blocks on a FIFO or reads
 * /dev/zero fails this test (by timeout or crash) instead of hanging the test run.
 */
function loadInChild(dir: string, user?: { uid: number; gid: number }): { ids: string[]; warnings: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/print-notes.ts', dir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    ...user,
  });
  if (r.status !== 0) throw new Error(`loader child failed (${r.error?.message ?? r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A folder holding one good note and one of each hostile shape, and a note outside it. */
function hostileFolder(): string {
  const outside = tempDir({ 'leak.md': note('leak', 'a secret from outside the notes folder') });
  const dir = tempDir({ 'good.md': note('good'), 'folder.md/inner.md': note('inner') });
  execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
  fs.symlinkSync(path.join(outside, 'leak.md'), path.join(dir, 'outside.md'));
  fs.symlinkSync(outside, path.join(dir, 'outside-folder'));
  fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
  fs.symlinkSync('.', path.join(dir, 'again')); // a folder link back to the folder itself
  fs.symlinkSync('missing.md', path.join(dir, 'dangling.md'));
  // 300 MB that take no disk: a loader that reads before checking the size would still hold them in memory.
  fs.closeSync(fs.openSync(path.join(dir, 'huge.md'), 'w'));
  fs.truncateSync(path.join(dir, 'huge.md'), 300 * 1024 * 1024);
  return dir;
}

function hostileWarnings(dir: string): string[] {
  const outside = fs.realpathSync(path.join(dir, 'outside-folder'));
  return [
    'dangling.md: is a link to a file that does not exist; file skipped',
    'huge.md: is 300 MB, over the limit of 1 MB per note (KNOWLEDGE_MAX_NOTE_KB); split it or raise the limit; file skipped',
    'loop-a.md: is a symbolic link loop; file skipped',
    'loop-b.md: is a symbolic link loop; file skipped',
    `outside-folder: links to a folder outside the notes folder (${outside}); not followed`,
    `outside.md: links to a file outside the notes folder (${outside}/leak.md); file skipped`,
    'pipe.md: is a FIFO (named pipe), not a regular file; file skipped',
    'zero.md: links to a file outside the notes folder (/dev/zero); file skipped',
  ];
}

describe('a hostile notes folder', () => {
  it('loads only the regular notes inside it, naming every other file in a warning, without blocking', () => {
    const dir = hostileFolder();
    const { ids, warnings } = loadInChild(dir);
    expect(ids).toEqual(['inner', 'good']);
    expect([...warnings].sort()).toEqual(hostileWarnings(dir));
  });

  it('gives the same result when loaded without blocking the event loop (reloads)', async () => {
    const dir = hostileFolder();
    const { entries, warnings } = await loadKnowledgeDirAsync(dir);
    expect(entries.map((e) => e.id)).toEqual(['inner', 'good']);
    expect([...warnings].sort()).toEqual(hostileWarnings(dir));
  });

  it.skipIf(!isRoot)('skips a character device inside the folder without opening it', () => {
    const dir = tempDir({ 'good.md': note('good') });
    execFileSync('mknod', [path.join(dir, 'zero.md'), 'c', '1', '5']); // /dev/zero's numbers
    const { ids, warnings } = loadInChild(dir);
    expect(ids).toEqual(['good']);
    expect(warnings).toEqual(['zero.md: is a character device, not a regular file; file skipped']);
  });

  it('follows links that stay inside the folder (a Kubernetes ConfigMap), each real folder once', () => {
    const dir = tempDir({ '..2026_01_01_00_00_00.1/a.md': note('a'), 'real/b.md': note('b') });
    fs.symlinkSync('..2026_01_01_00_00_00.1', path.join(dir, '..data'));
    fs.symlinkSync('..data/a.md', path.join(dir, 'a.md'));
    fs.symlinkSync('real', path.join(dir, 'linked'));
    fs.symlinkSync('..', path.join(dir, 'real', 'up'));
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => [e.id, e.file])).toEqual([
      ['a', 'a.md'],
      ['b', path.join('linked', 'b.md')],
    ]);
    expect(warnings).toEqual([]);
  });

  it('skips a note it may not read, and a folder it may not list, and loads the rest', () => {
    const dir = tempDir({ 'good.md': note('good'), 'secret.md': note('secret'), 'closed/inner.md': note('inner') });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    // Root reads everything, so the loader runs as nobody there.
    const { ids, warnings } = loadInChild(dir, isRoot ? { uid: 65534, gid: 65534 } : undefined);
    expect(ids).toEqual(['good']);
    expect(warnings).toEqual([
      'closed: folder cannot be read (EACCES); its notes are skipped',
      'secret.md: cannot be read (EACCES); file skipped',
    ]);
  });
});

describe('size limits', () => {
  it('skips a note over the per-note limit and the notes past the total limit, in path order', () => {
    const dir = tempDir({
      'a.md': note('a'),
      'b.md': note('b', 'x'.repeat(300)),
      'c.md': note('c'),
      'd.md': note('d'),
    });
    const size = fs.statSync(path.join(dir, 'a.md')).size;
    const bSize = fs.statSync(path.join(dir, 'b.md')).size;
    const { entries, warnings } = loadKnowledgeDir(dir, { limits: { maxNoteBytes: 200, maxTotalBytes: 2 * size } });
    expect(entries.map((e) => e.id)).toEqual(['a', 'c']);
    expect(warnings).toEqual([
      `d.md: the notes reach the total limit of ${2 * size} bytes (KNOWLEDGE_MAX_TOTAL_MB) here; this file and the 0 after it are skipped`,
      `b.md: is ${bSize} bytes, over the limit of 200 bytes per note (KNOWLEDGE_MAX_NOTE_KB); split it or raise the limit; file skipped`,
    ]);
  });

  it('reads at most one byte past the limit of a note that grows while it is read', () => {
    const dir = tempDir({ 'a.md': note('a'), 'growing.md': note('growing') });
    const file = path.join(dir, 'growing.md');
    let largestRead = 0;
    const growing: FileSystem = {
      ...blockingFs,
      read(fd, buffer, offset, length, position) {
        if (position === 0) fs.appendFileSync(file, 'y'.repeat(10_000));
        largestRead = Math.max(largestRead, offset + length);
        return blockingFs.read(fd, buffer, offset, length, position);
      },
    };
    const { entries, warnings } = loadKnowledgeDir(
      dir,
      { limits: { maxNoteBytes: 1000, maxTotalBytes: 1e6 } },
      growing,
    );
    expect(entries.map((e) => e.id)).toEqual(['a']);
    expect(warnings).toEqual([
      'growing.md: grew past the limit of 1000 bytes per note (KNOWLEDGE_MAX_NOTE_KB) as it was read; file skipped',
    ]);
    expect(largestRead).toBe(1001);
  });
});

describe('a file replaced while it is read', () => {
  /** The real calls, with `swap` run once just before the given call reaches the given path. */
  function swapBefore(name: 'stat' | 'open', target: string, swap: () => void): FileSystem {
    let done = false;
    const swapOnce = (call: string, file: string) => {
      if (done || call !== name || file !== target) return;
      done = true;
      swap();
    };
    return {
      ...blockingFs,
      stat(file) {
        swapOnce('stat', file);
        return blockingFs.stat(file);
      },
      open(file, flags) {
        swapOnce('open', file);
        return blockingFs.open(file, flags);
      },
    };
  }

  const replaceWith = (file: string, make: (tmp: string) => void) => () => {
    const tmp = `${file}.swap`;
    make(tmp);
    fs.renameSync(tmp, file);
  };

  it('skips it when a FIFO, a link out of the folder or another file took its place', () => {
    const outside = tempDir({ 'leak.md': note('leak') });
    for (const make of [
      (tmp: string) => execFileSync('mkfifo', [tmp]),
      (tmp: string) => fs.symlinkSync(path.join(outside, 'leak.md'), tmp),
      (tmp: string) => fs.writeFileSync(tmp, note('other')),
    ]) {
      const dir = tempDir({ 'a.md': note('a'), 'x.md': note('x') });
      const file = path.join(dir, 'x.md');
      const { entries, warnings } = loadKnowledgeDir(dir, {}, swapBefore('open', file, replaceWith(file, make)));
      expect(entries.map((e) => e.id)).toEqual(['a']);
      expect(warnings).toEqual(['x.md: was replaced while it was being read; file skipped']);
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'skips it when a folder on its path became a link out of the folder after the path was checked',
    () => {
      const outside = tempDir();
      const dir = tempDir({ 'a.md': note('a'), 'sub/x.md': note('x') });
      // The same file seen through a link outside: only where it was opened tells the two apart.
      fs.linkSync(path.join(dir, 'sub', 'x.md'), path.join(outside, 'x.md'));
      const swap = () => {
        fs.renameSync(path.join(dir, 'sub'), path.join(dir, 'sub.old'));
        fs.symlinkSync(outside, path.join(dir, 'sub'));
      };
      const { entries, warnings } = loadKnowledgeDir(dir, {}, swapBefore('stat', path.join(dir, 'sub', 'x.md'), swap));
      expect(entries.map((e) => e.id)).toEqual(['a']);
      expect(warnings).toEqual([`${path.join('sub', 'x.md')}: was replaced while it was being read; file skipped`]);
    },
  );
});

describe('loading again', () => {
  it('serves the last good version of a note whose file turned bad, and drops a deleted one', () => {
    const dir = tempDir({ 'a.md': note('a', 'first version'), 'b.md': note('b') });
    const first = loadKnowledgeDir(dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '---\nid: a\ntitle: [unclosed\n---\nhalf written');
    const second = loadKnowledgeDir(dir, { previous: first.files });
    expect(second.entries.find((e) => e.id === 'a')?.body).toContain('first version');
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toMatch(
      /^a\.md: front-matter is not valid YAML at line 3, column 17 \(.*\); serving its last good version$/,
    );

    fs.rmSync(path.join(dir, 'a.md'));
    execFileSync('mkfifo', [path.join(dir, 'a.md')]);
    const third = loadKnowledgeDir(dir, { previous: second.files });
    expect(third.entries.find((e) => e.id === 'a')?.body).toContain('first version');
    expect(third.warnings).toEqual(['a.md: is a FIFO (named pipe), not a regular file; serving its last good version']);

    fs.rmSync(path.join(dir, 'a.md'));
    const fourth = loadKnowledgeDir(dir, { previous: third.files });
    expect(fourth.entries.map((e) => e.id)).toEqual(['b']);
    expect(fourth.warnings).toEqual([]);
  });

  it('serves the last good version of a note whose file became a link to nothing (a deploy half done)', () => {
    const dir = tempDir({ 'a.md': note('a', 'first version'), 'b.md': note('b') });
    const first = loadKnowledgeDir(dir);
    fs.rmSync(path.join(dir, 'a.md'));
    fs.symlinkSync('releases/next/a.md', path.join(dir, 'a.md'));
    const second = loadKnowledgeDir(dir, { previous: first.files });
    expect(second.entries.find((e) => e.id === 'a')?.body).toContain('first version');
    expect(second.warnings).toEqual(['a.md: is a link to a file that does not exist; serving its last good version']);
  });

  it('serves the note now in a valid file over the last good version of a bad file with its id', () => {
    const dir = tempDir({ 'a.md': note('moved', 'old place') });
    const first = loadKnowledgeDir(dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '---\nid: moved\ntitle: [half\n---\nbody');
    fs.writeFileSync(path.join(dir, 'b.md'), note('moved', 'new place'));
    const second = loadKnowledgeDir(dir, { previous: first.files });
    expect(second.entries.map((e) => [e.id, e.file])).toEqual([['moved', 'b.md']]);
    expect(second.warnings).toEqual([
      expect.stringMatching(
        /^a\.md: front-matter is not valid YAML .*; file skipped \(its last good version's id "moved" is in b\.md now\)$/,
      ),
    ]);
  });

  it('reads only the files that changed, and gives the very same entries for the others', () => {
    const dir = tempDir({ 'a.md': note('a', 'related: none'), 'b.md': note('b'), 'c.md': note('c') });
    fs.writeFileSync(path.join(dir, 'c.md'), '---\nid: c\ntitle: C\nrelated: [nowhere]\n---\nbody\n');
    const first = loadKnowledgeDir(dir);
    fs.writeFileSync(path.join(dir, 'b.md'), note('b', 'edited'));
    const opened: string[] = [];
    const counting: FileSystem = {
      ...blockingFs,
      open(file, flags) {
        opened.push(file);
        return blockingFs.open(file, flags);
      },
    };
    const second = loadKnowledgeDir(dir, { previous: first.files }, counting);
    expect(opened).toEqual([path.join(dir, 'b.md')]);
    expect(second.entries[0]).toBe(first.entries[0]);
    expect(second.entries[1]).not.toBe(first.entries[1]);
    // c's unknown related id is dropped in a copy; the copy is reused too.
    expect(second.entries[2]).toBe(first.entries[2]);
    expect(second.entries[2]?.related).toEqual([]);
  });
});

describe('what the warnings say', () => {
  it('shows control, ANSI and bidi characters of a file name as escapes, so a name cannot forge a log line', () => {
    const dir = tempDir({ 'good.md': note('good'), 'x\n[INFO] fake line\u001b[2J\u202e.md': 'no front-matter' });
    const { warnings } = loadKnowledgeDir(dir);
    expect(warnings).toEqual([
      'x\\n[INFO] fake line\\x1b[2J\\u202e.md: no front-matter (the file must start with a --- line, then id and title, then another --- line); file skipped',
    ]);
  });

  it('names a file whose name is not UTF-8 (it cannot be opened by its name), and keeps a deep path’s end', () => {
    const dir = tempDir({ 'good.md': note('good') });
    fs.writeFileSync(
      Buffer.concat([Buffer.from(dir), Buffer.from([0x2f, 0xb5, 0xb5, 0x2e, 0x6d, 0x64])]),
      note('euckr'),
    );
    const deep = `${'folder-'.repeat(6)}/`.repeat(4);
    fs.mkdirSync(path.join(dir, deep), { recursive: true });
    fs.writeFileSync(path.join(dir, deep, 'deep-note.md'), 'no front-matter');
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => e.id)).toEqual(['good']);
    expect(warnings).toEqual([
      '\ufffd\ufffd.md: its name is not UTF-8 text, so it cannot be opened; rename it',
      expect.stringMatching(/^…[-/a-z]+\/deep-note\.md: no front-matter .*; file skipped$/),
    ]);
  });

  it('names a few unknown related ids and counts the rest, in one bounded line', () => {
    const related = Array.from({ length: 150 }, (_, i) => `missing-${i}`).join(', ');
    const dir = tempDir({ 'a.md': `---\nid: a\ntitle: A\nrelated: [${related}]\n---\nbody\n` });
    expect(loadKnowledgeDir(dir).warnings).toEqual([
      'a.md: related: unknown id "missing-0", "missing-1", "missing-2", "missing-3", "missing-4" and 145 more; link ignored',
    ]);
  });

  it('names five problems of a folder with no valid note and counts the rest', () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`bad-${String(i).padStart(2, '0')}.md`, 'x']),
    );
    const dir = tempDir(files);
    expect(() => loadKnowledgeDir(dir)).toThrow(
      /bad-04\.md: no front-matter .*file skipped \(and 7 more problems\) Add notes there/,
    );
  });

  it('says when only the start of a long body is searched', () => {
    const dir = tempDir({ 'long.md': note('long', `${'filler words here\n'.repeat(2000)}needle-at-the-end`) });
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(warnings).toEqual([
      `long.md: the body is ${entries[0]!.body.length.toLocaleString('en')} characters; only its first 32,768 are searched (split it into notes of one topic each)`,
    ]);
  });
});

describe('links inside the folder', () => {
  it('reads a link to a note in the folder as that note, not as a second note with its id', () => {
    const dir = tempDir({ 'z-real.md': note('real') });
    fs.symlinkSync('z-real.md', path.join(dir, 'a-link.md'));
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => [e.id, e.file])).toEqual([['real', 'z-real.md']]);
    expect(warnings).toEqual([]);
  });
});
