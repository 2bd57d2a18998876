import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView } from '../../../render/slack/views.ts';
import type { SlackDeps } from '../../deps.ts';
import { ROUTES } from '../../interactions.ts';

/** Opening the bot's Home tab publishes the topic list and how to use the bot. */
export async function handleAppHomeOpened(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>,
): Promise<void> {
  if (event.tab !== undefined && event.tab !== 'home') return;
  await client.views.publish({
    user_id: event.user,
    view: buildHomeView(deps.kb.entries, deps.config.defaultLang, ROUTES),
  });
}
