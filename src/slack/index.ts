/**
 * The Slack face of the bot: a thin Bolt adapter over the knowledge base and, for /docker-ps and
 * /docker-df, the Docker reader. Socket Mode or HTTP mode is picked by readSlackConfig.
 *
 * No shared state: button values carry what a click needs and nothing about a conversation is
 * remembered, so any replica can serve any request. Some things live in each process's memory
 * and are not shared between replicas: the Docker rate limiter (so each replica counts its own
 * window), and, in the Docker reader, the /docker-df cache, the Docker API version pinned per host
 * and the known_hosts files read at start-up. Each is correct per replica, just not pooled.
 */
import type { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { DockerReader } from '../docker/types.ts';
import { ConfigError } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { createHealth, type Health, serveHealth } from '../observe/health.ts';
import { createMetrics, type Metrics } from '../observe/metrics.ts';
import type { Store } from '../store/types.ts';
import { createRateLimiter } from './access.ts';
import type { SlackConfig } from './config.ts';
import type { SlackDeps } from './deps.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { slackLogger } from './log.ts';
import { pinTeam, skipTimedOutRetries } from './middleware.ts';
import { observeRequests } from './requests.ts';

export { readSlackConfig, type SlackConfig } from './config.ts';

export interface SlackBotOptions {
  config: SlackConfig;
  kb: KnowledgeBase;
  /** Behind /docker-ps and /docker-df. */
  docker: DockerReader;
  /** The bot's log; Bolt and the listeners write to it with Slack secrets masked (slackLogger). */
  logger: Logger;
  /** Feedback, gaps, saved notes and replica-shared state; without one those features stay off. */
  store?: Store;
  /** What /metrics serves; the bot makes its own when none is given. */
  metrics?: Metrics;
}

export interface SlackBot {
  app: App;
  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port HTTP mode listens on once started (useful when a test sets config.port to 0); undefined in Socket Mode. */
  httpPort(): number | undefined;
  /** Where /healthz, /readyz and /metrics are served: PORT in HTTP mode, HEALTH_PORT in Socket Mode (when set). */
  healthPort(): number | undefined;
  health: Health;
  /** Slack requests being handled now (a Docker read, an answer being posted). */
  inFlight(): number;
  /**
   * The graceful stop: unready at once, no new requests (Socket Mode disconnects first; HTTP mode
   * keeps serving what still arrives), the requests in flight finished within `timeoutMs`, then
   * stopped. Resolves to how many requests were still in flight at the bound (0: none dropped).
   */
  shutdown(timeoutMs: number): Promise<number>;
}

/**
 * Web API retries: a few quick ones for a flaky network, not the SDK's default of ten over half an
 * hour, because a chat answer that late is useless and a wrong SLACK_API_URL should fail start-up fast.
 */
const RETRY_CONFIG = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };

