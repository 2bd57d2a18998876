/**
 * The Compose files read by the real tools: Debian's docker-compose resolves deploy/compose.yaml,
 * and a real Swarm manager (a private dockerd in a network namespace of its own, `swarm init` on
 * loopback) takes deploy/stack.yaml with `docker stack deploy`, so the service specs below are what
 * the engine stored. No registry is reachable, so the tasks are held unscheduled (a placement
 * constraint no node meets): the image itself is run by `npm run test:image`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { requireTools } from '../support/requirements.ts';

const run = promisify(execFile);
const DEPLOY_DIR = path.join(PROJECT_ROOT, 'deploy');
const BOT_ENV = 'SLACK_BOT_TOKEN=xoxb-swarm-test\nSLACK_SIGNING_SECRET=swarm-test-secret\n';
/** Keeps every task pending, so nothing needs an image or starts on the overlay networks. */
const UNSCHEDULABLE = `services:
  bot:
    deploy: { placement: { constraints: ["node.labels.docker-notes-bot-test == never"] } }
  docker-proxy:
    deploy: { placement: { constraints: ["node.labels.docker-notes-bot-test == never"] } }
`;

/** A copy of deploy/ with a bot.env beside the files, as a user's checkout would have it. */
function deployCopy(): string {
  const dir = fs.mkdtempSync('/tmp/dnb-deploy-');
  fs.mkdirSync(path.join(dir, 'deploy'));
  for (const file of ['compose.yaml', 'stack.yaml']) {
    fs.copyFileSync(path.join(DEPLOY_DIR, file), path.join(dir, 'deploy', file));
  }
  fs.writeFileSync(path.join(dir, 'deploy', 'bot.env'), BOT_ENV);
  fs.writeFileSync(path.join(dir, 'unschedulable.yaml'), UNSCHEDULABLE);
  return dir;
}

