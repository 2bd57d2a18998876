/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app
 * (Socket Mode or HTTP); none → the terminal shell, which answers the same way.
 */
import { ConfigError, loadDotenv, readKnowledgeConfig } from './config.ts';
import { createDockerReader, readDockerConfig } from './docker/index.ts';
import { UserError } from './errors.ts';
import { loadKnowledgeBase, watchKnowledgeBase } from './knowledge/index.ts';
import { runShell } from './shell/index.ts';
import { createSlackApp, readSlackConfig } from './slack/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  // Read every setting before doing anything, so a mistake stops start-up with one line.
  const knowledge = readKnowledgeConfig(process.env);
  const dockerConfig = readDockerConfig(process.env);
  const slackConfig = readSlackConfig(process.env);

  const loaded = loadKnowledgeBase(knowledge.knowledgeDir, knowledge.limits);
  for (const w of loaded.warnings) console.error(`warning: knowledge: ${w}`);
  // Teams add notes while the bot runs; stderr is the log of every face.
  const live = knowledge.watch
    ? watchKnowledgeBase(knowledge.knowledgeDir, loaded, (line) => console.error(line), knowledge)
    : undefined;
  const kb = live ?? loaded.kb;
  const stopWatching = () => live?.close();
  const docker = createDockerReader(dockerConfig);

  if (!slackConfig) {
    await runShell({ kb, docker }, { input: process.stdin, output: process.stdout });
    stopWatching();
    return;
  }
  const bot = createSlackApp({ config: slackConfig, kb, docker });
  await bot.start();
  const shutdown = () => {
    stopWatching();
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
