/**
 * How a note reads in Slack and in the terminal: titles without nested brackets, Markdown tables
 * laid out (Slack draws none), code blocks kept as code, the English summary kept.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import type { Answer, KnowledgeEntry } from '../../src/knowledge/types.ts';
import { displayWidth, markdownToPlainText, pairedTitle, splitMarkdownTables } from '../../src/render/format.ts';
import { buildEntryMessage, entryTitle } from '../../src/render/slack/answers.ts';
import { markdownToMrkdwn } from '../../src/render/slack/mrkdwn.ts';
import { renderAnswerText } from '../../src/render/text/answers.ts';
import { ROUTES } from '../../src/slack/interactions.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';

const { kb } = loadKnowledgeBase(path.join(PROJECT_ROOT, 'knowledge'));

/** How deep parentheses nest in `text`. */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    if (char === ')') depth--;
  }
  return deepest;
}

const TABLE_NOTE = [
  '# 목록 명령',
  '',
  '| 명령 | 뜻 |',
  '|---|:-:|',
  '| `docker ps` | 실행 중인 컨테이너 |',
  '| docker ps -a | **모든** 컨테이너 |',
  '',
  '```sh',
  '$ docker ps -a | grep web',
  '```',
  '',
  '**English:** `docker ps` lists running containers; `-a` adds stopped ones.',
].join('\n');

const WIDE_TABLE = [
  '| Option | What it does | Example |',
  '| --- | --- | --- |',
  `| \`-v\` | ${'mounts a host folder into the container, '.repeat(2)} | \`docker run -v /data:/data\` |`,
  '| <!channel> | a \\| pipe in a cell | — |',
].join('\n');

describe('titles', () => {
  it('two names are never nested in brackets: a middle dot when either has its own', () => {
    expect(pairedTitle('Docker root directory', '도커 루트 디렉터리')).toBe(
      'Docker root directory (도커 루트 디렉터리)',
    );
    expect(pairedTitle('Docker deletion order (containers before images)', '도커 삭제 순서')).toBe(
      'Docker deletion order (containers before images) · 도커 삭제 순서',
    );
    expect(pairedTitle('쿠버네티스 (Kubernetes)', 'Kubernetes')).toBe('쿠버네티스 (Kubernetes)');
    expect(pairedTitle('Kubernetes', '쿠버네티스 (Kubernetes)')).toBe('Kubernetes · 쿠버네티스 (Kubernetes)');
    expect(pairedTitle('WSL', '')).toBe('WSL');
  });

  it('no title of the real notes nests brackets, in Slack (ko, en) or the terminal', () => {
    for (const entry of kb.entries) {
      for (const lang of ['ko', 'en'] as const)
        expect(bracketDepth(entryTitle(entry, lang)), entry.id).toBeLessThanOrEqual(1);
      const answer: Answer = {
        query: entry.title,
        outcome: 'answered',
        answered: true,
        matches: [{ entry, score: 1 }],
      };
      const titleLine = renderAnswerText(answer, kb, 'ko').split('\n')[0]!;
      expect(titleLine.startsWith('== ')).toBe(true);
      expect(bracketDepth(titleLine), titleLine).toBeLessThanOrEqual(1);
    }
  });
});

