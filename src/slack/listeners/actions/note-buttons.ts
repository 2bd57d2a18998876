import { strings } from '../../../i18n/index.ts';
import { buildNoteModal, buildNoticeModal } from '../../../render/slack/note-modal.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeEntryRef, encodeNoteFormState, NOTE_ROUTES } from '../../interactions.ts';
import { mayEditNotes } from '../../note-editors.ts';
import { EMPTY_NOTE_FORM, formValuesOf } from '../../note-form.ts';
import { publishHome } from '../events/app-home.ts';
import type { ButtonArgs } from './clicked-entry.ts';

/**
 * Write a note, Edit and Delete (App Home). A button in the Home tab has no response_url, so a
 * refusal comes back as a small modal. Each checks NOTE_EDITORS again: the Home was drawn earlier.
 */
async function editorOnly(deps: SlackDeps, { body, client }: ButtonArgs): Promise<boolean> {
  const s = strings(deps.config.defaultLang).notes;
  const refusal = !deps.notebook ? s.off : !(await mayEditNotes(deps, body.user.id, client)) ? s.notAllowed : undefined;
  if (!refusal) return true;
  await client.views.open({ trigger_id: body.trigger_id, view: buildNoticeModal(refusal, deps.config.defaultLang) });
  return false;
}

/**
 * Write a note: the empty form, or, next to a question the notes could not answer, the form started
 * from that question (title and alias) and its closest note (related).
 */
export async function handleWriteNote(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if (!(await editorOnly(deps, args))) return;
  const value = args.action.value;
  const gap = decodeEntryRef(value);
  const lang = gap?.lang ?? (value === 'en' ? 'en' : value === 'ko' ? 'ko' : deps.config.defaultLang);
  const values = gap
    ? { ...EMPTY_NOTE_FORM, title: gap.question, aliases: gap.question, related: gap.entryId }
    : EMPTY_NOTE_FORM;
  await args.client.views.open({
    trigger_id: args.body.trigger_id,
    view: buildNoteModal({ lang, values, privateMetadata: encodeNoteFormState({ mode: 'create', lang }) }, NOTE_ROUTES),
  });
}

/** Edit: the form with the saved note in it. */
export async function handleEditNote(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if (!(await editorOnly(deps, args))) return;
  const lang = deps.config.defaultLang;
  const note = deps.notebook?.saved(args.action.value ?? '');
  const view = note
    ? buildNoteModal(
        {
          lang,
          editing: note.id,
          values: formValuesOf(note),
          privateMetadata: encodeNoteFormState({ mode: 'edit', lang, id: note.id }),
        },
        NOTE_ROUTES,
      )
    : buildNoticeModal(strings(lang).notes.notFound, lang);
  await args.client.views.open({ trigger_id: args.body.trigger_id, view });
}

/** Delete (Slack asked first): every replica stops answering from it, and the Home is drawn again. */
export async function handleDeleteNote(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if (!deps.notebook || !(await editorOnly(deps, args))) return;
  const id = args.action.value ?? '';
  const deleted = await deps.notebook.delete(id);
  deps.logger.info(`notes: "${id}" ${deleted ? 'deleted' : 'was already gone'} (by ${args.body.user.id})`);
  await publishHome(deps, args.client, args.body.user.id);
}
