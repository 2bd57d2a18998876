/**
 * The Dockerfile, for real: built on a private engine from a base image that has only what the
 * official slim Node image has, then run as a user would run it. Containers use the host's network
 * (the test engine has no bridge) and are reached only through 127.0.0.1 or the engine's unix socket.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { seedTiny, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { postSlashCommand } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';
import { makeNodeBaseImage } from './base-image.ts';
import { type PrebuildMirror, servePrebuild } from './sqlite-prebuild.ts';

const run = promisify(execFile);
const IMAGE = 'docker-notes-bot:test';
const BASE = 'docker-notes-bot-test-base:24';
/** In the build context's .env, where a careless COPY would pick it up. */
const CANARY_TOKEN = 'xoxb-image-test-canary-0d6f1c';
const BOT_TOKEN = 'xoxb-image-test-runtime';
const SIGNING_SECRET = 'image-test-signing-secret';
/** Never copied into the context: what the repo has besides the sources. */
const NOT_CONTEXT = new Set(['.git', 'node_modules', 'dist', 'coverage', '.env', 'build-ca.pem']);

let daemon: TestDaemon;
let context: string;
let mirror: PrebuildMirror;

/** The docker CLI against the test engine; a failure carries the command's own output. */
async function docker(args: string[]): Promise<string> {
  try {
    return await daemon.cli(args);
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`docker ${args.join(' ')} failed:\n${String(stdout).slice(-4000)}\n${String(stderr).slice(-4000)}`);
  }
}

/** A container's stdout and stderr (the bot logs to stderr). */
async function logs(container: string): Promise<string> {
  const { stdout, stderr } = await run('docker', ['-H', daemon.host, 'logs', container], {
    env: { PATH: process.env.PATH, HOME: daemon.dir },
  });
  return stdout + stderr;
}

async function inspect(format: string, target: string): Promise<string> {
  return (await docker(['inspect', '-f', format, target])).trim();
}

/** Runs a one-off container without network and returns what it printed. */
function runOnce(options: string[], command: string[]): Promise<string> {
  return docker(['run', '--rm', '--network', 'none', ...options, IMAGE, ...command]);
}

