/**
 * Every fact of the team's original study notes (a copy in test/fixtures) must survive in
 * knowledge/ and be findable: each line is looked up in the bodies, then asked as a question.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/config.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const SEED = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'seed-docker-notes.txt'), 'utf8');
/**
 * How answers are checked against the notes: an expected phrase must appear in the answering
 * note's text ignoring case and whitespace. So every line of the original keeps its exact wording
 * (typos and punctuation included): Markdown may go around a line, never inside it.
 */
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** The note's lines, without bullets, numbering, headings or diagram rules. */
const lines = SEED.split('\n')
  .map((line) =>
    line
      .trim()
      .replace(/^(\*|\d+\)|\d+\.|-)\s+/, '')
      .replace(/^-{5,}\s*>\s*/, ''),
  )
  .filter((line) => squash(line).length >= 3 && !/^\[.*\]$/.test(line));

/** The facts asked as questions: each line, table columns apart. */
const facts = lines.flatMap((line) => line.split(/\s{3,}/)).filter((f) => squash(f).length >= 3);

describe('the seed notes in knowledge/', () => {
  it('has facts to check', () => {
    expect(lines.length).toBeGreaterThan(50);
    expect(facts.length).toBeGreaterThan(lines.length);
  });

  it.each(lines)('keeps the exact wording of: %s', (line) => {
    expect(kb.entries.filter((e) => squash(e.body).includes(squash(line))).map((e) => e.id)).not.toEqual([]);
  });

  it.each(facts)('keeps and finds: %s', (fact) => {
    const holders = kb.entries.filter((e) => squash(e.body).includes(squash(fact)));
    expect(holders.map((e) => e.id)).not.toEqual([]);
    const found = kb.ask(fact, { limit: 3 }).matches.map((m) => m.entry);
    expect(found.some((e) => holders.includes(e))).toBe(true);
  });
});
