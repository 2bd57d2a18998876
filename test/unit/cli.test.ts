/**
 * The CLI in-process through runCli, as `npm run cli` runs it but without a child process: exit
 * codes, what goes to stdout and stderr, the JSON contract. test/e2e/cli.test.ts spawns it once.
 */
import { describe, expect, it } from 'vitest';
import { type CliDeps, runCli } from '../../src/cli/index.ts';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { createKnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { dfView, viewReader } from '../support/docker-views.ts';
import { captureIo } from '../support/io.ts';
import { recordingLogger } from '../support/logger.ts';
import { memoryStore, STORE_DOWN } from '../support/memory-store.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const tightDisk = dfView({ totalSizeBytes: 30e9, totalReclaimableBytes: 20e9, diskLooksTight: true });
const docker = viewReader({
  ps: () => Promise.reject(new UserError('Docker host unix:///x.sock is not reachable. Set DOCKER_HOST.')),
  df: async () => tightDisk,
});

function deps(overrides: Partial<CliDeps> = {}): CliDeps {
  return { lang: () => 'en', knowledge: () => kb, docker: () => docker, logger: recordingLogger(), ...overrides };
}

async function cli(args: string[], input = '', overrides: Partial<CliDeps> = {}) {
  const { io, written } = captureIo(input);
  const code = await runCli(args, io, deps(overrides));
  return { code, ...written };
}

describe('cli ask', () => {
  it('prints one JSON object with the best matches and full bodies', async () => {
    const r = await cli(['ask', '--json', '컨테이너 삭제 순서?']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['query', 'answered', 'outcome', 'matches']);
    expect(out.query).toBe('컨테이너 삭제 순서?');
    expect(out.answered).toBe(true);
    expect(out.outcome).toBe('answered');
    expect(out.matches[0]).toMatchObject({ id: 'deletion-order' });
    expect(Object.keys(out.matches[0])).toEqual(['id', 'title', 'score', 'text']);
    expect(out.matches[0].text).toContain('컨테이너를 먼저 삭제');
  });

  it('says what a partial answer covers and lacks, and when a message is only chat, in JSON and as text', async () => {
    const partly = {
      ...kb,
      ask: (query: string) => ({
        query,
        outcome: 'partial' as const,
        answered: false,
        matches: [{ entry: kb.byId('docker-root-dir')!, score: 0.5 }],
        partial: { covered: ['docker root dir'], missing: ['change'] },
      }),
    };
    const json = JSON.parse(
      (await cli(['ask', '--json', 'change the docker root dir'], '', { knowledge: () => partly })).stdout,
    );
    expect(json).toMatchObject({ outcome: 'partial', partial: { covered: ['docker root dir'], missing: ['change'] } });
    const text = (await cli(['ask', 'change the docker root dir'], '', { knowledge: () => partly })).stdout;
    expect(text.split('\n')[0]).toBe(
      'The closest note covers part of this: it has “docker root dir”, but not “change”.',
    );
    const chatty = {
      ...kb,
      ask: (query: string) => ({
        query,
        outcome: 'none' as const,
        answered: false,
        matches: [],
        chat: 'thanks' as const,
      }),
    };
    expect(JSON.parse((await cli(['ask', '--json', 'thanks!'], '', { knowledge: () => chatty })).stdout)).toMatchObject(
      { chat: 'thanks', matches: [] },
    );
    expect((await cli(['ask', 'thanks!'], '', { knowledge: () => chatty })).stdout).toContain("You're welcome!");
  });

  it('answers --stdin line by line, in order, one object per line', async () => {
    const r = await cli(['ask', '--json', '--stdin'], 'docker root dir\nhow to cook rice\n\nwsl\n');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['docker root dir', 'how to cook rice', '', 'wsl']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(lines.map((l) => l.outcome)).toEqual(['answered', 'none', 'none', 'answered']);
    expect(lines[0].matches[0].id).toBe('docker-root-dir');
  });

  it('prints a readable answer, or says the notes do not cover it', async () => {
    expect((await cli(['ask', 'docker', 'hub'])).stdout).toContain('Docker Hub');
    expect((await cli(['ask', 'how to cook rice'])).stdout).toContain("The notes don't cover");
  });

  it.each([[[]], [['ask']], [['ask', '--bogus', 'x']], [['ask', '--stdin', 'x']], [['nope']], [['ps', '--bogus']]])(
    'exits 2 with usage on bad usage %j',
    async (args) => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage');
      expect(r.stdout).toBe('');
    },
  );

  it('exits 1 with the one-line reason when the notes cannot be loaded', async () => {
    const missing = () => loadKnowledgeBase('/nonexistent/notes').kb;
    const r = await cli(['ask', 'x'], '', { knowledge: missing });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Knowledge directory \/nonexistent\/notes does not exist[^\n]*\n$/);
  });

  it('exits 1 with a generic sentence on an unexpected failure, its stack in the log only', async () => {
    const logger = recordingLogger();
    const broken = () => {
      throw new TypeError('entries is not iterable');
    };
    const r = await cli(['topics'], '', { knowledge: broken, logger });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Something went wrong[^\n]*\n$/);
    expect(logger.lines.join('\n')).toMatch(/^error unexpected error: TypeError: entries is not iterable\n\s+at /);
  });
});

