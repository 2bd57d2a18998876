/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app (Socket Mode or
 * HTTP); none → the terminal shell, which answers the same way.
 */
import { loadDotenv } from './config.ts';
import { ConfigError, UserError } from './errors.ts';
import { createRuntime } from './runtime.ts';
import { runShell } from './shell/index.ts';
import { createSlackApp } from './slack/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  const runtime = createRuntime(process.env, { follow: true });
  // Every setting first, so a mistake stops start-up with one line before anything starts.
  const lang = runtime.lang();
  const slack = runtime.slack();
  const docker = runtime.docker();
  const kb = runtime.knowledge();
  const { logger } = runtime;

  if (!slack) {
    await runShell({ kb, docker, lang, logger }, { input: process.stdin, output: process.stdout });
    await runtime.close();
    return;
  }
  const bot = createSlackApp({ config: slack, kb, docker, logger, store: runtime.store() });
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
  // Exit now rather than when the event loop drains: a half-made Slack connection reconnecting, a
  // listening port or a timer would keep a failed process alive, and restart policies (Compose,
  // systemd, Kubernetes) act only on an exit. stderr is written synchronously, so the line is out.
  process.exit(1);
});
