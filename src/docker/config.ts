import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Env, readList, readPositiveInt } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { resolveKnownHostsPath } from './known-hosts.ts';
import { HOST_NAME } from './types.ts';

/** One Docker engine the bot may read from. */
export interface DockerEndpoint {
  name: string;
  /** The URL without credentials; safe to show and log. */
  display: string;
  transport: 'unix' | 'tcp' | 'ssh';
  socketPath?: string;
  hostname?: string;
  port?: number;
  username?: string;
  password?: string;
  /** Client certificates, read from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is on (tcp only). */
  tls?: { ca: Buffer; cert: Buffer; key: Buffer };
  /** ssh-agent socket for ssh:// hosts. */
  sshAgent?: string;
  /** Private key for ssh:// hosts, read from DOCKER_SSH_KEY. */
  sshKey?: Buffer;
  /**
   * ssh:// hosts: absolute path of the OpenSSH known_hosts file their host key must be in
   * (DOCKER_SSH_KNOWN_HOSTS, default ~/.ssh/known_hosts). Read when the reader is created, so a
   * missing file stops start-up; tcp:// and unix:// hosts never look at it.
   */
  sshKnownHosts?: string;
}

export interface DockerConfig {
  /** Default host first. */
  hosts: DockerEndpoint[];
  /** Deadline for one ps or df, all its requests included. */
  timeoutMs: number;
  dfCacheMs: number;
  /** Label keys shown in ps; a trailing * matches a prefix (com.example.*). */
  labelAllowlist: string[];
}

const DEFAULT_HOST = 'unix:///var/run/docker.sock';

/**
 * Reads the standard Docker client variables plus the bot's own:
 * DOCKER_HOST (or DOCKER_HOSTS=name=url,… which replaces it), DOCKER_DEFAULT_HOST,
 * DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, SSH_AUTH_SOCK, DOCKER_SSH_KEY, DOCKER_SSH_KNOWN_HOSTS,
 * DOCKER_TIMEOUT_MS, DOCKER_DF_CACHE_MS, DOCKER_LABEL_ALLOWLIST.
 */
export function readDockerConfig(env: Env): DockerConfig {
  const tlsVerify = readTlsVerify(env);
  const named = readList(env, 'DOCKER_HOSTS');
  let hosts: DockerEndpoint[];
  if (named.length > 0) {
    hosts = named.map((entry, index) => {
      const eq = entry.indexOf('=');
      const name = eq > 0 ? entry.slice(0, eq).trim() : '';
      if (!HOST_NAME.test(name)) {
        // The entry may be a URL with a password in it (a name forgotten, a comma in a password): only a
        // candidate name that cannot be part of a URL is repeated.
        const which = /^[^\s:/@%?#=]{1,32}$/.test(name) ? `"${name}"` : `${index + 1}`;
        throw new ConfigError(
          `DOCKER_HOSTS entry ${which} must look like name=tcp://host:2376 (name: letters, digits, . _ -; entries are separated by commas, so a comma in a password must be written %2C). Fix it in .env.`,
        );
      }
      return parseEndpoint(name, entry.slice(eq + 1).trim(), 'DOCKER_HOSTS', env, tlsVerify);
    });
    const seen = new Set<string>();
    for (const host of hosts) {
      if (seen.has(host.name))
        throw new ConfigError(`DOCKER_HOSTS names "${host.name}" twice. Give each host its own name.`);
      seen.add(host.name);
    }
  } else {
    hosts = [parseEndpoint('default', env.DOCKER_HOST?.trim() || DEFAULT_HOST, 'DOCKER_HOST', env, tlsVerify)];
  }

  const wantedDefault = env.DOCKER_DEFAULT_HOST?.trim();
  if (wantedDefault) {
    const index = hosts.findIndex((h) => h.name === wantedDefault);
    if (index < 0) {
      // A URL put here by mistake may carry a password: only a host name is repeated.
      const shown = HOST_NAME.test(wantedDefault) ? `DOCKER_DEFAULT_HOST=${wantedDefault}` : 'DOCKER_DEFAULT_HOST';
      throw new ConfigError(
        `${shown} is not one of the configured hosts (${hosts.map((h) => h.name).join(', ')}); it takes a host name from DOCKER_HOSTS. Fix it in .env.`,
      );
    }
    hosts = [hosts[index]!, ...hosts.filter((_, i) => i !== index)];
  }

  return {
    hosts,
    timeoutMs: readPositiveInt(env, 'DOCKER_TIMEOUT_MS', 10_000),
    dfCacheMs: readPositiveInt(env, 'DOCKER_DF_CACHE_MS', 30_000),
    labelAllowlist: readList(env, 'DOCKER_LABEL_ALLOWLIST'),
  };
}

function readTlsVerify(env: Env): boolean {
  const raw = env.DOCKER_TLS_VERIFY?.trim().toLowerCase() ?? '';
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`DOCKER_TLS_VERIFY=${env.DOCKER_TLS_VERIFY} should be 1 or 0. Fix it in .env.`);
}

