import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './eventually.ts';
import { acceptsConnections, freeLoopbackPort } from './net.ts';
import { requireTools } from './requirements.ts';

/**
 * A private dockerd for the integration tests: its own data root, exec root and socket in a short
 * temp dir (unix socket paths max out near 108 bytes), no bridge or iptables so it cannot disturb
 * the machine's networking or its default daemon. Never touches /var/run/docker.sock.
 */

const run = promisify(execFile);

export interface TestDaemon {
  dir: string;
  socketPath: string;
  /** unix://… for DOCKER_HOST */
  host: string;
  /** tcp://127.0.0.1:<port> for DOCKER_HOST, when started with `tls`. */
  tcpHost?: string;
  /** The docker CLI against this daemon only: an unguarded client for setup and for checking state. */
  cli(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface TestDaemonOptions {
  /**
   * Also listen on tcp://127.0.0.1:<free port> with mutual TLS (dockerd --tlsverify): PEM files of the
   * CA that signed the clients, and the daemon's own certificate and key. The unix socket stays plain.
   */
  tls?: { cacert: string; cert: string; key: string };
  /**
   * Run dockerd in a network namespace of its own (loopback only), which ends with it: for Swarm,
   * whose manager creates docker_gwbridge and the ingress sandbox, so they never touch the
   * machine's own interfaces. The unix socket works across namespaces; `tls` would not.
   */
  isolatedNetwork?: boolean;
}

export async function startTestDaemon(options: TestDaemonOptions = {}): Promise<TestDaemon> {
  requireTools('The Docker tests', ['dockerd', 'docker', 'busybox'], { root: true });
  if (options.isolatedNetwork) requireTools('A dockerd in its own network namespace', ['unshare', 'ip']);
  const dir = fs.mkdtempSync('/tmp/dk-');
  const socketPath = path.join(dir, 'd.sock');
  const tcpPort = options.tls ? await freeLoopbackPort() : undefined;
  const tcpArgs = options.tls
    ? [
        '-H',
        `tcp://127.0.0.1:${tcpPort}`,
        '--tlsverify',
        '--tlscacert',
        options.tls.cacert,
        '--tlscert',
        options.tls.cert,
        '--tlskey',
        options.tls.key,
      ]
    : [];
  const log = fs.openSync(path.join(dir, 'dockerd.log'), 'w');
  const dockerdArgs = [
    '--data-root',
    path.join(dir, 'data'),
    '--exec-root',
    path.join(dir, 'exec'),
    '--pidfile',
    path.join(dir, 'dockerd.pid'),
    '-H',
    `unix://${socketPath}`,
    ...tcpArgs,
    '--bridge=none',
    '--iptables=false',
    '--ip6tables=false',
    '--ip-masq=false',
    // `sleep` as PID 1 ignores SIGTERM; don't wait the default 15 s for it at shutdown.
    '--shutdown-timeout=1',
  ];
  const child: ChildProcess = spawn(
    options.isolatedNetwork ? 'unshare' : 'dockerd',
    options.isolatedNetwork
      ? ['--net', 'sh', '-c', 'ip link set lo up && exec dockerd "$@"', 'dockerd', ...dockerdArgs]
      : dockerdArgs,
    {
      stdio: ['ignore', log, log],
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
    },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const cliEnv = { PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: path.join(dir, 'cli') };
  const daemon: TestDaemon = {
    dir,
    socketPath,
    host: `unix://${socketPath}`,
    ...(tcpPort ? { tcpHost: `tcp://127.0.0.1:${tcpPort}` } : {}),
    async cli(args) {
      const { stdout } = await run('docker', ['-H', `unix://${socketPath}`, ...args], {
        env: cliEnv,
        maxBuffer: 16 << 20,
      });
      return stdout;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // Containers first: dockerd leaves their shims running when it exits, which would keep mounts busy.
        await daemon
          .cli(['rm', '-f', '-v', ...(await daemon.cli(['ps', '-aq'])).split('\n').filter(Boolean)])
          .catch(() => '');
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      unmountUnder(dir);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };

  const where = `${socketPath}${tcpPort ? ` and 127.0.0.1:${tcpPort}` : ''}`;
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`dockerd exited with ${child.exitCode}`);
        return (await ping(socketPath)) && (tcpPort === undefined || (await acceptsConnections(tcpPort)));
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `dockerd on ${where}` },
    );
  } catch (err) {
    const tail = fs.readFileSync(path.join(dir, 'dockerd.log'), 'utf8').split('\n').slice(-15).join('\n');
    await daemon.stop();
    throw new Error(`dockerd did not come up on ${where} (${(err as Error).message}):\n${tail}`);
  }
  return daemon;
}

