/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app
 * (Socket Mode or HTTP); none → the terminal shell, which answers the same way.
 */
import { ConfigError, loadDotenv, readKnowledgeConfig } from './config.ts';
import { createDockerReader, readDockerConfig } from './docker/index.ts';
import { UserError } from './errors.ts';
import { loadKnowledgeBase } from './knowledge/index.ts';
import { runShell } from './shell/index.ts';
import { createSlackApp, readSlackConfig } from './slack/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  // Read every setting before doing anything, so a mistake stops start-up with one line.
  const { knowledgeDir } = readKnowledgeConfig(process.env);
  const dockerConfig = readDockerConfig(process.env);
  const slackConfig = readSlackConfig(process.env);

  const { kb, warnings } = loadKnowledgeBase(knowledgeDir);
  for (const w of warnings) console.error(`warning: knowledge: ${w}`);
  const docker = createDockerReader(dockerConfig);

  if (!slackConfig) {
    await runShell({ kb, docker }, { input: process.stdin, output: process.stdout });
    return;
  }
  const bot = createSlackApp({ config: slackConfig, kb, docker });
  await bot.start();
  const shutdown = () => {
    bot.stop().then(
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
