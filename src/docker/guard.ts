import type DockerModem from 'docker-modem';
import Docker from 'dockerode';
import type { ConnectConfig, ServerHostKeyAlgorithm } from 'ssh2';
import { UserError } from '../errors.ts';
import type { DockerEndpoint } from './config.ts';
import { describeHostKeyRefusal } from './errors.ts';
import { checkHostKey, type KnownHostEntry, KnownHostsFile, preferredHostKeyAlgorithms } from './known-hosts.ts';
import { sshDialAgent } from './ssh.ts';

/**
 * Read-only as a guarantee, not a habit: every Engine API request dockerode makes goes through
 * `modem.dial`, so that is where we check it — before a socket is opened — against a fully
 * anchored allowlist of method + path (+ query keys). Everything else is refused.
 */

/**
 * Allowed paths (after an optional /v1.NN prefix) and the query keys each may carry: only the keys
 * the reader sends. /_ping (GET and HEAD), /images/json and /volumes are not called by the reader;
 * they stay because they are the read-only allowlist the Docker issue specifies, all metadata reads.
 */
const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['/_ping', new Set<string>()],
  ['/version', new Set<string>()],
  ['/info', new Set<string>()],
  // No `size`: size=true makes the engine walk every container's filesystem.
  ['/containers/json', new Set(['all', 'filters'])],
  ['/system/df', new Set<string>()],
  ['/images/json', new Set<string>()],
  ['/volumes', new Set<string>()],
]);

const VERSIONED_PATH = /^(?:\/v1\.\d{1,2})?(\/[a-z_]+(?:\/[a-z]+)?)$/;

export class ReadOnlyRefusal extends UserError {}

/** Why the request is refused, or null when it is allowed. `target` is path plus query, as sent. */
export function refusalReason(method: string, target: string): string | null {
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  // Allowed paths contain no escapes, so any % is an attempt to smuggle ../ or // past the check.
  if (pathname.includes('%')) return 'encoded characters in the path';
  const match = VERSIONED_PATH.exec(pathname);
  const allowedKeys = match ? ALLOWED.get(match[1]!) : undefined;
  if (!match || !allowedKeys) return 'not a read-only endpoint';
  if (method !== 'GET' && !(method === 'HEAD' && match[1] === '/_ping')) return `${method} is not a read`;
  const seen = new Set<string>();
  for (const key of new URLSearchParams(query).keys()) {
    if (key === 'size') return 'size is never requested: it walks every container filesystem';
    if (!allowedKeys.has(key) || seen.has(key)) return `query parameter "${key}" is not allowed`;
    seen.add(key);
  }
  return null;
}

type Dial = DockerModem['dial'];
type DialOptions = Parameters<Dial>[0];

interface ModemInternals {
  version?: string;
  buildQuerystring(opts: object): string;
}

/** The request target exactly as docker-modem 5's dial builds it (version prefix, then the query from options). */
function requestTarget(modem: ModemInternals, options: DialOptions): string {
  let target = modem.version ? `/${modem.version}${options.path}` : options.path;
  if (target.includes('?')) {
    const { abortSignal: _signal, authconfig: _auth, ...opts } = options.options ?? {};
    target =
      Object.keys(opts).length > 0
        ? target + modem.buildQuerystring((opts._query as object | undefined) ?? opts)
        : target.slice(0, -1);
  }
  return target;
}

/** Installs the check on this modem's dial. Refusals reach the caller through dockerode's callback/promise. */
function guardModem(modem: DockerModem): void {
  const internals = modem as unknown as ModemInternals;
  if (typeof modem.dial !== 'function' || typeof internals.buildQuerystring !== 'function') {
    // Fail closed if a docker-modem upgrade changed the shape we rely on.
    throw new Error('docker-modem has no dial/buildQuerystring; the read-only guard cannot be installed');
  }
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    const method = (options.method ?? 'GET').toUpperCase();
    const target = requestTarget(internals, options);
    const reason =
      options.hijack || options.openStdin || options.file !== undefined
        ? 'it streams data to the engine'
        : refusalReason(method, target);
    if (reason === null) {
      dial(options, callback);
      return;
    }
    const path = target.split('?')[0]!;
    const shown = path.length > 120 ? `${path.slice(0, 119)}…` : path;
    const refusal = new ReadOnlyRefusal(`Refused ${method} ${shown} (${reason}): this bot only reads from Docker.`);
    if (!callback) throw refusal;
    process.nextTick(() => callback(refusal, null));
  };
}

/**
 * ssh:// host key check, run by ssh2 with the raw public key blob after the key exchange and before
 * authentication, so a refused host never sees a login, let alone a `docker system dial-stdio` or an
 * Engine API request. Null when the key is in the file; else the exact reason (unknown host, changed
 * or revoked key, file unreadable), which becomes the request's error.
 */
function hostKeyRefusal(file: KnownHostsFile, endpoint: DockerEndpoint, key: Buffer): Error | null {
  let entries: readonly KnownHostEntry[];
  try {
    entries = file.entries();
  } catch (err) {
    return describeHostKeyRefusal(
      { ok: false, kind: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'unreadable' },
      endpoint,
      file.path,
    );
  }
  const verdict = checkHostKey(entries, endpoint.hostname!, endpoint.port!, key);
  return verdict.ok ? null : describeHostKeyRefusal(verdict, endpoint, file.path);
}

