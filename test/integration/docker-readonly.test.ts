import net from 'node:net';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { createGuardedDocker, ReadOnlyRefusal } from '../../src/docker/guard.ts';
import { GuardedConnection } from '../../src/docker/transport.ts';
import { engineState, type Seeded, seedDaemon, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { type RecordingProxy, startRecordingProxy } from '../support/net.ts';

/**
 * The read-only guarantee on a real engine: every mutating or data-leaking dockerode call goes
 * through the guarded client and is refused, and the engine, read back through the unguarded
 * docker CLI, is exactly as before.
 */

let daemon: TestDaemon;
let seeded: Seeded;
let before: string;

beforeAll(async () => {
  daemon = await startTestDaemon();
  seeded = await seedDaemon(daemon);
  before = await engineState(daemon);
});

afterAll(async () => {
  await daemon?.stop();
});

const tar = () => Readable.from([Buffer.alloc(1024)]);

function attempts(docker: Docker, ids: Record<string, string>): [string, () => Promise<unknown>][] {
  const running = docker.getContainer(ids['web-1']!);
  const exited = docker.getContainer(ids['db-1']!);
  const image = docker.getImage('tbox:1');
  const volume = docker.getVolume('vol-b');
  return [
    ['container start', () => exited.start()],
    ['container stop', () => running.stop({ t: 0 })],
    ['container kill', () => running.kill()],
    ['container restart', () => running.restart()],
    ['container pause', () => running.pause()],
    ['container remove', () => exited.remove({ force: true })],
    ['container rename', () => running.rename({ name: 'renamed' })],
    ['container update', () => running.update({ Memory: 64 << 20 })],
    ['container exec', () => running.exec({ Cmd: ['sh', '-c', 'echo pwned > /pwned'] })],
    ['container inspect (leaks env)', () => running.inspect()],
    ['container logs', () => running.logs({ stdout: true, stderr: true, follow: false })],
    ['container top', () => running.top()],
    ['container stats', () => running.stats({ stream: false })],
    ['container changes', () => running.changes()],
    ['container getArchive', () => running.getArchive({ path: '/data' })],
    ['container infoArchive', () => running.infoArchive({ path: '/data' })],
    ['container putArchive', () => running.putArchive(tar(), { path: '/' })],
    ['container export', () => running.export()],
    ['container attach', () => running.attach({ stream: true, stdout: true, stderr: true })],
    ['container commit', () => running.commit({ repo: 'stolen' })],
    ['container wait', () => exited.wait()],
    ['createContainer', () => docker.createContainer({ Image: 'tbox:1', Cmd: ['sleep', '1'], name: 'intruder' })],
    ['image remove', () => image.remove({ force: true })],
    ['image tag', () => image.tag({ repo: 'evil', tag: 'x' })],
    ['image push', () => image.push({})],
    ['image get (export)', () => image.get()],
    ['image inspect', () => image.inspect()],
    ['image history', () => image.history()],
    ['pull', () => docker.pull('busybox:latest')],
    ['buildImage', () => docker.buildImage(tar(), { t: 'built' })],
    ['importImage', () => docker.importImage(tar())],
    ['loadImage', () => docker.loadImage(tar())],
    ['checkAuth', () => docker.checkAuth({ username: 'u', password: 'p', serveraddress: 'x' })],
    ['pruneContainers', () => docker.pruneContainers()],
    ['pruneImages', () => docker.pruneImages()],
    ['pruneVolumes', () => docker.pruneVolumes()],
    ['pruneNetworks', () => docker.pruneNetworks()],
    ['pruneBuilder', () => docker.pruneBuilder()],
    ['volume remove', () => volume.remove()],
    ['volume inspect (mountpoint)', () => volume.inspect()],
    ['createVolume', () => docker.createVolume({ Name: 'intruder' })],
    ['createNetwork', () => docker.createNetwork({ Name: 'intruder' })],
    ['listNetworks', () => docker.listNetworks()],
    ['getEvents', () => docker.getEvents({})],
    ['listContainers size=true', () => docker.listContainers({ all: true, size: true })],
    ['swarmInit', () => docker.swarmInit({ ListenAddr: '127.0.0.1:2377' })],
  ];
}

describe('guarded client on a real engine', () => {
  // Both as created and after the reader pins a version, since that changes every path.
  describe.each([undefined, 'v1.41'])('API version %s', (version) => {
    let docker: Docker;
    beforeAll(() => {
      docker = createGuardedDocker(readDockerConfig({ DOCKER_HOST: daemon.host }).hosts[0]!, 5000);
      (docker.modem as unknown as { version?: string }).version = version;
    });

    it('still answers the allowlisted reads (so refusals below are not a dead client)', async () => {
      const containers = await docker.listContainers({ all: true });
      expect(containers.map((c) => c.Id).sort()).toEqual(Object.values(seeded.ids).sort());
      expect(await docker.listImages()).toHaveLength(2);
      expect(await docker.ping()).toBeTruthy();
    });

    it('refuses every mutating or leaking call before sending it', async () => {
      const results = await Promise.all(
        attempts(docker, seeded.ids).map(async ([what, call]) => {
          try {
            await call();
            return `${what}: NOT refused`;
          } catch (err) {
            return err instanceof ReadOnlyRefusal ? `${what}: refused` : `${what}: failed otherwise: ${String(err)}`;
          }
        }),
      );
      expect(results.filter((r) => !r.endsWith(': refused'))).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(45);
    });

    it('leaves the engine exactly as it was (checked with the unguarded CLI)', async () => {
      expect(await engineState(daemon)).toBe(before);
      expect((await daemon.cli(['ps', '--format', '{{.Names}}'])).trim().split('\n').sort()).toEqual([
        'api-1',
        'health-bad',
        'health-ok',
        'web-1',
        'web-2',
      ]);
    });
  });

  it('tells the user what was refused in one line', async () => {
    const docker = createGuardedDocker(readDockerConfig({ DOCKER_HOST: daemon.host }).hosts[0]!, 5000);
    const err = await docker
      .getContainer(seeded.ids['web-1']!)
      .stop()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadOnlyRefusal);
    expect((err as Error).message).toBe(
      `Refused POST /containers/${seeded.ids['web-1']}/stop (not a read-only endpoint): this bot only reads from Docker.`,
    );
  });
});

