import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config.ts';
import { createGuardedDocker, ReadOnlyRefusal } from '../../src/docker/guard.ts';
import { createDockerReader, type PsOptions, readDockerConfig } from '../../src/docker/index.ts';
import { GuardedConnection } from '../../src/docker/transport.ts';
import { ConfigError } from '../../src/errors.ts';
import { engineState, seedTiny, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { startCountingProxy } from '../support/net.ts';
import { requireTools } from '../support/requirements.ts';
import { failure } from '../support/user-error.ts';

/**
 * DOCKER_HOST=tcp://… with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH against a private dockerd that
 * listens on 127.0.0.1 with --tlsverify (mutual TLS), using a throwaway CA made here with openssl.
 */

const run = promisify(execFile);
const PS: PsOptions = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };
const TIMEOUT_MS = 3000;

let daemon: TestDaemon;
let tmp: string;
/** DOCKER_CERT_PATH directories: the right one, and broken variants. */
let certs: { good: string; wrongCa: string; foreignClient: string; noKey: string };
let containerId: string;

beforeAll(async () => {
  requireTools('The TLS tests (throwaway certificates)', ['openssl']);
  tmp = fs.mkdtempSync('/tmp/dk-tls-');
  const [ours, theirs] = await Promise.all([makeCa(path.join(tmp, 'ours')), makeCa(path.join(tmp, 'theirs'))]);
  certs = {
    good: certPath('good', ours.ca, ours.client),
    wrongCa: certPath('wrong-ca', theirs.ca, ours.client),
    foreignClient: certPath('foreign-client', ours.ca, theirs.client),
    noKey: certPath('no-key', ours.ca, ours.client, ['key.pem']),
  };
  daemon = await startTestDaemon({ tls: { cacert: ours.ca, cert: ours.server.cert, key: ours.server.key } });
  ({ containerId } = await seedTiny(daemon));
});