beforeAll(async () => {
  daemon = await startTestDaemon();
  await seedTiny(daemon);
  const base = await makeNodeBaseImage(daemon, BASE);
  console.log(`base image: node ${base.nodeVersion}, npm ${base.npmVersion}`);
  const prebuildStarted = performance.now();
  mirror = await servePrebuild(path.join(daemon.dir, 'prebuild'), base.nodeVersion);
  const prebuildSeconds = ((performance.now() - prebuildStarted) / 1000).toFixed(0);
  console.log(
    `better-sqlite3 for node ${base.nodeVersion}: ${mirror.made} (${prebuildSeconds} s), served at ${mirror.host}`,
  );

  // The repository as a user's checkout has it (Dockerfile, .dockerignore and all), plus a .env with
  // a token and the CA the registry proxy here needs (build-ca.pem, see the Dockerfile).
  context = fs.mkdtempSync('/tmp/dnb-ctx-');
  fs.cpSync(PROJECT_ROOT, context, {
    recursive: true,
    filter: (source) => path.dirname(source) !== PROJECT_ROOT || !NOT_CONTEXT.has(path.basename(source)),
  });
  fs.writeFileSync(path.join(context, '.env'), `SLACK_BOT_TOKEN=${CANARY_TOKEN}\n`);
  fs.copyFileSync('/etc/ssl/certs/ca-certificates.crt', path.join(context, 'build-ca.pem'));

  const started = performance.now();
  await docker([
    'build',
    '--network',
    'host',
    '--build-arg',
    `NODE_IMAGE=${BASE}`,
    '--build-arg',
    `npm_config_better_sqlite3_binary_host=${mirror.host}`,
    '-t',
    IMAGE,
    context,
  ]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const [size, baseSize] = await Promise.all([inspect('{{.Size}}', IMAGE), inspect('{{.Size}}', BASE)]);
  const mb = (bytes: string) => (Number(bytes) / 1e6).toFixed(0);
  console.log(`image built in ${seconds} s: ${mb(size)} MB, of which the base ${mb(baseSize)} MB`);
});

afterAll(async () => {
  await mirror?.close();
  await daemon?.stop();
  if (context) fs.rmSync(context, { recursive: true, force: true });
});

describe('the image', () => {
  it('runs node dist/main.js itself, as the node user, with a health check and no entrypoint', async () => {
    const config = JSON.parse(await inspect('{{json .Config}}', IMAGE)) as {
      User: string;
      Entrypoint: string[] | null;
      Cmd: string[];
      Env: string[];
      ExposedPorts: Record<string, unknown>;
      Healthcheck?: { Test: string[] };
    };
    expect(config.User).toBe('node');
    expect(config.Entrypoint ?? []).toEqual([]);
    expect(config.Cmd).toEqual(['node', 'dist/main.js']);
    expect(Object.keys(config.ExposedPorts)).toEqual(['3000/tcp']);
    expect(config.Healthcheck?.Test.slice(0, 2)).toEqual(['CMD', 'node']);
    // The build stages' CA setting stays in the build stages.
    expect(config.Env.filter((e) => e.startsWith('NODE_EXTRA_CA_CERTS') || e.startsWith('npm_config'))).toEqual([]);
  });

  it('runs as a user other than root, who cannot change the app', async () => {
    const uid = (await runOnce([], ['node', '-p', 'process.getuid()'])).trim();
    expect(uid).toMatch(/^\d+$/);
    expect(uid).not.toBe('0');
    const write = await runOnce(
      [],
      [
        'node',
        '-e',
        "try { require('fs').writeFileSync('dist/main.js', ''); console.log('written') } catch (e) { console.log(e.code) }",
      ],
    );
    expect(write.trim()).toBe('EACCES');
  });

  it('contains no secret from the build context and no CA file, in any layer', async () => {
    const saved = path.join(daemon.dir, 'image.tar');
    await docker(['save', '-o', saved, IMAGE]);
    // Every layer is a plain tar inside the saved one, so a string in any file of any layer shows here.
    const inSaved = await run('grep', ['-a', '-F', '-c', CANARY_TOKEN, saved]).then(
      ({ stdout }) => Number(stdout),
      () => 0,
    );
    fs.rmSync(saved);
    expect(inSaved).toBe(0);
    const history = await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', IMAGE]);
    const config = await docker(['image', 'inspect', IMAGE]);
    for (const text of [history, config]) {
      // The mirror's build argument is the dependencies stage's, not the image's.
      expect(text).not.toContain(mirror.host);
      expect(text).not.toContain(CANARY_TOKEN);
      expect(text).not.toContain('xoxb-');
    }
    const files = await imageFiles();
    expect(files.filter((f) => /^app\/(\.env|build-ca\.pem|src|test|\.git)(\/|$)/.test(f))).toEqual([]);
  });

  it('has the production dependencies and none of the dev ones', async () => {
    const lock = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; optional?: boolean }>;
    };
    const installed = new Set(
      (await imageFiles()).filter((f) => f.endsWith('/package.json')).map((f) => f.slice('app/'.length, -13)),
    );
    const lockPaths = Object.entries(lock.packages).filter(([p]) => p.startsWith('node_modules/'));
    const dev = lockPaths.filter(([, meta]) => meta.dev).map(([p]) => p);
    const production = lockPaths.filter(([, meta]) => !meta.dev && !meta.optional).map(([p]) => p);
    expect(dev).toEqual(expect.arrayContaining(['node_modules/typescript', 'node_modules/vitest', 'node_modules/tsx']));
    expect(dev.filter((p) => installed.has(p))).toEqual([]);
    expect(production.filter((p) => !installed.has(p))).toEqual([]);
  });

  it("has better-sqlite3's binary for its Node, fetched from the mirror the build argument names, and the migrations", async () => {
    expect(mirror.requests.filter((r) => r.endsWith('-linux-x64.tar.gz'))).toHaveLength(1);
    const version = await runOnce(
      [],
      [
        'node',
        '-e',
        "console.log(new (require('better-sqlite3'))(':memory:').prepare('select sqlite_version() v').get().v)",
      ],
    );
    expect(version.trim()).toMatch(/^3\.\d+\.\d+$/);
    const files = await imageFiles();
    const migrations = fs.readdirSync(path.join(PROJECT_ROOT, 'migrations'));
    expect(migrations.filter((m) => !files.includes(`app/migrations/${m}`))).toEqual([]);
  });

  it('answers a question with the CLI inside, from the bundled notes and from mounted ones', async () => {
    expect(await runOnce([], ['node', 'dist/cli.js', 'ask', 'docker root dir'])).toContain('/var/lib/docker');

    const notes = fs.mkdtempSync(path.join(daemon.dir, 'notes-'));
    fs.chmodSync(notes, 0o755);
    fs.writeFileSync(
      path.join(notes, 'tea.md'),
      '---\nid: tea\ntitle: Tea break\n---\n# Tea break\n\nThe kettle is on the third floor.\n',
    );
    fs.chmodSync(path.join(notes, 'tea.md'), 0o644);
    const answer = await runOnce(
      ['-v', `${notes}:/notes:ro`, '-e', 'KNOWLEDGE_DIR=/notes'],
      ['node', 'dist/cli.js', 'ask', 'tea break'],
    );
    expect(answer).toContain('The kettle is on the third floor.');
  });

  it('runs ps against the engine whose socket is mounted read-only', async () => {
    const socketGroup = String(fs.statSync(daemon.socketPath).gid);
    const out = await runOnce(
      ['--group-add', socketGroup, '-v', `${daemon.socketPath}:/var/run/docker.sock:ro`],
      ['node', 'dist/cli.js', 'ps', '-a'],
    );
    expect(out).toContain('tiny-1');
  });
});

