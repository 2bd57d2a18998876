import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { logUnexpected } from '../../../errors.ts';
import { strings } from '../../../i18n/index.ts';
import type { NoteSave } from '../../../notebook/index.ts';
import { buildNoteSavedModal, NOTE_FIELDS, type NoteField } from '../../../render/slack/note-modal.ts';
import { StoreError } from '../../../store/errors.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeNoteFormState, NOTE_ROUTES } from '../../interactions.ts';
import { mayEditNotes } from '../../note-editors.ts';
import { noteFromForm } from '../../note-form.ts';

/**
 * The note form submitted: the note is checked as the loader checks a file (what is wrong shows
 * under its field, in the loader's words, and the form stays open), saved with who and from which
 * thread, and answered at once; the form then says so, with any warning the loader would give.
 */
export async function handleSaveNoteSubmit(
  deps: SlackDeps,
  { view, body, ack, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>,
): Promise<void> {
  const state = decodeNoteFormState(view.private_metadata);
  const lang = state?.lang ?? deps.config.defaultLang;
  const s = strings(lang).notes;
  const editing = state?.mode === 'edit' ? state.id : undefined;
  // An edit has no id field: what would go under it goes under the title.
  const fieldBlock = (field: string | undefined) =>
    NOTE_ROUTES.form.blockId(
      field === 'id' && editing ? 'title' : NOTE_FIELDS.includes(field as NoteField) ? (field as NoteField) : 'body',
    );
  const refuse = (field: string | undefined, message: string) =>
    ack({ response_action: 'errors', errors: { [fieldBlock(field)]: message } });

  if (!state || !deps.notebook) return refuse('title', s.off);
  const userId = body.user.id;
  if (!(await mayEditNotes(deps, userId, client))) return refuse('title', s.notAllowed);

  const values = Object.fromEntries(
    NOTE_FIELDS.map((field) => [
      field,
      view.state.values[NOTE_ROUTES.form.blockId(field)]?.[NOTE_ROUTES.form.actionId]?.value,
    ]),
  );
  const note = noteFromForm(editing ? { ...values, id: editing } : values);
  let saved: NoteSave;
  try {
    saved =
      state.mode === 'edit'
        ? await deps.notebook.update(note, userId)
        : await deps.notebook.create(note, {
            userId,
            ...(state.channelId ? { channelId: state.channelId } : {}),
            ...(state.threadTs ? { threadTs: state.threadTs } : {}),
          });
  } catch (err) {
    if (err instanceof StoreError) deps.logger.error(`notes: saving "${note.id}" by ${userId} failed: ${err.message}`);
    else logUnexpected(err, deps.logger);
    return refuse('body', s.storeDown);
  }
  if (!saved.ok) {
    deps.logger.info(`notes: "${note.id}" by ${userId} not saved (${saved.reason})`);
    switch (saved.reason) {
      case 'invalid':
        return refuse(saved.field, saved.message);
      case 'in-folder':
        return refuse('id', s.inFolder(saved.file));
      case 'exists':
        return refuse('id', s.exists);
      case 'not-found':
        return refuse('title', s.notFound);
    }
  }
  await ack({
    response_action: 'update',
    view: buildNoteSavedModal({ id: saved.note.id, updated: state.mode === 'edit', warnings: saved.warnings }, lang),
  });
  const from = state.mode === 'create' && state.channelId ? ` from ${state.channelId}/${state.threadTs ?? '-'}` : '';
  deps.logger.info(`notes: "${saved.note.id}" ${state.mode === 'edit' ? 'edited' : 'saved'} by ${userId}${from}`);
}
