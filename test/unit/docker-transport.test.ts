import http from 'node:http';
import type { Duplex } from 'node:stream';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReadOnlyRefusal } from '../../src/docker/allowlist.ts';
import { GuardedConnection, sendEngineRequest } from '../../src/docker/transport.ts';

/**
 * The connection checks what is written to it, whoever wrote it: only a complete head of an
 * allowed read, with nothing after it, opens the real connection. Here the "real connection" is a
 * stand-in that records whether it was opened and what it received.
 */
function standIn() {
  const state = { opened: 0, received: '' };
  const connect = (done: (err: Error | null, stream?: Duplex) => void) => {
    state.opened++;
    const engine = new PassThrough();
    engine.on('data', (chunk: Buffer) => {
      state.received += chunk.toString('latin1');
    });
    done(null, engine);
  };
  return { state, connect };
}

function write(connection: GuardedConnection, ...chunks: string[]): Promise<Error | undefined> {
  return new Promise((resolve) => {
    connection.once('error', resolve);
    for (const chunk of chunks) connection.write(chunk);
    setImmediate(() => resolve(undefined));
  });
}

describe('GuardedConnection', () => {
  it.each([
    ['a write', 'POST /containers/abc/stop HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
    ['a leaking read', 'GET /containers/abc/json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
    ['size=true', 'GET /containers/json?size=true HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['a body', 'GET /info HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}'],
    ['an extra header', 'GET /info HTTP/1.1\r\nHost: localhost\r\nX-Registry-Auth: e30=\r\n\r\n'],
    ['an upgrade', 'GET /_ping HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n'],
    [
      'a second request smuggled after the first',
      'GET /_ping HTTP/1.1\r\nHost: x\r\n\r\nPOST /containers/prune HTTP/1.1\r\n\r\n',
    ],
    ['HTTP/1.0', 'GET /_ping HTTP/1.0\r\n\r\n'],
    ['a bare LF head', 'GET /_ping HTTP/1.1\nHost: x\n\n'],
    ['a header hiding a bare LF', 'GET /_ping HTTP/1.1\r\nHost: x\nContent-Length: 5\r\n\r\n'],
    ['a control character', 'GET /_ping HTTP/1.1\r\nHost: x\x00\r\n\r\n'],
  ])('refuses %s without ever connecting', async (_what, head) => {
    const { state, connect } = standIn();
    const err = await write(new GuardedConnection(connect), head);
    expect(err).toBeInstanceOf(ReadOnlyRefusal);
    expect(state).toEqual({ opened: 0, received: '' });
  });

  it('refuses an endless head without connecting', async () => {
    const { state, connect } = standIn();
    const err = await write(new GuardedConnection(connect), `GET /_ping HTTP/1.1\r\nHost: ${'x'.repeat(10_000)}`);
    expect(err).toBeInstanceOf(ReadOnlyRefusal);
    expect(state.opened).toBe(0);
  });

  it('forwards an allowed head, written in pieces, once; anything written after it ends the connection', async () => {
    const { state, connect } = standIn();
    const connection = new GuardedConnection(connect);
    expect(await write(connection, 'GET /v1.47/containers/json?all=true HTTP/1.1\r\n', 'Host: localhost\r\n\r\n')).toBe(
      undefined,
    );
    expect(state).toEqual({
      opened: 1,
      received: 'GET /v1.47/containers/json?all=true HTTP/1.1\r\nHost: localhost\r\n\r\n',
    });
    expect(await write(connection, 'DELETE /containers/abc HTTP/1.1\r\n\r\n')).toBeInstanceOf(ReadOnlyRefusal);
    expect(state.opened).toBe(1);
    expect(state.received).not.toContain('DELETE');
  });
});

describe('sendEngineRequest', () => {
  it('sends exactly the request it is given, and reads the answer', async () => {
    const heads: string[] = [];
    const server = http.createServer((req, res) => {
      heads.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const net = await import('node:net');
    try {
      const reply = await sendEngineRequest(
        (done) => done(null, net.connect({ host: '127.0.0.1', port })),
        { method: 'GET', target: '/v1.41/info' },
        { host: '127.0.0.1', port, timeoutMs: 2000 },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toBe('{"ok":true}');
      expect(heads).toEqual([`GET /v1.41/info {"host":"127.0.0.1:${port}","connection":"close"}`]);
    } finally {
      server.close();
    }
  });
});
