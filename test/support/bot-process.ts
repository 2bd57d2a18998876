/**
 * The bot as a process, as the e2e suites start it: `npm start`'s entry point (src/main.ts) or the
 * CLI (src/cli.ts) under tsx, in /tmp, with only the environment a test gives it on top of PATH and
 * HOME, so no Slack, Docker or store setting leaks in from the machine.
 */
import { type ChildProcessWithoutNullStreams, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { eventually } from './eventually.ts';

export const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
export const MAIN = path.join(PROJECT_ROOT, 'src', 'main.ts');
export const CLI = path.join(PROJECT_ROOT, 'src', 'cli.ts');

/** What every child gets: enough to run tsx, and a home. */
export const PROCESS_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
/** A Docker host that does not exist: nothing reaches this machine's daemon. */
export const NO_DOCKER_HOST = 'unix:///tmp/docker-notes-bot-no-such.sock';
/** PROCESS_ENV with NO_DOCKER_HOST: the bot with no Slack, Docker or store setting of its own. */
export const BASE_ENV = { ...PROCESS_ENV, DOCKER_HOST: NO_DOCKER_HOST };

/** How long `stop()` waits after SIGTERM before it kills. */
const STOP_GRACE_MS = 5000;

export interface BotProcessOptions {
  /** What tsx runs; default `npm start`'s entry point. */
  args?: string[];
}

/** A running child with what it wrote so far. */
export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr together, in the order they came. */
  output(): string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves once `text` shows in `stream` (default both); fails if the process exits first or after `timeoutMs`. */
  waitFor(text: string, options?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number }): Promise<void>;
  /**
   * SIGTERM unless it already exited, which tsx passes on (a SIGKILL would end tsx alone and leave the
   * bot's own process running), SIGKILL if it still runs 5 s later; resolves with the exit code.
   */
  stop(): Promise<number | null>;
}

/** Starts `npm start` (or `args`) with `env` on top of PROCESS_ENV. */
export function spawnBot(env: Record<string, string>, { args = [MAIN] }: BotProcessOptions = {}): BotProcess {
  const child = spawn(TSX, args, { env: { ...PROCESS_ENV, ...env }, cwd: '/tmp' });
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
    output += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const bot: BotProcess = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    exited,
    waitFor: (text, { stream, timeoutMs = 20_000 } = {}) =>
      eventually(
        () => {
          const seen = stream === 'stdout' ? stdout : stream === 'stderr' ? stderr : output;
          if (seen.includes(text)) return true;
          if (child.exitCode !== null || child.signalCode !== null)
            throw new Error(`the bot exited before showing "${text}":\n${output}`);
          return false;
        },
        { timeoutMs, what: `the bot to show "${text}"` },
      ).then(() => undefined),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const code = await exited;
      clearTimeout(late);
      return code;
    },
  };
  return bot;
}

/** Runs `npm start` (or `args`) to its end with `env` on top of PROCESS_ENV, `input` piped in. */
export function runBot(
  env: Record<string, string>,
  { args = [MAIN], input, timeoutMs = 30_000 }: BotProcessOptions & { input?: string; timeoutMs?: number } = {},
): SpawnSyncReturns<string> {
  return spawnSync(TSX, args, {
    env: { ...PROCESS_ENV, ...env },
    cwd: '/tmp',
    encoding: 'utf8',
    timeout: timeoutMs,
    ...(input !== undefined ? { input } : {}),
  });
}
