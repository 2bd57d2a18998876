/**
 * The Slack face of the bot: a thin Bolt adapter over the knowledge base and, for /docker-ps and
 * /docker-df, the Docker reader. Socket Mode or HTTP mode is picked by readSlackConfig.
 *
 * No shared state: button values carry what a click needs and nothing about a conversation is
 * remembered, so any replica can serve any request; which Slack events were handled is claimed in
 * the store replicas share (answerEachEventOnce). Some things live in each process's memory
 * and are not shared between replicas: the Docker rate limiter (so each replica counts its own
 * window), and, in the Docker reader, the /docker-df cache, the Docker API version pinned per host
 * and the known_hosts files read at start-up. Each is correct per replica, just not pooled.
 * The threads where the bot answered (for follow-ups) are kept in the store, which replicas share.
 */
import type { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver } from '@slack/bolt';
import type { DockerReader } from '../docker/types.ts';
import { ConfigError } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { NoteBook } from '../notebook/index.ts';
import { createHealth, type Health, serveHealth } from '../observe/health.ts';
import { createMetrics, type Metrics } from '../observe/metrics.ts';
import { createLocalGuards, createReplicaGuards, type ReplicaGuards } from '../store/index.ts';
import { type BestEffortRecorder, createBestEffortRecorder } from '../store/recorder.ts';
import type { Store } from '../store/types.ts';
import { createLogThrottle, type LogThrottle } from '../time/log-throttle.ts';
import { withTimeout } from '../time/timeout.ts';
import { createRateLimiter } from './access.ts';
import type { HttpModeConfig, SlackConfig } from './config.ts';
import { createDelivery, type DeliveryOptions, webApiOptions } from './delivery/index.ts';
import type { SlackDeps } from './deps.ts';
import { type GapsDigest, startGapsDigest } from './digest/index.ts';
import { guardSlackRequests, MAX_BODY_BYTES } from './http/request-guard.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { slackLogger } from './log.ts';
import { answerEachEventOnce, ignoreBotMessages, pinTeam } from './middleware.ts';
import { noteEditors } from './note-editors.ts';
import { postMessage } from './post-answer.ts';
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
  /** Timings of answer delivery, for tests and the bench; the defaults suit Slack. */
  delivery?: DeliveryOptions & { webApiTimeoutMs?: number };
  /** Where notes saved from Slack go (and `kb` should be its kb); without one Save as note says it is off. */
  notebook?: NoteBook;
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

