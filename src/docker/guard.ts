import net from 'node:net';
import tls from 'node:tls';
import type DockerModem from 'docker-modem';
import Docker from 'dockerode';
import type { ConnectConfig, ServerHostKeyAlgorithm } from 'ssh2';
import { UserError } from '../errors.ts';
import { ReadOnlyRefusal, readOnlyRefusal, refusalReason } from './allowlist.ts';
import type { DockerEndpoint } from './config.ts';
import { describeHostKeyRefusal } from './errors.ts';
import { checkHostKey, type KnownHostEntry, KnownHostsFile, preferredHostKeyAlgorithms } from './known-hosts.ts';
import { dialStdio } from './ssh.ts';
import { type Connect, type EngineReply, type EngineRequest, sendEngineRequest } from './transport.ts';

export { ReadOnlyRefusal, refusalReason } from './allowlist.ts';

/**
 * Read-only as a guarantee, not a habit. docker-modem 5 sends by two methods only — `dial`, which
 * builds a request from dockerode's options, and `buildRequest`, which sends what it is given (its
 * other methods only read streams they are handed). On a guarded client:
 * - `dial` reads the options once into a plain frozen copy, builds the query string itself, checks
 *   method + path + query keys against the allowlist (allowlist.ts), and sends exactly that copy
 *   through its own transport — docker-modem's request code (and its DEBUG=modem logging of raw
 *   engine answers) never runs;
 * - `buildRequest` refuses everything, so docker-modem's own dial, called on this modem, cannot
 *   send either;
 * - both are fixed on the modem (not writable, not configurable);
 * - the transport's connection checks the bytes written to it again before it even connects
 *   (transport.ts). The modem holds no address or key material at all.
 */

type DialCallback = (err: Error | null, data: unknown) => void;

/** A dial as the guard read it: every field read once, nothing left to change. */
interface CheckedDial {
  request: EngineRequest;
  statusCodes: ReadonlyMap<number, true | string>;
  signal?: AbortSignal;
}

/**
 * The query string, built here from the options as read once: plain values as text, plain objects
 * as JSON (the way docker-modem encodes `filters`), undefined left out. `abortSignal` is not a
 * parameter but the request's signal. Anything else (arrays, functions, null) is refused.
 */
function buildQuery(params: unknown): { query: string; signal?: AbortSignal } | { reason: string } {
  if (params === undefined || params === null) return { query: '' };
  if (typeof params !== 'object' || Array.isArray(params)) return { reason: 'options that are not a plain object' };
  const parts: string[] = [];
  let signal: AbortSignal | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (key === 'abortSignal') {
      if (value instanceof AbortSignal) signal = value;
      continue;
    }
    if (value === undefined) continue;
    let text: string;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') text = String(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) text = JSON.stringify(value);
    else return { reason: `query parameter "${key}" is not a plain value` };
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return { query: parts.join('&'), ...(signal ? { signal } : {}) };
}

/**
 * Reads dockerode's dial options exactly once (a getter that answers differently the second time
 * gets no second time) and returns the request to send, or why it is refused.
 */
function checkDial(options: unknown, version: unknown): CheckedDial | { refusal: ReadOnlyRefusal } {
  const refuse = (method: string, target: string, reason: string) => ({
    refusal: readOnlyRefusal(method, target, reason),
  });
  if (options === null || typeof options !== 'object') return refuse('?', '?', 'not a request');
  const {
    path,
    method = 'GET',
    options: params,
    statusCodes,
    abortSignal,
    hijack,
    openStdin,
    isStream,
    file,
    authconfig,
    registryconfig,
  } = options as Record<string, unknown>;
  if (typeof path !== 'string' || typeof method !== 'string') return refuse('?', '?', 'not a plain request');
  const verb = method.toUpperCase();
  if (hijack || openStdin || isStream || file !== undefined) return refuse(verb, path, 'it streams data');
  if (authconfig || registryconfig) return refuse(verb, path, 'it carries registry credentials');
  if (version !== undefined && (typeof version !== 'string' || version === '')) {
    return refuse(verb, path, 'an API version that is not text');
  }
  // dockerode ends a path with ? when the options are its query; anything written after it is not ours.
  const q = path.indexOf('?');
  if (q >= 0 && q !== path.length - 1) return refuse(verb, path, 'a query written into the path');
  const built = q >= 0 ? buildQuery(params) : { query: '' };
  if ('reason' in built) return refuse(verb, path, built.reason);
  const pathname = `${version ? `/${version}` : ''}${q >= 0 ? path.slice(0, q) : path}`;
  const target = built.query ? `${pathname}?${built.query}` : pathname;
  const reason = refusalReason(verb, target);
  if (reason !== null) return refuse(verb, target, reason);
  const codes = new Map<number, true | string>();
  if (statusCodes !== null && typeof statusCodes === 'object') {
    for (const [code, meaning] of Object.entries(statusCodes))
      codes.set(Number(code), meaning === true || String(meaning));
  }
  const signal = abortSignal instanceof AbortSignal ? abortSignal : built.signal;
  return { request: Object.freeze({ method: verb, target }), statusCodes: codes, ...(signal ? { signal } : {}) };
}

/** The answer as docker-modem hands it to dockerode: parsed JSON, else the raw bytes. */
function payload(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString()) || body;
  } catch {
    return body;
  }
}

/** docker-modem's error for a status the call does not expect; describeDockerError reads statusCode and message. */
function statusError(status: number, meaning: string | undefined, data: unknown): Error {
  const json = data as { message?: unknown; error?: unknown } | Buffer;
  const cause = Buffer.isBuffer(json) ? json.toString() : String(json.message ?? json.error ?? JSON.stringify(json));
  return Object.assign(new Error(`(HTTP code ${status}) ${meaning ?? 'unexpected'} - ${cause} `), {
    reason: meaning,
    statusCode: status,
    json: data,
  });
}

