import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * A stand-in Engine API on a unix socket for unit tests that need real HTTP through dockerode
 * (version pinning, caching, deadlines) without a dockerd. Records every request and connection.
 */
export interface FakeEngine {
  socketPath: string;
  host: string;
  requests: string[];
  connections: number;
  /** Requests (as in `requests`) whose client went away before they were answered. */
  abandoned: string[];
  /** Responses by path without the /v1.NN prefix; a route returning undefined never answers, a promise answers when it resolves. */
  routes: Record<string, () => Reply | undefined | Promise<Reply | undefined>>;
  close(): Promise<void>;
}

export interface Reply {
  status?: number;
  body: unknown;
}

/** Resolves after `ms`; for routes that answer late. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startFakeEngine(apiVersion = '1.41', minApiVersion = '1.12'): Promise<FakeEngine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-'));
  const socketPath = path.join(dir, 'e.sock');
  const held: http.ServerResponse[] = [];
  const engine: FakeEngine = {
    socketPath,
    host: `unix://${socketPath}`,
    requests: [],
    connections: 0,
    abandoned: [],
    routes: {
      '/_ping': () => ({ body: 'OK' }),
      '/version': () => ({ body: { ApiVersion: apiVersion, MinAPIVersion: minApiVersion, Version: 'fake' } }),
      '/info': () => ({ body: { DockerRootDir: '/var/lib/docker' } }),
      '/containers/json': () => ({ body: [] }),
      '/system/df': () => ({ body: { LayersSize: 0, Images: [], Containers: [], Volumes: [], BuildCache: [] } }),
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = http.createServer(async (req, res) => {
    const request = `${req.method} ${req.url}`;
    engine.requests.push(request);
    res.on('close', () => {
      if (!res.writableFinished) engine.abandoned.push(request);
    });
    const route = engine.routes[(req.url ?? '').split('?')[0]!.replace(/^\/v1\.\d+/, '')];
    const reply = route ? await route() : { status: 404, body: { message: 'page not found' } };
    if (!reply) {
      held.push(res);
      return;
    }
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  server.on('connection', () => {
    engine.connections++;
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return engine;
}