/** ssh2's host key algorithm preference for this host: the key types known for it first (see preferredHostKeyAlgorithms). */
function hostKeyAlgorithms(file: KnownHostsFile, endpoint: DockerEndpoint): Pick<ConnectConfig, 'algorithms'> {
  let preferred: ServerHostKeyAlgorithm[] | undefined;
  try {
    preferred = preferredHostKeyAlgorithms(file.entries(), endpoint.hostname!, endpoint.port!) as
      | ServerHostKeyAlgorithm[]
      | undefined;
  } catch {
    preferred = undefined; // unreadable now: the host key check refuses the host and says why
  }
  // ssh2 applies these in order to its default list: the same algorithms, known ones first.
  return preferred ? { algorithms: { serverHostKey: { remove: preferred, prepend: preferred, append: [] } } } : {};
}

/** ssh2 settings for one connection to an ssh:// endpoint; the known_hosts file is read again each time. */
function sshConnectConfig(endpoint: DockerEndpoint, timeoutMs: number, knownHosts: KnownHostsFile): ConnectConfig {
  return {
    host: endpoint.hostname,
    port: endpoint.port,
    username: endpoint.username,
    ...(endpoint.password ? { password: endpoint.password } : {}),
    ...(endpoint.sshAgent ? { agent: endpoint.sshAgent } : {}),
    ...(endpoint.sshKey ? { privateKey: endpoint.sshKey } : {}),
    // ssh2 waits 20 s for a handshake by default; past our deadline nobody is waiting for it.
    // A little longer than the deadline, so the deadline (and its message) comes first.
    readyTimeout: timeoutMs + 1000,
    ...hostKeyAlgorithms(knownHosts, endpoint),
  };
}

/** dockerode options for one endpoint. Every key is set so docker-modem's own reading of process.env (DOCKER_HOST, DOCKER_CERT_PATH…) cannot leak in. */
function modemOptions(
  endpoint: DockerEndpoint,
  timeoutMs: number,
  knownHosts?: KnownHostsFile,
): Docker.DockerOptions & Pick<DockerModem.ConstructorOptions, 'agent'> {
  const base = {
    socketPath: undefined as string | undefined,
    host: undefined as string | undefined,
    port: undefined as number | undefined,
    username: undefined as string | undefined,
    ca: undefined as Buffer | undefined,
    cert: undefined as Buffer | undefined,
    key: undefined as Buffer | undefined,
    version: undefined,
    pathPrefix: '/',
    headers: {},
    // docker-modem's timeout is an idle timeout; the real deadline is the abort signal in reader.ts.
    timeout: timeoutMs,
    connectionTimeout: timeoutMs,
  };
  switch (endpoint.transport) {
    case 'unix':
      return { ...base, socketPath: endpoint.socketPath, protocol: 'http' };
    case 'tcp':
      // docker-modem only uses certificates when the protocol is https, so say so explicitly.
      return endpoint.tls
        ? { ...base, host: endpoint.hostname, port: endpoint.port, protocol: 'https', ...endpoint.tls }
        : { ...base, host: endpoint.hostname, port: endpoint.port, protocol: 'http' };
    case 'ssh': {
      if (!knownHosts) throw new Error('ssh:// needs a known_hosts file'); // fail closed; createGuardedDocker opens it
      const agent = sshDialAgent({
        connectConfig: () => sshConnectConfig(endpoint, timeoutMs, knownHosts),
        checkHostKey: (key) => hostKeyRefusal(knownHosts, endpoint, key),
      });
      return {
        ...base,
        // Plain HTTP over our ssh agent (ssh.ts), not docker-modem's own ssh transport.
        host: endpoint.hostname,
        port: endpoint.port,
        protocol: 'http',
        agent,
        // No idle timeout: docker-modem applies it with req.setTimeout, which calls setTimeout on the
        // socket — here an ssh2 channel, which has none, so Node would throw an uncaught TypeError.
        // The abort-signal deadline in reader.ts still holds.
        timeout: undefined,
      };
    }
  }
}

/**
 * A dockerode client that can only make the allowlisted read requests. ssh:// clients also check
 * the host key against `knownHosts` (opened from endpoint.sshKnownHosts when not given).
 */
export function createGuardedDocker(endpoint: DockerEndpoint, timeoutMs: number, knownHosts?: KnownHostsFile): Docker {
  const sshKnownHosts = endpoint.transport === 'ssh' ? (knownHosts ?? openKnownHosts(endpoint)) : undefined;
  const options = modemOptions(endpoint, timeoutMs, sshKnownHosts);
  let docker: Docker;
  try {
    docker = new Docker(options);
  } catch (err) {
    // docker-modem reads certificates from DOCKER_CERT_PATH itself whenever DOCKER_HOST is tcp://, even unasked.
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(
      `The Docker client could not start: it reads DOCKER_CERT_PATH when DOCKER_HOST is tcp:// and that failed (${code}). Fix or unset DOCKER_CERT_PATH.`,
    );
  }
  guardModem(docker.modem);
  return docker;
}

/** The known_hosts file of an ssh:// endpoint, read now: a ConfigError naming DOCKER_SSH_KNOWN_HOSTS when it cannot be. */
export function openKnownHosts(endpoint: DockerEndpoint): KnownHostsFile {
  if (!endpoint.sshKnownHosts || !endpoint.hostname || !endpoint.port) {
    throw new Error(`ssh:// endpoint "${endpoint.name}" has no known_hosts file; it is built by readDockerConfig`);
  }
  return KnownHostsFile.open(endpoint.sshKnownHosts, { hostname: endpoint.hostname, port: endpoint.port });
}
