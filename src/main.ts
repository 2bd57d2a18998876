/**
 * `npm start`: picks the face from the settings. Slack tokens → the Slack app
 * (Socket Mode or HTTP); none → the terminal shell, which answers the same way.
 */
import { ConfigError, loadDotenv, readKnowledgeConfig } from './config.ts';
import { createDockerReader, readDockerConfig } from './docker/index.ts';
import { UserError } from './errors.ts';
import { loadKnowledgeBase } from './knowledge/index.ts';
import { runShell } from './shell/index.ts';

async function main(): Promise<void> {
  loadDotenv();
  const { knowledgeDir } = readKnowledgeConfig(process.env);
  const { kb, warnings } = loadKnowledgeBase(knowledgeDir);
  for (const w of warnings) console.error(`warning: knowledge: ${w}`);
  const docker = createDockerReader(readDockerConfig(process.env));
  await runShell({ kb, docker }, { input: process.stdin, output: process.stdout });
  docker.close?.();
}

main().catch((err: unknown) => {
  // Start-up problems are settings problems: one line, no stack trace.
  if (err instanceof ConfigError || err instanceof UserError) console.error(err.message);
  else console.error(err);
  process.exitCode = 1;
});
