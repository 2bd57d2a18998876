import type Docker from 'dockerode';
import { UserError } from '../errors.ts';
import { withTimeout } from '../time/timeout.ts';
import type { DockerConfig, DockerEndpoint } from './config.ts';
import { type EngineDiskUsage, type EngineInfo, toDfView } from './df.ts';
import { DeadlineExceeded, describeDockerError } from './errors.ts';
import { createGuardedDocker, openKnownHosts } from './guard.ts';
import type { KnownHostsFile } from './known-hosts.ts';
import { checkLabelFilters, engineFilters, toPsView } from './ps.ts';
import type { DfOptions, DfView, DockerReader, HostRef, PsOptions, PsView } from './types.ts';

/** Newest Engine API this code was written against; newer daemons are spoken to in this version. */
const MAX_API_VERSION = '1.47';

interface HostClient {
  endpoint: DockerEndpoint;
  ref: HostRef;
  docker: Docker;
  /** True once the API version is pinned. */
  pinned: boolean;
  /** The /version request in flight, shared by the calls that wait for it. */
  pinning?: Promise<void>;
}

interface DfSnapshot {
  df: EngineDiskUsage;
  info: EngineInfo;
  at: Date;
}

interface DfCacheEntry {
  snapshot: Promise<DfSnapshot>;
  /** Infinity while in flight, so concurrent callers share it. */
  expiresAt: number;
}

export interface ReaderDeps {
  now?: () => number;
}

/**
 * Throws a ConfigError when an ssh:// host's known_hosts file (DOCKER_SSH_KNOWN_HOSTS) cannot be read:
 * create the reader at start-up. Clients themselves are made on first use.
 */
export function createDockerReader(config: DockerConfig, deps: ReaderDeps = {}): DockerReader {
  const now = deps.now ?? Date.now;
  const clients = new Map<string, HostClient>();
  const dfCache = new Map<string, DfCacheEntry>();
  // Read now, one per file, so a missing one stops start-up rather than failing every ssh:// call.
  const knownHosts = new Map<string, KnownHostsFile>();
  for (const endpoint of config.hosts) {
    if (endpoint.transport === 'ssh' && !knownHosts.has(endpoint.sshKnownHosts!)) {
      knownHosts.set(endpoint.sshKnownHosts!, openKnownHosts(endpoint));
    }
  }

  function client(hostName: string | undefined): HostClient {
    const endpoint = hostName === undefined ? config.hosts[0] : config.hosts.find((h) => h.name === hostName);
    if (!endpoint) {
      throw new UserError(
        `Unknown Docker host "${hostName}". Configured hosts: ${config.hosts.map((h) => h.name).join(', ')}.`,
      );
    }
    let existing = clients.get(endpoint.name);
    if (!existing) {
      existing = {
        endpoint,
        ref: { name: endpoint.name, endpoint: endpoint.display },
        pinned: false,
        docker: createGuardedDocker(
          endpoint,
          config.timeoutMs,
          endpoint.sshKnownHosts ? knownHosts.get(endpoint.sshKnownHosts) : undefined,
        ),
      };
      clients.set(endpoint.name, existing);
    }
    return existing;
  }

  /** One deadline for the whole operation, version pinning included; errors become one-line UserErrors. */
  async function call<T>(host: HostClient, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(config.timeoutMs, async (signal) => {
        await pinApiVersion(host, config.timeoutMs, signal);
        signal.throwIfAborted(); // the pin may finish after this call's deadline: send nothing more then
        return run(signal);
      });
    } catch (err) {
      throw describeDockerError(err, host.endpoint, config.timeoutMs);
    }
  }

  /**
   * The host's df snapshot: the cached one, the one in flight, or a new request. Callers that share
   * a request each wait within their own deadline (`signal`, from `call`) and get their own error
   * message. The request has a deadline of its own, not the first caller's; when it runs out, a
   * caller that still has time asks again, so one caller's deadline never cuts another short.
   */
  async function sharedDfSnapshot(host: HostClient, signal: AbortSignal): Promise<DfSnapshot> {
    for (;;) {
      let entry = dfCache.get(host.ref.name);
      if (!entry || now() >= entry.expiresAt) entry = startDfSnapshot(host);
      try {
        return await entry.snapshot;
      } catch (err) {
        if (err instanceof DeadlineExceeded && !signal.aborted) continue;
        throw err;
      }
    }
  }

  function startDfSnapshot(host: HostClient): DfCacheEntry {
    const fresh: DfCacheEntry = {
      expiresAt: Number.POSITIVE_INFINITY,
      snapshot: withDeadline(config.timeoutMs, async (abortSignal) => {
        const [df, info] = await Promise.all([
          withSignal<EngineDiskUsage>(host.docker, 'df')({ abortSignal }),
          withSignal<EngineInfo>(host.docker, 'info')({ abortSignal }),
        ]);
        return { df, info, at: new Date(now()) };
      }),
    };
    fresh.snapshot.then(
      () => {
        fresh.expiresAt = now() + config.dfCacheMs;
      },
      () => {
        if (dfCache.get(host.ref.name) === fresh) dfCache.delete(host.ref.name);
      },
    );
    dfCache.set(host.ref.name, fresh);
    return fresh;
  }

  return {
    async ps(options: PsOptions): Promise<PsView> {
      checkLabelFilters(options.filters.label, config.labelAllowlist);
      const host = client(options.host);
      const containers = await call(host, (abortSignal) =>
        host.docker.listContainers({
          ...(options.all ? { all: true } : {}),
          filters: engineFilters(options.filters),
          abortSignal,
        }),
      );
      return toPsView(containers, options, host.ref, config.labelAllowlist);
    },

    async df(options: DfOptions): Promise<DfView> {
      const host = client(options.host);
      const { df, info, at } = await call(host, (signal) => sharedDfSnapshot(host, signal));
      return toDfView(df, info, options.verbose, host.ref, at);
    },
  };
}