export function createSlackApp({
  config,
  kb,
  docker,
  logger: log,
  store,
  metrics = createMetrics(),
}: SlackBotOptions): SlackBot {
  const logger = slackLogger(log, [config.botToken, config.mode === 'socket' ? config.appToken : config.signingSecret]);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: RETRY_CONFIG,
  };
  const common = {
    token: config.botToken,
    clientOptions,
    logger,
    // auth.test runs in start(), so a bad token stops start-up with a clear message.
    deferInitialization: true,
    // Bolt's conversation store keeps state in memory; the bot needs none.
    convoStore: false as const,
  };
  // In Socket Mode, Bolt hands clientOptions to the Socket Mode client too, so apps.connections.open
  // also goes to SLACK_API_URL (App → installerOptions.clientOptions → SocketModeClient).
  const health = createHealth({ notes: () => kb.entries.length, metrics });
  if (config.mode === 'http') health.setSlack('http');
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret,
          port: config.port,
          customRoutes: health.routes,
        });
  const requests = observeRequests(app.logger, metrics);
  app.use(requests.middleware);

  const { rateLimit } = config.docker;
  const deps: SlackDeps = {
    config,
    kb,
    docker,
    dockerRateLimiter: createRateLimiter(rateLimit.limit, rateLimit.windowMs),
    logger: app.logger,
    ...(store ? { store } : {}),
  };
  if (config.teamId) app.use(pinTeam(config.teamId, app.logger));
  app.use(skipTimedOutRetries(app.logger));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
  app.error(async (error) => {
    // Code, message and stack only: error objects can carry request bodies. Bolt wraps a
    // listener's own error as `original`; its stack says where the listener broke.
    const original = (error as { original?: unknown }).original;
    const cause = original instanceof Error ? original : error;
    app.logger.error(`Slack listener failed: ${error.code ?? 'error'}: ${cause.stack ?? cause.message}`);
  });

  let port: number | undefined;
  let healthServer: Awaited<ReturnType<typeof serveHealth>> | undefined;
  const closeHealthServer = async () => {
    await healthServer?.close();
    healthServer = undefined;
  };
  return {
    app,
    health,
    async start() {
      warnIfDockerIsOpen(config, app.logger);
      try {
        await app.init();
      } catch (err) {
        throw startupError(err, config);
      }
      if (config.mode === 'socket') {
        followConnection(app, health);
        if (config.healthPort !== undefined) {
          const healthPort = config.healthPort;
          healthServer = await serveHealth(health, healthPort).catch((err: unknown) => {
            throw new ConfigError(
              `Could not serve /healthz on HEALTH_PORT ${healthPort} (${(err as NodeJS.ErrnoException).code ?? String(err)}): set HEALTH_PORT to a free port.`,
            );
          });
        }
      }
      // A connection that cannot be opened ends start-up: the health server must not keep the process alive.
      const server: unknown = await app.start().catch(async (err: unknown) => {
        await closeHealthServer();
        throw err;
      });
      const address = isServer(server) ? server.address() : null;
      port = address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
      app.logger.info(
        config.mode === 'socket'
          ? `Slack: connected in Socket Mode${healthServer ? ` (/healthz, /readyz, /metrics on :${healthServer.port})` : ''}`
          : `Slack: HTTP mode listening on :${port} (/slack/events, /healthz, /readyz, /metrics)`,
      );
    },
    async stop() {
      health.startShutdown();
      await app.stop();
      port = undefined;
      await closeHealthServer();
    },
    httpPort: () => port,
    healthPort: () => (config.mode === 'http' ? port : healthServer?.port),
    inFlight: () => requests.inFlight.count,
    async shutdown(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      health.startShutdown();
      // Socket Mode: once disconnected, Slack sends new events to the app's other connections.
      if (config.mode === 'socket') await app.stop();
      const dropped = await requests.inFlight.settle(Math.max(0, deadline - Date.now()));
      if (config.mode === 'http') await app.stop();
      port = undefined;
      health.setSlack('closed');
      await closeHealthServer();
      return dropped;
    },
  };
}

function warnIfDockerIsOpen(config: SlackConfig, logger: Logger): void {
  const { allowedChannels, allowedUsers } = config.docker;
  if (allowedChannels.length === 0 && allowedUsers.length === 0) {
    logger.warn(
      'DOCKER_ALLOWED_CHANNELS and DOCKER_ALLOWED_USERS are unset: anyone in the workspace can run /docker-ps and /docker-df in any channel.',
    );
  } else if (allowedChannels.length === 0) {
    logger.warn('DOCKER_ALLOWED_CHANNELS is unset: the allowed users can run Docker commands in any channel.');
  } else if (allowedUsers.length === 0) {
    logger.warn('DOCKER_ALLOWED_USERS is unset: anyone in the allowed channels can run Docker commands.');
  }
}

/** The Socket Mode client's state, for /readyz and /healthz (Bolt keeps the client on its receiver). */
function followConnection(app: App, health: Health): void {
  const client = (app as unknown as { receiver?: { client?: EventEmitter } }).receiver?.client;
  if (!client) return;
  client.on('connecting', () => health.setSlack('connecting'));
  client.on('connected', () => health.setSlack('open'));
  // An unexpected close is retried after a delay; 'reconnecting' comes only when the retry starts.
  client.on('close', () => health.setSlack('reconnecting'));
  client.on('reconnecting', () => health.setSlack('reconnecting'));
  client.on('disconnected', () => health.setSlack('closed'));
}

function isServer(value: unknown): value is { address(): AddressInfo | string | null } {
  return typeof value === 'object' && value !== null && typeof (value as { address?: unknown }).address === 'function';
}

/** auth.test failed at start: name the setting to fix, never echo the token. */
function startupError(err: unknown, config: SlackConfig): Error {
  const slackCode = (err as { data?: { error?: string } } | undefined)?.data?.error;
  if (
    slackCode === 'invalid_auth' ||
    slackCode === 'not_authed' ||
    slackCode === 'account_inactive' ||
    slackCode === 'token_revoked'
  ) {
    return new ConfigError(
      `SLACK_BOT_TOKEN was refused by Slack (${slackCode}): copy it again from Slack app settings → OAuth & Permissions → Bot User OAuth Token.`,
    );
  }
  const where = config.apiUrl ?? 'https://slack.com/api/';
  const reason = slackCode ?? (err instanceof Error ? err.message : String(err));
  return new ConfigError(
    `Could not check the bot token with Slack at ${where} (${reason}). Check the network${config.apiUrl ? ' and SLACK_API_URL' : ''}.`,
  );
}
