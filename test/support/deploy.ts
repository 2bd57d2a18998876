/**
 * What the deployment files must agree with, read from the app itself rather than copied: the
 * variable names .env.example documents, the parsers that read them, the port HTTP mode listens on,
 * and the Engine API paths the read-only guard lets through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import {
  PROJECT_ROOT,
  readDefaultLang,
  readKnowledgeConfig,
  readLogConfig,
  readShutdownTimeoutMs,
} from '../../src/config.ts';
import { refusalReason } from '../../src/docker/guard.ts';
import { readDockerConfig } from '../../src/docker/index.ts';
import { readSlackConfig } from '../../src/slack/index.ts';
import { parseDatabaseUrl, readStoreConfig } from '../../src/store/config.ts';

export const DEPLOY_DIR = path.join(PROJECT_ROOT, 'deploy');

/** Every variable .env.example documents (`NAME=` or `# NAME=` at the start of a line). */
export function appVariables(): Set<string> {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}

/** Placeholders for what a deployment takes from its secret store. */
const SLACK_SECRETS = { SLACK_BOT_TOKEN: 'xoxb-placeholder', SLACK_SIGNING_SECRET: 'placeholder' };

/**
 * Reads `env` as the bot would at start-up (every parser it runs, so a malformed value fails here as
 * it would there) in HTTP mode, and returns the port it would listen on, the engine it would read and
 * where its store would be.
 */
export function botSettings(env: Record<string, string>) {
  const full = { ...SLACK_SECRETS, ...env };
  readDefaultLang(full);
  readKnowledgeConfig(full);
  readLogConfig(full, false);
  readShutdownTimeoutMs(full);
  const database = parseDatabaseUrl(readStoreConfig(full).databaseUrl);
  const slack = readSlackConfig(full);
  if (slack?.mode !== 'http') throw new Error('expected HTTP mode');
  const docker = readDockerConfig(full);
  expect(docker.hosts).toHaveLength(1);
  return { port: slack.port, engine: docker.hosts[0]!, database };
}

/**
 * The Engine API calls the bot makes (README "Docker, read-only by guarantee"); each must pass the
 * bot's own guard, so this list cannot name a path the bot would never send.
 */
const ENGINE_PATHS = ['/_ping', '/version', '/info', '/containers/json', '/system/df', '/images/json', '/volumes'];

/** docker-socket-proxy's switch for an API path: its first segment, e.g. /system/df → SYSTEM, /_ping → PING. */
function proxySection(apiPath: string): string {
  return apiPath.split('/')[1]!.replace(/^_/, '').toUpperCase();
}

/**
 * The proxy must open exactly the sections the bot reads, GET only, and close EVENTS (on by
 * default in the proxy image, never used by the bot).
 */
export function expectProxyEnvironment(env: Record<string, string>): void {
  for (const apiPath of ENGINE_PATHS) expect(refusalReason('GET', apiPath), apiPath).toBeNull();
  const needed = [...new Set(ENGINE_PATHS.map(proxySection))].sort();
  const opened = Object.entries(env)
    .filter(([, value]) => value === '1')
    .map(([name]) => name)
    .sort();
  expect(opened).toEqual(needed);
  expect(env.POST).toBe('0');
  expect(env.EVENTS).toBe('0');
}

/** docker-socket-proxy listens here (its image's EXPOSE and HAProxy bind). */
export const PROXY_PORT = 2375;
export const DOCKER_SOCKET = '/var/run/docker.sock';

/** Names in `env` that the app does not read. */
export function unknownVariables(names: Iterable<string>): string[] {
  const known = appVariables();
  return [...names].filter((name) => !known.has(name));
}

/** An environment as Compose and Kubernetes write it: values of any scalar type, as strings. */
export function stringValues(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}
