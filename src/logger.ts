/**
 * The bot's one log. Every face (Slack, shell, CLI) and the note watcher write to a Logger; its shape
 * is Bolt's (debug/info/warn/error, setLevel/getLevel/setName), so the Slack face hands the same log
 * to Bolt. The implementation here writes plain lines to stderr; a structured (JSON) logger can take
 * its place in src/runtime.ts without touching a face.
 */
import { format } from 'node:util';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  /** Drops messages below `level`. */
  setLevel(level: LogLevel): void;
  getLevel(): LogLevel;
  /** Names the source, shown on every line (Bolt names its own, e.g. "bolt-app"). */
  setName(name: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Plain lines, `[WARN] knowledge: …`, to stderr (or `write`), from `level` (default info) up. */
export function createStderrLogger({
  level = 'info',
  write = (line: string) => process.stderr.write(`${line}\n`),
}: {
  level?: LogLevel;
  write?: (line: string) => void;
} = {}): Logger {
  let threshold = level;
  let name = '';
  const at =
    (lineLevel: LogLevel) =>
    (...msg: unknown[]) => {
      if (RANK[lineLevel] < RANK[threshold]) return;
      write(`[${lineLevel.toUpperCase()}] ${name ? `${name} ` : ''}${format(...msg)}`);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next) => {
      threshold = next;
    },
    getLevel: () => threshold,
    setName: (next) => {
      name = next;
    },
  };
}

/**
 * Where log lines go, changeable while the bot runs: stderr by default; the shell routes them above
 * its prompt while someone types (redirect), and back (redirect()).
 */
export interface LogSink {
  write(line: string): void;
  redirect(write?: (line: string) => void): void;
}

export function createLogSink(fallback: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): LogSink {
  let current = fallback;
  return {
    write: (line) => current(line),
    redirect: (write) => {
      current = write ?? fallback;
    },
  };
}
