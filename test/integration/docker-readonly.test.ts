import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { createGuardedDocker, ReadOnlyRefusal } from '../../src/docker/guard.ts';
import { engineState, type Seeded, seedDaemon, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';

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
