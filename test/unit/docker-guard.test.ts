import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { createGuardedDocker, ReadOnlyRefusal, refusalReason } from '../../src/docker/guard.ts';
import { type FakeEngine, startFakeEngine } from '../support/fake-engine.ts';

describe('refusalReason: the allowlist', () => {
  it.each([
    ['GET', '/_ping'],
    ['HEAD', '/_ping'],
    ['GET', '/version'],
    ['GET', '/v1.41/info'],
    ['GET', '/v1.47/containers/json?all=true&filters=%7B%22name%22%3A%5B%22web%22%5D%7D'],
    ['GET', '/containers/json'],
    ['GET', '/v1.41/system/df'],
    ['GET', '/images/json'],
    ['GET', '/v1.41/volumes'],
  ])('allows %s %s', (method, target) => {
    expect(refusalReason(method, target)).toBeNull();
  });

  it.each([
    ['POST', '/containers/json', 'POST is not a read'],
    ['DELETE', '/v1.41/volumes', 'DELETE is not a read'],
    ['HEAD', '/info', 'HEAD is not a read'],
    ['GET', '/containers/abc/json', 'not a read-only endpoint'],
    ['GET', '/containers/json/../abc/json', 'not a read-only endpoint'],
    ['GET', '/v1.41/containers/json/../../v1.41/containers/abc/logs', 'not a read-only endpoint'],
    ['GET', '//containers/json', 'not a read-only endpoint'],
    ['GET', '/v1.41//info', 'not a read-only endpoint'],
    ['GET', '/containers/json/', 'not a read-only endpoint'],
    ['GET', '/V1.41/info', 'not a read-only endpoint'],
    ['GET', '/v2.0/info', 'not a read-only endpoint'],
    ['GET', '/info/../containers/abc/export', 'not a read-only endpoint'],
    ['GET', '/%2e%2e/containers/abc/json', 'encoded characters in the path'],
    ['GET', '/containers/%6Ason', 'encoded characters in the path'],
    ['GET', '/containers/json%2F..%2Fabc%2Fjson', 'encoded characters in the path'],
    ['GET', '/images/abc/get', 'not a read-only endpoint'],
    ['GET', '/containers/abc/attach/ws', 'not a read-only endpoint'],
    ['GET', '/containers/json?size=true', 'size is never requested: it walks every container filesystem'],
    ['GET', '/containers/json?all=1&size=1', 'size is never requested: it walks every container filesystem'],
    ['GET', '/containers/json?all=1&all=0', 'query parameter "all" is not allowed'],
    ['GET', '/info?x=1', 'query parameter "x" is not allowed'],
    ['GET', '/system/df?type=container', 'query parameter "type" is not allowed'],
    // Keys dockerode could send but the reader never does.
    ['GET', '/containers/json?limit=5', 'query parameter "limit" is not allowed'],
    ['GET', '/images/json?digests=1', 'query parameter "digests" is not allowed'],
    ['GET', '/images/json?all=false', 'query parameter "all" is not allowed'],
    ['GET', '/v1.41/volumes?filters=%7B%7D', 'query parameter "filters" is not allowed'],
  ])('refuses %s %s', (method, target, reason) => {
    expect(refusalReason(method, target)).toBe(reason);
  });
});

