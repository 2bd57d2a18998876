/**
 * deploy/compose.yaml (one Docker host) and deploy/stack.yaml (Swarm): valid Compose, lint-clean,
 * and wired to the app as it really is — its variables, its port, the engine only through the socket
 * proxy, the proxy opening only what the bot reads. test/integration/deploy-swarm.test.ts has a real
 * Swarm manager and docker-compose read the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/config.ts';
import {
  botSettings,
  DEPLOY_DIR,
  DOCKER_SOCKET,
  expectProxyEnvironment,
  PROXY_PORT,
  stringValues,
  unknownVariables,
} from '../support/deploy.ts';

interface LongVolume {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
}

interface Service {
  image?: string;
  build?: { context: string };
  environment?: Record<string, unknown>;
  env_file?: string;
  ports?: Array<string | { target: number; published: number; mode?: string }>;
  volumes?: Array<string | LongVolume>;
  networks?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  healthcheck?: Record<string, unknown>;
  deploy?: {
    replicas?: number;
    update_config?: { parallelism?: number; order?: string; failure_action?: string };
    restart_policy?: { condition?: string };
    resources?: { limits?: Record<string, unknown>; reservations?: Record<string, unknown> };
  };
}

interface ComposeFile {
  services: Record<string, Service>;
  networks: Record<string, { internal?: boolean; driver?: string }>;
  volumes?: Record<string, unknown>;
}

const FILES = ['compose.yaml', 'stack.yaml'];

function load(file: string): ComposeFile {
  return parse(fs.readFileSync(path.join(DEPLOY_DIR, file), 'utf8')) as ComposeFile;
}

interface LintMessage {
  line: number;
  rule: string;
  message: string;
}

/** dclint with the repository's .dclintrc.yaml; its schema check is the current Compose Specification. */
function lint(file: string): LintMessage[] {
  const rc = parse(fs.readFileSync(path.join(PROJECT_ROOT, '.dclintrc.yaml'), 'utf8')) as { rules: object };
  const linter = new DCLinter({ rules: rc.rules as never, quiet: false, debug: false, exclude: [] });
  // dclint's published types do not resolve under this project's module settings.
  const [result] = linter.lintFiles([file], false) as Array<{ messages: LintMessage[] }>;
  return result!.messages;
}

/** A volume as { source, target, read_only }, whichever syntax the file uses. */
function volume(entry: string | LongVolume): { source?: string; target: string; readOnly: boolean } {
  if (typeof entry !== 'string')
    return { source: entry.source, target: entry.target, readOnly: entry.read_only === true };
  const [source, target, mode] = entry.split(':');
  return { source, target: target!, readOnly: mode === 'ro' };
}

/** The container side of a published port. */
function containerPort(entry: string | { target: number }): number {
  return typeof entry === 'string' ? Number(entry.split(':').at(-1)) : entry.target;
}