afterAll(async () => {
  await daemon?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Pair {
  cert: string;
  key: string;
}

/** A CA and, signed by it, a server certificate for 127.0.0.1 and localhost and a client certificate. */
async function makeCa(dir: string): Promise<{ ca: string; server: Pair; client: Pair }> {
  fs.mkdirSync(dir);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await openssl([
    'req',
    '-x509',
    ...ec,
    '-days',
    '1',
    '-subj',
    `/CN=test CA ${path.basename(dir)}`,
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
  ]);
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  fs.writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [who, cn] of [
    ['server', 'localhost'],
    ['client', 'docker-notes-bot'],
  ] as const) {
    await openssl(['req', ...ec, '-subj', `/CN=${cn}`, '-keyout', `${who}-key.pem`, '-out', `${who}.csr`]);
    await openssl([
      'x509',
      '-req',
      '-in',
      `${who}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      `${who}.ext`,
      '-out',
      `${who}-cert.pem`,
    ]);
  }
  const pair = (who: string) => ({ cert: path.join(dir, `${who}-cert.pem`), key: path.join(dir, `${who}-key.pem`) });
  return { ca: path.join(dir, 'ca.pem'), server: pair('server'), client: pair('client') };
}

/** A directory laid out like DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem), minus `leaveOut`. */
function certPath(name: string, ca: string, client: Pair, leaveOut: string[] = []): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const [file, from] of [
    ['ca.pem', ca],
    ['cert.pem', client.cert],
    ['key.pem', client.key],
  ] as const) {
    if (!leaveOut.includes(file)) fs.copyFileSync(from, path.join(dir, file));
  }
  return dir;
}

function tlsEnv(certDir: string, host = daemon.tcpHost!): Env {
  return {
    DOCKER_HOST: host,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: certDir,
    DOCKER_TIMEOUT_MS: String(TIMEOUT_MS),
  };
}

/** No PEM block, and none of the base64 lines of any private key in `dirs`. */
function expectNoKeyMaterial(message: string): void {
  expect(message).not.toMatch(/-----|PRIVATE KEY/);
  for (const file of ['ours/ca-key.pem', 'ours/client-key.pem', 'theirs/client-key.pem', 'theirs/ca-key.pem']) {
    for (const line of fs
      .readFileSync(path.join(tmp, file), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))) {
      expect(message).not.toContain(line.slice(0, 16));
    }
  }
}

describe('Docker over TLS (tcp:// + DOCKER_TLS_VERIFY=1 + DOCKER_CERT_PATH)', () => {
  it('ps and df work and agree with the docker CLI', async () => {
    const reader = createDockerReader(readDockerConfig(tlsEnv(certs.good)));
    // One after the other: this dockerd refuses a second disk usage operation while one runs (HTTP 500).
    const [ps, df] = await Promise.all([reader.ps(PS), reader.df({ verbose: true })]);
    const cliDf = await daemon.cli(['system', 'df', '--format', '{{.Type}} {{.TotalCount}} {{.Active}}']);
    expect(ps.host).toEqual({ name: 'default', endpoint: daemon.tcpHost });
    expect(ps.rows.map((r) => [r.id, r.name, r.image, r.state])).toEqual([
      [containerId.slice(0, 12), 'tiny-1', 'tiny:1', 'created'],
    ]);
    expect(df.categories.map((c) => `${c.total} ${c.active}`)).toEqual(
      cliDf
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(-2).join(' ')),
    );
    expect(df.categories.map((c) => [c.kind, c.total])).toEqual([
      ['images', 1],
      ['containers', 1],
      ['volumes', 1],
      ['buildCache', 0],
    ]);
    expect(df.largest!.volumes.map((v) => v.name)).toEqual(['tiny-vol']);
    expect(df.dockerRootDir).toBe(`${daemon.dir}/data`);
  });

  it('works by host name too, as the certificate also names localhost', async () => {
    const reader = createDockerReader(
      readDockerConfig(tlsEnv(certs.good, daemon.tcpHost!.replace('127.0.0.1', 'localhost'))),
    );
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });

  it('works from the real environment in a separate process (the CLI), where docker-modem also reads DOCKER_*', async () => {
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const cli = (certDir: string) =>
      run(process.execPath, [tsx, path.resolve('src/cli.ts'), 'ps', '-a', '--json'], {
        cwd: tmp, // no .env here
        env: { PATH: process.env.PATH, HOME: tmp, ...tlsEnv(certDir) },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
    const [ok, missing] = await Promise.all([cli(certs.good), cli(certs.noKey)]);
    expect(ok.stderr).toBe('');
    expect((JSON.parse(ok.stdout) as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(['tiny-1']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(
      `DOCKER_CERT_PATH=${certs.noKey}: cannot read key.pem (ENOENT); DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem there.\n`,
    );
  });

  it('a CA that did not sign the daemon certificate: one line saying so, fast, no key material', async () => {
    const reader = createDockerReader(readDockerConfig(tlsEnv(certs.wrongCa)));
    for (const call of [() => reader.ps(PS), () => reader.df({ verbose: false })]) {
      const { message, ms } = await failure(call());
      expect(message).toBe(
        `TLS with Docker host ${daemon.tcpHost} failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE): the daemon's certificate is not signed by ca.pem in DOCKER_CERT_PATH; put the CA that signed it there.`,
      );
      expect(ms).toBeLessThan(TIMEOUT_MS);
      expectNoKeyMaterial(message);
    }
  });

  it('a client certificate the daemon does not trust: one line saying the daemon refused it', async () => {
    const reader = createDockerReader(readDockerConfig(tlsEnv(certs.foreignClient)));
    const { message, ms } = await failure(reader.ps(PS));
    expect(message).toMatch(
      new RegExp(
        `^TLS with Docker host ${daemon.tcpHost} failed \\(ERR_SSL_\\w+\\): the daemon refused the client certificate; DOCKER_CERT_PATH needs a cert\\.pem and key\\.pem signed by the daemon's CA\\.$`,
      ),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expectNoKeyMaterial(message);
  });

  it('missing certificate files: a readable error naming DOCKER_CERT_PATH before anything connects', () => {
    for (const [leaveOut, dir] of [
      ['key.pem', certs.noKey],
      ['ca.pem', path.join(tmp, 'nowhere')],
    ] as const) {
      let thrown: unknown;
      try {
        readDockerConfig(tlsEnv(dir));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toBe(
        `DOCKER_CERT_PATH=${dir}: cannot read ${leaveOut} (ENOENT); DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem there.`,
      );
    }
  });

  it('plain HTTP to the TLS port, and TLS to a plain port: each says which setting to change', async () => {
    const plain = createDockerReader(
      readDockerConfig({ DOCKER_HOST: daemon.tcpHost, DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) }),
    );
    expect((await failure(plain.ps(PS))).message).toBe(
      `Docker host ${daemon.tcpHost} only speaks TLS. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem).`,
    );

    const server = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const host = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      const reader = createDockerReader(readDockerConfig(tlsEnv(certs.good, host)));
      expect((await failure(reader.ps(PS))).message).toBe(
        `TLS with Docker host ${host} failed (EPROTO): nothing speaks TLS on that port; use the daemon's TLS port, or unset DOCKER_TLS_VERIFY for a plain one.`,
      );
    } finally {
      server.close();
    }
  });

  it('the read-only guard refuses mutating calls over TLS, and attacks from inside the process, before a single byte goes out', async () => {
    // A loopback proxy in front of the daemon's TLS port counts what the client sends.
    const proxy = await startCountingProxy(Number(new URL(daemon.tcpHost!).port));
    try {
      const host = `tcp://127.0.0.1:${proxy.port}`;
      const docker: Docker = createGuardedDocker(readDockerConfig(tlsEnv(certs.good, host)).hosts[0]!, TIMEOUT_MS);
      // An allowed read goes through the proxy, over TLS, to the daemon: the counter sees it.
      expect((await docker.listContainers({ all: true })).map((c) => c.Id)).toEqual([containerId]);
      expect(proxy.bytesOut).toBeGreaterThan(0);
      const before = { connections: proxy.connections, bytesOut: proxy.bytesOut, engine: await engineState(daemon) };

      const container = docker.getContainer(containerId);
      type Callback = (err: Error | null, data: unknown) => void;
      const modem = docker.modem as unknown as Record<string, (...args: unknown[]) => void>;
      const viaCallback = (send: (callback: Callback) => void) =>
        new Promise((resolve, reject) => send((err, data) => (err ? reject(err) : resolve(data))));
      let reads = 0;
      const attempts: [string, () => Promise<unknown>][] = [
        ['container start', () => container.start()],
        ['container remove', () => container.remove({ force: true })],
        ['container exec', () => container.exec({ Cmd: ['/hello'] })],
        ['createContainer', () => docker.createContainer({ Image: 'tiny:1', name: 'intruder' })],
        ['volume remove', () => docker.getVolume('tiny-vol').remove()],
        ['pruneImages', () => docker.pruneImages()],
        // From inside the process, through the client object itself:
        [
          'a getter that shows the check a write',
          () =>
            viaCallback((cb) =>
              modem.dial!(
                {
                  method: 'POST',
                  statusCodes: { 204: true },
                  get path() {
                    return reads++ === 0 ? `/containers/${containerId}/start` : '/containers/json';
                  },
                },
                cb,
              ),
            ),
        ],
        [
          'modem.buildRequest',
          () =>
            viaCallback((cb) =>
              modem.buildRequest!(
                { path: `/containers/${containerId}/start`, method: 'POST' },
                { statusCodes: { 204: true } },
                undefined,
                cb,
              ),
            ),
        ],
        [
          "docker-modem's own dial on this modem",
          () =>
            viaCallback((cb) =>
              (Object.getPrototypeOf(docker.modem).dial as (o: object, cb: Callback) => void).call(
                docker.modem,
                { path: `/containers/${containerId}/start`, method: 'POST', statusCodes: { 204: true } },
                cb,
              ),
            ),
        ],
        ['size=true behind a falsy _query', () => docker.listContainers({ size: true, _query: 0 } as object)],
        ['size=true behind a falsy authconfig', () => docker.listContainers({ size: true, authconfig: '' } as object)],
        [
          'raw bytes written to the transport connection',
          () =>
            new Promise((resolve, reject) => {
              const [ca, cert, key] = ['ca.pem', 'cert.pem', 'key.pem'].map((f) =>
                fs.readFileSync(path.join(certs.good, f)),
              );
              const connection = new GuardedConnection((done) =>
                done(null, tls.connect({ host: '127.0.0.1', port: proxy.port, ca, cert, key })),
              );
              connection.once('error', reject);
              connection.write(`POST /containers/${containerId}/start HTTP/1.1\r\nHost: x\r\n\r\n`, (err) =>
                err ? reject(err) : resolve(undefined),
              );
            }),
        ],
      ];
      const results = await Promise.all(
        attempts.map(([what, call]) =>
          call().then(
            () => `${what}: NOT refused`,
            (err: unknown) =>
              err instanceof ReadOnlyRefusal ? `${what}: refused` : `${what}: failed otherwise: ${String(err)}`,
          ),
        ),
      );
      expect(results.filter((r) => !r.endsWith(': refused'))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // anything sent would have arrived by now
      expect({ connections: proxy.connections, bytesOut: proxy.bytesOut, engine: await engineState(daemon) }).toEqual(
        before,
      );
    } finally {
      proxy.close();
    }
  });
});
