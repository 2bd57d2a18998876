import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { GAPS_SHOWN, type HomeGaps } from '../../../render/slack/gaps.ts';
import { withSavedNotes } from '../../../render/slack/note-modal.ts';
import { buildHomeView } from '../../../render/slack/views.ts';
import type { SlackDeps } from '../../deps.ts';
import { NOTE_ROUTES, ROUTES } from '../../interactions.ts';
import { storeReadInTime } from '../../records.ts';

/** The App Home shows the questions the notes could not answer in this many days. */
export const HOME_GAPS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Opening the bot's Home tab publishes the topic list, how to use the bot, and the questions the
 * notes could not answer lately. When the store cannot say within a second, the Home is published
 * without that section rather than late.
 */
export async function handleAppHomeOpened(
  deps: SlackDeps,
  { event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>,
): Promise<void> {
  if (event.tab !== undefined && event.tab !== 'home') return;
  await publishHome(deps, client, event.user);
}

/**
 * The Home tab for one user: the topics, the questions the notes could not answer lately and, with
 * a notebook, the notes saved from Slack with Write, Edit and Delete.
 */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string): Promise<void> {
  const lang = deps.config.defaultLang;
  const home = buildHomeView(deps.kb.entries, lang, ROUTES, await recentGaps(deps));
  await client.views.publish({
    user_id: userId,
    view: deps.notebook ? withSavedNotes(home, deps.notebook.savedNotes(), lang, NOTE_ROUTES) : home,
  });
}

async function recentGaps(deps: SlackDeps): Promise<HomeGaps | undefined> {
  if (!deps.store) return undefined;
  try {
    const since = new Date(Date.now() - HOME_GAPS_DAYS * DAY_MS);
    const gaps = await storeReadInTime(deps.store.gaps.top({ since, limit: GAPS_SHOWN }));
    return { gaps, days: HOME_GAPS_DAYS };
  } catch (err) {
    deps.logger.warn(`App Home without its unanswered questions: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
