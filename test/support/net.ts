import net from 'node:net';
import { eventually } from './eventually.ts';

/** Loopback helpers for the suites: free ports, whether something listens, a counting TCP proxy. */

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

export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
  const counts = { connections: 0, bytesOut: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections += 1;
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      counts.bytesOut += chunk.length;
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return counts.connections;
    },
    get bytesOut() {
      return counts.bytesOut;
    },
    async idle() {
      await eventually(() => sockets.size === 0, { what: 'the connections through the proxy to close' });
    },
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
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
