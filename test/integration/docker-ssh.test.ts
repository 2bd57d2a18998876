import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Server as SshServer } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config.ts';
import { createGuardedDocker, ReadOnlyRefusal } from '../../src/docker/guard.ts';
import { createDockerReader, type PsOptions, readDockerConfig } from '../../src/docker/index.ts';
import { ConfigError } from '../../src/errors.ts';
import { engineState, seedTiny, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { eventually } from '../support/eventually.ts';
import { acceptsConnections, freeLoopbackPort, startCountingProxy } from '../support/net.ts';
import { requireTools } from '../support/requirements.ts';
import { failure } from '../support/user-error.ts';

/**
 * DOCKER_HOST=ssh://… against a throwaway sshd on 127.0.0.1 with its own config, host key and
 * authorized_keys in a temp dir (nothing in /etc/ssh or ~/.ssh is used or changed). Its ForceCommand
 * logs what the client asked to run, allows only `docker system dial-stdio`, and runs that against
 * the private test daemon's socket — never /var/run/docker.sock. The bot checks the sshd's host key
 * against a known_hosts file in the same temp dir (DOCKER_SSH_KNOWN_HOSTS).
 */

const run = promisify(execFile);
const PS: PsOptions = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };
const TIMEOUT_MS = 5000;
/** For the fault cases: short, so the deadline case is quick. */
const FAULT_TIMEOUT_MS = 1500;
/** Event-loop lag on a loaded machine (the suites run in parallel, several with their own dockerd). */
const SLACK_MS = 1000;
const SSHD = '/usr/sbin/sshd';

let daemon: TestDaemon;
let containerId: string;
let dir: string;
/** Every sshd started here, stopped in afterAll. */
const sshds: ChildProcess[] = [];
let sshPort: number;
let agent: ChildProcess | undefined;
/** Private keys: authorized, not authorized, passphrase-protected. */
let keys: { bot: string; stranger: string; locked: string };
/** The sshd's public host key as known_hosts has it (`ssh-ed25519 AAAA…`), and its fingerprint from ssh-keygen -l. */
let hostKey: string;
let hostKeyFingerprint: string;
/** known_hosts with `[127.0.0.1]:<sshPort> <hostKey>`, the form ssh uses for a port other than 22. */
let knownHostsFile: string;

beforeAll(async () => {
  requireTools('The ssh:// tests (a throwaway sshd)', ['sshd', 'ssh-keygen', 'ssh-keyscan', 'ssh-agent', 'ssh-add']);
  const docker = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim();

  daemon = await startTestDaemon();
  ({ containerId } = await seedTiny(daemon));
  dir = fs.mkdtempSync('/tmp/dk-ssh-');
  const keygen = (name: string, passphrase = '', type = 'ed25519') =>
    run('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', name, '-f', path.join(dir, name)]);
  await Promise.all([
    keygen('host_key'),
    keygen('host_key_ecdsa', '', 'ecdsa'),
    keygen('bot'),
    keygen('stranger'),
    keygen('locked', 'open sesame'),
  ]);
  keys = { bot: path.join(dir, 'bot'), stranger: path.join(dir, 'stranger'), locked: path.join(dir, 'locked') };
  fs.copyFileSync(`${keys.bot}.pub`, path.join(dir, 'authorized_keys'));
  hostKey = publicKey(path.join(dir, 'host_key.pub'));
  hostKeyFingerprint = (
    await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')])
  ).stdout.split(' ')[1]!;

  // `broken` makes the far side fail the way a user without access to the daemon would.
  fs.writeFileSync(
    path.join(dir, 'dial.sh'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$SSH_ORIGINAL_COMMAND" >> ${dir}/commands.log`,
      '[ "$SSH_ORIGINAL_COMMAND" = "docker system dial-stdio" ] || { echo "refused: $SSH_ORIGINAL_COMMAND" >&2; exit 1; }',
      `[ -e ${dir}/broken ] && { echo "permission denied while trying to connect to the Docker daemon socket" >&2; exit 1; }`,
      `exec env DOCKER_CONFIG=${dir}/cli ${docker} -H ${daemon.host} system dial-stdio`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );

  sshPort = await startSshd('sshd');
  knownHostsFile = knownHosts('known_hosts', [`[127.0.0.1]:${sshPort} ${hostKey}`]);
});

