/**
 * The shell on a terminal, through fake TTY streams and a screen that applies what readline draws:
 * styling only on a terminal without NO_COLOR, log lines above the prompt with the typed text kept,
 * Ctrl-C and Ctrl-D.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import type { DockerReader } from '../../src/docker/types.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { createLogSink, createStderrLogger } from '../../src/logger.ts';
import { runShell, type ShellIo } from '../../src/shell/index.ts';
import { eventually } from '../support/eventually.ts';
import { recordingLogger } from '../support/logger.ts';
import { fakeTerminal } from '../support/terminal-screen.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const noDocker: DockerReader = {
  ps: () => Promise.reject(new Error('not in this test')),
  df: () => Promise.reject(new Error('not in this test')),
};
const deps = { kb, docker: noDocker, lang: 'en' as const, logger: recordingLogger() };
const ESC = '\x1b';
/** A colour or weight (SGR) escape: what styling writes. */
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`);

/** The shell on a fake terminal; `done` settles when it exits. */
function shellOnTerminal(env: Record<string, string | undefined> = {}) {
  const terminal = fakeTerminal();
  const logSink = createLogSink(() => {
    throw new Error('a log line left the shell while it ran on a terminal');
  });
  const log = createStderrLogger({ write: logSink.write });
  const done = runShell(deps, { input: terminal.input, output: terminal.output, logSink, env });
  const type = async (keys: string) => {
    terminal.input.write(keys);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { ...terminal, log, done, type, logSink };
}

const promptShown = (screen: { cursorLine(): string }, typed = '') =>
  eventually(() => (screen.cursorLine() === `docker-notes> ${typed}`.trimEnd() ? true : undefined));

describe('the shell on a terminal', () => {
  it('a log line goes above the prompt; the half-typed line is drawn again and still answers', async () => {
    const shell = shellOnTerminal();
    await promptShown(shell.screen);
    await shell.type('docker ro');
    await promptShown(shell.screen, 'docker ro');
    shell.log.info('knowledge: reloaded 24 notes (wsl.md changed)');
    shell.log.warn('knowledge: skipped big.md (over KNOWLEDGE_MAX_NOTE_KB)');
    const lines = shell.screen.text().split('\n');
    expect(lines.slice(-3)).toEqual([
      '[INFO] knowledge: reloaded 24 notes (wsl.md changed)',
      '[WARN] knowledge: skipped big.md (over KNOWLEDGE_MAX_NOTE_KB)',
      'docker-notes> docker ro',
    ]);
    expect(lines.filter((l) => l.includes('docker ro') && l.includes('knowledge:'))).toEqual([]);
    // What was typed before the log lines is still the line: finishing it asks "docker root dir".
    await shell.type('ot dir\r');
    await eventually(() => (shell.screen.text().includes('/var/lib/docker') ? true : undefined));
    expect(shell.screen.text()).toContain('== 도커 루트 디렉터리 (Docker root directory) ==');
    await shell.type('exit\r');
    await shell.done;
  });

  it('a long half-typed line that wraps is cleared whole before the log line', async () => {
    const shell = shellOnTerminal();
    await promptShown(shell.screen);
    const long = `where is the docker root dir ${'and more words '.repeat(6)}`;
    await shell.type(long);
    shell.log.warn('store: down');
    const text = shell.screen.text();
    expect(text.split('\n').filter((l) => l.includes('store: down'))).toEqual(['[WARN] store: down']);
    const drawn = `docker-notes> ${long}`;
    expect(text.split('\n').slice(-3)).toEqual(['[WARN] store: down', drawn.slice(0, 80), drawn.slice(80).trimEnd()]);
    expect(text.split('docker-notes> where is')).toHaveLength(2);
    await shell.type('\x03\x04');
    await shell.done;
  });

  it('Ctrl-C clears the line; on an empty line it says how to leave, and a second one leaves', async () => {
    const shell = shellOnTerminal();
    await promptShown(shell.screen);
    await shell.type('half a question');
    await shell.type('\x03');
    await promptShown(shell.screen);
    await shell.type('\x03');
    await eventually(() =>
      shell.screen.text().includes('(To leave, press Ctrl-C again or Ctrl-D, or type exit.)') ? true : undefined,
    );
    await promptShown(shell.screen);
    await shell.type('\x03');
    await shell.done;
    // Nothing was asked: the cleared text never reached the notes.
    expect(shell.screen.text()).not.toContain("The notes don't cover");
  });

  it('Ctrl-D on an empty line leaves, saying goodbye; log lines go back to the log', async () => {
    const shell = shellOnTerminal();
    await promptShown(shell.screen);
    await shell.type('\x04');
    await shell.done;
    expect(shell.screen.text().split('\n').at(-1)).toBe('Bye.');
    expect(() => shell.log.info('after')).toThrow(/left the shell/);
  });

  it('styles headings, code and metadata on a terminal; none with NO_COLOR or when piped', async () => {
    const styled = shellOnTerminal();
    await promptShown(styled.screen);
    await styled.type('docker root dir\r');
    await eventually(() => (styled.screen.text().includes('/var/lib/docker') ? true : undefined));
    expect(styled.raw()).toContain('\x1b[1m== 도커 루트 디렉터리 (Docker root directory) ==\x1b[22m');
    expect(styled.raw()).toContain("\x1b[36m$ docker info | grep -i 'docker root dir'\x1b[39m");
    expect(styled.raw()).toMatch(new RegExp(`${ESC}\\[2mRelated: .*\\[disk-mount\\].*${ESC}\\[22m`));
    await styled.type('exit\r');
    await styled.done;

    const noColor = shellOnTerminal({ NO_COLOR: '1' });
    await promptShown(noColor.screen);
    await noColor.type('docker root dir\r');
    await eventually(() => (noColor.screen.text().includes('/var/lib/docker') ? true : undefined));
    expect(noColor.raw()).not.toMatch(SGR);
    await noColor.type('exit\r');
    await noColor.done;

    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: false });
    let written = '';
    output.on('data', (d) => (written += String(d)));
    const io: ShellIo = { input, output, env: {} };
    const piped = runShell(deps, io);
    input.end('docker root dir\ntopics\n');
    await piped;
    expect(written).toContain('/var/lib/docker');
    expect(written).not.toMatch(SGR);
  });
});