type Send = (request: EngineRequest, signal?: AbortSignal) => Promise<EngineReply>;

function guardModem(modem: DockerModem, send: Send): void {
  const internals = modem as unknown as { version?: unknown };
  if (
    typeof modem.dial !== 'function' ||
    typeof (modem as unknown as { buildRequest?: unknown }).buildRequest !== 'function'
  ) {
    // Fail closed if a docker-modem upgrade changed the shape we rely on.
    throw new Error('docker-modem has no dial/buildRequest; the read-only guard cannot be installed');
  }
  const dial = (options: unknown, callback: DialCallback) => {
    const checked = checkDial(options, internals.version);
    if (typeof callback !== 'function')
      throw 'refusal' in checked ? checked.refusal : new TypeError('dial needs a callback');
    if ('refusal' in checked) {
      process.nextTick(() => callback(checked.refusal, null));
      return;
    }
    send(checked.request, checked.signal).then(
      (reply) => {
        const data = payload(reply.body);
        const meaning = checked.statusCodes.get(reply.status);
        if (meaning === true) callback(null, data);
        else callback(statusError(reply.status, meaning, data), null);
      },
      (err: Error) => callback(err, null),
    );
  };
  const buildRequest = (_options: unknown, _context: unknown, _data: unknown, callback: unknown) => {
    const refusal = new ReadOnlyRefusal(
      'Refused a request sent around the read-only check (modem.buildRequest): this bot only reads from Docker.',
    );
    if (typeof callback !== 'function') throw refusal;
    process.nextTick(() => (callback as DialCallback)(refusal, null));
  };
  for (const [name, value] of [
    ['dial', dial],
    ['buildRequest', buildRequest],
  ] as const) {
    Object.defineProperty(modem, name, { value, writable: false, configurable: false, enumerable: false });
  }
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

/**
 * docker-modem reads DOCKER_HOST, DOCKER_CERT_PATH… from process.env on its own; every key is set
 * here so none of it leaks in. The modem gets no address and no keys: the transport has them.
 */
const NEUTRAL_MODEM_OPTIONS = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  username: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
  version: undefined,
  pathPrefix: '/',
  headers: {},
  protocol: 'http',
  timeout: undefined,
  connectionTimeout: undefined,
} as unknown as Docker.DockerOptions;

/** How one request opens its connection to the endpoint (transport.ts checks what goes over it). */
function connector(endpoint: DockerEndpoint, timeoutMs: number, knownHosts?: KnownHostsFile): Connect {
  switch (endpoint.transport) {
    case 'unix':
      return (done) => done(null, net.connect({ path: endpoint.socketPath! }));
    case 'tcp': {
      const { tls: certs } = endpoint;
      const hostname = endpoint.hostname!;
      const port = endpoint.port!;
      if (!certs) return (done) => done(null, net.connect({ host: hostname, port }));
      const servername = net.isIP(hostname) === 0 ? hostname : undefined;
      return (done) =>
        done(null, tls.connect({ host: hostname, port, ...certs, ...(servername ? { servername } : {}) }));
    }
    case 'ssh': {
      if (!knownHosts) throw new Error('ssh:// needs a known_hosts file'); // fail closed; createGuardedDocker opens it
      const options = {
        connectConfig: () => sshConnectConfig(endpoint, timeoutMs, knownHosts),
        checkHostKey: (key: Buffer) => hostKeyRefusal(knownHosts, endpoint, key),
      };
      return (done) => dialStdio(options, done);
    }
  }
}

/**
 * A dockerode client that can only make the allowlisted read requests. ssh:// clients also check
 * the host key against `knownHosts` (opened from endpoint.sshKnownHosts when not given).
 */
export function createGuardedDocker(endpoint: DockerEndpoint, timeoutMs: number, knownHosts?: KnownHostsFile): Docker {
  const sshKnownHosts = endpoint.transport === 'ssh' ? (knownHosts ?? openKnownHosts(endpoint)) : undefined;
  const connect = connector(endpoint, timeoutMs, sshKnownHosts);
  const hostHeader =
    endpoint.transport === 'unix' ? { host: 'localhost' } : { host: endpoint.hostname!, port: endpoint.port! };
  let docker: Docker;
  try {
    docker = new Docker(NEUTRAL_MODEM_OPTIONS);
  } catch (err) {
    // docker-modem reads certificates from DOCKER_CERT_PATH itself whenever DOCKER_HOST is tcp://, even unasked.
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(
      `The Docker client could not start: it reads DOCKER_CERT_PATH when DOCKER_HOST is tcp:// and that failed (${code}). Fix or unset DOCKER_CERT_PATH.`,
    );
  }
  guardModem(docker.modem, (request, signal) =>
    sendEngineRequest(connect, request, { ...hostHeader, timeoutMs, ...(signal ? { signal } : {}) }),
  );
  return docker;
}

/** The known_hosts file of an ssh:// endpoint, read now: a ConfigError naming DOCKER_SSH_KNOWN_HOSTS when it cannot be. */
export function openKnownHosts(endpoint: DockerEndpoint): KnownHostsFile {
  if (!endpoint.sshKnownHosts || !endpoint.hostname || !endpoint.port) {
    throw new Error(`ssh:// endpoint "${endpoint.name}" has no known_hosts file; it is built by readDockerConfig`);
  }
  return KnownHostsFile.open(endpoint.sshKnownHosts, { hostname: endpoint.hostname, port: endpoint.port });
}
