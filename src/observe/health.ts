/**
 * /healthz, /readyz and /metrics: what the probes, the image's HEALTHCHECK and Prometheus ask. HTTP
 * mode serves them beside /slack/events; Socket Mode, which has no port of its own, on HEALTH_PORT.
 *
 * Ready means worth sending work to: notes loaded, the Slack connection open (Socket Mode), not
 * shutting down. Healthy means worth keeping: notes loaded and the connection not given up. A
 * shutdown makes the bot unready at once while it stays healthy until it has stopped, so an
 * orchestrator stops sending work without killing what is being finished.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

/** `http`: HTTP mode, no connection to watch. `closed`: stopped, or the Socket Mode client gave up. */
export type SlackConnection = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'http';

export interface Health {
  setSlack(state: SlackConnection): void;
  /** The first step of a shutdown: /readyz answers 503 from now on. */
  startShutdown(): void;
  readonly shuttingDown: boolean;
  /** The routes, for Bolt's customRoutes or the health server. */
  routes: Array<{ path: string; method: ['GET']; handler: (req: IncomingMessage, res: ServerResponse) => void }>;
}

export function createHealth({ notes, metrics }: { notes: () => number; metrics: Metrics }): Health {
  let slack: SlackConnection = 'connecting';
  let shuttingDown = false;
  const report = (ok: boolean) => ({ ok, topics: notes(), slack, shuttingDown });
  const answer = (res: ServerResponse, ok: boolean) => {
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify(report(ok)));
  };
  const ready = () => notes() > 0 && (slack === 'open' || slack === 'http') && !shuttingDown;
  const healthy = () => notes() > 0 && slack !== 'closed';
  return {
    setSlack(state) {
      slack = state;
    },
    startShutdown() {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
    routes: [
      { path: '/healthz', method: ['GET'], handler: (_req, res) => answer(res, healthy()) },
      { path: '/readyz', method: ['GET'], handler: (_req, res) => answer(res, ready()) },
      {
        path: '/metrics',
        method: ['GET'],
        handler: (_req, res) => {
          metrics.render().then(
            ({ contentType, body }) => {
              res.writeHead(200, { 'content-type': contentType });
              res.end(body);
            },
            () => {
              res.writeHead(500).end();
            },
          );
        },
      },
    ],
  };
}

/** The routes on a port of their own (Socket Mode). Resolves once listening, with the port and a close. */
export async function serveHealth(health: Health, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = req.method === 'GET' ? health.routes.find((r) => r.path === path) : undefined;
    if (route) route.handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