/**
 * docker-modem does not negotiate: without a version it calls unversioned paths, which the daemon
 * serves at its newest API. Pin min(daemon's ApiVersion, ours), but never below the daemon's minimum.
 *
 * Calls that arrive while /version is in flight wait for that same request (each still within its
 * own deadline). The request has a deadline of its own, not the first caller's, and a failed pin
 * is forgotten. When it runs out of time, a call that came later and still has time asks again,
 * so one call's deadline never fails another early.
 */
async function pinApiVersion(host: HostClient, timeoutMs: number, signal: AbortSignal): Promise<void> {
  while (!host.pinned) {
    try {
      await (host.pinning ?? startPin(host, timeoutMs));
    } catch (err) {
      if (err instanceof DeadlineExceeded && !signal.aborted) continue;
      throw err;
    }
  }
}

function startPin(host: HostClient, timeoutMs: number): Promise<void> {
  const pin = withDeadline(timeoutMs, (signal) => askApiVersion(host, signal));
  host.pinning = pin;
  pin
    .then(
      () => {
        host.pinned = true;
      },
      () => undefined,
    )
    .finally(() => {
      if (host.pinning === pin) host.pinning = undefined;
    });
  return pin;
}

async function askApiVersion(host: HostClient, signal: AbortSignal): Promise<void> {
  const version = await withSignal<{ ApiVersion?: string; MinAPIVersion?: string }>(
    host.docker,
    'version',
  )({ abortSignal: signal });
  if (!version.ApiVersion || parseApiVersion(version.ApiVersion) === undefined) {
    throw new UserError(
      `Docker host ${host.endpoint.display} did not report an API version; is it a Docker engine? Check DOCKER_HOST.`,
    );
  }
  (host.docker.modem as unknown as { version?: string }).version =
    `v${chooseApiVersion(version.ApiVersion, version.MinAPIVersion)}`;
}

/** @types/dockerode omits the options argument of these methods; dockerode 4 reads abortSignal from it. */
function withSignal<T>(
  docker: Docker,
  method: 'df' | 'info' | 'version',
): (opts: { abortSignal: AbortSignal }) => Promise<T> {
  return (docker[method] as unknown as (opts: { abortSignal: AbortSignal }) => Promise<T>).bind(docker);
}

function parseApiVersion(version: string): number | undefined {
  const m = /^1\.(\d{1,3})$/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

export function chooseApiVersion(daemonMax: string, daemonMin: string | undefined): string {
  const max = parseApiVersion(daemonMax)!;
  const ours = parseApiVersion(MAX_API_VERSION)!;
  const min = daemonMin ? (parseApiVersion(daemonMin) ?? 0) : 0;
  return `1.${Math.max(min, Math.min(max, ours))}`;
}

/** Aborts the requests and rejects when `ms` pass, even if the daemon holds the connection open. */
function withDeadline<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // keepAlive: the deadline is kept even when nothing else holds the process open, as a one-shot CLI read needs.
  return withTimeout(
    run(controller.signal),
    ms,
    () => {
      const exceeded = new DeadlineExceeded(`no answer within ${ms} ms`);
      controller.abort(exceeded);
      throw exceeded;
    },
    { keepAlive: true },
  );
}
