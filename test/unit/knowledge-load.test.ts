import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import { tempFolders } from '../support/temp-folders.ts';

const folders = tempFolders('kb-');
const dirWith = folders.make;
afterEach(folders.removeAll);

const note = (front: string, body = '# Title\n\nBody text.') => `---\n${front}\n---\n${body}\n`;

describe('loadKnowledgeDir', () => {
  it('loads every bundled note with no warning', () => {
    const { entries, warnings } = loadKnowledgeDir(BUNDLED_KNOWLEDGE_DIR);
    expect(warnings).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const e of entries) {
      expect(e.file).toBe(`${e.id}.md`);
      expect(e.aliases.length).toBeGreaterThan(0);
    }
  });

  it('reads fields, subfolders and defaults', () => {
    const dir = dirWith({
      'a.md': note('id: a\ntitle: 가\ntitle_en: A\naliases: [x, "y: z"]\ntags: [t]\nrelated: [b]'),
      'sub/b.md': note('id: b\ntitle: 나'),
      'notes.txt': 'ignored',
    });
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(warnings).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries[0]).toMatchObject({
      title: '가',
      titleEn: 'A',
      aliases: ['x', 'y: z'],
      tags: ['t'],
      related: ['b'],
      body: '# Title\n\nBody text.',
    });
    expect(entries[1]).toMatchObject({ titleEn: '나', aliases: [], related: [], file: path.join('sub', 'b.md') });
  });

  it('skips bad files with a warning naming the file and the field, and loads the rest', () => {
    const dir = dirWith({
      'good.md': note('id: good\ntitle: Good\nrelated: [missing, dup]'),
      'dup.md': note('id: dup\ntitle: First'),
      'dup2.md': note('id: dup\ntitle: Second'),
      'no-title.md': note('id: nt'),
      'yaml.md': note('id: y\ntitle: [unclosed'),
      'no-front.md': '# Just text\n',
      'bad-id.md': note('id: Bad Id\ntitle: X'),
      'list.md': note('id: l\ntitle: L\naliases: [{a: 1}]'),
    });
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => e.id).sort()).toEqual(['dup', 'good']);
    expect(entries.find((e) => e.id === 'dup')?.title).toBe('First');
    expect(entries.find((e) => e.id === 'good')?.related).toEqual(['dup']);
    const text = warnings.join('\n');
    expect(text).toContain('dup2.md: id "dup" is already used by dup.md');
    expect(text).toContain('no-title.md: title is missing');
    expect(text).toMatch(/yaml\.md: front-matter is not valid YAML/);
    expect(text).toContain('no-front.md: no front-matter');
    expect(text).toContain('bad-id.md: id "Bad Id"');
    expect(text).toContain('list.md: aliases[0] must be text');
    expect(text).toContain('good.md: related: unknown id "missing"');
    expect(warnings).toHaveLength(7);
  });

  it('fails clearly on a missing, empty or all-bad folder', () => {
    expect(() => loadKnowledgeDir('/nonexistent/kb')).toThrow(UserError);
    expect(() => loadKnowledgeDir('/nonexistent/kb')).toThrow(/does not exist.*KNOWLEDGE_DIR/);
    expect(() => loadKnowledgeDir(dirWith({}))).toThrow(/has no \.md files/);
    expect(() => loadKnowledgeDir(dirWith({ 'x.md': 'no front matter' }))).toThrow(/has no valid \.md files.*x\.md/);
  });
});

describe('files that cannot be read', () => {
  it('skips a dangling link with a warning, ignores dot folders, walks folders named like notes', () => {
    const dir = dirWith({
      'good.md': note('id: good\ntitle: Good'),
      '.obsidian/hidden.md': note('id: hidden\ntitle: Hidden'),
      'folder.md/inner.md': note('id: inner\ntitle: Inner'),
    });
    fs.symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => e.id).sort()).toEqual(['good', 'inner']);
    expect(warnings).toEqual(['dangling.md: is a link to a file that does not exist; file skipped']);
  });
});
