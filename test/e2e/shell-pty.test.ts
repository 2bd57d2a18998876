/**
 * `npm start`'s shell on a real terminal: the entry point runs under `script`, which gives it a
 * pseudo-terminal, and what it draws is read back through a screen that applies it. A note added
 * while a question is half-typed logs its reload above the prompt, the typed text is kept, the
 * answer is styled; Ctrl-C clears a line and Ctrl-D leaves.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_ENV, MAIN, TSX } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { requireTools } from '../support/requirements.ts';
import { tempFolders } from '../support/temp-folders.ts';
import { TerminalScreen } from '../support/terminal-screen.ts';

const COLUMNS = 100;
const folders = tempFolders('shell-pty-');

requireTools('The shell terminal test', ['script']);

afterAll(() => folders.removeAll());

describe('the shell in a pseudo-terminal (script)', () => {
  it('reload lines go above a half-typed question, which still answers, styled; Ctrl-C clears, Ctrl-D leaves', async () => {
    const notes = folders.make();
    for (const file of fs.readdirSync(FIXTURE_KNOWLEDGE_DIR))
      fs.copyFileSync(path.join(FIXTURE_KNOWLEDGE_DIR, file), path.join(notes, file));
    const child = spawn('script', ['-qfec', `stty cols ${COLUMNS} rows 40; exec ${TSX} ${MAIN}`, '/dev/null'], {
      cwd: '/tmp',
      env: { ...BASE_ENV, TERM: 'xterm', KNOWLEDGE_DIR: notes, DEFAULT_LANG: 'en' },
    });
    const screen = new TerminalScreen(COLUMNS);
    let raw = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      raw += chunk;
      screen.write(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const onScreen = (what: string, test: () => boolean) =>
      eventually(() => (test() ? true : undefined), { timeoutMs: 20_000, what: `${what}; screen:\n${screen.text()}` });
    try {
      await onScreen('the prompt', () => screen.cursorLine() === 'docker-notes>');
      child.stdin.write('docker ro');
      await onScreen('the typed text', () => screen.cursorLine() === 'docker-notes> docker ro');
      fs.writeFileSync(
        path.join(notes, 'swarm.md'),
        '---\nid: swarm\ntitle: 도커 스웜\n---\n# 도커 스웜\n\nDocker Swarm\n',
      );
      await onScreen('the reload above the prompt', () => /reloaded 7 notes/.test(screen.text()));
      await onScreen('the prompt drawn again', () => screen.cursorLine() === 'docker-notes> docker ro');
      const lines = screen.text().split('\n');
      expect(lines.filter((l) => l.includes('reloaded') && l.includes('docker-notes>'))).toEqual([]);
      // The log line as a terminal shows it (LOG_FORMAT pretty): its time, the level, the message.
      expect(lines.at(-2)).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}knowledge: reloaded 7 notes/);

      child.stdin.write('ot dir\r');
      await onScreen('the answer', () => screen.text().includes('/var/lib/docker'));
      expect(raw).toContain('\x1b[1m== 도커 루트 디렉터리 (Docker root directory) ==\x1b[22m');

      await onScreen('a new prompt', () => screen.cursorLine() === 'docker-notes>');
      child.stdin.write('half a question');
      await onScreen('the typed text', () => screen.cursorLine() === 'docker-notes> half a question');
      child.stdin.write('\x03');
      await onScreen('the line cleared by Ctrl-C', () => screen.cursorLine() === 'docker-notes>');
      child.stdin.write('\x04');
      expect(await exited).toBe(0);
      expect(screen.text().split('\n').at(-1)).toBe('Bye.');
    } finally {
      child.kill();
    }
  }, 60_000);
});
