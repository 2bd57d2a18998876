import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { handleAppHomeOpened } from './app-home.ts';
import { handleDirectMessage } from './direct-message.ts';
import { handleAppMention } from './mention.ts';
import { handleThreadFollowUp } from './thread-follow-up.ts';

/**
 * Every bot event the bot listens to, by its subscription name in manifest.yml (a test checks
 * they match). `message.im` arrives as a `message` event with channel_type im.
 */
const EVENT_LISTENERS = [
  {
    subscription: 'app_mention',
    register: (app: App, deps: SlackDeps) => app.event('app_mention', (args) => handleAppMention(deps, args)),
  },
  {
    subscription: 'message.im',
    register: (app: App, deps: SlackDeps) => app.event('message', (args) => handleDirectMessage(deps, args)),
  },
  {
    // message.channels and message.groups (public and private channels) arrive as the same `message`
    // event: one listener serves both, registered once.
    subscription: 'message.channels',
    register: (app: App, deps: SlackDeps) => app.event('message', (args) => handleThreadFollowUp(deps, args)),
  },
  { subscription: 'message.groups', register: () => {} },
  {
    subscription: 'app_home_opened',
    register: (app: App, deps: SlackDeps) => app.event('app_home_opened', (args) => handleAppHomeOpened(deps, args)),
  },
] as const;

export const BOT_EVENTS: readonly string[] = EVENT_LISTENERS.map((l) => l.subscription);

export function registerEvents(app: App, deps: SlackDeps): void {
  for (const listener of EVENT_LISTENERS) listener.register(app, deps);
}
