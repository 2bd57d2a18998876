/**
 * The hostile corpus of test/fixtures/hostile (written before the code was read, round 17), table
 * by table: every note case laid out beside two good notes, every message through the core and each
 * face. Work is bounded by size (what is read, what is printed back), never by a clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import type { DockerReader } from '../../src/docker/types.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import { MAX_SCAN_CHARS } from '../../src/knowledge/message.ts';
import { tokenize } from '../../src/knowledge/normalize.ts';
import { choicesIn } from '../../src/knowledge/search.ts';
import { renderAnswerText } from '../../src/render/text/answers.ts';
import { handleShellLine } from '../../src/shell/commands.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { answerForConversation } from '../../src/slack/post-answer.ts';
import { GOOD_IDS, layOut, messageCases, noteCases, textOf } from '../support/hostile-corpus.ts';
import { silentLogger } from '../support/logger.ts';
import { tempFolders } from '../support/temp-folders.ts';

const folders = tempFolders('kb-corpus-');
afterAll(folders.removeAll);
const isRoot = process.getuid?.() === 0;

/** How a file's name shows in a warning: its control and bidi characters as escapes. */
const shownName = (name: string) => JSON.stringify(name).slice(1, -1).replace(/\\"/g, '"');
const mentions = (warning: string, name: string) =>
  [name, shownName(name), name.slice(-40)].some((form) => warning.includes(form)) ||
  // A name with characters shown as escapes: its plain tail still appears.
  warning.includes(name.replace(/[^\w. -]/g, '').slice(-8));

describe('hostile note files', () => {
  it.each(noteCases.map((c) => [c.id, c] as const))('%s: good notes kept, file and field named', (_id, c) => {
    const { dir, names } = layOut(c, folders.make());
    const { entries, warnings } = loadKnowledgeDir(dir);
    // The good notes load, as their own files wrote them.
    for (const id of GOOD_IDS) expect(entries.find((e) => e.id === id)?.title).toBe(`${id} title`);
    // Every warning is one bounded line.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a warning may not hold
    for (const w of warnings) expect(w).not.toMatch(/[\n\r\x1b]/);
    const named = warnings.filter((w) => names.some((n) => mentions(w, n)));
    if (c.expect === 'reject' || (c.expect === 'any' && !isRoot)) {
      expect(named.length, `a warning names ${names.join(', ')}: ${warnings.join(' | ')}`).toBeGreaterThan(0);
      if (c.field) expect(named.some((w) => w.includes(c.field!))).toBe(true);
    } else if (c.expect === 'load') {
      expect(named.filter((w) => w.endsWith('file skipped'))).toEqual([]);
    }
  });

  it("keeps a note's id with the file named for it, against a file sorted before it claiming that id", () => {
    const c = noteCases.find((x) => x.id === 'id-collision-exact')!;
    const dir = layOut(c, folders.make()).dir;
    const first = loadKnowledgeDir(dir);
    expect(first.entries.find((e) => e.id === 'good-a')?.file).toBe('good-a.md');
    expect(first.warnings).toContain('coll-1.md: id "good-a" is already used by good-a.md; file skipped');
    // Loading again (a reload) picks the same file.
    const again = loadKnowledgeDir(dir, { previous: first.files });
    expect(again.entries.find((e) => e.id === 'good-a')?.file).toBe('good-a.md');
    // Of two files named for no id, the first in path order still wins.
    const twins = layOut(noteCases.find((x) => x.id === 'id-collision-two-new')!, folders.make()).dir;
    expect(loadKnowledgeDir(twins).entries.find((e) => e.id === 'twin')?.file).toBe('twin-1.md');
  });

  it('drops a link of a note to itself, saying so, and lists each related id once', () => {
    const self = loadKnowledgeDir(layOut(noteCases.find((x) => x.id === 'related-self')!, folders.make()).dir);
    expect(self.entries.find((e) => e.id === 'relself')?.related).toEqual([]);
    expect(self.warnings).toContain(`relself.md: related: lists the note's own id "relself"; link ignored`);
    const dup = loadKnowledgeDir(layOut(noteCases.find((x) => x.id === 'related-duplicates')!, folders.make()).dir);
    expect(dup.entries.find((e) => e.id === 'reldup')?.related).toEqual(['good-a']);
  });

  it('refuses half of a surrogate pair in a title or an alias, naming the field', () => {
    const dir = folders.make({
      'good.md': '---\nid: good\ntitle: good\n---\nbody\n',
      'title.md': '---\nid: half-title\ntitle: "\\ud800 lone"\n---\nbody\n',
      'alias.md': '---\nid: half-alias\ntitle: t\naliases: [ok, "x\\udfff"]\n---\nbody\n',
    });
    const { entries, warnings } = loadKnowledgeDir(dir);
    expect(entries.map((e) => e.id)).toEqual(['good']);
    expect(warnings).toEqual([
      'alias.md: aliases[1] holds half of a surrogate pair (\\udfff), which is not a character; remove it; file skipped',
      'title.md: title holds half of a surrogate pair (\\ud800), which is not a character; remove it; file skipped',
    ]);
  });
});

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const noDocker: DockerReader = {
  ps: () => Promise.reject(new Error('unused')),
  df: () => Promise.reject(new Error('unused')),
};
const logger = silentLogger();
const slackDeps = { kb, recorder: undefined, config: { defaultLang: 'ko' } } as unknown as SlackDeps;
/** What a reply may print besides the notes' own text: the question quoted back is at most 200 code points. */
const topicsChars = kb.entries.reduce((n, e) => n + e.title.length + e.titleEn.length + e.id.length + 16, 0);
const longestBody = Math.max(...kb.entries.map((e) => e.body.length));
const REPLY_MAX = topicsChars + longestBody + 2_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a reply may not print
const ACTING = /[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/;

async function cli(question: string): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough() };
  const code = await runCli(['ask', question], io, {
    lang: () => 'en',
    knowledge: () => kb,
    docker: () => noDocker,
    logger,
  });
  return { code, out };
}

