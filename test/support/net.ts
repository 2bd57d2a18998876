import net from 'node:net';
import { eventually } from './eventually.ts';

/** Loopback helpers for the suites: free ports, whether something listens, a counting and a recording TCP proxy. */

/** A port nobody listens on right now (the kernel's pick); loopback only. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A loopback TCP proxy to 127.0.0.1:targetPort that counts the connections made through it and the
 * bytes clients send: proves that a refused call sent nothing, whatever the transport on top.
 */
export interface CountingProxy {
  port: number;
  readonly connections: number;
  readonly bytesOut: number;
  /** Resolves when no connection through the proxy is open (e.g. an ssh session has finished closing). */
  idle(): Promise<void>;
  close(): void;
}

/** A loopback TCP listener piping each client to `upstream()`; `onClientData` sees what clients send. */
async function startProxy(upstream: () => net.Socket, onClientData: (chunk: Buffer) => void) {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    const target = upstream();
    for (const s of [client, target]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        target.destroy();
      });
    }
    client.on('data', onClientData);
    client.pipe(target).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    openSockets: () => sockets.size,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
  let bytesOut = 0;
  const proxy = await startProxy(
    () => net.connect({ host: '127.0.0.1', port: targetPort }),
    (chunk) => {
      bytesOut += chunk.length;
    },
  );
  return {
    port: proxy.port,
    get connections() {
      return proxy.connections();
    },
    get bytesOut() {
      return bytesOut;
    },
    async idle() {
      await eventually(() => proxy.openSockets() === 0, { what: 'the connections through the proxy to close' });
    },
    close: proxy.close,
  };
}

/**
 * A loopback TCP listener that forwards to a daemon's unix socket and records every byte clients
 * send: the request lines that really reached the engine (plain HTTP, so they can be read).
 */
export interface RecordingProxy {
  /** tcp://127.0.0.1:<port> for DOCKER_HOST. */
  host: string;
  readonly connections: number;
  /** The request lines clients sent, e.g. "GET /v1.41/containers/json?all=true". */
  requestLines(): string[];
  close(): void;
}

export async function startRecordingProxy(socketPath: string): Promise<RecordingProxy> {
  let sent = '';
  const proxy = await startProxy(
    () => net.connect({ path: socketPath }),
    (chunk) => {
      sent += chunk.toString('latin1');
    },
  );
  return {
    host: `tcp://127.0.0.1:${proxy.port}`,
    get connections() {
      return proxy.connections();
    },
    requestLines: () => [...sent.matchAll(/^([A-Z]+ \S+) HTTP\/1\.[01]\r$/gm)].map((m) => m[1]!),
    close: proxy.close,
  };
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
