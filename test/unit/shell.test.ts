import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import type { DockerReader } from '../../src/docker/types.ts';
import { UserError } from '../../src/errors.ts';
import { createKnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.ts';
import type { ShellDeps } from '../../src/shell/commands.ts';
import { handleShellLine, runShell } from '../../src/shell/index.ts';
import { dfView, viewReader } from '../support/docker-views.ts';
import { recordingLogger } from '../support/logger.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const unreachable: DockerReader = {
  ps: () => Promise.reject(new UserError('Docker host unix:///x.sock is not reachable (ENOENT). Set DOCKER_HOST.')),
  df: () => Promise.reject(new Error('secret stack detail')),
};
const logger = recordingLogger();
const deps: ShellDeps = { kb, docker: unreachable, lang: 'en', logger };

describe('shell', () => {
  it('answers questions, help, topics and exit', async () => {
    expect((await handleShellLine('도커 스왐', deps)).text).toContain('Docker Swarm');
    expect((await handleShellLine('help', deps)).text).toContain('/docker-ps');
    expect((await handleShellLine('topics', deps)).text).toContain('[docker-root-dir]');
    expect((await handleShellLine('exit', deps)).exit).toBe(true);
    expect((await handleShellLine('/nope', deps)).text).toContain('Unknown command /nope');
  });

  it('shows Docker failures as one readable line, never internals', async () => {
    expect((await handleShellLine('/docker-ps -a', deps)).text).toBe(
      'Docker host unix:///x.sock is not reachable (ENOENT). Set DOCKER_HOST.',
    );
    const df = (await handleShellLine('/docker-df', deps)).text;
    expect(df).not.toContain('secret stack detail');
    expect(df).toMatch(/went wrong/);
    // The details go to the operator's log, not to the person asking.
    expect(logger.lines.join('\n')).toMatch(/^error unexpected error: Error: secret stack detail\n\s+at /m);
    expect((await handleShellLine('/docker-ps --bogus', deps)).text).toContain('Usage: /docker-ps');
  });

  it('from a pipe answers each line in order and ends with the input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (d) => (written += String(d)));
    const done = runShell(deps, { input, output });
    input.end('docker root dir\nhow to cook rice\n');
    await done;
    expect(written.indexOf('/var/lib/docker')).toBeGreaterThanOrEqual(0);
    expect(written.indexOf("The notes don't cover")).toBeGreaterThan(written.indexOf('/var/lib/docker'));
    expect(written).not.toContain('docker-notes>');
  });

  it('names the disk advice note in /docker-df only when these notes have it', async () => {
    const docker = viewReader({ df: async () => dfView({ diskLooksTight: true }) });
    expect((await handleShellLine('/docker-df', { ...deps, docker })).text).toContain('`docker-root-dir`');
    const otherNotes = createKnowledgeBase(kb.entries.filter((e) => e.id !== 'docker-root-dir'));
    expect((await handleShellLine('/docker-df', { ...deps, kb: otherNotes, docker })).text).not.toContain(
      'docker-root-dir',
    );
  });
});

describe('the shell and DEFAULT_LANG', () => {
  const korean: ShellDeps = { ...deps, lang: 'ko' };

  it('gives help, refusals and Docker results in the default language', async () => {
    expect((await handleShellLine('help', korean)).text).toContain('주제 목록');
    expect((await handleShellLine('/nope', korean)).text).toContain('모르는 명령이에요');
    const docker = viewReader();
    expect((await handleShellLine('/docker-df', { ...korean, docker })).text).toContain('Docker 루트 디렉터리');
    expect((await handleShellLine('/docker-df', { ...deps, docker })).text).toContain('Docker root dir');
  });

  it('answers a question in its own language, whatever the default', async () => {
    expect((await handleShellLine('how to cook rice', korean)).text).toContain("The notes don't cover");
    expect((await handleShellLine('밥 짓는 법', deps)).text).toContain('노트에서');
  });
});
