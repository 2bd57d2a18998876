/**
 * The Slack face's routing contract: the ids its buttons, form and modal carry, and what a button's
 * value holds. The builders draw buttons through ROUTES (render/ declares AnswerRoutes, this
 * implements it); the listeners route clicks and submissions by the same ids.
 */
import type { Lang } from '../i18n/index.ts';
import { SLACK_LIMITS } from '../render/slack/blocks.ts';
import type { NoteRoutes } from '../render/slack/note-modal.ts';
import type { AnswerRoutes, DockerRef, DockerRoutes, EntryRef } from '../render/slack/routes.ts';
import type { Vote } from '../store/types.ts';

/** action_id prefixes; buttons of one block get `:<n>` suffixes, as ids must be unique per block. */
export const ACTION_IDS = {
  share: 'share_answer',
  otherMatches: 'other_matches',
  showEntry: 'show_entry',
  explainDocker: 'explain_docker',
  shareDocker: 'share_docker',
  homeReadTopic: 'home_read_topic',
  homeAsk: 'home_ask',
  feedback: 'answer_feedback',
  shareQuestion: 'share_question',
} as const;

/**
 * Write a note (App Home): opens the Save as note form. Next to a question the notes could not
 * answer its value is an EntryRef (the question to start from, its language, the closest note's id,
 * '' when none); the button above the saved notes carries only a language.
 */
export const WRITE_NOTE_ACTION = 'write_note';

export const VIEW_CALLBACK_IDS = { askModal: 'ask_modal', feedbackReason: 'feedback_reason' } as const;
export const ASK_INPUT = { blockId: 'question', actionId: 'question_text' } as const;
export const FEEDBACK_INPUT = { blockId: 'missing', actionId: 'missing_text' } as const;