describe('docker-compose reads deploy/compose.yaml', () => {
  let dir: string;
  beforeAll(() => {
    requireTools('The Compose test', ['docker-compose']);
    dir = deployCopy();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function config(extraEnv: Record<string, string> = {}) {
    const { stdout } = await run('docker-compose', ['-f', path.join(dir, 'deploy', 'compose.yaml'), 'config'], {
      env: { PATH: process.env.PATH, ...extraEnv },
    });
    return parse(stdout) as {
      services: Record<
        string,
        {
          environment: Record<string, string>;
          ports: string[];
          volumes: Array<string | { source: string; target: string; read_only?: boolean }>;
        }
      >;
    };
  }

  it('resolves the bot with bot.env, the proxy address, loopback-only publishing and the notes', async () => {
    const { bot } = (await config()).services;
    expect(bot!.environment).toMatchObject({
      SLACK_BOT_TOKEN: 'xoxb-swarm-test',
      DOCKER_HOST: 'tcp://docker-proxy:2375',
      PORT: '3000',
    });
    expect(bot!.ports).toEqual(['127.0.0.1:3000:3000/tcp']);
    expect(bot!.volumes).toEqual([
      { type: 'bind', source: path.join(dir, 'knowledge'), target: '/notes', read_only: true },
      // The SQLite store's named volume.
      expect.objectContaining({ type: 'volume', source: 'bot-data', target: '/app/data' }),
    ]);
  });

  it('takes the notes folder and the port from NOTES_DIR and BOT_PORT', async () => {
    const { bot } = (await config({ NOTES_DIR: '/srv/team-notes', BOT_PORT: '8080' })).services;
    expect(bot!.ports).toEqual(['127.0.0.1:8080:3000/tcp']);
    expect(bot!.volumes).toEqual([
      { type: 'bind', source: '/srv/team-notes', target: '/notes', read_only: true },
      expect.objectContaining({ type: 'volume', target: '/app/data' }),
    ]);
  });
});

interface ServiceSpec {
  Spec: {
    Mode: { Replicated?: { Replicas: number } };
    UpdateConfig?: { Parallelism: number; Order: string; FailureAction: string; Monitor: number };
    RollbackConfig?: { Order: string };
    EndpointSpec?: { Ports?: Array<{ TargetPort: number; PublishedPort: number; PublishMode: string }> };
    TaskTemplate: {
      ContainerSpec: {
        Image: string;
        Env: string[];
        ReadOnly?: boolean;
        CapabilityDrop?: string[];
        Healthcheck?: { Test?: string[]; Interval: number; Retries: number };
        Mounts?: Array<{ Type: string; Source?: string; Target: string; ReadOnly?: boolean }>;
      };
      RestartPolicy: { Condition: string };
      Resources?: { Limits?: { MemoryBytes?: number } };
      Placement?: { Constraints?: string[] };
      Networks: Array<{ Target: string }>;
    };
  };
}

describe('a Swarm manager deploys deploy/stack.yaml', () => {
  let daemon: TestDaemon;
  let dir: string;
  const service = async (name: string) =>
    (JSON.parse(await daemon.cli(['service', 'inspect', `notes_${name}`])) as ServiceSpec[])[0]!.Spec;
  const networkOf = async (id: string) =>
    (
      JSON.parse(await daemon.cli(['network', 'inspect', id])) as Array<{
        Name: string;
        Internal: boolean;
        Driver: string;
      }>
    )[0]!;

  beforeAll(async () => {
    daemon = await startTestDaemon({ isolatedNetwork: true });
    dir = deployCopy();
    const port = await freeLoopbackPort();
    await daemon.cli(['swarm', 'init', '--advertise-addr', '127.0.0.1', '--listen-addr', `127.0.0.1:${port}`]);
    await daemon.cli([
      'stack',
      'deploy',
      '--resolve-image',
      'never',
      '-c',
      path.join(dir, 'deploy', 'stack.yaml'),
      '-c',
      path.join(dir, 'unschedulable.yaml'),
      'notes',
    ]);
  });
  afterAll(async () => {
    await daemon?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the bot as several replicas with rolling, self-reverting updates and restarts', async () => {
    const bot = await service('bot');
    expect(bot.Mode.Replicated?.Replicas).toBeGreaterThanOrEqual(2);
    expect(bot.UpdateConfig).toMatchObject({ Parallelism: 1, Order: 'start-first', FailureAction: 'rollback' });
    expect(bot.RollbackConfig?.Order).toBe('start-first');
    expect(bot.TaskTemplate.RestartPolicy.Condition).toBe('any');
    expect(bot.TaskTemplate.Resources?.Limits?.MemoryBytes).toBeGreaterThan(0);
  });

  it("health-checks with the image's own test, read-only and without capabilities", async () => {
    const container = (await service('bot')).TaskTemplate.ContainerSpec;
    expect(container.Healthcheck?.Interval).toBeGreaterThan(0);
    expect(container.Healthcheck?.Test).toBeUndefined();
    expect(container.ReadOnly).toBe(true);
    expect(container.CapabilityDrop).toEqual(['ALL']);
  });

  it('gives the bot its env file, the proxy address, and one port on the routing mesh', async () => {
    const bot = await service('bot');
    expect(bot.TaskTemplate.ContainerSpec.Env).toEqual(
      expect.arrayContaining(['SLACK_BOT_TOKEN=xoxb-swarm-test', 'DOCKER_HOST=tcp://docker-proxy:2375', 'PORT=3000']),
    );
    expect(bot.EndpointSpec?.Ports).toEqual([
      expect.objectContaining({ TargetPort: 3000, PublishedPort: 3000, PublishMode: 'ingress' }),
    ]);
  });

  it('mounts the socket read-only into the proxy alone, on a manager, on an internal overlay', async () => {
    const proxy = await service('docker-proxy');
    const socket = proxy.TaskTemplate.ContainerSpec.Mounts?.find((m) => m.Target === '/var/run/docker.sock');
    expect(socket).toMatchObject({ Type: 'bind', Source: '/var/run/docker.sock', ReadOnly: true });
    expect(proxy.TaskTemplate.ContainerSpec.Env).toEqual(expect.arrayContaining(['POST=0', 'EVENTS=0']));
    expect(proxy.TaskTemplate.Placement?.Constraints).toContain('node.role == manager');
    expect(proxy.EndpointSpec?.Ports ?? []).toEqual([]);
    const proxyNetworks = await Promise.all(proxy.TaskTemplate.Networks.map((n) => networkOf(n.Target)));
    expect(proxyNetworks).toEqual([
      expect.objectContaining({ Name: 'notes_docker-api', Internal: true, Driver: 'overlay' }),
    ]);

    const bot = await service('bot');
    // Only the SQLite store's volume: no socket, no host folder.
    expect(bot.TaskTemplate.ContainerSpec.Mounts ?? []).toEqual([
      expect.objectContaining({ Type: 'volume', Source: 'notes_bot-data', Target: '/app/data' }),
    ]);
    const botNetworks = await Promise.all(bot.TaskTemplate.Networks.map((n) => networkOf(n.Target)));
    expect(botNetworks.map((n) => n.Name).sort()).toEqual(['notes_default', 'notes_docker-api']);
  });

  it('schedules every task (held only by the test constraint)', async () => {
    const tasks = (await daemon.cli(['stack', 'ps', '--no-trunc', '--format', '{{.Name}} {{.Error}}', 'notes']))
      .trim()
      .split('\n');
    expect(tasks).toHaveLength(3);
    for (const task of tasks) expect(task).toMatch(/no suitable node/);
  });
});
