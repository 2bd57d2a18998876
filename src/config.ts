import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError } from './errors.ts';
import type { Lang } from './i18n/index.ts';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './logger.ts';

export type Env = Record<string, string | undefined>;

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLED_KNOWLEDGE_DIR = path.join(PROJECT_ROOT, 'knowledge');

export interface KnowledgeConfig {
  knowledgeDir: string;
  /** Follow the folder and reload on changes (KNOWLEDGE_WATCH, default on). */
  watch: boolean;
  /** Largest note and most bytes of notes read (KNOWLEDGE_MAX_NOTE_KB, default 1024; KNOWLEDGE_MAX_TOTAL_MB, default 64). */
  limits: { maxNoteBytes: number; maxTotalBytes: number };
  /** While watching, the folder is also read again this often (KNOWLEDGE_RESCAN_SECONDS, default 30). */
  rescanMs: number;
}

export function readKnowledgeConfig(env: Env): KnowledgeConfig {
  const dir = env.KNOWLEDGE_DIR?.trim();
  return {
    knowledgeDir: dir ? path.resolve(dir) : BUNDLED_KNOWLEDGE_DIR,
    watch: readSwitch(env, 'KNOWLEDGE_WATCH', true),
    limits: {
      maxNoteBytes: readPositiveInt(env, 'KNOWLEDGE_MAX_NOTE_KB', 1024) * 1024,
      maxTotalBytes: readPositiveInt(env, 'KNOWLEDGE_MAX_TOTAL_MB', 64) * 1024 * 1024,
    },
    rescanMs: readPositiveInt(env, 'KNOWLEDGE_RESCAN_SECONDS', 30) * 1000,
  };
}

/**
 * DEFAULT_LANG, ko (the default) or en: the language of text that has no question to follow (Docker
 * results, help, the topic list, the App Home) in every face. SLACK_DEFAULT_LANG, its name from when
 * only Slack had it, still works when DEFAULT_LANG is unset.
 */
export function readDefaultLang(env: Env): Lang {
  const name = env.DEFAULT_LANG?.trim() ? 'DEFAULT_LANG' : 'SLACK_DEFAULT_LANG';
  const lang = env[name]?.trim() || 'ko';
  if (lang !== 'ko' && lang !== 'en') throw new ConfigError(`${name}=${lang} should be ko or en. Fix it in .env.`);
  return lang;
}

/**
 * LOG_LEVEL (debug, info, warn, error; default info) and LOG_FORMAT (json or pretty; default json
 * unless stderr is a terminal, where a person reads it).
 */
export function readLogConfig(env: Env, stderrIsTerminal: boolean): { level: LogLevel; format: LogFormat } {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL=${env.LOG_LEVEL} should be one of ${LOG_LEVELS.join(', ')}. Fix it in .env.`);
  }
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (stderrIsTerminal ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') {
    throw new ConfigError(`LOG_FORMAT=${env.LOG_FORMAT} should be json or pretty. Fix it in .env.`);
  }
  return { level: level as LogLevel, format };
}

/** SHUTDOWN_TIMEOUT_MS (default 10000): how long SIGTERM or SIGINT waits for the requests in flight. */
export function readShutdownTimeoutMs(env: Env): number {
  return readPositiveInt(env, 'SHUTDOWN_TIMEOUT_MS', 10_000);
}

/** An on/off setting: 1/true/yes/on or 0/false/no/off; anything else names the variable. */
export function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]} is not on or off. Use 1 or 0 in .env (see .env.example).`);
}

/** Parses a positive integer setting, or explains which variable is wrong. */
export function readPositiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name}=${raw} is not a positive whole number. Fix it in .env (see .env.example).`);
  }
  return value;
}

/** Comma-separated list setting; empty or unset gives []. */
export function readList(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads `.env` from the working directory into process.env (real environment wins).
 * Quiet: dotenv otherwise prints to stdout, which would corrupt `--json` output.
 */
export function loadDotenv(): void {
  dotenv.config({ quiet: true });
}