describe('Markdown tables', () => {
  it('are found outside code only, with escaped pipes and short rows filled', () => {
    const parts = splitMarkdownTables(`${TABLE_NOTE}\n\n${WIDE_TABLE}\n\n| a | b |\n|---|---|\n| only a |`);
    const tables = parts.filter((p) => typeof p !== 'string');
    expect(tables.map((t) => t.header)).toEqual([
      ['명령', '뜻'],
      ['Option', 'What it does', 'Example'],
      ['a', 'b'],
    ]);
    expect(tables[1]!.rows[1]).toEqual(['<!channel>', 'a | pipe in a cell', '—']);
    expect(tables[2]!.rows).toEqual([['only a', '']]);
    expect(splitMarkdownTables('```\n| a | b |\n|---|---|\n```').every((p) => typeof p === 'string')).toBe(true);
    expect(splitMarkdownTables('docker info | grep root\n---').every((p) => typeof p === 'string')).toBe(true);
  });

  it('Slack: a narrow table is a code block of columns aligned by display width (Hangul is two wide)', () => {
    const mrkdwn = markdownToMrkdwn(TABLE_NOTE);
    expect(mrkdwn).not.toMatch(/^\|/m);
    const block = /```\n(명령[^`]*)```/.exec(mrkdwn)?.[1]?.trimEnd().split('\n');
    expect(block).toEqual([
      '명령          뜻',
      '------------  ------------------',
      'docker ps     실행 중인 컨테이너',
      'docker ps -a  모든 컨테이너',
    ]);
    // The second column starts at the same display column on every line.
    const starts = block!.map((line) => {
      const gap = /\S {2,}\S/.exec(line)!;
      return displayWidth(line.slice(0, gap.index + gap[0].length - 1));
    });
    expect(new Set(starts).size).toBe(1);
  });

  it('Slack: a table too wide for a grid is one bullet a row, headers naming the cells, escaped', () => {
    const mrkdwn = markdownToMrkdwn(WIDE_TABLE);
    expect(mrkdwn.split('\n')).toHaveLength(2);
    expect(mrkdwn).toMatch(
      /^• `-v` — What it does: mounts a host folder .* · Example: `docker run -v \/data:\/data`$/m,
    );
    expect(mrkdwn).toContain('• &lt;!channel&gt; — What it does: a | pipe in a cell · Example: —');
  });

  it('Slack: code blocks stay code and the English summary stays, in a whole answer message', () => {
    const entry: KnowledgeEntry = {
      id: 'table-note',
      title: '목록 명령',
      titleEn: 'Listing commands',
      aliases: [],
      tags: [],
      related: [],
      body: TABLE_NOTE,
      file: 'table-note.md',
    };
    const message = buildEntryMessage({
      entry,
      question: 'docker ps',
      lang: 'en',
      audience: 'public',
      lookup: () => undefined,
      hasOtherMatches: false,
      routes: ROUTES,
    });
    expectWithinSlackLimits(message);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('```\\n$ docker ps -a | grep web\\n```');
    expect(text).toContain('*English:* `docker ps` lists running containers');
    expect(message.text).not.toContain('|---');
  });

  it('terminal: the same table as aligned columns, a wide one a line per row, code indented', () => {
    const plain = markdownToPlainText(TABLE_NOTE);
    expect(plain).toContain(
      '  명령          뜻\n  ------------  ------------------\n  docker ps     실행 중인 컨테이너',
    );
    expect(plain).toContain('    $ docker ps -a | grep web');
    expect(plain).toContain('English: `docker ps` lists running containers');
    const wide = markdownToPlainText(WIDE_TABLE);
    expect(wide.split('\n')).toEqual([
      expect.stringMatching(/^- -v — What it does: mounts a host folder .* · Example: docker run -v \/data:\/data$/),
      '- <!channel> — What it does: a | pipe in a cell · Example: —',
    ]);
  });

  it('every real note keeps its code blocks and English summary in Slack and the terminal, and shows no table pipes', () => {
    for (const entry of kb.entries) {
      const mrkdwn = markdownToMrkdwn(entry.body);
      const plain = markdownToPlainText(entry.body);
      if (entry.body.includes('**English:**')) {
        expect(mrkdwn, entry.id).toContain('*English:*');
        expect(plain, entry.id).toContain('English:');
      }
      const fences = (entry.body.match(/^\s*```/gm) ?? []).length;
      expect((mrkdwn.match(/^```/gm) ?? []).length, entry.id).toBeGreaterThanOrEqual(fences);
      expect(mrkdwn, entry.id).not.toMatch(/^\s*\|.*\|\s*$\n^\s*\|?\s*:?-{3,}/m);
    }
  });
});

describe('help in the terminal', () => {
  it('a message asking about the bot gets what it does, how to ask and every topic', () => {
    const text = renderAnswerText(kb.ask('도움말'), kb, 'ko');
    expect(text).toContain('도커 질문에 팀 노트로 답해 드려요.');
    expect(text).toContain('주제 목록:');
    expect(text.split('\n').filter((line) => line.startsWith('  • '))).toHaveLength(kb.entries.length);
  });
});
