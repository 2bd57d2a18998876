/**
 * The Slack face's routing contract: the ids its buttons, form and modal carry, and what a button's
 * value holds. The builders draw buttons through ROUTES (render/ declares AnswerRoutes, this
 * implements it); the listeners route clicks and submissions by the same ids.
 */
import type { Lang } from '../i18n/index.ts';
import { SLACK_LIMITS } from '../render/slack/blocks.ts';
import type { AnswerRoutes, DockerRef, DockerRoutes, EntryRef } from '../render/slack/routes.ts';

/** action_id prefixes; buttons of one block get `:<n>` suffixes, as ids must be unique per block. */
export const ACTION_IDS = {
  share: 'share_answer',
  otherMatches: 'other_matches',
  showEntry: 'show_entry',
  explainDocker: 'explain_docker',
  shareDocker: 'share_docker',
  homeReadTopic: 'home_read_topic',
  homeAsk: 'home_ask',
} as const;

export const VIEW_CALLBACK_IDS = { askModal: 'ask_modal' } as const;
export const ASK_INPUT = { blockId: 'question', actionId: 'question_text' } as const;

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
  ask: (lang: Lang) => ({ actionId: `${ACTION_IDS.homeAsk}:0`, value: lang }),
  shareDocker: (ref: DockerRef) => {
    const value = encodeDockerRef(ref);
    return value === undefined ? undefined : { actionId: `${ACTION_IDS.shareDocker}:0`, value };
  },
  askForm: { callbackId: VIEW_CALLBACK_IDS.askModal, blockId: ASK_INPUT.blockId, actionId: ASK_INPUT.actionId },
};
