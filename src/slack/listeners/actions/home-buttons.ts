import { buildAskModal, buildEntryModal } from '../../../render/slack/views.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeEntryRef, ROUTES } from '../../interactions.ts';
import type { ButtonArgs } from './clicked-entry.ts';

/** Read, next to a topic in the App Home: opens the topic in a modal. */
export async function handleHomeReadTopic(deps: SlackDeps, { action, body, ack, client }: ButtonArgs): Promise<void> {
  await ack();
  const ref = decodeEntryRef(action.value);
  const entry = ref && deps.kb.byId(ref.entryId);
  if (!ref || !entry) return;
  await client.views.open({
    trigger_id: body.trigger_id,
    view: buildEntryModal(entry, ref.lang, (id) => deps.kb.byId(id)),
  });
}

/** Ask a question, in the App Home: opens the question form. */
export async function handleHomeAsk(deps: SlackDeps, { action, body, ack, client }: ButtonArgs): Promise<void> {
  await ack();
  const lang = action.value === 'en' ? 'en' : action.value === 'ko' ? 'ko' : deps.config.defaultLang;
  await client.views.open({ trigger_id: body.trigger_id, view: buildAskModal(lang, ROUTES) });
}
