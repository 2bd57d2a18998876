import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { withSavedNotes } from '../../../render/slack/note-modal.ts';
import { buildHomeView } from '../../../render/slack/views.ts';
import type { SlackDeps } from '../../deps.ts';
import { NOTE_ROUTES, ROUTES } from '../../interactions.ts';

/** Opening the bot's Home tab publishes the topic list and how to use the bot. */
export async function handleAppHomeOpened(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>,
): Promise<void> {
  if (event.tab !== undefined && event.tab !== 'home') return;
  await publishHome(deps, client, event.user);
}

/** The Home tab for one user; with a notebook, the notes saved from Slack with Write, Edit and Delete. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string): Promise<void> {
  const lang = deps.config.defaultLang;
  const home = buildHomeView(deps.kb.entries, lang, ROUTES);
  await client.views.publish({
    user_id: userId,
    view: deps.notebook ? withSavedNotes(home, deps.notebook.savedNotes(), lang, NOTE_ROUTES) : home,
  });
}
