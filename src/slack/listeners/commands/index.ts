import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { handleDockerAsk } from './ask.ts';
import { handleDockerCommand } from './docker.ts';

/** Every slash command the bot answers; manifest.yml must declare exactly these (a test checks). */
const COMMAND_LISTENERS = [
  {
    command: '/docker-ask',
    register: (app: App, deps: SlackDeps) => app.command('/docker-ask', (args) => handleDockerAsk(deps, args)),
  },
  {
    command: '/docker-ps',
    register: (app: App, deps: SlackDeps) => app.command('/docker-ps', (args) => handleDockerCommand(deps, 'ps', args)),
  },
  {
    command: '/docker-df',
    register: (app: App, deps: SlackDeps) => app.command('/docker-df', (args) => handleDockerCommand(deps, 'df', args)),
  },
] as const;

export const SLASH_COMMANDS: readonly string[] = COMMAND_LISTENERS.map((l) => l.command);

export function registerCommands(app: App, deps: SlackDeps): void {
  for (const listener of COMMAND_LISTENERS) listener.register(app, deps);
}
