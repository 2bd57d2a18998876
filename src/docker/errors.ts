import { UserError } from '../errors.ts';
import type { DockerEndpoint } from './config.ts';
import { redactSecrets, stripUrlCredentials } from './redact.ts';

/** Raised by the deadline timer; carries nothing but the fact. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

function where(endpoint: DockerEndpoint): string {
  const display = stripUrlCredentials(endpoint.display);
  return endpoint.name === 'default' ? `Docker host ${display}` : `Docker host "${endpoint.name}" (${display})`;
}

function setting(endpoint: DockerEndpoint): string {
  return endpoint.name === 'default' ? 'DOCKER_HOST' : 'DOCKER_HOSTS';
}

/**
 * Turns whatever dockerode, node:net or the deadline threw into one line for the user:
 * what went wrong and what to do. Never a stack, never credentials.
 */
export function describeDockerError(err: unknown, endpoint: DockerEndpoint, timeoutMs: number): UserError {
  if (err instanceof UserError) return err;
  const host = where(endpoint);
  const e = (err ?? {}) as { code?: string; name?: string; statusCode?: number; message?: string };
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  if (err instanceof DeadlineExceeded || e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR') {
    return new UserError(`${host} did not answer within ${seconds}. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`);
  }
  switch (e.code) {
    case 'ENOENT':
      return new UserError(`${host} is not reachable (ENOENT: no socket at that path). Start Docker or set ${setting(endpoint)}.`);
    case 'ECONNREFUSED':
      return new UserError(`${host} refused the connection (ECONNREFUSED): the daemon is not running or not listening there. Start Docker or fix ${setting(endpoint)}.`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`Permission denied on ${host} (${e.code}). Give the bot's user access to the socket (e.g. add it to the docker group) or point ${setting(endpoint)} elsewhere.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UserError(`${host}: the host name does not resolve (${e.code}). Fix ${setting(endpoint)}.`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new UserError(`${host} is not reachable (${e.code}). Check the network path or fix ${setting(endpoint)}.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new UserError(`${host} dropped the connection (${e.code}). Check the daemon's logs and try again.`);
    case 'ENOTSOCK':
      return new UserError(`${host} is not a socket (ENOTSOCK). Fix ${setting(endpoint)}.`);
  }
  if (typeof e.code === 'string' && /CERT|SSL|TLS|SELF_SIGNED/.test(e.code)) {
    return new UserError(`TLS with ${host} failed (${e.code}). Check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY.`);
  }
  if (typeof e.statusCode === 'number') {
    const detail = oneLine(e.message ?? '').replace(/^\(HTTP code \d+\)\s*/, '');
    return new UserError(`${host} answered HTTP ${e.statusCode}${detail ? `: ${detail}` : ''}. Check the daemon's logs.`);
  }
  const code = typeof e.code === 'string' ? e.code : oneLine(e.message ?? 'unknown error');
  return new UserError(`Docker request to ${host} failed (${code}). Check that Docker is running and ${setting(endpoint)} is right.`);
}

function oneLine(text: string): string {
  return stripUrlCredentials(redactSecrets(text.replace(/\s+/g, ' ').trim())).slice(0, 160);
}
