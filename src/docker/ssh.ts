import type { Duplex } from 'node:stream';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';

/**
 * The transport for ssh:// hosts: every request gets its own ssh connection running
 * `docker system dial-stdio` on the host, as the docker CLI does, and plain HTTP goes over that
 * channel (transport.ts checks what is written to it).
 *
 * It replaces docker-modem 5's lib/ssh.js, which, when the exec fails, reports the error and then
 * still calls `stream.addListener` on the stream it did not get. When the connection drops while
 * the session channel is opening (sshd restarting, a network cut), ssh2 makes that call from its
 * socket 'close' handler, so the TypeError is an uncaught exception and the whole bot exits.
 * Here every outcome is reported once, through the callback, and nothing else.
 */

export const DIAL_COMMAND = 'docker system dial-stdio';

/** The ssh login worked, but no `docker system dial-stdio` could be started over it. */
export class SshDialFailed extends Error {
  override readonly name = 'SshDialFailed';

  /** `dropped`: the connection went away meanwhile; otherwise the host refused the session or the command. */
  constructor(
    message: string,
    readonly dropped: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface SshDialOptions {
  /** ssh2 settings (host, port, username, keys, timeouts, algorithms); read again for each connection. */
  connectConfig(): ConnectConfig;
  /**
   * Checks the key the host presents, before any login: null to go on, else the error that says why
   * not — it becomes the request's error in place of ssh2's "Host denied (verification failed)".
   */
  checkHostKey(key: Buffer): Error | null;
}

/**
 * One ssh connection, one `docker system dial-stdio`: calls back exactly once, with the stream or
 * with the first error. A handshake nobody waits for any more ends at ssh2's readyTimeout.
 */
export function dialStdio(options: SshDialOptions, callback: (err: Error | null, stream?: Duplex) => void): void {
  const conn = new Client();
  let settled = false;
  let loggedIn = false;
  let refusal: Error | undefined;
  const fail = (err: Error) => {
    if (settled) return;
    settled = true;
    conn.end();
    callback(err);
  };

  // After the stream is handed over, a dropped connection closes the stream and the HTTP request
  // fails on its own; these listeners then only keep ssh2's 'error' from going unhandled.
  conn.on('error', (err) => fail(refusal ?? err));
  conn.on('close', () =>
    fail(
      loggedIn
        ? new SshDialFailed('the connection closed before the session started', true)
        : new Error('the ssh connection closed during the handshake'),
    ),
  );
  conn.on('ready', () => {
    loggedIn = true;
    const started = (err: Error | undefined, stream: ClientChannel) => {
      if (err) {
        fail(new SshDialFailed(err.message, false, { cause: err }));
      } else if (settled) {
        stream.close();
      } else {
        settled = true;
        stream.once('close', () => conn.end());
        callback(null, stream);
      }
    };
    try {
      conn.exec(DIAL_COMMAND, started);
    } catch (err) {
      fail(new SshDialFailed(err instanceof Error ? err.message : String(err), true, { cause: err })); // "Not connected"
    }
  });
  try {
    conn.connect({
      ...options.connectConfig(),
      hostVerifier: (key: Buffer) => {
        try {
          refusal = options.checkHostKey(key) ?? undefined;
          return refusal === undefined;
        } catch {
          return false; // a surprise never means "accept"; ssh2's "Host denied" then says so
        }
      },
    });
  } catch (err) {
    fail(err instanceof Error ? err : new Error(String(err)));
  }
}
