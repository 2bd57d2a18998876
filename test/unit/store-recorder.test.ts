import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.ts';
import { createBestEffortRecorder, type DropReason, type RecordKind } from '../../src/store/recorder.ts';
import type { AnswerVote, GapInput } from '../../src/store/types.ts';

const gap = (question: string): GapInput => ({ question, lang: 'en', outcome: 'not-answered', closest: [] });
const down = new StoreError('unreachable', 'Could not record a gap: PostgreSQL at postgres://db cannot be reached.');

/** A store whose writes succeed or fail as the test says, and which remembers what was written. */
function fakeStore() {
  const written: string[] = [];
  let failure: StoreError | undefined;
  const write = async (what: string) => {
    if (failure) throw failure;
    written.push(what);
  };
  return {
    written,
    failWith(error: StoreError | undefined) {
      failure = error;
    },
    feedback: {
      record: (vote: AnswerVote) => write(`vote:${vote.answerId}:${vote.vote}`),
      forAnswer: async () => [],
      list: async () => [],
    },
    gaps: { record: (g: GapInput) => write(`gap:${g.question}`), top: async () => [] },
  };
}

describe('BestEffortRecorder', () => {
  it('returns at once and writes in the order records were handed over', async () => {
    const store = fakeStore();
    const recorder = createBestEffortRecorder(store);
    recorder.recordGap(gap('first'));
    recorder.recordFeedback({ answerId: 'a', userId: 'U1', vote: 'down' });
    recorder.recordFeedback({ answerId: 'a', userId: 'U1', vote: 'up' });
    expect(await recorder.drain()).toBe(true);
    expect(store.written).toEqual(['gap:first', 'vote:a:down', 'vote:a:up']);
    expect(recorder.stats()).toMatchObject({ queued: 0, written: { gap: 1, feedback: 2 }, failing: false });
  });

  it('keeps records while the store fails, says so once, and writes them when it is back', async () => {
    const store = fakeStore();
    const failures: StoreError[] = [];
    const recorder = createBestEffortRecorder(store, {
      firstRetryMs: 5,
      maxRetryMs: 10,
      onFailing: (e) => failures.push(e),
    });
    store.failWith(down);
    recorder.recordGap(gap('one'));
    recorder.recordGap(gap('two'));
    expect(await recorder.drain(100)).toBe(false);
    expect(recorder.stats()).toMatchObject({
      queued: 2,
      failing: true,
      lastError: { failure: 'unreachable', message: down.message },
    });
    expect(failures).toEqual([down]);

    store.failWith(undefined);
    expect(await recorder.drain()).toBe(true);
    expect(store.written).toEqual(['gap:one', 'gap:two']);
    expect(recorder.stats().failing).toBe(false);
  });

  it('counts every record it gives up, by kind and reason, and tells onDrop', async () => {
    const store = fakeStore();
    let clock = 0;
    const drops: [RecordKind, DropReason, StoreError | undefined][] = [];
    const recorder = createBestEffortRecorder(store, {
      maxQueued: 2,
      maxAgeMs: 1000,
      firstRetryMs: 5,
      maxRetryMs: 5,
      now: () => clock,
      onDrop: (kind, reason, error) => drops.push([kind, reason, error]),
    });
    store.failWith(down);
    recorder.recordGap(gap('oldest'));
    recorder.recordGap(gap('pushed out'));
    recorder.recordFeedback({ answerId: 'a', userId: 'U1', vote: 'up' });
    expect(drops).toEqual([['gap', 'queue-full', undefined]]);

    clock += 1001;
    store.failWith(undefined);
    expect(await recorder.drain()).toBe(true);
    expect(store.written).toEqual([]);
    expect(drops.slice(1)).toEqual([
      ['gap', 'expired', down],
      ['feedback', 'expired', down],
    ]);

    store.failWith(new StoreError('rejected', 'A vote is "up" or "down".'));
    recorder.recordFeedback({ answerId: 'b', userId: 'U1', vote: 'up' });
    expect(await recorder.drain()).toBe(true);
    expect(drops.at(-1)?.slice(0, 2)).toEqual(['feedback', 'rejected']);

    store.failWith(down);
    recorder.recordGap(gap('at shutdown'));
    recorder.close();
    recorder.recordGap(gap('after close'));
    // The write under way at close() still ends, and is dropped when it fails.
    expect(await recorder.drain()).toBe(true);
    expect(recorder.stats().dropped).toEqual({
      gap: { 'queue-full': 1, expired: 1, rejected: 0, closed: 2 },
      feedback: { 'queue-full': 0, expired: 1, rejected: 1, closed: 0 },
    });
  });

  it('does not hold a record the store refused back from the ones behind it', async () => {
    const store = fakeStore();
    const recorder = createBestEffortRecorder(store);
    const original = store.gaps.record;
    store.gaps.record = async (g) => {
      if (g.question === 'bad') throw new StoreError('rejected', 'A gap needs a question.');
      return original(g);
    };
    recorder.recordGap(gap('bad'));
    recorder.recordGap(gap('good'));
    expect(await recorder.drain()).toBe(true);
    expect(store.written).toEqual(['gap:good']);
  });
});
