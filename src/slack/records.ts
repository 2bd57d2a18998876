/**
 * What the Slack face keeps about its answers: the questions the notes could not answer (gaps) and
 * the 👍 / 👎 votes. Everything goes through the best-effort recorder, handed over and never waited
 * for, so a store that is down or slow never holds up or breaks an answer.
 */
import type { Lang } from '../i18n/index.ts';
import type { Answer } from '../knowledge/types.ts';
import type { AnswerVote, NoteScore, Store, Vote } from '../store/types.ts';
import { withTimeout } from '../time/timeout.ts';
import type { SlackDeps } from './deps.ts';
import type { AskedQuestion } from './post-answer.ts';

/** How long a read on a Slack request's path (App Home, a vote's previous value) waits for the store. */
const STORE_READ_TIMEOUT_MS = 1000;
const CLOSEST_KEPT = 5;

/** The notes closest to a question, best first, as a gap keeps them. */
export function closestNotes(answer: Answer): NoteScore[] {
  return answer.matches.slice(0, CLOSEST_KEPT).map((m) => ({ noteId: m.entry.id, score: m.score }));
}

/**
 * Records `asked` as a gap when the notes did not answer it or only partly. Small talk (greetings,
 * thanks, complaints) asks nothing, and an answered question is no gap.
 */
export function recordGapIfUnanswered(deps: SlackDeps, asked: AskedQuestion | undefined, channelId?: string): void {
  if (!deps.recorder || !asked || asked.answer.chat || asked.answer.outcome === 'answered') return;
  deps.recorder.recordGap({
    question: asked.question,
    lang: asked.lang,
    outcome: asked.answer.outcome === 'partial' ? 'partial' : 'not-answered',
    closest: closestNotes(asked.answer),
    ...(channelId ? { channelId } : {}),
    // When it was asked, not when the record is written: the recorder may hold it while the store is down.
    askedAt: new Date(),
  });
}

/**
 * Records a vote (the store keeps one per user per answer: a second click replaces the first). A
 * 👎 also makes the question a gap, once per user per answer: not again when that user's vote on
 * this answer already was 👎. When the store cannot say in time, the gap is recorded all the same.
 */
export async function recordVote(deps: SlackDeps, vote: AnswerVote, lang: Lang): Promise<void> {
  const { recorder, store } = deps;
  if (!recorder) return;
  const before = vote.vote === 'down' && store ? await previousVote(store, vote) : undefined;
  recorder.recordFeedback(vote);
  if (vote.vote !== 'down' || before === 'down' || !vote.question) return;
  recorder.recordGap({
    question: vote.question,
    lang,
    outcome: 'voted-down',
    closest: closestNotes(deps.kb.ask(vote.question, { limit: CLOSEST_KEPT })),
    ...(vote.channelId ? { channelId: vote.channelId } : {}),
    askedAt: new Date(),
  });
}

async function previousVote(store: Store, vote: AnswerVote): Promise<Vote | undefined> {
  try {
    const votes = await storeReadInTime(store.feedback.forAnswer(vote.answerId));
    return votes.find((v) => v.userId === vote.userId)?.vote;
  } catch {
    return undefined;
  }
}

/** A store read on a Slack request's path, or a rejection once STORE_READ_TIMEOUT_MS have passed. */
export function storeReadInTime<T>(read: Promise<T>): Promise<T> {
  return withTimeout(read, STORE_READ_TIMEOUT_MS, () => {
    throw new Error(`the store took over ${STORE_READ_TIMEOUT_MS} ms`);
  });
}