export function createSlackApp(options: SlackBotOptions): SlackBot {
  const { config, kb, docker, logger: log, store, notebook, metrics = createMetrics() } = options;
  const logger = slackLogger(log, [config.botToken, config.mode === 'socket' ? config.appToken : config.signingSecret]);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // A timeout, and no retries or 429 waits in the client: src/slack/delivery/ retries posts where that is safe.
    ...webApiOptions(options.delivery?.webApiTimeoutMs),
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
      : new App({ ...common, receiver: httpReceiver(config, health.routes, logger) });
  const requests = observeRequests(app.logger, metrics);
  app.use(requests.middleware);

  // One throttle for the store's warnings on the request path: a store that is down is a line a minute per kind.
  const storeWarnings = createLogThrottle();
  const recorder = store ? createRecorder(store, app.logger, storeWarnings) : undefined;
  const { rateLimit } = config.docker;
  const deps: SlackDeps = {
    config,
    kb,
    docker,
    dockerRateLimiter: createRateLimiter(rateLimit.limit, rateLimit.windowMs),
    logger: app.logger,
    ...(store ? { store } : {}),
    ...(recorder ? { recorder } : {}),
    storeWarnings,
    delivery: createDelivery(app.logger, options.delivery),
    ...(notebook ? { notebook } : {}),
    noteEditors: noteEditors(config.noteEditors, app.logger),
  };
  if (config.teamId) app.use(pinTeam(config.teamId, app.logger));
  app.use(answerEachEventOnce(eventClaims(store, app.logger), app.logger));
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
  let digest: GapsDigest | undefined;
  let healthServer: Awaited<ReturnType<typeof serveHealth>> | undefined;
  const closeHealthServer = async () => {
    await healthServer?.close();
    healthServer = undefined;
  };
  // The digest stops, and what was handed to the recorder in the last moments is written before the store closes.
  const release = async () => {
    digest?.stop();
    if (recorder && !(await recorder.drain(RECORDER_DRAIN_MS)))
      app.logger.warn(
        `store: ${recorder.stats().queued} feedback or question records were not written before stopping`,
      );
    recorder?.close();
  };
  return {
    app,
    health,
    async start() {
      warnIfDockerIsOpen(config, app.logger);
      if (notebook && !config.noteEditors)
        app.logger.warn('NOTE_EDITORS is unset: anyone in the workspace can save, edit and delete notes from Slack.');
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
      // A start that fails or outlives its deadline ends start-up: the health server must not keep the process alive.
      const server = await withinStartDeadline(config, async () => {
        try {
          await app.init();
        } catch (err) {
          throw startupError(err, config);
        }
        return (await app.start()) as unknown;
      }).catch(async (err: unknown) => {
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
      const channel = config.gapsDigestChannel;
      if (store && channel)
        digest = startGapsDigest({
          store,
          channel,
          lang: config.defaultLang,
          post: async (message) => {
            const outcome = await postMessage(deps, app.client, { channel }, message, `gaps digest to ${channel}`);
            if (outcome === 'dropped') throw new Error('Slack did not take the post in time (see the line before)');
          },
          logger: app.logger,
        });
    },
    async stop() {
      health.startShutdown();
      await app.stop();
      port = undefined;
      await closeHealthServer();
      await release();
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
      await release();
      return dropped;
    },
  };
}

/** How long stopping waits for queued feedback and gap records. */
const RECORDER_DRAIN_MS = 2000;
/**
 * The best-effort recorder of feedback and gaps over `store`. Its failures are log lines: one when
 * writes start failing, and dropped records counted per kind and reason at most once a minute.
 */
function createRecorder(store: Store, logger: Logger, throttle: LogThrottle): BestEffortRecorder {
  return createBestEffortRecorder(store, {
    onFailing: (error) =>
      logger.warn(`store: feedback and unanswered questions wait in memory until the store is back: ${error.message}`),
    onDrop: (kind, reason, error) =>
      throttle(`dropped ${kind} ${reason}`, (count) =>
        logger.warn(`store: ${count} ${kind} record(s) dropped (${reason})${error ? `: ${error.message}` : ''}`),
      ),
  });
}

/** Claims on Slack events: shared through the store when there is one, else in this process's memory. */
function eventClaims(store: Store | undefined, logger: Logger): Pick<ReplicaGuards, 'claim'> {
  if (!store) {
    const local = createLocalGuards();
    return { claim: async (eventId, ttlMs) => local.claim(eventId, ttlMs) };
  }
  return createReplicaGuards(store, {
    onFallback: (_what, error) =>
      logger.warn(`Slack events: the store could not claim an event, this replica decides alone (${error.message})`),
  });
}

/** How long start-up waits for Slack (auth.test, then the Socket Mode connection or the port) unless SLACK_START_TIMEOUT_SECONDS says otherwise. */
const START_TIMEOUT_MS = 30_000;

/**
 * A Slack that accepts connections and never answers, or a Socket Mode client that reconnects
 * forever to a WebSocket it cannot reach, would leave start-up waiting with no line at all; past the
 * deadline start-up fails like any other, so the process exits and its supervisor can restart it.
 */
function withinStartDeadline<T>(config: SlackConfig, start: () => Promise<T>): Promise<T> {
  const timeoutMs = config.startTimeoutMs ?? START_TIMEOUT_MS;
  // Not unref'd: start-up must end with this error even when nothing else keeps the process alive.
  return withTimeout(
    start(),
    timeoutMs,
    () => {
      const where = config.apiUrl ?? 'https://slack.com/api/';
      const step = config.mode === 'socket' ? 'the Socket Mode connection' : 'the bot token check';
      throw new ConfigError(
        `Slack at ${where} did not complete ${step} within ${timeoutMs / 1000} s. Check the network${config.apiUrl ? ' and SLACK_API_URL' : ''} (SLACK_START_TIMEOUT_SECONDS sets the wait).`,
      );
    },
    { keepAlive: true },
  );
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

/**
 * Bolt's HTTP receiver behind the request guard (src/slack/http/request-guard.ts): timestamp, size,
 * signature and shape are checked before Bolt reads or parses anything.
 */
function httpReceiver(config: HttpModeConfig, customRoutes: CustomRoute[], logger: BoltLogger): HTTPReceiver {
  const endpoints = ['/slack/events'];
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints,
    port: config.port,
    logger,
    bodyLimit: MAX_BODY_BYTES,
    customRoutes,
  });
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    signingSecret: config.signingSecret,
    endpoints,
    logger,
  });
  return receiver;
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
