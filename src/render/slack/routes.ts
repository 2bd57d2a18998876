import type { Lang } from '../../i18n/index.ts';

/**
 * Where a click goes. The Slack face owns its routing contract (src/slack/interactions.ts: action
 * ids, the button-value codec, the ask form's ids) and hands it to the builders as AnswerRoutes;
 * render/ declares the shape, slack/ implements it, so render/ never imports slack/.
 */
export interface ButtonRoute {
  actionId: string;
  value: string;
}

/** What a button about one note carries: enough to rebuild the answer on any replica. */
export interface EntryRef {
  entryId: string;
  question: string;
  lang: Lang;
}

/** What Share in channel under a private Docker result carries: the command to run again, as typed. */
export interface DockerRef {
  command: 'ps' | 'df';
  args: string;
}

/** Buttons under Docker results. */
export interface DockerRoutes {
  /** Share in channel, under a private result; undefined when the command is too long for a button's value. */
  shareDocker(ref: DockerRef): ButtonRoute | undefined;
}

export interface AnswerRoutes {
  /** Share in channel, under a private answer. */
  share(ref: EntryRef): ButtonRoute;
  /** Ask the channel, under a partial answer: puts the question to the channel. */
  shareQuestion(ref: EntryRef): ButtonRoute;
  /** Other matches for the same question. */
  otherMatches(ref: EntryRef): ButtonRoute;
  /** One topic of a list (did you mean, other matches); `index` keeps ids unique in the block. */
  showEntry(ref: EntryRef, index: number): ButtonRoute;
  /** Explain, under a Docker result. */
  explainDocker(ref: EntryRef): ButtonRoute;
  /** Read, next to a topic in the App Home. */
  readTopic(ref: EntryRef): ButtonRoute;
  /** Ask a question, in the App Home. */
  ask(lang: Lang): ButtonRoute;
  /** The question form: its callback id and the ids of its one input. */
  askForm: { callbackId: string; blockId: string; actionId: string };
  /** 👍 / 👎 under an answer about `ref`: one feedback_buttons element, a value for each vote. */
  feedback(ref: EntryRef): FeedbackRoute;
  /** The optional "what was missing" form 👎 opens: its callback id and the ids of its one input. */
  feedbackForm: { callbackId: string; blockId: string; actionId: string };
  /** Write a note, next to a question the notes could not answer; `index` keeps ids unique in the view. */
  writeNote(ref: EntryRef, index: number): ButtonRoute;
}

/** Where a feedback_buttons element sends its clicks: one action id, the value of each button. */
export interface FeedbackRoute {
  actionId: string;
  up: string;
  down: string;
}