describe('the image in HTTP mode', () => {
  const slack = new SlackStandIn();
  let port: number;
  let container: string;

  beforeAll(async () => {
    await slack.start();
    port = await freeLoopbackPort();
    // As a careful deployment runs it: read-only root, no capabilities, no privilege escalation.
    container = (
      await docker([
        'run',
        '-d',
        '--network',
        'host',
        '--read-only',
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--health-interval',
        '1s',
        '-e',
        `SLACK_BOT_TOKEN=${BOT_TOKEN}`,
        '-e',
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        '-e',
        `SLACK_API_URL=${slack.apiUrl}`,
        '-e',
        `PORT=${port}`,
        IMAGE,
      ])
    ).trim();
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`no /healthz on :${port}:\n${await logs(container)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    await slack.stop();
  });

  it('answers /healthz on 127.0.0.1 and a signed /docker-ask on /slack/events', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    const res = await postSlashCommand(`http://127.0.0.1:${port}`, SIGNING_SECRET, {
      command: '/docker-ask',
      text: 'docker root dir',
      responseUrl: slack.responseUrl('image'),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('/var/lib/docker');
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([BOT_TOKEN]);
  });

  it("turns healthy by the image's own HEALTHCHECK", async () => {
    const deadline = Date.now() + 30_000;
    let status = await inspect('{{.State.Health.Status}}', container);
    while (status !== 'healthy' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = await inspect('{{.State.Health.Status}}', container);
    }
    expect(status).toBe('healthy');
  });

  it('is PID 1 itself and stops on SIGTERM with exit code 0', async () => {
    const cmdline = await docker([
      'exec',
      container,
      'node',
      '-p',
      "require('fs').readFileSync('/proc/1/cmdline', 'utf8').split('\\0').join(' ').trim()",
    ]);
    expect(cmdline.trim()).toBe('node dist/main.js');
    // docker stop sends SIGTERM and waits; a process that ignored it would be killed (exit code 137).
    await docker(['stop', '--time', '20', container]);
    expect(await inspect('{{.State.ExitCode}}', container)).toBe('0');
    const output = await logs(container);
    expect(output).toContain('listening');
    // Its SQLite store, opened at start in the data volume, writable under a read-only root.
    expect(output).toContain('store: sqlite at /app/data/bot.db, migrations applied');
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
  });
});

let exported: string[] | undefined;
/** Every path in the image's file system (as the final layer stack shows it), without a leading slash. */
async function imageFiles(): Promise<string[]> {
  if (exported) return exported;
  const created = (await docker(['create', IMAGE])).trim();
  const tarball = path.join(daemon.dir, 'export.tar');
  await docker(['export', '-o', tarball, created]);
  await docker(['rm', created]);
  const { stdout } = await run('tar', ['-tf', tarball], { maxBuffer: 64 << 20 });
  fs.rmSync(tarball);
  exported = stdout.split('\n').map((f) => f.replace(/^\.?\//, '').replace(/\/$/, ''));
  return exported;
}
