import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { ConfigError } from '../../src/errors.ts';

/** The ConfigError readDockerConfig throws for `env` (fails the test when it does not throw one). */
function configError(env: Record<string, string>): string {
  let thrown: unknown;
  try {
    readDockerConfig(env);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  return (thrown as Error).message;
}

describe('readDockerConfig', () => {
  it('defaults to the local socket, 10 s deadline, 30 s df cache, no labels', () => {
    expect(readDockerConfig({})).toEqual({
      hosts: [
        {
          name: 'default',
          display: 'unix:///var/run/docker.sock',
          transport: 'unix',
          socketPath: '/var/run/docker.sock',
        },
      ],
      timeoutMs: 10_000,
      dfCacheMs: 30_000,
      labelAllowlist: [],
    });
  });

  it('reads named hosts, default first, and keeps credentials out of what is shown', () => {
    const config = readDockerConfig({
      DOCKER_HOSTS: 'prod=tcp://10.0.0.5:2375, staging=ssh://deploy:hunter2@stage.example:2222',
      DOCKER_DEFAULT_HOST: 'staging',
      DOCKER_HOST: 'unix:///ignored.sock',
      SSH_AUTH_SOCK: '/run/agent.sock',
      DOCKER_LABEL_ALLOWLIST: 'team, com.example.*',
      DOCKER_TIMEOUT_MS: '2500',
    });
    expect(config.hosts.map((h) => [h.name, h.display])).toEqual([
      ['staging', 'ssh://deploy@stage.example:2222'],
      ['prod', 'tcp://10.0.0.5:2375'],
    ]);
    expect(config.hosts[0]).toMatchObject({
      transport: 'ssh',
      hostname: 'stage.example',
      port: 2222,
      username: 'deploy',
      password: 'hunter2',
      sshAgent: '/run/agent.sock',
    });
    expect(config.labelAllowlist).toEqual(['team', 'com.example.*']);
    expect(config.timeoutMs).toBe(2500);
  });

  it('uses port 2375 for plain tcp and 2376 with TLS, like the docker CLI', () => {
    const host = readDockerConfig({ DOCKER_HOST: 'tcp://docker.example' }).hosts[0]!;
    expect(host).toMatchObject({ transport: 'tcp', hostname: 'docker.example', port: 2375 });
    expect(host.tls).toBeUndefined();
  });

  it('reads the client certificates when DOCKER_TLS_VERIFY=1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certs-'));
    try {
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), f);
      const host = readDockerConfig({
        DOCKER_HOST: 'tcp://docker.example',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: dir,
      }).hosts[0]!;
      expect(host.port).toBe(2376);
      expect(host.tls && Object.values(host.tls).map(String)).toEqual(['ca.pem', 'cert.pem', 'key.pem']);
      fs.rmSync(path.join(dir, 'key.pem'));
      expect(() =>
        readDockerConfig({ DOCKER_HOST: 'tcp://docker.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir }),
      ).toThrow(
        `DOCKER_CERT_PATH=${dir}: cannot read key.pem (ENOENT); DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem there.`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ DOCKER_HOST: 'unix://' }, /^DOCKER_HOST for "default" has no socket path/],
    [{ DOCKER_HOST: 'http://docker.example' }, /^DOCKER_HOST for "default" uses http:\/\/, which is not supported/],
    [{ DOCKER_HOST: 'tcp//nope' }, /^DOCKER_HOST for "default" is not a valid URL\. Use/],
    [{ DOCKER_HOSTS: 'tcp://a:1' }, /^DOCKER_HOSTS entry 1 must look like name=/],
    [{ DOCKER_HOSTS: 'x=tcp://u:secret@a:1,x=tcp://b:1' }, /^DOCKER_HOSTS names "x" twice/],
    [{ DOCKER_DEFAULT_HOST: 'prod' }, /^DOCKER_DEFAULT_HOST=prod is not one of the configured hosts \(default\)/],
    [{ DOCKER_DEFAULT_HOST: 'ssh://u:secret@h' }, /^DOCKER_DEFAULT_HOST is not one of the configured hosts/],
    [{ DOCKER_TLS_VERIFY: 'yes' }, /^DOCKER_TLS_VERIFY=yes should be 1 or 0/],
    [{ DOCKER_TIMEOUT_MS: '0' }, /^DOCKER_TIMEOUT_MS=0 is not a positive whole number/],
    [{ DOCKER_DF_CACHE_MS: 'soon' }, /^DOCKER_DF_CACHE_MS=soon is not a positive whole number/],
  ])('explains a bad setting %j', (env, message) => {
    expect(configError(env)).toMatch(message);
    expect(configError(env)).not.toContain('secret');
  });
});

/**
 * A start-up error never repeats a password from DOCKER_HOST or DOCKER_HOSTS, whatever the
 * password holds (/ @ : % # ? , space) and however broken the URL around it is.
 */
