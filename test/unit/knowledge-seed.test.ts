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
/** Typos the knowledge files fixed on purpose. */
const FIXED_TYPOS: Array<[string, string]> = [['양뱡향', '양방향']];

/** Compares text by its letters and digits only: formatting (code, tables, bullets) may differ. */
const letters = (s: string) =>
  FIXED_TYPOS.reduce((t, [typo, fix]) => t.replaceAll(typo, fix), s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The note's facts: each line, table columns apart, without bullets, numbering or diagram rules. */
const facts = SEED.split('\n')
  .flatMap((line) => line.split(/\s{3,}/))
  .map((f) => f.replace(/^\s*(\*|\d+\)|\d+\.|-)\s*/, '').trim())
  .filter((f) => letters(f).length >= 3 && !/^\[.*\]$/.test(f) && !/^-{5,}/.test(f));

describe('the seed notes in knowledge/', () => {
  it('has facts to check', () => {
    expect(facts.length).toBeGreaterThan(50);
  });

  it.each(facts)('keeps and finds: %s', (fact) => {
    const holders = kb.entries.filter((e) => letters(e.body).includes(letters(fact.replace(/^\$\s*/, ''))));
    expect(holders.map((e) => e.id)).not.toEqual([]);
    const found = kb.ask(fact, { limit: 3 }).matches.map((m) => m.entry);
    expect(found.some((e) => holders.includes(e))).toBe(true);
  });
});
