/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app (Socket Mode or
 * HTTP); none → the terminal shell, which answers the same way.
 */
import { loadDotenv } from './config.ts';
import { ConfigError, UserError } from './errors.ts';
import { createLogSink, createStderrLogger } from './logger.ts';
import { createRuntime } from './runtime.ts';
import { runShell } from './shell/index.ts';
import { createSlackApp } from './slack/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  // The shell prints log lines (a reload, a warning) above its prompt, so they go through a sink it can move.
  const logSink = createLogSink();
  const runtime = createRuntime(process.env, { follow: true, logger: createStderrLogger({ write: logSink.write }) });
  // Every setting first, so a mistake stops start-up with one line before anything starts.
  const lang = runtime.lang();
  const slack = runtime.slack();
  const docker = runtime.docker();
  const kb = runtime.knowledge();
  const { logger } = runtime;

  if (!slack) {
    await runShell({ kb, docker, lang, logger }, { input: process.stdin, output: process.stdout, logSink });
    await runtime.close();
    return;
  }
  // Slack answers from the folder with the notes saved from Slack laid over it; the first read of the
  // store gets a moment, so a restarted bot answers its saved notes from its first question.
  const notebook = runtime.notebook();
  await Promise.race([notebook.refresh(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  const bot = createSlackApp({ config: slack, kb: notebook.kb, docker, logger, store: runtime.store(), notebook });
  await bot.start();
  const shutdown = () => {
    bot
      .stop()
      .then(() => runtime.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  // Start-up problems are settings problems: one line, no stack trace, no secret.
  if (err instanceof ConfigError || err instanceof UserError) console.error(err.message);
  else console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