describe('guarded modem', () => {
  let engine: FakeEngine;
  beforeEach(async () => {
    engine = await startFakeEngine();
  });
  afterEach(async () => {
    await engine.close();
  });

  const guarded = () => createGuardedDocker(readDockerConfig({ DOCKER_HOST: engine.host }).hosts[0]!, 2000);
  type DialOptions = Parameters<ReturnType<typeof guarded>['modem']['dial']>[0];
  const dial = (docker: ReturnType<typeof guarded>, options: DialOptions) =>
    new Promise((resolve, reject) =>
      docker.modem.dial({ statusCodes: { 200: true }, ...options }, (err, data) => (err ? reject(err) : resolve(data))),
    );

  it('refuses before any connection is opened', async () => {
    const docker = guarded();
    const refused = [
      () => docker.getContainer('abc').remove(),
      () => docker.getContainer('abc').inspect(),
      () => docker.listContainers({ size: true }),
      () => dial(docker, { path: '/containers/json/../abc/json', method: 'GET' }),
      () => dial(docker, { path: '/%2e%2e/containers/abc/json', method: 'GET' }),
      () => dial(docker, { path: '/containers/json?', method: 'GET', options: { size: 1 } }),
      () => dial(docker, { path: '/_ping', method: 'GET', hijack: true }),
      () => dial(docker, { path: '/_ping', method: 'GET', file: Buffer.from('x') }),
      () => dial(docker, { path: '/info', method: 'PUT' }),
    ];
    for (const call of refused) await expect(call()).rejects.toBeInstanceOf(ReadOnlyRefusal);
    expect(engine.connections).toBe(0);
    expect(engine.requests).toEqual([]);

    await docker.listContainers({ all: true, filters: { name: ['web'] } });
    expect(engine.requests).toEqual(['GET /containers/json?all=true&filters=%7B%22name%22%3A%5B%22web%22%5D%7D']);
  });

  it('reads each option once: a getter that changes its answer after the check gets nowhere', async () => {
    const docker = guarded();
    let pathReads = 0;
    let methodReads = 0;
    const shifty = {
      statusCodes: { 200: true, 204: true },
      get path() {
        pathReads++;
        return pathReads === 1 ? '/containers/json' : '/containers/abc/json';
      },
      get method() {
        methodReads++;
        return methodReads === 1 ? 'GET' : 'POST';
      },
    };
    await new Promise((resolve, reject) =>
      docker.modem.dial(shifty as unknown as DialOptions, (err, data) => (err ? reject(err) : resolve(data))),
    );
    expect([pathReads, methodReads]).toEqual([1, 1]);
    // A Proxy sees the same: one read per field, and the options' values read once too.
    const reads: string[] = [];
    const options = new Proxy(
      { all: true },
      {
        get(target, key) {
          reads.push(`options.${String(key)}`);
          return key === 'size' ? true : Reflect.get(target, key);
        },
      },
    );
    const proxied = new Proxy(
      { path: '/containers/json?', method: 'GET', options, statusCodes: { 200: true } },
      {
        get(target, key) {
          reads.push(String(key));
          return Reflect.get(target, key);
        },
      },
    );
    await dial(docker, proxied as unknown as DialOptions);
    expect(reads.filter((r) => r === 'path' || r === 'method' || r === 'options.all')).toEqual([
      'path',
      'method',
      'options.all',
    ]);
    expect(engine.requests).toEqual(['GET /containers/json', 'GET /containers/json?all=true']);
  });

  it('builds the query string itself: a falsy _query or authconfig cannot smuggle size=true in', async () => {
    const docker = guarded();
    const attempts: Record<string, unknown>[] = [
      { size: true, _query: 0 },
      { size: true, _query: '' },
      { size: true, authconfig: '' },
      { size: true, authconfig: 0 },
      { _query: { size: true } },
      { all: [true, true] },
      { all: null },
      { filters: () => 'x' },
    ];
    for (const options of attempts) {
      await expect(dial(docker, { path: '/containers/json?', method: 'GET', options })).rejects.toBeInstanceOf(
        ReadOnlyRefusal,
      );
    }
    await expect(dial(docker, { path: '/containers/json?size=1', method: 'GET' })).rejects.toThrow(
      'a query written into the path',
    );
    await expect(
      dial(docker, { path: '/info', method: 'GET', authconfig: { username: 'u' } } as DialOptions),
    ).rejects.toThrow('it carries registry credentials');
    expect(engine.connections).toBe(0);
  });

  it("cannot be sent around: buildRequest refuses, docker-modem's own dial on this modem too, and both stay", async () => {
    const docker = guarded();
    const modem = docker.modem as unknown as Record<string, unknown>;
    const raw = (...args: unknown[]) =>
      new Promise((resolve, reject) =>
        (modem.buildRequest as (...a: unknown[]) => void)(...args, (err: Error, data: unknown) =>
          err ? reject(err) : resolve(data),
        ),
      );
    await expect(
      raw(
        { socketPath: engine.socketPath, path: '/containers/abc/json', method: 'GET' },
        { statusCodes: { 200: true } },
        undefined,
      ),
    ).rejects.toBeInstanceOf(ReadOnlyRefusal);
    const original = Object.getPrototypeOf(docker.modem).dial as (o: unknown, cb: (e: Error) => void) => void;
    await expect(
      new Promise((resolve, reject) =>
        original.call(
          docker.modem,
          { path: '/containers/abc/json', method: 'GET', statusCodes: { 200: true } },
          (err: Error) => (err ? reject(err) : resolve(undefined)),
        ),
      ),
    ).rejects.toBeInstanceOf(ReadOnlyRefusal);
    expect(() => {
      modem.dial = () => undefined;
    }).toThrow(TypeError);
    expect(() => {
      modem.buildRequest = () => undefined;
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(modem, 'dial', { value: () => undefined })).toThrow(TypeError);
    expect(engine.connections).toBe(0);
  });

  it('checks the path with the pinned version prefix, as sent', async () => {
    const docker = guarded();
    (docker.modem as unknown as { version: string }).version = 'v1.41';
    await docker.ping();
    await expect(dial(docker, { path: '/../containers/abc/json', method: 'GET' })).rejects.toBeInstanceOf(
      ReadOnlyRefusal,
    );
    expect(engine.requests).toEqual(['GET /v1.41/_ping']);
  });

  it('is not redirected by docker-modem reading DOCKER_HOST from the process environment', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9';
    try {
      await guarded().ping();
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    expect(engine.requests).toEqual(['GET /_ping']);
  });
});

describe('the modem', () => {
  it('holds no address and no key material: the guarded transport has them', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `-----${f}-----`);
    try {
      const endpoint = readDockerConfig({
        DOCKER_HOST: 'tcp://docker.example:2376',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: dir,
      }).hosts[0]!;
      const modem = createGuardedDocker(endpoint, 1000).modem as unknown as Record<string, unknown>;
      for (const field of ['host', 'port', 'socketPath', 'ca', 'cert', 'key', 'agent']) {
        expect(modem[field]).toBeUndefined();
      }
      expect(JSON.stringify(modem)).not.toContain('-----');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docker-modem reading the environment on its own', () => {
  it('turns its certificate-reading failure into a readable error', () => {
    const saved = { host: process.env.DOCKER_HOST, certs: process.env.DOCKER_CERT_PATH };
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9';
    process.env.DOCKER_CERT_PATH = '/nonexistent-certs';
    try {
      const endpoint = readDockerConfig({ DOCKER_HOST: 'unix:///var/run/docker.sock' }).hosts[0]!;
      expect(() => createGuardedDocker(endpoint, 1000)).toThrow(
        'The Docker client could not start: it reads DOCKER_CERT_PATH when DOCKER_HOST is tcp:// and that failed (ENOENT). Fix or unset DOCKER_CERT_PATH.',
      );
    } finally {
      for (const [key, value] of [
        ['DOCKER_HOST', saved.host],
        ['DOCKER_CERT_PATH', saved.certs],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
