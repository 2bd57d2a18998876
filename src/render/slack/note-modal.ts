/**
 * The Save as note form (new, from a message or a thread, or empty from Write a note; or an edit of
 * a saved note), what it says once saved, and the App Home's list of saved notes. Pure: the Slack
 * face hands in the values and its routes (NoteRoutes), as for the answers.
 */
import type { Button, HomeView, InputBlock, ModalView } from '@slack/types';
import { type Lang, strings } from '../../i18n/index.ts';
import { truncate } from '../format.ts';
import {
  actions,
  button,
  code,
  context,
  escapeAndTruncate,
  escapeSlackText,
  type KnownBlock,
  SLACK_LIMITS,
  section,
  userMention,
} from './blocks.ts';
import type { ButtonRoute } from './routes.ts';

/** The form's fields, named as the note file's front-matter names them (and the loader's messages do). */
export const NOTE_FIELDS = ['id', 'title', 'title_en', 'aliases', 'tags', 'related', 'body'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

/** Slack's limit for a text input's value and initial value. */
export const NOTE_INPUT_MAX_CHARS = 3000;
const MAX_CHARS: Record<NoteField, number> = {
  id: 64,
  title: 150,
  title_en: 150,
  aliases: NOTE_INPUT_MAX_CHARS,
  tags: 500,
  related: 1000,
  body: NOTE_INPUT_MAX_CHARS,
};

/** The form as typed: aliases one per line, tags and related separated by commas. */
export type NoteFormValues = Record<NoteField, string>;

export interface NoteRoutes {
  /** The form: its callback id, and each field's block id (the action id is the same in every block). */
  form: { callbackId: string; blockId(field: NoteField): string; actionId: string };
  /** Write a note: the empty form. */
  write(lang: Lang): ButtonRoute;
  edit(noteId: string): ButtonRoute;
  delete(noteId: string): ButtonRoute;
}

export interface NoteFormInput {
  lang: Lang;
  /** An edit keeps its id: the field is not shown. */
  editing?: string;
  values: NoteFormValues;
  /** Lines above the form (mrkdwn the caller made safe): where it was filled in from, what was cut. */
  notes?: string[];
  /** The form's state that the submission needs back (Slack keeps up to 3000 characters). */
  privateMetadata: string;
}

export function buildNoteModal(input: NoteFormInput, routes: NoteRoutes): ModalView {
  const s = strings(input.lang).notes;
  const hints: Partial<Record<NoteField, string>> = s.hints;
  const field = (name: NoteField, { multiline = false, optional = false } = {}): InputBlock => {
    const initial = truncate(input.values[name], MAX_CHARS[name]);
    const hint = hints[name];
    return {
      type: 'input',
      block_id: routes.form.blockId(name),
      label: { type: 'plain_text', text: s.labels[name] },
      optional,
      ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
      element: {
        type: 'plain_text_input',
        action_id: routes.form.actionId,
        multiline,
        max_length: MAX_CHARS[name],
        ...(initial ? { initial_value: initial } : {}),
      },
    };
  };
  const blocks: KnownBlock[] = [
    ...(input.notes?.length ? [context(...input.notes)] : []),
    ...(input.editing ? [context(s.editing(escapeSlackText(input.editing)))] : [field('id')]),
    field('title'),
    field('title_en', { optional: true }),
    field('aliases', { multiline: true, optional: true }),
    field('tags', { optional: true }),
    field('related', { optional: true }),
    field('body', { multiline: true }),
  ];
  return {
    type: 'modal',
    callback_id: routes.form.callbackId,
    title: { type: 'plain_text', text: truncate(input.editing ? s.editTitle : s.saveTitle, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: s.save },
    close: { type: 'plain_text', text: s.cancel },
    private_metadata: input.privateMetadata,
    blocks,
  };
}

/** What replaces the form once the note is saved: that it is answered now, and the loader's warnings. */
export function buildNoteSavedModal(
  result: { id: string; updated: boolean; warnings: readonly string[] },
  lang: Lang,
): ModalView {
  const s = strings(lang).notes;
  const said = result.updated ? s.updated(escapeSlackText(result.id)) : s.saved(escapeSlackText(result.id));
  const warnings = result.warnings.map((w) => `• ${escapeAndTruncate(w, 500)}`);
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(s.savedTitle, SLACK_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: s.close },
    blocks: [section(`✅ ${said}`), ...(warnings.length ? [section(`${s.withWarnings}\n${warnings.join('\n')}`)] : [])],
  };
}

/** A saved note as the App Home lists it. */
export interface SavedNoteSummary {
  id: string;
  title: string;
  titleEn: string;
  createdBy: string;
  updatedBy: string;
  updatedAt: Date;
}

/**
 * The App Home's saved notes: a heading with Write a note, then each note (newest change first) with
 * Edit and Delete (Slack asks before deleting), within `room` blocks.
 */
export function savedNotesBlocks(
  notes: readonly SavedNoteSummary[],
  lang: Lang,
  routes: NoteRoutes,
  room: number,
): KnownBlock[] {
  if (room < 3) return [];
  const s = strings(lang).notes;
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    {
      ...section(`*${escapeSlackText(s.savedHeading(notes.length))}*`),
      accessory: button(s.write, routes.write(lang)),
    },
  ];
  if (notes.length === 0) return [...blocks, context(s.noSaved)];
  const newest = [...notes].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  // Two blocks a note; one kept for "… and n more" when they do not all fit.
  const fit =
    newest.length * 2 <= room - blocks.length ? newest.length : Math.max(0, Math.floor((room - blocks.length - 1) / 2));
  for (const note of newest.slice(0, fit)) {
    const title = lang === 'ko' ? note.title : note.titleEn || note.title;
    const when = note.updatedAt.toISOString().slice(0, 10);
    const by =
      note.updatedBy === note.createdBy
        ? s.savedBy(userMention(note.createdBy), when)
        : s.editedBy(userMention(note.updatedBy), when);
    blocks.push(section(`*${escapeAndTruncate(title, 200)}*  ${code(note.id)}\n${by}`));
    blocks.push(actions([button(s.edit, routes.edit(note.id)), deleteButton(note, lang, routes)]));
  }
  if (fit < newest.length) blocks.push(context(s.moreSaved(newest.length - fit)));
  return blocks;
}

function deleteButton(note: SavedNoteSummary, lang: Lang, routes: NoteRoutes): Button {
  const s = strings(lang).notes;
  return {
    ...button(s.delete, routes.delete(note.id)),
    style: 'danger',
    confirm: {
      title: { type: 'plain_text', text: s.deleteConfirmTitle },
      text: { type: 'plain_text', text: truncate(s.deleteConfirm(note.title), 300) },
      confirm: { type: 'plain_text', text: s.delete },
      deny: { type: 'plain_text', text: s.cancel },
      style: 'danger',
    },
  };
}

/** The App Home with the saved notes appended, within Slack's 100 blocks. */
export function withSavedNotes(
  home: HomeView,
  notes: readonly SavedNoteSummary[],
  lang: Lang,
  routes: NoteRoutes,
): HomeView {
  const room = SLACK_LIMITS.viewBlocks - home.blocks.length;
  return { ...home, blocks: [...home.blocks, ...savedNotesBlocks(notes, lang, routes, room)] };
}

/** A modal that only says something: a refusal, a note that is gone. `text` is the caller's mrkdwn. */
export function buildNoticeModal(text: string, lang: Lang): ModalView {
  const s = strings(lang).notes;
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(s.saveTitle, SLACK_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: s.close },
    blocks: [section(text)],
  };
}
