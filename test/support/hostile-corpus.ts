/**
 * The hostile corpus in test/fixtures/hostile: note cases laid out as real files in a folder next to
 * two good notes, and messages as strings. For the tests and for a first-sight measuring script.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

type Part = string | { repeat: string; times: number } | { hex: string } | { utf16le: string } | { utf16be: string };

interface FileSpec {
  name: string | { repeat: string; times: number };
  suffix?: string;
  content?: Part[];
  symlink?: string;
  dir?: boolean;
  fifo?: boolean;
  mode?: number;
  deepDir?: number;
  bulk?: number;
}

export interface NoteCase {
  id: string;
  expect: 'load' | 'reject' | 'any';
  /** The front-matter field a rejection should name. */
  field?: string;
  files: FileSpec[];
}

export interface MessageCase {
  id: string;
  text: Part[];
}

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/hostile');
export const noteCases: NoteCase[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'notes.json'), 'utf8')).cases;
export const messageCases: MessageCase[] = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'messages.json'), 'utf8'),
).cases;

/** The two notes every case's folder also holds; they must load whatever the case does. */
export const GOOD_IDS = ['good-a', 'good-b'] as const;
const goodNote = (id: string) =>
  `---\nid: ${id}\ntitle: ${id} title\naliases: [${id} alias]\nrelated: [${GOOD_IDS.find((g) => g !== id)}]\n---\n# ${id}\n\nThe ${id} body.\n`;

export function bytesOf(parts: Part[]): Buffer {
  return Buffer.concat(
    parts.map((p) => {
      if (typeof p === 'string') return Buffer.from(p, 'utf8');
      if ('repeat' in p) return Buffer.from(p.repeat.repeat(p.times), 'utf8');
      if ('hex' in p) return Buffer.from(p.hex, 'hex');
      if ('utf16le' in p) return Buffer.from(p.utf16le, 'utf16le');
      return Buffer.from(p.utf16be, 'utf16le').swap16();
    }),
  );
}

export const textOf = (parts: Part[]) =>
  parts.map((p) => (typeof p === 'string' ? p : 'repeat' in p ? p.repeat.repeat(p.times) : '')).join('');

const nameOf = (f: FileSpec) =>
  (typeof f.name === 'string' ? f.name : f.name.repeat.repeat(f.name.times)) + (f.suffix ?? '');

/**
 * Lays a case out in `root`: `root/notes` (the good notes and the case's files) and `root/outside`
 * (a note a link may point at). Returns the notes folder and the names the case's files have in it.
 */
export function layOut(c: NoteCase, root: string): { dir: string; names: string[] } {
  const dir = path.join(root, 'notes');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'outside-note.md'), goodNote('outside-note'));
  for (const id of GOOD_IDS) fs.writeFileSync(path.join(dir, `${id}.md`), goodNote(id));
  const names: string[] = [];
  for (const f of c.files) {
    const name = nameOf(f);
    const at = path.join(dir, name);
    names.push(name);
    if (f.symlink !== undefined) {
      fs.symlinkSync(f.symlink.replace(/^@outside\//, `${outside}/`), at);
    } else if (f.dir) {
      fs.mkdirSync(at);
    } else if (f.fifo) {
      execFileSync('mkfifo', [at]);
    } else if (f.deepDir) {
      const deep = path.join(at, ...Array.from({ length: f.deepDir }, () => 'd'));
      fs.mkdirSync(deep, { recursive: true });
      fs.writeFileSync(path.join(deep, 'deep.md'), bytesOf(f.content ?? []));
    } else if (f.bulk) {
      fs.mkdirSync(at);
      const template = bytesOf(f.content ?? []).toString('utf8');
      for (let i = 0; i < f.bulk; i++)
        fs.writeFileSync(path.join(at, `n${i}.md`), template.replaceAll('{i}', String(i)));
    } else {
      fs.writeFileSync(at, bytesOf(f.content ?? []));
      if (f.mode !== undefined) fs.chmodSync(at, f.mode);
    }
  }
  return { dir, names };
}
