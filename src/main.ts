/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app (Socket Mode or
 * HTTP); none → the terminal shell, which answers the same way (and, from a pipe, each line).
 *
 * SIGTERM or SIGINT stops the Slack app gracefully: unready first, no new requests, the ones in
 * flight finished within SHUTDOWN_TIMEOUT_MS, then the store closed and exit 0; 1 when the bound
 * was hit, saying how many requests were dropped. A second signal exits at once.
 */
import { loadDotenv, readLogConfig, readShutdownTimeoutMs } from './config.ts';
import { ConfigError, UserError } from './errors.ts';
import { createLogger, createLogSink } from './logger.ts';
import { createRuntime } from './runtime.ts';
import { runShell } from './shell/index.ts';
import { noSlackSettings } from './slack/config.ts';
import { createSlackApp } from './slack/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  // The shell prints log lines (a reload, a warning) above its prompt, so they go through a sink it can move.
  const logSink = createLogSink();
  const logConfig = readLogConfig(process.env, process.stderr.isTTY === true);
  // pino ends each line with a newline; the sink writes lines.
  const logger = createLogger({ ...logConfig, write: (line) => logSink.write(line.replace(/\n$/, '')) });
  const runtime = createRuntime(process.env, { follow: true, logger });
  // Every setting first, so a mistake stops start-up with one line before anything starts.
  const lang = runtime.lang();
  const slack = runtime.slack();
  const docker = runtime.docker();
  runtime.knowledge();

  const shutdownTimeoutMs = readShutdownTimeoutMs(process.env);

  if (!slack) {
    // The shell answers as Slack does: the folder with the notes saved from Slack laid over it, the
    // store's first read given a moment (a bad DATABASE_URL stops start-up here, as it does for Slack).
    runtime.notebook();
    const answering = await runtime.answerKnowledge();
    const lines = await runShell(
      { kb: answering, docker, lang, logger },
      { input: process.stdin, output: process.stdout, logSink },
    );
    await runtime.close();
    // No terminal and not one line to answer: a container started without its Slack settings.
    if (lines === 0 && process.stdin.isTTY !== true) throw noSlackSettings();
    return;
  }
  const store = runtime.store();
  // Opened now, so a store that cannot be used is said at start; answers never wait for it.
  await store.open().then(
    () => logger.info(`store: ${store.kind} at ${store.location}, migrations applied`),
    (err: unknown) =>
      logger.warn(`store: ${err instanceof Error ? err.message : String(err)} (answers go on; retried on use)`),
  );
  // Slack answers from the folder with the notes saved from Slack laid over it; the first read of the
  // store gets a moment, so a restarted bot answers its saved notes from its first question.
  const notebook = runtime.notebook();
  await notebook.firstRead(3000);
  const bot = createSlackApp({
    config: slack,
    kb: notebook.kb,
    docker,
    logger,
    store,
    notebook,
    metrics: runtime.metrics,
  });
  await bot.start();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`shutdown: ${signal} again; exiting now with ${bot.inFlight()} requests in flight`);
      process.exit(1);
    }
    stopping = true;
    logger.info(
      `shutdown: ${signal}; finishing ${bot.inFlight()} requests in flight (at most ${shutdownTimeoutMs} ms)`,
    );
    // A stop that hangs (a socket that never closes) must not outlive the bound by much.
    setTimeout(() => {
      logger.error(`shutdown: not finished ${shutdownTimeoutMs + 2000} ms after ${signal}; exiting`);
      process.exit(1);
    }, shutdownTimeoutMs + 2000).unref();
    bot
      .shutdown(shutdownTimeoutMs)
      .then(async (dropped) => {
        await runtime.close();
        if (dropped > 0) {
          logger.error(
            `shutdown: dropped ${dropped} request${dropped === 1 ? '' : 's'} still in flight after SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs}`,
          );
          process.exit(1);
        }
        logger.info('shutdown: every request finished; stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  // Start-up problems are settings problems: one line, no stack trace, no secret.
  if (err instanceof ConfigError || err instanceof UserError) console.error(err.message);
  else console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  // Exit now rather than when the event loop drains: a half-made Slack connection reconnecting, a
  // listening port or a timer would keep a failed process alive, and restart policies (Compose,
  // systemd, Kubernetes) act only on an exit. stderr is written synchronously, so the line is out.
  process.exit(1);
});
