/**
 * What the Slack face keeps about its answers: the questions the notes could not answer (gaps) and
 * the 👍 / 👎 votes. Everything goes through the best-effort recorder, handed over and never waited
 * for, so a store that is down or slow never holds up or breaks an answer.
 */
import type { Lang } from '../i18n/index.ts';
import type { Answer } from '../knowledge/types.ts';
import type { AnswerVote, NoteScore, Store, Vote } from '../store/types.ts';
import type { SlackDeps } from './deps.ts';
import type { AskedQuestion } from './post-answer.ts';

/** How long a read on a Slack request's path (App Home, a vote's previous value) waits for the store. */
export const STORE_READ_TIMEOUT_MS = 1000;
const CLOSEST_KEPT = 5;

/** The notes closest to a question, best first, as a gap keeps them. */
export function closestNotes(answer: Answer): NoteScore[] {
  return answer.matches.slice(0, CLOSEST_KEPT).map((m) => ({ noteId: m.entry.id, score: m.score }));
}

/**
 * Records `asked` as a gap when the notes did not answer it or only partly. Greetings and thanks
 * ask nothing, and an answered question is no gap.
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
    const votes = await withTimeout(store.feedback.forAnswer(vote.answerId), STORE_READ_TIMEOUT_MS);
    return votes.find((v) => v.userId === vote.userId)?.vote;
  } catch {
    return undefined;
  }
}

/** A store read `work`, or a rejection once `ms` have passed; the timer never keeps the process alive. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store took over ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** How often, at most, one kind of store warning on a request's path is logged. */
export const STORE_WARNING_EVERY_MS = 60_000;

/**
 * Counts one occurrence of `key`; `log` is called with how many there were since the last line of
 * that key (this one included) unless a line of it was written within the throttle's interval.
 */
export type LogThrottle = (key: string, log: (count: number) => void) => void;

/**
 * A store that is down fails every request that reads or writes it; with this, each kind of failure
 * is one line a minute (`everyMs`) saying how many there were, not one line per request.
 */
export function createLogThrottle({
  everyMs = STORE_WARNING_EVERY_MS,
  now = Date.now,
}: {
  everyMs?: number;
  now?: () => number;
} = {}): LogThrottle {
  const seen = new Map<string, { count: number; loggedAt?: number }>();
  return (key, log) => {
    const entry = seen.get(key) ?? { count: 0 };
    entry.count += 1;
    seen.set(key, entry);
    if (entry.loggedAt !== undefined && now() - entry.loggedAt < everyMs) return;
    log(entry.count);
    seen.set(key, { count: 0, loggedAt: now() });
  };
}