describe('start-up errors and passwords', () => {
  const PW = 'Pw0rd';
  const REMEDY =
    'Use unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, with / @ : % in a user name or password percent-encoded (/ as %2F, @ as %40).';
  const NAME_HINT =
    'must look like name=tcp://host:2376 (name: letters, digits, . _ -; entries are separated by commas, so a comma in a password must be written %2C). Fix it in .env.';

  it.each([
    // A bad name before a URL with a password.
    [{ DOCKER_HOSTS: `bad!=ssh://deploy:${PW}/x@h` }, `DOCKER_HOSTS entry "bad!" ${NAME_HINT}`],
    [{ DOCKER_HOSTS: `bad name=ssh://deploy:${PW}@h` }, `DOCKER_HOSTS entry 1 ${NAME_HINT}`],
    // The name forgotten: the whole entry is a URL.
    [{ DOCKER_HOSTS: `ssh://deploy:${PW}@h` }, `DOCKER_HOSTS entry 1 ${NAME_HINT}`],
    [{ DOCKER_HOSTS: `ok=tcp://a:1,ssh://deploy:${PW}@h` }, `DOCKER_HOSTS entry 2 ${NAME_HINT}`],
    [{ DOCKER_HOSTS: `=ssh://deploy:${PW}@h` }, `DOCKER_HOSTS entry 1 ${NAME_HINT}`],
    // A comma in the password splits the entry: neither half may show.
    [{ DOCKER_HOSTS: `a=ssh://deploy:${PW},x${PW}@h` }, `DOCKER_HOSTS for "a" is not a valid URL (ssh://…). ${REMEDY}`],
    [{ DOCKER_HOSTS: `a=tcp://b:1,${PW}@h` }, `DOCKER_HOSTS entry 2 ${NAME_HINT}`],
    // Passwords the URL parser cannot take whole.
    [{ DOCKER_HOST: `ssh://deploy:${PW}/x@h` }, `DOCKER_HOST for "default" is not a valid URL (ssh://…). ${REMEDY}`],
    [{ DOCKER_HOST: `ssh://deploy:${PW}?x@h` }, `DOCKER_HOST for "default" is not a valid URL (ssh://…). ${REMEDY}`],
    [{ DOCKER_HOST: `ssh://deploy:${PW}#x@h` }, `DOCKER_HOST for "default" is not a valid URL (ssh://…). ${REMEDY}`],
    [
      { DOCKER_HOST: `SSH://deploy:${PW}:99999@h:99999` },
      `DOCKER_HOST for "default" is not a valid URL (ssh://…). ${REMEDY}`,
    ],
    [{ DOCKER_HOST: `tcp://deploy:${PW}@h:port` }, `DOCKER_HOST for "default" is not a valid URL (tcp://…). ${REMEDY}`],
    [{ DOCKER_HOST: `deploy:${PW}@h` }, `DOCKER_HOST for "default" has no host name. ${REMEDY}`],
    [{ DOCKER_HOST: `//deploy:${PW}@h` }, `DOCKER_HOST for "default" is not a valid URL. ${REMEDY}`],
    [
      { DOCKER_HOST: `ssh://deploy:${PW}%zz@h` },
      `DOCKER_HOST for "default" has a user name or password with a broken %-escape (write % itself as %25). ${REMEDY}`,
    ],
    [{ DOCKER_HOST: `ssh://:${PW}@h` }, `DOCKER_HOST for "default" has no user name (ssh://user@host). ${REMEDY}`],
    [{ DOCKER_HOST: `ssh://deploy:${PW}@` }, `DOCKER_HOST for "default" is not a valid URL (ssh://…). ${REMEDY}`],
    [
      { DOCKER_HOST: `https://deploy:${PW}@h` },
      `DOCKER_HOST for "default" uses https://, which is not supported. ${REMEDY}`,
    ],
    [
      { DOCKER_DEFAULT_HOST: `ssh://deploy:${PW}@h` },
      'DOCKER_DEFAULT_HOST is not one of the configured hosts (default); it takes a host name from DOCKER_HOSTS. Fix it in .env.',
    ],
  ])('%j', (env, message) => {
    expect(configError(env)).toBe(message);
    expect(configError(env)).not.toContain(PW);
  });

  it('keeps passwords with / @ : % out of the display when they are encoded', () => {
    const host = readDockerConfig({ DOCKER_HOST: `ssh://de%40ploy:${PW}%2Fx%40y%3A%25@h:2222` }).hosts[0]!;
    expect(host).toMatchObject({ username: 'de@ploy', password: `${PW}/x@y:%`, display: 'ssh://de%40ploy@h:2222' });
    expect(readDockerConfig({ DOCKER_HOST: `tcp://u:${PW}@h:2375` }).hosts[0]!.display).toBe('tcp://h:2375');
    // A space is taken (the URL parser encodes it), and shown nowhere either.
    const spaced = readDockerConfig({ DOCKER_HOST: `ssh://deploy:${PW} x@h` }).hosts[0]!;
    expect(spaced).toMatchObject({ password: `${PW} x`, display: 'ssh://deploy@h' });
  });
});