/**
 * Attacks from inside the process, through the client object itself: options whose getters answer
 * one thing to the check and another to the sender, docker-modem's raw buildRequest and its own
 * dial, falsy _query/authconfig, and raw bytes written to the transport's connection. A recording
 * proxy in front of the engine shows what really reached it.
 */
describe('the guard from the inside, on a real engine', () => {
  let proxy: RecordingProxy;
  let docker: Docker;
  type Callback = (err: Error | null, data: unknown) => void;
  const dial = (options: object) =>
    new Promise((resolve, reject) =>
      (docker.modem.dial as unknown as (o: object, cb: Callback) => void)(options, (err, data) =>
        err ? reject(err) : resolve(data),
      ),
    );
  const outcome = (call: Promise<unknown>) =>
    call.then(
      (data) => ({ refused: false, data }),
      (err: unknown) => ({ refused: err instanceof ReadOnlyRefusal, data: String(err) }),
    );

  beforeAll(async () => {
    proxy = await startRecordingProxy(daemon.socketPath);
    docker = createGuardedDocker(readDockerConfig({ DOCKER_HOST: proxy.host }).hosts[0]!, 5000);
  });
  afterAll(() => proxy?.close());

  it('sends what it checked, once read: getters that change path or method after the check get a container list', async () => {
    const id = seeded.ids['web-1']!;
    const flip = <T>(first: T, then: T) => {
      let reads = 0;
      return () => (reads++ === 0 ? first : then);
    };
    const path = flip('/containers/json', `/containers/${id}/json`);
    const method = flip('GET', 'POST');
    const stopPath = flip('/containers/json', `/containers/${id}/stop`);
    const inspect = await dial({
      statusCodes: { 200: true },
      get path() {
        return path();
      },
    });
    const stop = await dial({
      statusCodes: { 200: true, 204: true },
      get path() {
        return stopPath();
      },
      get method() {
        return method();
      },
    });
    for (const answer of [inspect, stop]) expect(Array.isArray(answer)).toBe(true); // a list, never an inspect
    expect(proxy.requestLines()).toEqual(['GET /containers/json', 'GET /containers/json']);
    expect(await engineState(daemon)).toBe(before);
  });

  it("refuses buildRequest, docker-modem's own dial and smuggled query keys: nothing reaches the engine", async () => {
    const id = seeded.ids['web-1']!;
    const already = proxy.requestLines().length;
    const modem = docker.modem as unknown as Record<string, (...args: unknown[]) => void>;
    const raw = (...args: unknown[]) =>
      new Promise((resolve, reject) =>
        modem.buildRequest!(...args, (err: Error | null, data: unknown) => (err ? reject(err) : resolve(data))),
      );
    const ownDial = Object.getPrototypeOf(docker.modem).dial as (o: object, cb: Callback) => void;
    const results = await Promise.all([
      outcome(
        raw(
          { socketPath: daemon.socketPath, path: `/containers/${id}/stop`, method: 'POST' },
          { statusCodes: { 204: true } },
          undefined,
        ),
      ),
      outcome(
        new Promise((resolve, reject) =>
          ownDial.call(
            docker.modem,
            { path: `/containers/${id}/kill`, method: 'POST', statusCodes: { 204: true } },
            (err, data) => (err ? reject(err) : resolve(data)),
          ),
        ),
      ),
      ...[{ _query: 0 }, { _query: '' }, { authconfig: '' }, { authconfig: 0 }].map((falsy) =>
        outcome(
          dial({
            path: '/containers/json?',
            method: 'GET',
            options: { size: true, ...falsy },
            statusCodes: { 200: true },
          }),
        ),
      ),
      outcome(dial({ path: '/containers/json?size=true', method: 'GET', statusCodes: { 200: true } })),
    ]);
    expect(results.filter((r) => !r.refused)).toEqual([]);
    expect(proxy.requestLines().slice(already)).toEqual([]);
    expect(await engineState(daemon)).toBe(before);
    expect((await daemon.cli(['inspect', '-f', '{{.State.Running}}', id])).trim()).toBe('true');
  });

  it('the connection itself refuses a write written straight to it, before it connects', async () => {
    const id = seeded.ids['web-1']!;
    let opened = 0;
    const connection = new GuardedConnection((done) => {
      opened++;
      done(null, net.connect({ path: daemon.socketPath }));
    });
    const err = await new Promise((resolve) => {
      connection.once('error', resolve);
      connection.write(`POST /containers/${id}/kill HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    });
    expect(err).toBeInstanceOf(ReadOnlyRefusal);
    expect(opened).toBe(0);
    expect((await daemon.cli(['inspect', '-f', '{{.State.Running}}', id])).trim()).toBe('true');
  });
});