/**
 * What an error message may repeat of a DOCKER_HOST value that is not a usable URL: its scheme at
 * most. Everything after :// may hold a user name and password, and a malformed one (a / or @ in
 * the password) cannot be told apart from the host, so none of it is shown.
 */
function shownScheme(raw: string): string {
  const scheme = /^([a-z][a-z0-9+.-]{0,15}):\/\//i.exec(raw)?.[1];
  return scheme ? ` (${scheme.toLowerCase()}://…)` : '';
}

/** A user name or password from the URL, decoded; a broken %-escape is a setting to fix, not a crash. */
function decodeUserinfo(part: string, bad: (why: string) => ConfigError): string | undefined {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    throw bad('has a user name or password with a broken %-escape (write % itself as %25)');
  }
}

function parseEndpoint(name: string, raw: string, variable: string, env: Env, tlsVerify: boolean): DockerEndpoint {
  const bad = (why: string) =>
    new ConfigError(
      `${variable} for "${name}" ${why}. Use unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, with / @ : % in a user name or password percent-encoded (/ as %2F, @ as %40).`,
    );
  if (raw.startsWith('unix://')) {
    const socketPath = raw.slice('unix://'.length);
    if (!socketPath) throw bad('has no socket path');
    return { name, display: `unix://${socketPath}`, transport: 'unix', socketPath };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(`is not a valid URL${shownScheme(raw)}`);
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!hostname) throw bad('has no host name');
  const username = decodeUserinfo(url.username, bad);
  const password = decodeUserinfo(url.password, bad);
  if (url.protocol === 'tcp:') {
    const port = Number(url.port || (tlsVerify ? 2376 : 2375));
    const tls = tlsVerify ? readCerts(env) : undefined;
    const display = `tcp://${url.hostname}:${port}`;
    return { name, display, transport: 'tcp', hostname, port, ...(tls ? { tls } : {}) };
  }
  if (url.protocol === 'ssh:') {
    if (!username) throw bad('has no user name (ssh://user@host)');
    const port = Number(url.port || 22);
    // The user as written (percent-encoded, so printable); the password never.
    const display = `ssh://${url.username}@${url.hostname}${url.port ? `:${url.port}` : ''}`;
    const sshAgent = env.SSH_AUTH_SOCK?.trim() || undefined;
    const sshKey = readSshKey(env);
    return {
      name,
      display,
      transport: 'ssh',
      hostname,
      port,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(sshAgent ? { sshAgent } : {}),
      ...(sshKey ? { sshKey } : {}),
      sshKnownHosts: resolveKnownHostsPath(env.DOCKER_SSH_KNOWN_HOSTS),
    };
  }
  throw bad(`uses ${url.protocol.replace(/:$/, '')}://, which is not supported`);
}

/** Like the docker CLI: DOCKER_CERT_PATH, else ~/.docker, must hold ca.pem, cert.pem and key.pem. */
function readCerts(env: Env): { ca: Buffer; cert: Buffer; key: Buffer } {
  const dir = env.DOCKER_CERT_PATH?.trim() || path.join(os.homedir(), '.docker');
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(dir, file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(
        `DOCKER_CERT_PATH=${dir}: cannot read ${file} (${code}); DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem there.`,
      );
    }
  };
  return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
}

/**
 * DOCKER_SSH_KEY: a private key file (OpenSSH or PEM) for ssh:// hosts, without a passphrase —
 * the bot cannot type one; a key with a passphrase belongs in ssh-agent (SSH_AUTH_SOCK).
 */
function readSshKey(env: Env): Buffer | undefined {
  const raw = env.DOCKER_SSH_KEY?.trim();
  if (!raw) return undefined;
  const file = raw.startsWith('~/') ? path.join(os.homedir(), raw.slice(2)) : raw;
  let key: Buffer;
  try {
    key = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `DOCKER_SSH_KEY=${raw}: cannot read it (${code}). Point it at the private key the Docker host accepts (e.g. ~/.ssh/id_ed25519), or unset it to use SSH_AUTH_SOCK.`,
    );
  }
  const text = key.toString('latin1');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new ConfigError(
      `DOCKER_SSH_KEY=${raw} is not a private key file (the .pub is the public half). Point it at the private key.`,
    );
  }
  if (isEncryptedKey(text)) {
    throw new ConfigError(
      `DOCKER_SSH_KEY=${raw} is protected by a passphrase, which the bot cannot type. Load it into ssh-agent and set SSH_AUTH_SOCK instead, or use a key without one.`,
    );
  }
  return key;
}

function isEncryptedKey(text: string): boolean {
  if (/ENCRYPTED/.test(text)) return true; // PEM: Proc-Type: 4,ENCRYPTED or BEGIN ENCRYPTED PRIVATE KEY
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END/.exec(text)?.[1];
  if (!body) return false;
  // openssh-key-v1\0, then the cipher name as a length-prefixed string: "none" when not encrypted.
  const bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  if (bytes.length < magic.length + 4 || bytes.toString('latin1', 0, magic.length) !== magic) return false;
  const length = bytes.readUInt32BE(magic.length);
  return bytes.toString('latin1', magic.length + 4, magic.length + 4 + length) !== 'none';
}