describe.each(FILES)('deploy/%s', (file) => {
  const compose = load(file);
  const bot = compose.services.bot!;
  const proxy = compose.services['docker-proxy']!;
  const env = stringValues(bot.environment ?? {});

  it('is valid Compose (the current Compose Specification schema) and lint-clean', () => {
    expect(lint(path.join(DEPLOY_DIR, file)).map((m) => `${m.line}: ${m.rule}: ${m.message}`)).toEqual([]);
  });

  it('sets only variables the app reads, with values it accepts', () => {
    expect(unknownVariables(Object.keys(env))).toEqual([]);
    expect(() => botSettings(env)).not.toThrow();
    // Slack's tokens come from an env file next to the compose file, never from the file itself.
    expect(bot.env_file).toBe('bot.env');
    expect(Object.keys(env).filter((name) => name.startsWith('SLACK_'))).toEqual([]);
  });

  it('publishes and health-checks the port the bot listens on', () => {
    const { port } = botSettings(env);
    expect(bot.ports?.map(containerPort)).toEqual([port]);
    // The image's HEALTHCHECK reads PORT; a healthcheck of its own here would have to say the same port.
    expect(JSON.stringify(bot.healthcheck?.test ?? [])).not.toMatch(/\b\d{4,5}\b/);
  });

  it('reaches the engine only through the socket proxy, which alone mounts the socket, read-only', () => {
    const { engine } = botSettings(env);
    expect(engine).toMatchObject({ transport: 'tcp', hostname: 'docker-proxy', port: PROXY_PORT });
    expect(engine.tls).toBeUndefined();
    expect((bot.volumes ?? []).map(volume).filter((v) => v.source?.includes('docker.sock'))).toEqual([]);
    const sockets = (proxy.volumes ?? []).map(volume).filter((v) => v.target === DOCKER_SOCKET);
    expect(sockets).toEqual([{ source: DOCKER_SOCKET, target: DOCKER_SOCKET, readOnly: true }]);
    expect(proxy.ports ?? []).toEqual([]);
  });

  it('opens exactly the proxy sections the bot reads, GET only', () => {
    expectProxyEnvironment(stringValues(proxy.environment ?? {}));
  });

  it('keeps bot and proxy on an internal network of their own', () => {
    expect(compose.networks['docker-api']?.internal).toBe(true);
    expect(proxy.networks).toEqual(['docker-api']);
    expect(bot.networks).toEqual(expect.arrayContaining(['docker-api']));
  });

  it('keeps the SQLite store on a named volume, the one place a read-only bot writes', () => {
    const { database } = botSettings(env);
    expect(database.kind).toBe('sqlite');
    const file = database.kind === 'sqlite' ? database.file : '';
    const mount = (bot.volumes ?? [])
      .filter((v): v is LongVolume => typeof v !== 'string' && v.type === 'volume')
      .find((v) => path.dirname(file) === v.target);
    expect(mount?.source).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(mount?.source);
  });

  it('runs the bot with a read-only root filesystem and no capabilities', () => {
    expect(bot.read_only).toBe(true);
    expect(bot.cap_drop).toEqual(['ALL']);
    expect(proxy.read_only).toBe(true);
  });
});

describe('deploy/compose.yaml', () => {
  const bot = load('compose.yaml').services.bot!;

  it('builds this repository and mounts the notes read-only at KNOWLEDGE_DIR', () => {
    expect(path.resolve(DEPLOY_DIR, bot.build!.context)).toBe(PROJECT_ROOT);
    const notes = (bot.volumes ?? []).map(volume).filter((v) => v.target === bot.environment?.KNOWLEDGE_DIR);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.readOnly).toBe(true);
    // NOTES_DIR picks the folder; unset, it is the bundled notes.
    const fallback = /^\$\{NOTES_DIR:-(.+)\}$/.exec(notes[0]!.source ?? '')?.[1];
    expect(fallback && path.resolve(DEPLOY_DIR, fallback)).toBe(BUNDLED_KNOWLEDGE_DIR);
  });
});

describe('deploy/stack.yaml', () => {
  const bot = load('stack.yaml').services.bot!;

  it('runs several replicas with rolling, self-reverting updates, restarts and a health check', () => {
    expect(bot.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(bot.deploy?.update_config).toMatchObject({
      parallelism: 1,
      order: 'start-first',
      failure_action: 'rollback',
    });
    expect(bot.deploy?.restart_policy?.condition).toBe('any');
    expect(bot.healthcheck).toMatchObject({ interval: expect.any(String), retries: expect.any(Number) });
    expect(bot.deploy?.resources?.limits?.memory).toBeDefined();
  });

  it('serves HTTP mode through the routing mesh, so any replica takes any request', () => {
    expect(bot.ports).toEqual([expect.objectContaining({ mode: 'ingress' })]);
  });
});

describe('the Compose check', () => {
  it('fails a file with a misspelt key', () => {
    const broken = path.join(fs.mkdtempSync('/tmp/dnb-compose-'), 'compose.yaml');
    const text = fs
      .readFileSync(path.join(DEPLOY_DIR, 'stack.yaml'), 'utf8')
      .replace('update_config:', 'update_conifg:');
    fs.writeFileSync(broken, text);
    const messages = lint(broken);
    fs.rmSync(path.dirname(broken), { recursive: true });
    expect(messages.map((m) => m.rule)).toContain('invalid-schema');
  });
});
