import http from 'node:http';
import { Duplex } from 'node:stream';
import { readOnlyRefusal, refusalReason } from './allowlist.ts';
import { DeadlineExceeded } from './errors.ts';

/**
 * The only way bytes reach a Docker engine: one request per connection, and the connection itself
 * checks what is written to it. It opens the real socket (unix, TCP, TLS or an ssh dial-stdio
 * channel) only after it has read a complete request head that passes the allowlist — a GET (or
 * HEAD /_ping) with no body and no header but Host and `Connection: close` — and it refuses
 * anything written after that. So even a request built around the guard in guard.ts would send
 * nothing: not a byte, not a TCP or TLS handshake.
 */

/** Opens the real connection to the engine; calls back once, with the stream or the error. */
export type Connect = (callback: (err: Error | null, stream?: Duplex) => void) => void;

/** A request as the guard checked it: frozen, and sent exactly as it is. */
export interface EngineRequest {
  readonly method: string;
  /** Path plus query, e.g. /v1.47/containers/json?all=true */
  readonly target: string;
}

export interface EngineReply {
  status: number;
  body: Buffer;
}

/** Far larger than any head the guard builds; a longer one is not ours. */
const HEAD_MAX = 8192;
const HEAD_END = '\r\n\r\n';

/** Why the written head is refused, or null when it is an allowed read with nothing else in it. */
function headRefusal(head: string): { method: string; target: string; reason: string } | null {
  const [requestLine = '', ...headers] = head.slice(0, -HEAD_END.length).split('\r\n');
  const line = /^([A-Z]{1,10}) ([\x21-\x7e]{1,4096}) HTTP\/1\.1$/.exec(requestLine);
  if (!line) return { method: '?', target: '?', reason: 'not a plain HTTP/1.1 request line' };
  const [, method = '', target = ''] = line;
  for (const header of headers) {
    const colon = header.indexOf(':');
    const name = header.slice(0, colon).toLowerCase();
    const value = header
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (colon > 0 && (name === 'host' || (name === 'connection' && value === 'close'))) continue;
    return { method, target, reason: 'headers the guard does not send' };
  }
  const reason = refusalReason(method, target);
  return reason ? { method, target, reason } : null;
}

/**
 * A socket stand-in that forwards to the engine only what passed headRefusal, and connects only
 * then. Node's HTTP client writes the head through it and reads the response from it.
 */
export class GuardedConnection extends Duplex {
  private head = '';
  private sent = false;
  private inner: Duplex | undefined;

  constructor(private readonly connect: Connect) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    if (chunk.length === 0) {
      callback();
      return;
    }
    if (this.sent) {
      callback(readOnlyRefusal('?', '?', 'more than one request on a connection, or a body'));
      return;
    }
    this.head += chunk.toString('latin1');
    // Lines end in CRLF and hold printable ASCII only: no bare CR or LF another parser could split on.
    if (/(?<!\r)\n|\r(?!\n|$)|[^\t\r\n\x20-\x7e]/.test(this.head)) {
      callback(readOnlyRefusal('?', '?', 'a malformed request head'));
      return;
    }
    const end = this.head.indexOf(HEAD_END);
    if (end < 0) {
      callback(this.head.length > HEAD_MAX ? readOnlyRefusal('?', '?', 'an oversized request head') : null);
      return;
    }
    if (end + HEAD_END.length !== this.head.length) {
      callback(readOnlyRefusal('?', '?', 'a request body'));
      return;
    }
    const refused = headRefusal(this.head);
    if (refused) {
      callback(readOnlyRefusal(refused.method, refused.target, refused.reason));
      return;
    }
    this.sent = true;
    this.connect((err, stream) => {
      if (err || !stream) {
        callback(err ?? new Error('no connection'));
      } else if (this.destroyed) {
        stream.destroy();
        callback();
      } else {
        this.attach(stream);
        stream.write(Buffer.from(this.head, 'latin1'), (writeErr) => callback(writeErr ?? null));
      }
    });
  }

  private attach(stream: Duplex): void {
    this.inner = stream;
    stream.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) stream.pause();
    });
    let ended = false;
    stream.on('end', () => {
      ended = true;
      this.push(null);
    });
    stream.on('error', (err) => this.destroy(err));
    // Closed before the answer ended: Node's HTTP client then reports the hang-up.
    stream.on('close', () => {
      if (!ended) this.destroy();
    });
  }

  override _read(): void {
    this.inner?.resume();
  }

  /** The request is complete; the engine's answer still comes, so the real connection stays open for it. */
  override _final(callback: (err?: Error | null) => void): void {
    callback();
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    this.inner?.destroy();
    callback(err);
  }
}

interface SendOptions {
  /** What Node puts in the Host header. */
  host: string;
  port?: number;
  signal?: AbortSignal;
  /** A request nobody aborts still ends: the reader's own deadline normally comes first. */
  timeoutMs: number;
}

/** Sends `request` over a new GuardedConnection and reads the whole answer. */
export function sendEngineRequest(
  connect: Connect,
  request: EngineRequest,
  options: SendOptions,
): Promise<EngineReply> {
  return new Promise((resolve, reject) => {
    options.signal?.throwIfAborted();
    let settled = false;
    const settle = (err: Error | null, reply?: EngineReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(reply!);
    };
    const req = http.request(
      {
        host: options.host,
        port: options.port,
        method: request.method,
        path: request.target,
        headers: {},
        createConnection: () => new GuardedConnection(connect),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => settle(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (err) => settle(err));
      },
    );
    const timer = setTimeout(
      () => req.destroy(new DeadlineExceeded(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs + 1000,
    );
    req.on('error', (err) => settle(err));
    req.end();
  });
}