/** Whatever dockerd left mounted under `dir` (its data root bind mount, overlays), deepest first. */
function unmountUnder(dir: string): void {
  const mounts = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((mountPoint) => mountPoint === dir || mountPoint.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const mountPoint of mounts) spawnSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** The value of web-1's vault.token label: a secret no allowlist in the tests covers. */
export const SECRET_LABEL_VALUE = 'swordfish-7f3a';

export interface Seeded {
  /** Full ids by container name. */
  ids: Record<string, string>;
}

/**
 * Test images from a busybox rootfs (docker import, no registry), and containers in every state
 * the tests look at: running (with labels, one of them secret, a volume, secret-bearing commands, health checks),
 * exited and created; one used and one unused volume.
 */
export async function seedDaemon(daemon: TestDaemon): Promise<Seeded> {
  const rootfs = path.join(daemon.dir, 'rootfs');
  fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(rootfs, 'bin', 'busybox'));
  fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
  for (const applet of ['sh', 'sleep', 'true', 'false', 'env', 'echo'])
    fs.symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  await run('tar', ['-C', rootfs, '-cf', path.join(daemon.dir, 'one.tar'), '.']);
  fs.mkdirSync(path.join(rootfs, 'etc'));
  fs.writeFileSync(path.join(rootfs, 'etc', 'marker'), 'second image\n'.repeat(1000));
  await run('tar', ['-C', rootfs, '-cf', path.join(daemon.dir, 'two.tar'), '.']);
  await daemon.cli(['import', path.join(daemon.dir, 'one.tar'), 'tbox:1']);
  await daemon.cli(['import', path.join(daemon.dir, 'two.tar'), 'tbox:2']);
  await daemon.cli(['volume', 'create', 'vol-b']);

  const detached = ['run', '-d', '--network', 'none'];
  await Promise.all([
    daemon.cli([
      ...detached,
      '--name',
      'web-1',
      '--label',
      'team=web',
      '--label',
      'tier=front',
      '--label',
      `vault.token=${SECRET_LABEL_VALUE}`,
      '-v',
      'vol-a:/data',
      'tbox:1',
      'sh',
      '-c',
      'echo hello > /data/f; exec sleep 3600',
    ]),
    daemon.cli([
      ...detached,
      '--name',
      'web-2',
      '--label',
      'team=web',
      'tbox:1',
      'sh',
      '-c',
      'exec sleep 3600',
      '--password=hunter2',
      'https://bob:pw@db.example.com',
    ]),
    daemon.cli([
      ...detached,
      '--name',
      'api-1',
      '--label',
      'team=api',
      'tbox:2',
      'env',
      'PGPASSWORD=s3cret',
      'sleep',
      '3600',
    ]),
    daemon.cli([
      ...detached,
      '--name',
      'health-ok',
      '--health-cmd',
      'true',
      '--health-interval',
      '1s',
      'tbox:1',
      'sleep',
      '3600',
    ]),
    daemon.cli([
      ...detached,
      '--name',
      'health-bad',
      '--health-cmd',
      'false',
      '--health-interval',
      '1s',
      '--health-retries',
      '1',
      'tbox:1',
      'sleep',
      '3600',
    ]),
    daemon
      .cli(['run', '--network', 'none', '--name', 'db-1', '--label', 'team=db', 'tbox:2', 'sh', '-c', 'exit 3'])
      .catch(() => ''),
    daemon.cli(['create', '--network', 'none', '--name', 'job-1', '--label', 'team=batch', 'tbox:2', 'sleep', '1']),
  ]);
  // Health states settle after the first check (1 s interval).
  await eventually(
    async () => {
      const states = await daemon.cli(['inspect', '-f', '{{.State.Health.Status}}', 'health-ok', 'health-bad']);
      return states.trim() === 'healthy\nunhealthy';
    },
    { timeoutMs: 15_000, intervalMs: 200, what: 'the health checks to settle (healthy, unhealthy)' },
  );
  const ids: Record<string, string> = {};
  for (const line of (await daemon.cli(['ps', '-a', '--no-trunc', '--format', '{{.Names}} {{.ID}}']))
    .trim()
    .split('\n')) {
    const [name, id] = line.split(' ');
    ids[name!] = id!;
  }
  return { ids };
}

/**
 * The least that makes ps and df say something, in well under a second: a one-file image
 * (`tiny:1`, no busybox, no registry), a container created from it (never started) and a volume.
 */
export async function seedTiny(daemon: TestDaemon): Promise<{ containerId: string }> {
  const rootfs = path.join(daemon.dir, 'tiny');
  fs.mkdirSync(rootfs);
  fs.writeFileSync(path.join(rootfs, 'hello'), 'hello\n');
  await run('tar', ['-C', rootfs, '-cf', path.join(daemon.dir, 'tiny.tar'), '.']);
  await daemon.cli(['import', path.join(daemon.dir, 'tiny.tar'), 'tiny:1']);
  await daemon.cli(['volume', 'create', 'tiny-vol']);
  const containerId = (
    await daemon.cli(['create', '--network', 'none', '--name', 'tiny-1', '--label', 'team=tiny', 'tiny:1', '/hello'])
  ).trim();
  return { containerId };
}

/** What the engine holds, read through the unguarded CLI: proves refused calls changed nothing. */
export async function engineState(daemon: TestDaemon): Promise<string> {
  const parts = await Promise.all([
    daemon.cli(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.State}} {{.Image}}']),
    daemon.cli(['images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']),
    daemon.cli(['volume', 'ls', '--format', '{{.Name}}']),
    daemon.cli(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']),
  ]);
  return parts.map((p) => p.trim().split('\n').sort().join('\n')).join('\n--\n');
}
