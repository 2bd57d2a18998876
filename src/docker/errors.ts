import { UserError } from '../errors.ts';
import { showControlChars } from '../text/visible.ts';
import type { DockerEndpoint } from './config.ts';
import { type HostKeyVerdict, keyscanCommand } from './known-hosts.ts';
import { cutForDisplay, redactSecrets, stripUrlCredentials } from './redact.ts';
import { DIAL_COMMAND, SshDialFailed } from './ssh.ts';

/** Raised by the deadline timer; carries nothing but the fact. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

function where(endpoint: DockerEndpoint): string {
  const display = stripUrlCredentials(endpoint.display);
  return endpoint.name === 'default' ? `Docker host ${display}` : `Docker host "${endpoint.name}" (${display})`;
}

/** The ssh host key did not check out against DOCKER_SSH_KNOWN_HOSTS; nothing was sent to Docker. */
class HostKeyRefused extends UserError {}

const KEY_FILE: Readonly<Record<string, string>> = { 'ssh-ed25519': 'ed25519', 'ssh-rsa': 'rsa' };

/**
 * Why the bot would not talk to an ssh:// host after the key exchange: one line, with the key's
 * SHA256 fingerprint (as ssh shows it) and never the key itself.
 */
export function describeHostKeyRefusal(
  verdict: Exclude<HostKeyVerdict, { ok: true }> | { ok: false; kind: 'unreadable'; code: string },
  endpoint: DockerEndpoint,
  file: string,
): HostKeyRefused {
  const host = where(endpoint);
  const hostname = endpoint.hostname ?? '';
  const port = endpoint.port ?? 22;
  if (verdict.kind === 'unreadable') {
    return new HostKeyRefused(
      `Did not connect to ${host}: its host key cannot be checked because ${file} (DOCKER_SSH_KNOWN_HOSTS) cannot be read any more (${verdict.code}). Restore that file.`,
    );
  }
  const key = `${verdict.keyType} host key (${verdict.fingerprint})`;
  switch (verdict.kind) {
    case 'changed':
      return new HostKeyRefused(
        `WARNING: ${host} presented a different ${key} than the one ${file} (DOCKER_SSH_KNOWN_HOSTS) has for it on line ${verdict.line}, so the bot did not connect. Someone may be intercepting the connection, or the host was reinstalled: confirm the new key with the host's administrators before you replace that line.`,
      );
    case 'revoked':
      return new HostKeyRefused(
        `${host} presented an ${key} that ${file} (DOCKER_SSH_KNOWN_HOSTS) marks @revoked on line ${verdict.line}, so the bot did not connect. The host needs a new host key; ask its administrators.`,
      );
    case 'unknown': {
      const others = verdict.knownTypes ? ` (it only has ${verdict.knownTypes.join(', ')} keys for this host)` : '';
      const keyFile = KEY_FILE[verdict.keyType] ?? verdict.keyType.replace(/^ecdsa-.*$/, 'ecdsa');
      return new HostKeyRefused(
        `${host} presented an ${key} that is not in ${file} (DOCKER_SSH_KNOWN_HOSTS)${others}, so the bot did not connect. Check the host (on it: ssh-keygen -lf /etc/ssh/ssh_host_${keyFile}_key.pub), then add it: ${keyscanCommand(hostname, port, file)}`,
      );
    }
  }
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
  const e = (err ?? {}) as { code?: string; name?: string; statusCode?: number; message?: string; level?: string };
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  if (
    err instanceof DeadlineExceeded ||
    e.name === 'AbortError' ||
    e.name === 'TimeoutError' ||
    e.code === 'ABORT_ERR' ||
    (endpoint.transport === 'ssh' && e.level === 'client-timeout')
  ) {
    return new UserError(
      `${host} did not answer within ${seconds}. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
    );
  }
  if (err instanceof SshDialFailed) {
    return new UserError(
      err.dropped
        ? `${host} closed the ssh connection after the login, before \`${DIAL_COMMAND}\` started. Try again; if it keeps happening, check the sshd log on that host.`
        : `${host} accepted the ssh login but refused to run \`${DIAL_COMMAND}\` (${oneLine(err.message)}). The ssh user must be allowed to open a session and run that command there (sshd: MaxSessions, ForceCommand; command= in authorized_keys).`,
    );
  }
  const ssh = endpoint.transport === 'ssh' ? sshProblem(e, endpoint, host) : undefined;
  if (ssh) return new UserError(ssh);
  switch (e.code) {
    case 'ENOENT':
      return new UserError(
        `${host} is not reachable (ENOENT: no socket at that path). Start Docker or set ${setting(endpoint)}.`,
      );
    case 'ECONNREFUSED':
      return new UserError(
        `${host} refused the connection (ECONNREFUSED): the daemon is not running or not listening there. Start Docker or fix ${setting(endpoint)}.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new UserError(
        `Permission denied on ${host} (${e.code}). Give the bot's user access to the socket (e.g. add it to the docker group) or point ${setting(endpoint)} elsewhere.`,
      );
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
  const tls = typeof e.code === 'string' ? tlsProblem(e.code, e.message ?? '') : undefined;
  if (tls) return new UserError(`TLS with ${host} failed (${e.code}): ${tls}.`);
  if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(e.message ?? '')) {
    return new UserError(
      `${host} only speaks TLS. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem).`,
    );
  }
  if (typeof e.statusCode === 'number') {
    const detail = oneLine(e.message ?? '').replace(/^\(HTTP code \d+\)\s*/, '');
    return new UserError(
      `${host} answered HTTP ${e.statusCode}${detail ? `: ${detail}` : ''}. Check the daemon's logs.`,
    );
  }
  const code = typeof e.code === 'string' ? e.code : oneLine(e.message ?? 'unknown error');
  if (endpoint.transport === 'ssh') {
    return new UserError(
      `ssh to ${host} failed (${code}). Check ${setting(endpoint)}, DOCKER_SSH_KEY or SSH_AUTH_SOCK, and that the ssh user can run docker there.`,
    );
  }
  return new UserError(
    `Docker request to ${host} failed (${code}). Check that Docker is running and ${setting(endpoint)} is right.`,
  );
}