describe('hostile messages', () => {
  it.each(messageCases.map((c) => [c.id, textOf(c.text)] as const))(
    '%s: read up to the scan limit, answered on every face, nothing printed back unbounded',
    async (_id, text) => {
      const answer = kb.ask(text);
      // The search reads no more of the message than readMessage does.
      expect(answer.query.length).toBeLessThanOrEqual(MAX_SCAN_CHARS);
      const shell = (await handleShellLine(text, { kb, docker: noDocker, lang: 'en', logger })).text;
      expect(shell.length).toBeLessThanOrEqual(REPLY_MAX);
      expect(shell).not.toMatch(ACTING);
      const slack = JSON.stringify(answerForConversation(slackDeps, text).message);
      expect(slack.length).toBeLessThanOrEqual(40_000);
      const { code, out } = await cli(text);
      expect([0, 2]).toContain(code); // 2: a question of only blanks is a usage error
      expect(out.length).toBeLessThanOrEqual(REPLY_MAX);
    },
  );

  it('answers the start of a long message as it answers that start alone', () => {
    const start = '도커 볼륨이 뭐야? ';
    const long = start + 'x'.repeat(MAX_SCAN_CHARS * 20);
    expect(kb.ask(long).query).toBe(long.slice(0, MAX_SCAN_CHARS));
    expect(kb.ask(long).matches[0]?.entry.id).toBe(
      kb.ask(start + 'x'.repeat(MAX_SCAN_CHARS - start.length)).matches[0]?.entry.id,
    );
  });

  it('quotes a question back on a terminal bounded, its control characters as escapes', () => {
    const typed = `\x1b[2J\x1b]0;owned\x07 ${'zzqx '.repeat(20_000)}`;
    const text = renderAnswerText(
      { ...kb.ask('zzqx'), query: typed, outcome: 'none', answered: false, matches: [] },
      kb,
      'en',
    );
    expect(text).not.toMatch(ACTING);
    expect(text).toContain('\\x1b[2J\\x1b]0;owned\\x07 zzqx');
    expect(text.split('\n')[0]!.length).toBeLessThan(300);
  });

  it('finds each "A or B" of a question as the patterns tried from every position did', () => {
    // The patterns before round 17, tried from every position of a word: quadratic in a long word's length.
    const before = (q: string) => {
      const text = q.normalize('NFC');
      const sides = (m: RegExpMatchArray) => [tokenize(m[1]!), tokenize(m[2]!)];
      return [
        ...[...text.matchAll(/([^\s,?!]+)\s+or\s+([^\s,?!]+)/giu)].map(sides),
        ...[...text.matchAll(/(\S+)\s+(?:아니면|또는|혹은)\s+(\S+)/gu)].map(sides),
        ...[
          ...text.matchAll(
            /(\S+?)(?:이야|야|인가요|예요|이에요|인지)\s+(\S+?)(?:이야|야|인가요|예요|이에요|인지)(?![\uac00-\ud7a3])/gu,
          ),
        ].map(sides),
      ];
    };
    const questions = [
      'yml or json?',
      'a,b or c!d or e',
      'x or y or z or w',
      `${'a'.repeat(500)} or ${'b'.repeat(500)}`,
      '도커 아니면 쿠버네티스, 스웜 또는 k8s 혹은 nomad',
      'YAML이야 JSON이야? 도커인가요 쿠버네티스인가요',
      'compose.yml이야 docker-compose.yml이야',
      '  leading   or   spaces  ',
      'no choice here',
    ];
    for (const q of questions) expect(choicesIn(q), q).toEqual(before(q));
    expect(choicesIn('yml or json').length).toBe(1);
  });
});

// Lays out nothing outside the temp folders it made.
it('keeps the corpus data in test/fixtures/hostile', () => {
  expect(fs.existsSync(path.join(BUNDLED_KNOWLEDGE_DIR, '..', 'test', 'fixtures', 'hostile', 'notes.json'))).toBe(true);
});
