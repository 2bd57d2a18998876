/**
 * Between Slack and the Save as note form: a thread made into a first draft, the form's values read
 * back as a note, a saved note put back into the form. The loader's checks run on what comes back
 * (NoteBook.check), not here.
 */
import type { KnowledgeBase, NoteContent } from '../knowledge/index.ts';
import { NOTE_INPUT_MAX_CHARS, type NoteFormValues } from '../render/slack/note-modal.ts';
import { decodeSlackEntities, slackTextToPlain } from './text.ts';

/** A message as conversations.replies (or a shortcut) gives it. */
export interface ThreadMessage {
  text?: string;
  user?: string;
  bot_id?: string;
}

const TITLE_MAX_CHARS = 100;
const ALIAS_MAX_CHARS = 300;

export interface ThreadDraft {
  values: NoteFormValues;
  /** The body was longer than the form holds and was cut. */
  cut: boolean;
}

/**
 * The first message asks (its words are the title and the first alias); the replies are the body,
 * in order, as Markdown. A message without replies is the body by itself. The related notes are
 * the notes the question is closest to now; the id is made from an English title's words, else from the thread's time.
 */
export function draftFromThread(messages: readonly ThreadMessage[], kb: KnowledgeBase, threadTs: string): ThreadDraft {
  const [first, ...replies] = messages;
  const question = slackTextToPlain(first?.text ?? '');
  const bodyParts = (replies.length ? replies : messages).map((m) => slackToMarkdown(m.text ?? '')).filter(Boolean);
  const fullBody = bodyParts.join('\n\n');
  const body = cutCodePoints(fullBody, NOTE_INPUT_MAX_CHARS);
  const title = cutCodePoints(question, TITLE_MAX_CHARS);
  const related = question ? kb.ask(question, { limit: 3 }).matches.map((m) => m.entry.id) : [];
  return {
    values: {
      id: (/[^\x20-\x7e]/.test(question) ? '' : idFrom(question)) || `note-${threadTs.replace(/\D/g, '').slice(0, 10)}`,
      title,
      title_en: /[^\x20-\x7e]/.test(title) ? '' : title,
      aliases: question ? cutCodePoints(question, ALIAS_MAX_CHARS) : '',
      tags: '',
      related: related.join(', '),
      body,
    },
    cut: body !== fullBody,
  };
}

/** An empty form, for Write a note. */
export const EMPTY_NOTE_FORM: NoteFormValues = {
  id: '',
  title: '',
  title_en: '',
  aliases: '',
  tags: '',
  related: '',
  body: '',
};

/** A saved note back in the form, for Edit. */
export function formValuesOf(note: NoteContent): NoteFormValues {
  return {
    id: note.id,
    title: note.title,
    title_en: note.titleEn === note.title ? '' : note.titleEn,
    aliases: note.aliases.join('\n'),
    tags: note.tags.join(', '),
    related: note.related.join(', '),
    body: note.body,
  };
}

/** The form as a note: aliases one per line, tags and related separated by commas (or lines). Inputs come as typed. */
export function noteFromForm(values: Partial<Record<keyof NoteFormValues, string | null | undefined>>): NoteContent {
  const text = (value: string | null | undefined) => (value ?? '').trim();
  const list = (value: string | null | undefined, separator: RegExp) =>
    text(value)
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  const title = text(values.title);
  return {
    id: text(values.id),
    title,
    titleEn: text(values.title_en) || title,
    aliases: list(values.aliases, /\r?\n/),
    tags: list(values.tags, /[,\n]/),
    related: list(values.related, /[,\s]+/),
    body: text(values.body),
  };
}

/**
 * Slack message markup as the notes' Markdown: *bold* → **bold**, ~strike~ → ~~strike~~, links as
 * [label](url), mentions as plain @ids and #names, Slack's escapes undone. Code is left as it is.
 */
export function slackToMarkdown(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? decodeSlackEntities(part) : markupToMarkdown(part)))
    .join('')
    .trim();
}

function markupToMarkdown(text: string): string {
  return decodeSlackEntities(
    text
      .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name || id}`)
      .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name || '@team')
      .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<((?:https?|mailto):[^>|]+)\|([^>]*)>/g, '[$2]($1)')
      .replace(/<((?:https?|mailto):[^>|]+)>/g, '$1')
      .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,!?:;])/gm, '$1**$2**')
      .replace(/(^|[\s(])~(?=\S)([^~\n]*?\S)~(?=$|[\s).,!?:;])/gm, '$1~~$2~~'),
  ).replace(/^•\s+/gm, '- ');
}

/** A note id from the English words of a title: "How do I prune the build cache?" → how-do-i-prune-the-build-cache. */
function idFrom(title: string): string {
  const words = title.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > 48) break;
    id = next;
  }
  return id;
}

function cutCodePoints(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