/**
 * ssh:// goes through ssh2 (errors carry a `level`) and then `docker system dial-stdio` on the
 * remote host, so "refused", "reset" and "protocol" mean other things than on a socket.
 */
function sshProblem(
  e: { code?: string; message?: string; level?: string },
  endpoint: DockerEndpoint,
  host: string,
): string | undefined {
  if (e.level === 'client-authentication') {
    return `ssh login${endpoint.username ? ` as ${endpoint.username}` : ''} to ${host} was refused (${oneLine(e.message ?? '')}). Set DOCKER_SSH_KEY to a private key that host accepts, or SSH_AUTH_SOCK to an ssh-agent holding one.`;
  }
  if (e.level === 'handshake' && /^Host denied/.test(e.message ?? '')) {
    // Normally replaced by the exact reason (describeHostKeyRefusal) before it gets here.
    return `${host} presented an ssh host key that does not match DOCKER_SSH_KNOWN_HOSTS, so the bot did not connect. Check the host and that file.`;
  }
  if (e.level === 'protocol' && /handshake|identification/i.test(e.message ?? '')) {
    return `${host} does not speak ssh on that port (${oneLine(e.message ?? '')}). Fix the port in ${setting(endpoint)}.`;
  }
  if (e.code === 'ECONNREFUSED') {
    return `${host} refused the connection (ECONNREFUSED): no ssh server listens there. Fix the host or port in ${setting(endpoint)}.`;
  }
  if (e.code === 'ECONNRESET' && !e.level) {
    // The http side's "socket hang up": the ssh channel closed before the engine answered.
    return `${host} closed the connection before Docker answered (ECONNRESET). On that host the ssh user must be able to run \`docker system dial-stdio\` (docker CLI installed, access to the daemon's socket).`;
  }
  return undefined;
}

/**
 * What a Node TLS error code means for the person fixing the settings. OpenSSL's verify codes
 * (UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN…) do not all say CERT or TLS, so
 * they are named here; alerts (ERR_SSL_…_ALERT_…) are the daemon refusing our client certificate.
 */
function tlsProblem(code: string, message: string): string | undefined {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return "the daemon's certificate is not issued for this host name; use a name or IP it lists (subjectAltName) in DOCKER_HOST";
  }
  if (/EXPIRED|NOT_YET_VALID/.test(code)) return 'a certificate is expired or not yet valid; renew it';
  if (/^ERR_SSL_.*ALERT/.test(code)) {
    return "the daemon refused the client certificate; DOCKER_CERT_PATH needs a cert.pem and key.pem signed by the daemon's CA";
  }
  if (code === 'EPROTO' && /wrong version number|packet length too long|http request/i.test(message)) {
    return "nothing speaks TLS on that port; use the daemon's TLS port, or unset DOCKER_TLS_VERIFY for a plain one";
  }
  if (
    /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF|DECRYPT_CERT)|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE|INVALID_CA|CERT_CHAIN_TOO_LONG/.test(
      code,
    )
  ) {
    return "the daemon's certificate is not signed by ca.pem in DOCKER_CERT_PATH; put the CA that signed it there";
  }
  if (/CERT|CRL|SSL|TLS/.test(code))
    return 'check ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH and DOCKER_TLS_VERIFY';
  return undefined;
}

/** Engine or library text for a message: one line, cut before it is redacted, nothing that acts on a screen. */
function oneLine(text: string): string {
  return showControlChars(stripUrlCredentials(redactSecrets(cutForDisplay(text.replace(/\s+/g, ' ').trim(), 160))));
}