/** Starts a throwaway sshd (config and log named after `name` in the temp dir) and returns its port once it accepts. */
async function startSshd(name: string, extraConfig: string[] = []): Promise<number> {
  const port = await freeLoopbackPort();
  fs.writeFileSync(
    path.join(dir, `${name}_config`),
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${dir}/host_key`,
      `HostKey ${dir}/host_key_ecdsa`, // a second type, as real hosts have
      'PidFile none',
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      'StrictModes no', // the temp dir's modes are not ~/.ssh's
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user()}`,
      'DisableForwarding yes',
      'PermitTTY no',
      `ForceCommand ${dir}/dial.sh`,
      ...extraConfig,
      '',
    ].join('\n'),
  );
  // sshd insists on its privilege separation directory, which the Debian service creates when it starts.
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const log = fs.openSync(path.join(dir, `${name}.log`), 'w');
  const sshd = spawn(SSHD, ['-f', path.join(dir, `${name}_config`), '-D', '-e'], { stdio: ['ignore', log, log] });
  sshds.push(sshd);
  fs.closeSync(log);
  try {
    await eventually(
      () => {
        if (sshd.exitCode !== null) throw new Error(`sshd exited with ${sshd.exitCode}`);
        return acceptsConnections(port);
      },
      { timeoutMs: 10_000, intervalMs: 50, what: `sshd on 127.0.0.1:${port}` },
    );
  } catch (err) {
    throw new Error(
      `sshd did not come up on 127.0.0.1:${port} (${(err as Error).message}):\n${fs.readFileSync(path.join(dir, `${name}.log`), 'utf8')}`,
    );
  }
  return port;
}

