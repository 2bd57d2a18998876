import net from 'node:net';

export interface SlowProxy {
  /** unix://… for DOCKER_HOST */
  host: string;
  close(): Promise<void>;
}

/**
 * A unix-socket proxy in front of a real dockerd that holds every answer back by `delayMs`:
 * a slow Docker, as on a busy host, without faking any of the engine's answers.
 */
export async function startSlowDockerProxy(
  upstreamSocket: string,
  socketPath: string,
  delayMs: number,
): Promise<SlowProxy> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamSocket);
    open.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      // Equal delays keep the chunks in order.
      setTimeout(() => client.writable && client.write(chunk), delayMs);
    });
    upstream.on('end', () => setTimeout(() => client.end(), delayMs));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
