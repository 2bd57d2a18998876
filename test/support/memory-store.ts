/**
 * The parts of the Store that feedback, gaps and the digest use, in memory, for listener tests:
 * one vote per user per answer, gaps counted by questionKey, claims. `failWith` makes every call
 * fail as a store that is down does; `hang` makes them never answer. The real adapters are tested
 * in test/integration/store-contract.test.ts.
 */
import { StoreError } from '../../src/store/errors.ts';
import { questionKey, recordedQuestion } from '../../src/store/text.ts';
import type { AnswerFeedback, GapInput, GapSummary, Store } from '../../src/store/types.ts';

export function memoryStore() {
  const votes = new Map<string, AnswerFeedback>();
  const gaps: Array<GapInput & { key: string; at: number }> = [];
  const claims = new Set<string>();
  let failure: StoreError | undefined;
  let hanging = false;
  const call = async <T>(work: () => T): Promise<T> => {
    if (hanging) return new Promise<T>(() => {});
    if (failure) throw failure;
    return work();
  };
  const store = {
    kind: 'sqlite' as const,
    location: '/memory/bot.db',
    open: () => call(() => undefined),
    feedback: {
      record: (vote) =>
        call(() => {
          const key = `${vote.answerId} ${vote.userId}`;
          const before = votes.get(key);
          const now = new Date();
          votes.set(key, {
            answerId: vote.answerId,
            userId: vote.userId,
            vote: vote.vote,
            missing: vote.vote === 'up' ? null : (vote.missing ?? before?.missing ?? null),
            noteId: vote.noteId ?? before?.noteId ?? null,
            question: vote.question ?? before?.question ?? null,
            channelId: vote.channelId ?? before?.channelId ?? null,
            firstVotedAt: before?.firstVotedAt ?? now,
            votedAt: now,
          });
        }),
      forAnswer: (answerId) => call(() => [...votes.values()].filter((v) => v.answerId === answerId)),
      list: () => call(() => [...votes.values()]),
    },
    gaps: {
      record: (gap) =>
        call(() => {
          gaps.push({
            ...gap,
            question: recordedQuestion(gap.question),
            key: questionKey(gap.question),
            at: Date.now(),
          });
        }),
      top: ({ since, limit = 20 }) =>
        call(() => {
          const byKey = new Map<string, GapSummary>();
          for (const g of gaps.filter((g) => g.at >= since.getTime())) {
            const summary = byKey.get(g.key) ?? {
              questionKey: g.key,
              question: g.question,
              lang: g.lang,
              closest: g.closest,
              count: 0,
              outcomes: { 'not-answered': 0, partial: 0, 'voted-down': 0 },
              firstAskedAt: new Date(g.at),
              lastAskedAt: new Date(g.at),
            };
            summary.count += 1;
            summary.outcomes[g.outcome] += 1;
            summary.question = g.question;
            summary.lastAskedAt = new Date(g.at);
            byKey.set(g.key, summary);
          }
          return [...byKey.values()].sort((a, b) => b.count - a.count).slice(0, limit);
        }),
    },
    eventClaims: {
      claim: (id) =>
        call(() => {
          if (claims.has(id)) return false;
          claims.add(id);
          return true;
        }),
    },
  } satisfies Pick<Store, 'kind' | 'location' | 'open' | 'feedback' | 'gaps' | 'eventClaims'>;
  return {
    store: store as unknown as Store,
    votes: () => [...votes.values()],
    gaps: () => [...gaps],
    failWith(error: StoreError | undefined) {
      failure = error;
    },
    hang() {
      hanging = true;
    },
  };
}

export const STORE_DOWN = new StoreError('unreachable', 'PostgreSQL at postgres://db:5432/bot cannot be reached.');
