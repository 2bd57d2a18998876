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
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, HTTPReceiver } from '@slack/bolt';
import type { DockerReader } from '../docker/types.ts';
import { ConfigError } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';
import { createRateLimiter } from './access.ts';
import type { HttpModeConfig, SlackConfig } from './config.ts';
import type { SlackDeps } from './deps.ts';
import { guardSlackRequests, MAX_BODY_BYTES } from './http/request-guard.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { slackLogger } from './log.ts';
import { ignoreBotMessages, pinTeam, skipTimedOutRetries } from './middleware.ts';

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
}

export interface SlackBot {
  app: App;
  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port HTTP mode listens on once started (useful when a test sets config.port to 0); undefined in Socket Mode. */
  httpPort(): number | undefined;
}

/**
 * Web API retries: a few quick ones for a flaky network, not the SDK's default of ten over half an
 * hour, because a chat answer that late is useless and a wrong SLACK_API_URL should fail start-up fast.
 */
const RETRY_CONFIG = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };

export function createSlackApp({ config, kb, docker, logger: log, store }: SlackBotOptions): SlackBot {
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
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({ ...common, receiver: httpReceiver(config, kb, logger) });

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
  app.use(ignoreBotMessages(app.logger));
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
  return {
    app,
    async start() {
      warnIfDockerIsOpen(config, app.logger);
      const server = await withinStartDeadline(config, async () => {
        try {
          await app.init();
        } catch (err) {
          throw startupError(err, config);
        }
        return (await app.start()) as unknown;
      });
      const address = isServer(server) ? server.address() : null;
      port = address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
      app.logger.info(
        config.mode === 'socket'
          ? 'Slack: connected in Socket Mode'
          : `Slack: HTTP mode listening on :${port} (/slack/events, /healthz)`,
      );
    },
    async stop() {
      await app.stop();
      port = undefined;
    },
    httpPort: () => port,
  };
}

/** How long start-up waits for Slack (auth.test, then the Socket Mode connection or the port) unless SLACK_START_TIMEOUT_SECONDS says otherwise. */
const START_TIMEOUT_MS = 30_000;

/**
 * A Slack that accepts connections and never answers, or a Socket Mode client that reconnects
 * forever to a WebSocket it cannot reach, would leave start-up waiting with no line at all; past the
 * deadline start-up fails like any other, so the process exits and its supervisor can restart it.
 */
async function withinStartDeadline<T>(config: SlackConfig, start: () => Promise<T>): Promise<T> {
  const timeoutMs = config.startTimeoutMs ?? START_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const where = config.apiUrl ?? 'https://slack.com/api/';
      const step = config.mode === 'socket' ? 'the Socket Mode connection' : 'the bot token check';
      reject(
        new ConfigError(
          `Slack at ${where} did not complete ${step} within ${timeoutMs / 1000} s. Check the network${config.apiUrl ? ' and SLACK_API_URL' : ''} (SLACK_START_TIMEOUT_SECONDS sets the wait).`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([start(), deadline]);
  } finally {
    clearTimeout(timer);
  }
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

/**
 * Bolt's HTTP receiver behind the request guard (src/slack/http/request-guard.ts): timestamp, size,
 * signature and shape are checked before Bolt reads or parses anything.
 */
function httpReceiver(config: HttpModeConfig, kb: KnowledgeBase, logger: BoltLogger): HTTPReceiver {
  const endpoints = ['/slack/events'];
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints,
    port: config.port,
    logger,
    bodyLimit: MAX_BODY_BYTES,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthHandler(kb) }],
  });
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    signingSecret: config.signingSecret,
    endpoints,
    logger,
  });
  return receiver;
}

function healthHandler(kb: KnowledgeBase) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, topics: kb.entries.length }));
  };
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
