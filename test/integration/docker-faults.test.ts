import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, type PsOptions, readDockerConfig } from '../../src/docker/index.ts';
import { UserError } from '../../src/errors.ts';
import { startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { failure } from '../support/user-error.ts';

/** Fault cases: each gives a one-line reason plus what to do, within the deadline, and the process carries on. */

const run = promisify(execFile);
const PS: PsOptions = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };
const TIMEOUT_MS = 800;
/** Event-loop lag on a loaded CI machine; a missing deadline would hang until the test times out instead. */
const SLACK_MS = 1000;

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
});
afterAll(async () => {
  await daemon?.stop();
});

describe('Docker faults', () => {
  it('permission denied on the socket: told to the unprivileged user it happens to', async () => {
    // As root, a mode-000 socket would still let us in, so run the reader as nobody against the real daemon's socket.
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const { stdout } = await run(
      process.execPath,
      [tsx, path.resolve('test/integration/fixtures/ps-as-this-user.ts')],
      {
        uid: 65534,
        gid: 65534,
        env: { PATH: process.env.PATH, HOME: '/tmp', DOCKER_HOST: daemon.host, DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) },
      },
    );
    const result = JSON.parse(stdout) as { ok: boolean; message: string };
    expect(result).toEqual({
      ok: false,
      message: `Permission denied on Docker host ${daemon.host} (EACCES). Give the bot's user access to the socket (e.g. add it to the docker group) or point DOCKER_HOST elsewhere.`,
    });
  });

  it('a socket path with nothing there', async () => {
    const reader = createDockerReader(
      readDockerConfig({ DOCKER_HOST: `unix://${daemon.dir}/nothing.sock`, DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) }),
    );
    const { message, ms } = await failure(reader.ps(PS));
    expect(message).toBe(
      `Docker host unix://${daemon.dir}/nothing.sock is not reachable (ENOENT: no socket at that path). Start Docker or set DOCKER_HOST.`,
    );
    expect(ms).toBeLessThan(TIMEOUT_MS);
  });

  it('a hung daemon: accepts the connection and never answers', async () => {
    const socketPath = path.join(daemon.dir, 'hung.sock');
    const held: net.Socket[] = [];
    const server = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const reader = createDockerReader(
        readDockerConfig({ DOCKER_HOST: `unix://${socketPath}`, DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) }),
      );
      for (const call of [() => reader.ps(PS), () => reader.df({ verbose: false })]) {
        const { message, ms } = await failure(call());
        expect(message).toBe(
          `Docker host unix://${socketPath} did not answer within 0.8 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
        );
        expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      }
      expect(held.length).toBeGreaterThan(0); // it really connected, and the daemon really stayed silent
    } finally {
      for (const s of held) s.destroy();
      server.close();
    }
  });

  it('the daemon stops: later calls fail cleanly, and the reader works again when it is back', async () => {
    const reader = createDockerReader(
      readDockerConfig({ DOCKER_HOST: daemon.host, DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) }),
    );
    // A patient reader for the healthy moments: a just-resumed daemon on a busy machine may need more than 0.8 s.
    const patient = createDockerReader(readDockerConfig({ DOCKER_HOST: daemon.host, DOCKER_TIMEOUT_MS: '10000' }));
    await expect(patient.ps(PS)).resolves.toMatchObject({ rows: [] });
    const pid = Number(fs.readFileSync(path.join(daemon.dir, 'dockerd.pid'), 'utf8'));
    process.kill(pid, 'SIGSTOP'); // frozen: the socket accepts, nobody answers
    try {
      const { message, ms } = await failure(reader.ps(PS));
      expect(message).toMatch(/did not answer within 0\.8 s/);
      expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await expect(patient.ps(PS)).resolves.toMatchObject({ rows: [] });
    await expect(reader.ps(PS)).resolves.toMatchObject({ rows: [] }); // the reader that failed recovers too

    await daemon.stop();
    const { message, ms } = await failure(reader.ps(PS));
    // A clean shutdown removes the socket (ENOENT); a killed daemon leaves it refusing (ECONNREFUSED).
    expect(message).toMatch(
      new RegExp(`^Docker host ${daemon.host} (is not reachable \\(ENOENT|refused the connection \\(ECONNREFUSED)`),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS);
    await expect(reader.df({ verbose: false })).rejects.toBeInstanceOf(UserError);
  });
});