afterAll(async () => {
  for (const child of [...sshds, agent]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  await daemon?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Who the test logs in as over ssh: this process's own user (root, as the test daemon needs). */
function user(): string {
  return os.userInfo().username;
}

function sshEnv(extra: Env = {}): Env {
  return {
    DOCKER_HOST: `ssh://${user()}@127.0.0.1:${sshPort}`,
    DOCKER_SSH_KEY: keys.bot,
    DOCKER_SSH_KNOWN_HOSTS: knownHostsFile,
    DOCKER_TIMEOUT_MS: String(TIMEOUT_MS),
    ...extra,
  };
}

/** `type base64` of a .pub file, without its comment. */
function publicKey(file: string): string {
  return fs.readFileSync(file, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** Writes a known_hosts file in the temp dir and returns its path. */
function knownHosts(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

/** What the ForceCommand was asked to run, one line per ssh session that got that far. */
function commands(): string[] {
  const log = path.join(dir, 'commands.log');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** Successful ssh logins so far, from the sshd's own log. */
function logins(): number {
  return fs
    .readFileSync(path.join(dir, 'sshd.log'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('Accepted publickey')).length;
}

function configError(env: Env): string {
  try {
    readDockerConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('Docker over ssh:// (docker system dial-stdio on the far side)', () => {
  it('ps and df work with DOCKER_SSH_KEY and agree with the docker CLI', async () => {
    const reader = createDockerReader(readDockerConfig(sshEnv()));
    // One after the other: this dockerd refuses a second disk usage operation while one runs (HTTP 500).
    const [ps, df] = await Promise.all([reader.ps(PS), reader.df({ verbose: true })]);
    const cliDf = await daemon.cli(['system', 'df', '--format', '{{.TotalCount}} {{.Active}}']);
    expect(ps.host).toEqual({ name: 'default', endpoint: `ssh://${user()}@127.0.0.1:${sshPort}` });
    expect(ps.rows.map((r) => [r.id, r.name, r.image, r.state])).toEqual([
      [containerId.slice(0, 12), 'tiny-1', 'tiny:1', 'created'],
    ]);
    expect(df.categories.map((c) => `${c.total} ${c.active}`)).toEqual(cliDf.trim().split('\n'));
    expect(df.largest!.volumes.map((v) => v.name)).toEqual(['tiny-vol']);
    expect(df.dockerRootDir).toBe(`${daemon.dir}/data`);
    // Every request went through its own ssh session running exactly this, and nothing else.
    expect(commands().length).toBeGreaterThanOrEqual(3);
    expect(new Set(commands())).toEqual(new Set(['docker system dial-stdio']));
  });

  it('logs in with the ssh-agent at SSH_AUTH_SOCK when no key file is set', async () => {
    const socket = path.join(dir, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    for (let i = 0; !fs.existsSync(socket); i++) {
      if (i > 100) throw new Error('ssh-agent did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
    await run('ssh-add', [keys.bot], { env: { SSH_AUTH_SOCK: socket, PATH: process.env.PATH } });
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KEY: undefined, SSH_AUTH_SOCK: socket })));
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });

  it('works from the real environment in a separate process (the CLI), where docker-modem also reads DOCKER_HOST', async () => {
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const { stdout, stderr } = await run(process.execPath, [tsx, path.resolve('src/cli.ts'), 'df', '--json'], {
      cwd: dir, // no .env here
      env: { PATH: process.env.PATH, HOME: dir, ...sshEnv() },
    });
    expect((JSON.parse(stdout) as { dockerRootDir: string }).dockerRootDir).toBe(`${daemon.dir}/data`);
    expect(stderr).toBe('');
  });

  it('a key the host does not accept: one line saying the login was refused and what to set', async () => {
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KEY: keys.stranger })));
    const { message, ms } = await failure(reader.ps(PS));
    expect(message).toBe(
      `ssh login as ${user()} to Docker host ssh://127.0.0.1:${sshPort} was refused (All configured authentication methods failed). Set DOCKER_SSH_KEY to a private key that host accepts, or SSH_AUTH_SOCK to an ssh-agent holding one.`,
    );
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expect(message).not.toMatch(/PRIVATE KEY|-----/);
  });

  it('docker on the far side cannot reach the daemon: says what the ssh user needs there', async () => {
    fs.writeFileSync(path.join(dir, 'broken'), '');
    try {
      const reader = createDockerReader(readDockerConfig(sshEnv()));
      const { message } = await failure(reader.ps(PS));
      expect(message).toBe(
        `Docker host ssh://127.0.0.1:${sshPort} closed the connection before Docker answered (ECONNRESET). On that host the ssh user must be able to run \`docker system dial-stdio\` (docker CLI installed, access to the daemon's socket).`,
      );
    } finally {
      fs.rmSync(path.join(dir, 'broken'));
    }
  });

  describe('a bad host or port: one line, within the deadline', () => {
    const reader = (host: string) =>
      createDockerReader(
        readDockerConfig(
          sshEnv({ DOCKER_HOST: `ssh://${user()}@${host}`, DOCKER_TIMEOUT_MS: String(FAULT_TIMEOUT_MS) }),
        ),
      );

    it('nothing listens there', async () => {
      const closed = await freeLoopbackPort();
      for (const host of [`127.0.0.1:${closed}`, `127.0.0.2:${sshPort}`]) {
        const { message, ms } = await failure(reader(host).ps(PS));
        expect(message).toBe(
          `Docker host ssh://${host} refused the connection (ECONNREFUSED): no ssh server listens there. Fix the host or port in DOCKER_HOST.`,
        );
        expect(ms).toBeLessThan(FAULT_TIMEOUT_MS);
      }
    });

    it('something that is not ssh answers there', async () => {
      const server = http.createServer((_req, res) => res.end('{}'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
        const { message, ms } = await failure(reader(host).df({ verbose: false }));
        expect(message).toMatch(
          new RegExp(
            `^Docker host ssh://${host} does not speak ssh on that port \\([^)]+\\)\\. Fix the port in DOCKER_HOST\\.$`,
          ),
        );
        expect(ms).toBeLessThan(FAULT_TIMEOUT_MS);
      } finally {
        server.close();
      }
    });

    it('it accepts and never says a word: the deadline, and the attempt is dropped soon after', async () => {
      const held: net.Socket[] = [];
      const closedAt: number[] = [];
      const server = net.createServer((socket) => {
        held.push(socket);
        socket.resume(); // read (and drop) what the client says, or its FIN goes unnoticed
        socket.on('close', () => closedAt.push(Date.now()));
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
        const started = Date.now();
        const { message, ms } = await failure(reader(host).ps(PS));
        expect(message).toBe(
          `Docker host ssh://${host} did not answer within 1.5 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
        );
        expect(ms).toBeGreaterThanOrEqual(FAULT_TIMEOUT_MS - 50);
        expect(ms).toBeLessThan(FAULT_TIMEOUT_MS + SLACK_MS);
        expect(held.length).toBe(1);
        // ssh2's own handshake timeout (deadline + 1 s) closes the connection nobody waits for any more.
        for (let waited = 0; closedAt.length === 0 && waited < 4000; waited += 50)
          await new Promise((r) => setTimeout(r, 50));
        expect(closedAt.length).toBe(1);
        expect(closedAt[0]! - started).toBeLessThan(FAULT_TIMEOUT_MS + 1000 + SLACK_MS);
      } finally {
        for (const s of held) s.destroy();
        server.close();
      }
    });
  });

  it('ssh settings the bot cannot use are start-up errors naming the variable', () => {
    const base = { DOCKER_HOST: `ssh://${user()}@127.0.0.1:${sshPort}` };
    expect(configError({ ...base, DOCKER_SSH_KEY: path.join(dir, 'nope') })).toBe(
      `DOCKER_SSH_KEY=${dir}/nope: cannot read it (ENOENT). Point it at the private key the Docker host accepts (e.g. ~/.ssh/id_ed25519), or unset it to use SSH_AUTH_SOCK.`,
    );
    expect(configError({ ...base, DOCKER_SSH_KEY: `${keys.bot}.pub` })).toBe(
      `DOCKER_SSH_KEY=${keys.bot}.pub is not a private key file (the .pub is the public half). Point it at the private key.`,
    );
    expect(configError({ ...base, DOCKER_SSH_KEY: keys.locked })).toBe(
      `DOCKER_SSH_KEY=${keys.locked} is protected by a passphrase, which the bot cannot type. Load it into ssh-agent and set SSH_AUTH_SOCK instead, or use a key without one.`,
    );
    expect(configError({ DOCKER_HOST: `ssh://127.0.0.1:${sshPort}` })).toBe(
      'DOCKER_HOST for "default" has no user name (ssh://user@host). Use unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, with / @ : % in a user name or password percent-encoded (/ as %2F, @ as %40).',
    );
  });

  describe('the host lets the bot log in but no dial-stdio session starts: one line, and the bot carries on', () => {
    /** Uncaught exceptions while `run` runs (the monitor sees them without handling them). */
    async function withoutUncaught<T>(run: () => Promise<T>): Promise<T> {
      const uncaught: unknown[] = [];
      const record = (err: unknown) => uncaught.push(err);
      process.on('uncaughtExceptionMonitor', record);
      try {
        const result = await run();
        await new Promise((r) => setTimeout(r, 200)); // late callbacks from the closed connection
        expect(uncaught).toEqual([]);
        return result;
      } finally {
        process.off('uncaughtExceptionMonitor', record);
      }
    }

    it("it drops the connection while the session channel opens (docker-modem's own ssh transport threw an uncaught TypeError here)", async () => {
      // ssh2's server: any login is accepted, and the connection is cut as the client asks for a session.
      let sessions = 0;
      const server = new SshServer({ hostKeys: [fs.readFileSync(path.join(dir, 'host_key'))] }, (client) => {
        client.on('error', () => undefined);
        client.on('authentication', (ctx) => ctx.accept());
        client.on('session', () => {
          sessions += 1;
          (client as unknown as { _sock: net.Socket })._sock.destroy();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const port = (server.address() as net.AddressInfo).port;
        const reader = createDockerReader(
          readDockerConfig(
            sshEnv({
              DOCKER_HOST: `ssh://${user()}@127.0.0.1:${port}`,
              DOCKER_SSH_KNOWN_HOSTS: knownHosts('known_hosts.dropper', [`[127.0.0.1]:${port} ${hostKey}`]),
            }),
          ),
        );
        for (const call of [() => reader.ps(PS), () => reader.df({ verbose: false })]) {
          const { message, ms } = await withoutUncaught(() => failure(call()));
          expect(message).toBe(
            `Docker host ssh://127.0.0.1:${port} closed the ssh connection after the login, before \`docker system dial-stdio\` started. Try again; if it keeps happening, check the sshd log on that host.`,
          );
          expect(ms).toBeLessThan(TIMEOUT_MS);
        }
        expect(sessions).toBe(2);
      } finally {
        server.close();
      }
    });

    it('its sshd refuses sessions (MaxSessions 0)', async () => {
      const port = await startSshd('sshd_nosessions', ['MaxSessions 0']);
      const reader = createDockerReader(
        readDockerConfig(
          sshEnv({
            DOCKER_HOST: `ssh://${user()}@127.0.0.1:${port}`,
            DOCKER_SSH_KNOWN_HOSTS: knownHosts('known_hosts.nosessions', [`[127.0.0.1]:${port} ${hostKey}`]),
          }),
        ),
      );
      const before = commands().length;
      const { message } = await withoutUncaught(() => failure(reader.ps(PS)));
      expect(message).toBe(
        `Docker host ssh://127.0.0.1:${port} accepted the ssh login but refused to run \`docker system dial-stdio\` ((SSH) Channel open failure: open failed). The ssh user must be allowed to open a session and run that command there (sshd: MaxSessions, ForceCommand; command= in authorized_keys).`,
      );
      expect(commands().length).toBe(before);
      expect((await createDockerReader(readDockerConfig(sshEnv())).ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']); // the other sshd still serves
    });
  });

  it('the read-only guard refuses mutating calls over ssh before any connection is opened', async () => {
    const proxy = await startCountingProxy(sshPort);
    try {
      const endpoint = readDockerConfig(
        sshEnv({
          DOCKER_HOST: `ssh://${user()}@127.0.0.1:${proxy.port}`,
          DOCKER_SSH_KNOWN_HOSTS: knownHosts('known_hosts.proxy', [`[127.0.0.1]:${proxy.port} ${hostKey}`]),
        }),
      ).hosts[0]!;
      const docker = createGuardedDocker(endpoint, TIMEOUT_MS);
      expect((await docker.listContainers({ all: true })).map((c) => c.Id)).toEqual([containerId]);
      expect(proxy.connections).toBe(1); // an allowed read does go through the proxy
      await proxy.idle(); // its ssh session says goodbye after the answer
      const before = {
        connections: proxy.connections,
        bytesOut: proxy.bytesOut,
        sessions: commands().length,
        engine: await engineState(daemon),
      };

      const container = docker.getContainer(containerId);
      const attempts: [string, () => Promise<unknown>][] = [
        ['container start', () => container.start()],
        ['container remove', () => container.remove({ force: true })],
        ['createContainer', () => docker.createContainer({ Image: 'tiny:1', name: 'intruder' })],
        ['volume remove', () => docker.getVolume('tiny-vol').remove()],
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
      await new Promise((resolve) => setTimeout(resolve, 200)); // a connection would have shown up by now
      expect({
        connections: proxy.connections,
        bytesOut: proxy.bytesOut,
        sessions: commands().length,
        engine: await engineState(daemon),
      }).toEqual(before);
    } finally {
      proxy.close();
    }
  });
});

describe('the ssh host key is checked against DOCKER_SSH_KNOWN_HOSTS before anything is sent', () => {
  const target = () => `127.0.0.1:${sshPort}`;

  /** A refusal: one line, quick, and the sshd saw no login and ran nothing. */
  async function refused(promise: Promise<unknown>): Promise<string> {
    const before = { logins: logins(), commands: commands().length };
    const { message, ms } = await failure(promise);
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expect(message).not.toMatch(/AAAA|PRIVATE KEY/); // a fingerprint at most, never key material
    await new Promise((r) => setTimeout(r, 200)); // a login or command would have been logged by now
    expect({ logins: logins(), commands: commands().length }).toEqual(before);
    return message;
  }

  it('an unknown host is refused with one line saying how to add it; done as it says, the next call works without a restart', async () => {
    // Right key, but for port 22 (ssh looks up [host]:port for other ports) and for another address.
    const file = knownHosts('known_hosts.unknown', [`127.0.0.1 ${hostKey}`, `[127.0.0.2]:${sshPort} ${hostKey}`]);
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    const message = await refused(reader.ps(PS));
    expect(message).toBe(
      `Docker host ssh://${target()} presented an ssh-ed25519 host key (${hostKeyFingerprint}) that is not in ${file} (DOCKER_SSH_KNOWN_HOSTS), so the bot did not connect. Check the host (on it: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then add it: ssh-keyscan -p ${sshPort} 127.0.0.1 >> ${file}`,
    );

    await run('sh', ['-c', message.split('then add it: ')[1]!]);
    expect(fs.readFileSync(file, 'utf8')).toContain(`[127.0.0.1]:${sshPort} ${hostKey}`);
    const loginsBefore = logins();
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
    expect(logins()).toBeGreaterThan(loginsBefore); // so the "no login" checks above can see one
  });

  it('a changed host key is refused with the warning and the line of the old key', async () => {
    const file = knownHosts('known_hosts.changed', [
      '# the host as it was',
      `[127.0.0.1]:${sshPort} ${publicKey(`${keys.stranger}.pub`)}`,
    ]);
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    for (const call of [() => reader.ps(PS), () => reader.df({ verbose: false })]) {
      expect(await refused(call())).toBe(
        `WARNING: Docker host ssh://${target()} presented a different ssh-ed25519 host key (${hostKeyFingerprint}) than the one ${file} (DOCKER_SSH_KNOWN_HOSTS) has for it on line 2, so the bot did not connect. Someone may be intercepting the connection, or the host was reinstalled: confirm the new key with the host's administrators before you replace that line.`,
      );
    }
  });

  it('a @revoked key is refused even when it is also listed for the host', async () => {
    const file = knownHosts('known_hosts.revoked', [`[127.0.0.1]:${sshPort} ${hostKey}`, `@revoked * ${hostKey}`]);
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    expect(await refused(reader.ps(PS))).toMatch(/ marks @revoked on line 2, so the bot did not connect\./);
  });

  it('hashed entries (ssh-keygen -H) work', async () => {
    const file = knownHosts('known_hosts.hashed', [`[127.0.0.1]:${sshPort} ${hostKey}`]);
    await run('ssh-keygen', ['-H', '-f', file]);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^\|1\|[^| ]+\|[^| ]+ ssh-ed25519 /);
    expect(text).not.toContain('127.0.0.1');
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });

  it('the [127.0.0.1]:port form works, also in a host list', async () => {
    const file = knownHosts('known_hosts.list', [`db.example,127.0.0.2,[127.0.0.1]:${sshPort} ${hostKey} test host`]);
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });

  it('a host known only by its ECDSA key (as older ssh clients recorded it) is asked for that key, not refused', async () => {
    const file = knownHosts('known_hosts.ecdsa', [
      `[127.0.0.1]:${sshPort} ${publicKey(path.join(dir, 'host_key_ecdsa.pub'))}`,
    ]);
    const reader = createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: file })));
    expect((await reader.ps(PS)).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });

  it('a missing known_hosts is a start-up error for ssh:// only; tcp:// and unix:// never look at it', () => {
    const missing = path.join(dir, 'no_known_hosts');
    let thrown: unknown;
    try {
      createDockerReader(readDockerConfig(sshEnv({ DOCKER_SSH_KNOWN_HOSTS: missing })));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toBe(
      `DOCKER_SSH_KNOWN_HOSTS=${missing}: cannot read it (ENOENT). ssh:// Docker hosts are only used when their host key is in that file: add them (after checking the key: ssh-keyscan -p ${sshPort} 127.0.0.1 >> ${missing}), or point DOCKER_SSH_KNOWN_HOSTS at another known_hosts file.`,
    );
    for (const host of [daemon.host, 'tcp://127.0.0.1:2375']) {
      expect(() =>
        createDockerReader(readDockerConfig({ DOCKER_HOST: host, DOCKER_SSH_KNOWN_HOSTS: missing })),
      ).not.toThrow();
    }
  });

  it("defaults to ~/.ssh/known_hosts of the bot's user (the CLI, in its own process)", async () => {
    const home = path.join(dir, 'home');
    fs.mkdirSync(home, { recursive: true });
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const cli = () =>
      run(process.execPath, [tsx, path.resolve('src/cli.ts'), 'ps', '-a', '--json'], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: home, ...sshEnv({ DOCKER_SSH_KNOWN_HOSTS: undefined }) },
      });
    const err = await cli().then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    const lines = err!.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^DOCKER_SSH_KNOWN_HOSTS=${home}/\\.ssh/known_hosts \\(the default\\): cannot read it \\(ENOENT\\)\\. `,
        ),
      ),
    ]);

    fs.mkdirSync(path.join(home, '.ssh'));
    fs.copyFileSync(knownHostsFile, path.join(home, '.ssh', 'known_hosts'));
    const { stdout } = await cli();
    expect((JSON.parse(stdout) as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(['tiny-1']);
  });
});