describe('cli ps and df', () => {
  it('shows a Docker failure as its one line and exit 1', async () => {
    const r = await cli(['ps', '-a']);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Docker host unix:///x.sock is not reachable. Set DOCKER_HOST.\n',
    });
  });

  it('prints df for people with the disk advice the notes have, or the view as JSON', async () => {
    expect((await cli(['df'])).stdout).toContain('`docker-root-dir`');
    const otherNotes = createKnowledgeBase(kb.entries.filter((e) => e.id !== 'docker-root-dir'));
    expect((await cli(['df'], '', { knowledge: () => otherNotes })).stdout).not.toContain('docker-root-dir');
    expect(JSON.parse((await cli(['df', '--json'])).stdout)).toEqual(tightDisk);
  });

  it('still prints df, without advice, when the notes cannot be loaded', async () => {
    const r = await cli(['df'], '', { knowledge: () => loadKnowledgeBase('/nonexistent/notes').kb });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('docker system df · default');
    expect(r.stdout).not.toContain('docker-root-dir');
  });

  it('uses DEFAULT_LANG for Docker results and topics', async () => {
    expect((await cli(['df'], '', { lang: () => 'ko' })).stdout).toContain('Docker 루트 디렉터리');
    expect((await cli(['topics'], '', { lang: () => 'ko' })).stdout).toContain('주제 목록');
  });
});

describe('cli gaps', () => {
  async function storeWithGaps() {
    const memory = memoryStore();
    for (const question of ['how to cook rice', 'How to cook rice?', 'prune images'])
      await memory.store.gaps.record({
        question,
        lang: 'en',
        outcome: 'not-answered',
        closest: [{ noteId: 'docker-root-dir', score: 0.25 }],
      });
    return memory;
  }

  it('--json: the most asked first, identical questions counted together', async () => {
    const memory = await storeWithGaps();
    const r = await cli(['gaps', '--json', '--since', '7d'], '', { store: () => memory.store });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Date.now() - Date.parse(out.since)).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(out.gaps.map((g: { question: string; count: number }) => [g.question, g.count])).toEqual([
      ['How to cook rice?', 2],
      ['prune images', 1],
    ]);
    expect(out.gaps[0]).toMatchObject({
      lang: 'en',
      outcomes: { not_answered: 2, partial: 0, voted_down: 0 },
      closest: [{ id: 'docker-root-dir', score: 0.25 }],
    });
  });

  it('for people, in DEFAULT_LANG, over 30 days by default; bad --since is usage (exit 2)', async () => {
    const memory = await storeWithGaps();
    const ko = await cli(['gaps'], '', { store: () => memory.store, lang: () => 'ko' });
    expect(ko.stdout).toContain('노트가 답하지 못한 질문 (30d):');
    expect(ko.stdout).toMatch(/2×\s+How to cook rice\?\s+\(가까운 노트: docker-root-dir 0\.25\)/);
    const bad = await cli(['gaps', '--since', 'forever'], '', { store: () => memory.store });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since forever is not a duration');
    expect((await cli(['gaps', '--top'], '', { store: () => memory.store })).code).toBe(2);
  });

  it('a store that is down is one line and exit 1', async () => {
    const memory = memoryStore();
    memory.failWith(STORE_DOWN);
    const r = await cli(['gaps', '--json'], '', { store: () => memory.store });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `${STORE_DOWN.message}\n` });
  });
});
