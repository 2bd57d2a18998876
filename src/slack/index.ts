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
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { DockerReader } from '../docker/types.ts';
import { ConfigError } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { NoteBook } from '../notebook/index.ts';
import { createLocalGuards, createReplicaGuards, type ReplicaGuards } from '../store/index.ts';
import { type BestEffortRecorder, createBestEffortRecorder } from '../store/recorder.ts';
import type { Store } from '../store/types.ts';
import { createRateLimiter } from './access.ts';
import type { SlackConfig } from './config.ts';
import { createDelivery, type DeliveryOptions, webApiOptions } from './delivery/index.ts';
import type { SlackDeps } from './deps.ts';
import { type GapsDigest, startGapsDigest } from './digest/index.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { slackLogger } from './log.ts';
import { answerEachEventOnce, pinTeam } from './middleware.ts';
import { noteEditors } from './note-editors.ts';
import { postMessage } from './post-answer.ts';

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
}

export interface SlackBot {
  app: App;
  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port HTTP mode listens on once started (useful when a test sets config.port to 0); undefined in Socket Mode. */
  httpPort(): number | undefined;
}

export function createSlackApp(options: SlackBotOptions): SlackBot {
  const { config, kb, docker, logger: log, store, notebook } = options;
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
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret,
          port: config.port,
          customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthHandler(kb) }],
        });

  const recorder = store ? createRecorder(store, app.logger) : undefined;
  const { rateLimit } = config.docker;
  const deps: SlackDeps = {
    config,
    kb,
    docker,
    dockerRateLimiter: createRateLimiter(rateLimit.limit, rateLimit.windowMs),
    logger: app.logger,
    ...(store ? { store } : {}),
    ...(recorder ? { recorder } : {}),
    delivery: createDelivery(app.logger, options.delivery),
    ...(notebook ? { notebook } : {}),
    noteEditors: noteEditors(config.noteEditors, app.logger),
  };
  if (config.teamId) app.use(pinTeam(config.teamId, app.logger));
  app.use(answerEachEventOnce(eventClaims(store, app.logger), app.logger));
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
  return {
    app,
    async start() {
      warnIfDockerIsOpen(config, app.logger);
      if (notebook && !config.noteEditors)
        app.logger.warn('NOTE_EDITORS is unset: anyone in the workspace can save, edit and delete notes from Slack.');
      try {
        await app.init();
      } catch (err) {
        throw startupError(err, config);
      }
      const server: unknown = await app.start();
      const address = isServer(server) ? server.address() : null;
      port = address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
      app.logger.info(
        config.mode === 'socket'
          ? 'Slack: connected in Socket Mode'
          : `Slack: HTTP mode listening on :${port} (/slack/events, /healthz)`,
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
      digest?.stop();
      await app.stop();
      port = undefined;
      // What was handed over in the last moments is written before the store closes.
      if (recorder && !(await recorder.drain(RECORDER_DRAIN_MS)))
        app.logger.warn(
          `store: ${recorder.stats().queued} feedback or question records were not written before stopping`,
        );
      recorder?.close();
    },
    httpPort: () => port,
  };
}

/** How long stopping waits for queued feedback and gap records. */
const RECORDER_DRAIN_MS = 2000;
/** A kind of dropped record is logged at most this often, with how many went since the last line. */
const DROP_LOG_EVERY_MS = 60_000;

/**
 * The best-effort recorder of feedback and gaps over `store`. Its failures are log lines: one when
 * writes start failing, and dropped records counted per kind and reason at most once a minute.
 */
function createRecorder(store: Store, logger: Logger): BestEffortRecorder {
  const drops = new Map<string, { count: number; loggedAt: number }>();
  return createBestEffortRecorder(store, {
    onFailing: (error) =>
      logger.warn(`store: feedback and unanswered questions wait in memory until the store is back: ${error.message}`),
    onDrop: (kind, reason, error) => {
      const key = `${kind} ${reason}`;
      const seen = drops.get(key) ?? { count: 0, loggedAt: 0 };
      seen.count += 1;
      drops.set(key, seen);
      if (Date.now() - seen.loggedAt < DROP_LOG_EVERY_MS) return;
      logger.warn(`store: ${seen.count} ${kind} record(s) dropped (${reason})${error ? `: ${error.message}` : ''}`);
      drops.set(key, { count: 0, loggedAt: Date.now() });
    },
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
