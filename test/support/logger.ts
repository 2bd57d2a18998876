import type { Logger, LogLevel } from '../../src/logger.ts';

/**
 * A Logger that keeps every line as `<level> <message>` (all levels, whatever setLevel says), so a
 * test can read what was logged, and what was not.
 */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: LogLevel) =>
    (...msg: unknown[]) => {
      lines.push(`${level} ${msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
    };
  let level: LogLevel = 'info';
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** A Logger that drops every line: for benchmarks, whose output is their figures. */
export function silentLogger(): Logger {
  return {
    debug() {},
    info() {},
    warn() {},
    error() {},
    setLevel() {},
    getLevel: () => 'error',
    setName() {},
  };
}
