import { afterEach, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { chooseApiVersion, createDockerReader } from '../../src/docker/reader.ts';
import type { PsOptions } from '../../src/docker/types.ts';
import { UserError } from '../../src/errors.ts';
import { type FakeEngine, sleep, startFakeEngine } from '../support/fake-engine.ts';

const PS: PsOptions = { all: false, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };

let engine: FakeEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

function reader(e: FakeEngine, extra: Record<string, string> = {}, now?: () => number) {
  return createDockerReader(
    readDockerConfig({ DOCKER_HOST: e.host, DOCKER_TIMEOUT_MS: '500', ...extra }),
    now ? { now } : {},
  );
}

describe('API version pinning', () => {
  it.each([
    ['1.41', '1.12', '1.41'],
    ['1.47', '1.24', '1.47'],
    ['1.51', '1.24', '1.47'], // newer daemon: spoken to in the version this code knows
    ['1.52', '1.48', '1.48'], // ours is below its minimum: the oldest it accepts
    ['1.40', undefined, '1.40'],
  ])('daemon %s (min %s) → v%s', (max, min, expected) => {
    expect(chooseApiVersion(max, min)).toBe(expected);
  });

  it('asks /version once, then sends every request with the pinned prefix', async () => {
    engine = await startFakeEngine('1.51', '1.24');
    const r = reader(engine);
    await Promise.all([r.ps(PS), r.ps({ ...PS, all: true }), r.df({ verbose: false })]);
    await r.ps(PS);
    expect(engine.requests.filter((q) => q.startsWith('GET /version'))).toEqual(['GET /version']);
    expect(engine.requests.filter((q) => q !== 'GET /version').every((q) => q.startsWith('GET /v1.47/'))).toBe(true);
    expect(engine.requests).toContain('GET /v1.47/containers/json?all=true&filters=%7B%7D');
  });

  it("one call's deadline does not fail another that joined the same /version request and still has time", async () => {
    engine = await startFakeEngine();
    const version = engine.routes['/version']!;
    let slow = true; // the first /version answers after the 500 ms deadline, later ones at once
    engine.routes['/version'] = async () => {
      if (slow) {
        slow = false;
        await sleep(700);
      }
      return version();
    };
    const r = reader(engine);
    const first = r.ps(PS).then(
      () => 'answered',
      (e: unknown) => (e as Error).message,
    );
    await sleep(300);
    const second = await r.ps(PS); // joins the slow /version; its own deadline is 300 ms later
    expect(second.rows).toEqual([]);
    expect(await first).toBe(
      `Docker host ${engine.host} did not answer within 0.5 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
    );
    expect(engine.requests.filter((q) => q.startsWith('GET /version'))).toEqual(['GET /version', 'GET /version']);
    expect(engine.abandoned).toEqual(['GET /version']);
  });

  it('gives /version its own deadline and drops it when that passes', async () => {
    engine = await startFakeEngine();
    engine.routes['/version'] = () => undefined; // never answers
    const r = reader(engine);
    const started = Date.now();
    await expect(Promise.all([r.ps(PS), r.df({ verbose: false })])).rejects.toThrow(/did not answer within 0\.5 s/);
    expect(Date.now() - started).toBeLessThan(1500);
    for (let waited = 0; engine.abandoned.length === 0 && waited < 1000; waited += 20) await sleep(20);
    expect(engine.abandoned).toEqual(['GET /version']);
  });

  it('does not keep a failed pin: the next call asks /version again', async () => {
    engine = await startFakeEngine();
    const version = engine.routes['/version']!;
    engine.routes['/version'] = () => ({ status: 500, body: { message: 'starting up' } });
    const r = reader(engine);
    await expect(r.ps(PS)).rejects.toThrow(/answered HTTP 500/);
    engine.routes['/version'] = version;
    await expect(r.ps(PS)).resolves.toMatchObject({ rows: [] });
    expect(engine.requests.filter((q) => q.startsWith('GET /version'))).toHaveLength(2);
  });

  it('refuses to guess when the peer does not report an API version', async () => {
    engine = await startFakeEngine();
    engine.routes['/version'] = () => ({ body: { Version: 'not docker' } });
    await expect(reader(engine).ps(PS)).rejects.toThrow(
      `Docker host ${engine.host} did not report an API version; is it a Docker engine? Check DOCKER_HOST.`,
    );
  });
});

describe('ps requests', () => {
  it('passes filters to the engine and never asks for sizes', async () => {
    engine = await startFakeEngine();
    await reader(engine, { DOCKER_LABEL_ALLOWLIST: 'team' }).ps({
      all: true,
      filters: { name: ['web'], status: ['exited', 'dead'], label: ['team=a'], ancestor: [], health: ['healthy'] },
    });
    const listed = engine.requests.find((q) => q.includes('/containers/json'))!;
    const query = new URLSearchParams(listed.split('?')[1]);
    expect(query.get('all')).toBe('true');
    expect(JSON.parse(query.get('filters')!)).toEqual({
      name: ['web'],
      status: ['exited', 'dead'],
      label: ['team=a'],
      health: ['healthy'],
    });
    expect(query.has('size')).toBe(false);
  });

  it('refuses a label= filter on a key outside DOCKER_LABEL_ALLOWLIST before asking the engine anything', async () => {
    engine = await startFakeEngine();
    const r = reader(engine, { DOCKER_LABEL_ALLOWLIST: 'team' });
    const filters = (label: string[]) => ({ ...PS.filters, label });
    await expect(r.ps({ ...PS, filters: filters(['team=web', 'vault.token=s3cret']) })).rejects.toThrow(
      new UserError(
        'label=vault.token: only label keys in DOCKER_LABEL_ALLOWLIST can be filtered on (other labels are hidden; they may hold secrets). Keys you can use: team.',
      ),
    );
    expect(engine.requests).toEqual([]);
    expect(engine.connections).toBe(0);
    await expect(r.ps({ ...PS, filters: filters(['team=web']) })).resolves.toMatchObject({ rows: [] });
    await expect(reader(engine).ps({ ...PS, filters: filters(['team']) })).rejects.toThrow(
      /It lists none, so label= cannot be used here\.$/,
    );
  });

  it('names unknown hosts and lists the configured ones', async () => {
    engine = await startFakeEngine();
    const r = createDockerReader(
      readDockerConfig({ DOCKER_HOSTS: `a=${engine.host},b=${engine.host}`, DOCKER_DEFAULT_HOST: 'b' }),
    );
    await expect(r.ps({ ...PS, host: 'c' })).rejects.toThrow('Unknown Docker host "c". Configured hosts: b, a.');
    await expect(r.ps({ ...PS, host: 'a' })).resolves.toMatchObject({ host: { name: 'a' } });
    expect(engine.requests).toHaveLength(2); // only host a was asked: /version and the list
  });
});

describe('deadline', () => {
  it('covers the whole operation: a daemon that answers /version but hangs on the list still fails in time', async () => {
    engine = await startFakeEngine();
    engine.routes['/containers/json'] = () => undefined;
    const started = Date.now();
    const err = await reader(engine)
      .ps(PS)
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      `Docker host ${engine.host} did not answer within 0.5 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500); // slack for a loaded machine; without the deadline it would hang
  });

  it('reports an engine error status in one line without its body layout', async () => {
    engine = await startFakeEngine();
    engine.routes['/containers/json'] = () => ({
      status: 500,
      body: { message: 'boom\nwith detail for https://u:p@x' },
    });
    await expect(reader(engine).ps(PS)).rejects.toThrow(
      new UserError(
        `Docker host ${engine.host} answered HTTP 500: server error - boom with detail for https://x. Check the daemon's logs.`,
      ),
    );
  });
});

describe('df cache', () => {
  it('shares one in-flight /system/df among concurrent requests and serves it until DOCKER_DF_CACHE_MS passes', async () => {
    engine = await startFakeEngine();
    let clock = 1_000_000;
    const r = reader(engine, { DOCKER_DF_CACHE_MS: '30000' }, () => clock);
    const views = await Promise.all(Array.from({ length: 5 }, (_, i) => r.df({ verbose: i % 2 === 0 })));
    const dfCalls = () => engine!.requests.filter((q) => q.includes('/system/df')).length;
    expect(dfCalls()).toBe(1);
    expect(views[0]!.largest).toBeDefined();
    expect(views[1]!.largest).toBeUndefined();
    clock += 29_999;
    await r.df({ verbose: false });
    expect(dfCalls()).toBe(1);
    clock += 1;
    await r.df({ verbose: false });
    expect(dfCalls()).toBe(2);
  });

  it("one caller's deadline does not cut short another sharing its in-flight /system/df; each gets its own reply", async () => {
    engine = await startFakeEngine();
    const answer = engine.routes['/system/df']!;
    let slow = true; // the first /system/df answers after the 500 ms deadline, later ones at once
    engine.routes['/system/df'] = async () => {
      if (slow) {
        slow = false;
        await sleep(700);
      }
      return answer();
    };
    const r = reader(engine);
    await r.ps(PS); // the API version is pinned: what follows is only about df
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e: unknown) => e,
      );
    const first = outcome(r.df({ verbose: false }));
    await sleep(300);
    const second = outcome(r.df({ verbose: true })); // joins the slow request; its own deadline is 300 ms later
    const firstError = await first;
    expect(firstError).toBeInstanceOf(UserError);
    expect((firstError as Error).message).toBe(
      `Docker host ${engine.host} did not answer within 0.5 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
    );
    expect(await second).toBe('answered');
    expect(engine.requests.filter((q) => q.includes('/system/df'))).toHaveLength(2);
  });

  it('callers failing together each get an error of their own', async () => {
    engine = await startFakeEngine();
    engine.routes['/system/df'] = () => ({ status: 500, body: { message: 'busy' } });
    const r = reader(engine);
    await r.ps(PS);
    const errors = await Promise.all([r.df({ verbose: false }), r.df({ verbose: true })].map((p) => p.catch((e) => e)));
    expect(errors[0]).toBeInstanceOf(UserError);
    expect(errors[1]).toBeInstanceOf(UserError);
    expect(errors[0]).not.toBe(errors[1]);
    expect((errors[0] as Error).message).toBe((errors[1] as Error).message);
    expect(engine.requests.filter((q) => q.includes('/system/df'))).toHaveLength(1);
  });

  it('does not cache a failure', async () => {
    engine = await startFakeEngine();
    let fail = true;
    engine.routes['/system/df'] = () =>
      fail
        ? { status: 500, body: { message: 'busy' } }
        : { body: { LayersSize: 5, Images: [], Containers: [], Volumes: [], BuildCache: [] } };
    const r = reader(engine);
    await expect(r.df({ verbose: false })).rejects.toBeInstanceOf(UserError);
    fail = false;
    await expect(r.df({ verbose: false })).resolves.toMatchObject({
      totalSizeBytes: 5,
      dockerRootDir: '/var/lib/docker',
    });
  });
});