/** Matches the action ids of buttons with this prefix: `<prefix>` or `<prefix>:<n>`. */
export function actionIdPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}(:\\d+)?$`);
}

/** Encodes a reference as a button value, shortening the question to stay within 2000 chars. */
export function encodeEntryRef(ref: EntryRef): string {
  let question = ref.question;
  for (;;) {
    const value = JSON.stringify({ e: ref.entryId, q: question, l: ref.lang });
    if (value.length <= SLACK_LIMITS.actionValue) return value;
    question = question.slice(0, Math.max(0, question.length - (value.length - SLACK_LIMITS.actionValue) - 1));
  }
}

/** The reference a button carries, or undefined if the value is not one of ours. */
export function decodeEntryRef(value: string | undefined): EntryRef | undefined {
  if (!value) return undefined;
  try {
    const raw = JSON.parse(value) as { e?: unknown; q?: unknown; l?: unknown };
    if (typeof raw.e !== 'string' || typeof raw.q !== 'string') return undefined;
    return { entryId: raw.e, question: raw.q, lang: raw.l === 'en' ? 'en' : 'ko' };
  } catch {
    return undefined;
  }
}

/** A 👍 or 👎 under an answer: the vote and the answer's reference. */
export interface VoteClick {
  vote: Vote;
  ref: EntryRef;
}

/** The value of one feedback button, the question shortened to keep within Slack's 2000 chars. */
export function encodeVote(vote: Vote, ref: EntryRef): string {
  return fitQuestion(ref.question, SLACK_LIMITS.actionValue, (q) =>
    JSON.stringify({ v: vote, e: ref.entryId, q, l: ref.lang }),
  );
}

export function decodeVote(value: string | undefined): VoteClick | undefined {
  const raw = parseObject(value);
  if (!raw || (raw.v !== 'up' && raw.v !== 'down') || typeof raw.e !== 'string' || typeof raw.q !== 'string')
    return undefined;
  return { vote: raw.v, ref: { entryId: raw.e, question: raw.q, lang: raw.l === 'en' ? 'en' : 'ko' } };
}

/** What the "what was missing" form carries (private_metadata) from the 👎 click to its submission. */
export interface FeedbackFormContext {
  answerId: string;
  channelId?: string;
  ref: EntryRef;
}

export function encodeFeedbackContext(context: FeedbackFormContext): string {
  const { answerId, channelId, ref } = context;
  return fitQuestion(ref.question, SLACK_LIMITS.privateMetadata, (q) =>
    JSON.stringify({ a: answerId, c: channelId, e: ref.entryId, q, l: ref.lang }),
  );
}

export function decodeFeedbackContext(metadata: string | undefined): FeedbackFormContext | undefined {
  const raw = parseObject(metadata);
  if (!raw || typeof raw.a !== 'string' || !raw.a || typeof raw.e !== 'string' || typeof raw.q !== 'string')
    return undefined;
  return {
    answerId: raw.a,
    ...(typeof raw.c === 'string' && raw.c ? { channelId: raw.c } : {}),
    ref: { entryId: raw.e, question: raw.q, lang: raw.l === 'en' ? 'en' : 'ko' },
  };
}

/**
 * Which answer a click is about, with no state: the message it is on, `<channel>:<ts>`. Each
 * message is its own answer (a private answer and its shared copy are two).
 */
export function answerIdOf(container: { channel_id?: unknown; message_ts?: unknown }): string | undefined {
  const { channel_id: channel, message_ts: ts } = container;
  return typeof channel === 'string' && typeof ts === 'string' && channel && ts ? `${channel}:${ts}` : undefined;
}

/** `build(question)`, the question cut until the result fits in `max` characters. */
function fitQuestion(question: string, max: number, build: (question: string) => string): string {
  let q = question;
  for (;;) {
    const value = build(q);
    if (value.length <= max || q === '') return value;
    // Cut on code points, so a shortened question never ends in half a surrogate pair.
    const chars = Array.from(q);
    q = chars.slice(0, Math.max(0, chars.length - (value.length - max) - 1)).join('');
  }
}

function parseObject(value: string | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const raw: unknown = JSON.parse(value);
    return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encodes a Docker command as a button value; undefined when it does not fit (a command is never
 * shortened: that would run another one).
 */
export function encodeDockerRef(ref: DockerRef): string | undefined {
  const value = JSON.stringify({ c: ref.command, a: ref.args });
  return value.length <= SLACK_LIMITS.actionValue ? value : undefined;
}

/** The Docker command a Share button carries, or undefined if the value is not one of ours. */
export function decodeDockerRef(value: string | undefined): DockerRef | undefined {
  if (!value) return undefined;
  try {
    const raw = JSON.parse(value) as { c?: unknown; a?: unknown };
    if ((raw.c !== 'ps' && raw.c !== 'df') || typeof raw.a !== 'string') return undefined;
    return { command: raw.c, args: raw.a };
  } catch {
    return undefined;
  }
}

const entryButton =
  (prefix: string) =>
  (ref: EntryRef, index = 0) => ({ actionId: `${prefix}:${index}`, value: encodeEntryRef(ref) });

/** Where every button the builders draw sends its click. */
export const ROUTES: AnswerRoutes & DockerRoutes = {
  share: entryButton(ACTION_IDS.share),
  otherMatches: entryButton(ACTION_IDS.otherMatches),
  showEntry: entryButton(ACTION_IDS.showEntry),
  explainDocker: entryButton(ACTION_IDS.explainDocker),
  readTopic: entryButton(ACTION_IDS.homeReadTopic),
  shareQuestion: entryButton(ACTION_IDS.shareQuestion),
  ask: (lang: Lang) => ({ actionId: `${ACTION_IDS.homeAsk}:0`, value: lang }),
  shareDocker: (ref: DockerRef) => {
    const value = encodeDockerRef(ref);
    return value === undefined ? undefined : { actionId: `${ACTION_IDS.shareDocker}:0`, value };
  },
  askForm: { callbackId: VIEW_CALLBACK_IDS.askModal, blockId: ASK_INPUT.blockId, actionId: ASK_INPUT.actionId },
  feedback: (ref: EntryRef) => ({
    actionId: ACTION_IDS.feedback,
    up: encodeVote('up', ref),
    down: encodeVote('down', ref),
  }),
  feedbackForm: {
    callbackId: VIEW_CALLBACK_IDS.feedbackReason,
    blockId: FEEDBACK_INPUT.blockId,
    actionId: FEEDBACK_INPUT.actionId,
  },
  writeNote: entryButton(WRITE_NOTE_ACTION),
};

/** Edit and Delete next to a saved note in the App Home; the value is the note's id. */
export const NOTE_ACTION_IDS = { edit: 'edit_saved_note', delete: 'delete_saved_note' } as const;
/** The message shortcut Save as note, as manifest*.yml declare it. */
export const SAVE_NOTE_SHORTCUT = 'save_as_note';
export const NOTE_FORM = { callbackId: 'save_note_modal', actionId: 'value' } as const;

/** Where the note buttons and form go (render/slack/note-modal.ts declares the shape). */
export const NOTE_ROUTES: NoteRoutes = {
  form: { callbackId: NOTE_FORM.callbackId, blockId: (field) => `note_${field}`, actionId: NOTE_FORM.actionId },
  write: (lang) => ({ actionId: WRITE_NOTE_ACTION, value: lang }),
  edit: (noteId) => ({ actionId: NOTE_ACTION_IDS.edit, value: noteId }),
  delete: (noteId) => ({ actionId: NOTE_ACTION_IDS.delete, value: noteId }),
};

/** What the note form carries to its submission: a new note and where it came from, or the id edited. */
export type NoteFormState =
  | { mode: 'create'; lang: Lang; channelId?: string; threadTs?: string }
  | { mode: 'edit'; lang: Lang; id: string };

export function encodeNoteFormState(state: NoteFormState): string {
  return JSON.stringify(state);
}

/** The form's state, or undefined when the metadata is not ours. */
export function decodeNoteFormState(metadata: string | undefined): NoteFormState | undefined {
  try {
    const raw = JSON.parse(metadata ?? '') as Record<string, unknown>;
    const lang: Lang = raw.lang === 'en' ? 'en' : 'ko';
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    if (raw.mode === 'edit' && text(raw.id)) return { mode: 'edit', lang, id: String(raw.id) };
    if (raw.mode !== 'create') return undefined;
    const channelId = text(raw.channelId);
    const threadTs = text(raw.threadTs);
    return { mode: 'create', lang, ...(channelId ? { channelId } : {}), ...(threadTs ? { threadTs } : {}) };
  } catch {
    return undefined;
  }
}
