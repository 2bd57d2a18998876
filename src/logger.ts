/**
 * The bot's one log. Every face (Slack, shell, CLI) and the note watcher write to a Logger; its shape
 * is Bolt's (debug/info/warn/error, setLevel/getLevel/setName), so the Slack face hands the same log
 * to Bolt. `createLogger` is the bot's (pino: one JSON object a line, or readable lines on a
 * terminal); `createStderrLogger` writes plain lines, for the CLI.
 *
 * A call whose first argument is a plain object logs it as fields of the line (`{ kind: 'command' }`),
 * the rest as the message, the way pino does.
 */
import { format } from 'node:util';
import { pino } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fields of one line: ids, names, counts; never a token or a raw command line. */
export type LogFields = Record<string, string | number | boolean | undefined>;

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
/** `json`: one JSON object a line, for log collectors. `pretty`: readable lines, for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** True for the `{ … }` a call may start with, not for an Error or any other object worth formatting. */
export function isLogFields(value: unknown): value is LogFields {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The bot's log (pino): from `level` up, to stderr (or `write`), each line a JSON object with time,
 * level, name (set by setName), msg and the call's fields, or the same as a readable line.
 * Lines are written synchronously, so the last ones before an exit are not lost.
 */
export function createLogger({
  level = 'info',
  format: lineFormat = 'json',
  write = (line: string) => process.stderr.write(line),
}: {
  level?: LogLevel;
  format?: LogFormat;
  /** Gets each finished line, newline included. */
  write?: (line: string) => void;
} = {}): Logger {
  let name = '';
  const destination =
    lineFormat === 'json' ? { write } : { write: (line: string) => write(prettyLine(JSON.parse(line))) };
  const log = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => (name ? { name } : {}),
    },
    destination,
  );
  const at =
    (lineLevel: LogLevel) =>
    (...msg: unknown[]) => {
      const [first, ...rest] = msg;
      if (isLogFields(first)) log[lineLevel](first, format(...rest));
      else log[lineLevel](format(...msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next) => {
      log.level = next;
    },
    getLevel: () => log.level as LogLevel,
    setName: (next) => {
      name = next;
    },
  };
}

/** `12:00:01.234 INFO  bolt-app message key=value …` from one JSON line. */
function prettyLine({ time, level, name, msg, ...fields }: Record<string, unknown>): string {
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const extra = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${[clock, String(level).toUpperCase().padEnd(5), name, msg, extra].filter(Boolean).join(' ')}\n`;
}
