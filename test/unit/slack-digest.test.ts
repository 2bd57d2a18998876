/** The weekly digest of unanswered questions: one replica posts it, once a week, through the store's claim. */
import { describe, expect, it, vi } from 'vitest';
import { startGapsDigest, weekOf } from '../../src/slack/digest/index.ts';
import { recordingLogger } from '../support/logger.ts';
import { memoryStore, STORE_DOWN } from '../support/memory-store.ts';

const MONDAY = Date.parse('2026-11-30T00:00:00Z');
const DAY = 86_400_000;

async function withGap() {
  const memory = memoryStore();
  await memory.store.gaps.record({ question: 'how to cook rice', lang: 'en', outcome: 'not-answered', closest: [] });
  return memory;
}

function digest(memory: ReturnType<typeof memoryStore>, now: () => number) {
  const post = vi.fn(async (_message: { text: string }) => {});
  const logger = recordingLogger();
  // everyMs long enough that only the calls made here run.
  const started = startGapsDigest({
    store: memory.store,
    channel: 'C0DOCS',
    lang: 'en',
    post,
    logger,
    now,
    everyMs: 1e9,
  });
  return { started, post, logger };
}

describe('weekly gaps digest', () => {
  it('names weeks by their Monday (UTC)', () => {
    expect(weekOf(MONDAY)).toBe('2026-11-30');
    expect(weekOf(MONDAY + 6 * DAY + DAY - 1)).toBe('2026-11-30');
    expect(weekOf(MONDAY - 1)).toBe('2026-11-23');
    expect(weekOf(0)).toBe('1969-12-29');
  });

  it('two replicas sharing a store post once a week, and again the next week', async () => {
    const memory = await withGap();
    let t = MONDAY + 3 * DAY;
    const a = digest(memory, () => t);
    const b = digest(memory, () => t);
    const results = [await a.started.runOnce(), await b.started.runOnce()];
    // Each checks at start too: the first of those four checks claimed the week.
    expect(results).toEqual(['already posted', 'already posted']);
    await vi.waitFor(() => expect(a.post.mock.calls.length + b.post.mock.calls.length).toBe(1));
    const posted = (a.post.mock.calls[0] ?? b.post.mock.calls[0])![0];
    expect(posted.text).toContain('how to cook rice');
    t += 5 * DAY;
    expect(await a.started.runOnce()).toBe('posted');
    expect(await b.started.runOnce()).toBe('already posted');
    a.started.stop();
    b.started.stop();
  });

  it('posts nothing for a week without gaps; a store that is down claims nothing and says so', async () => {
    const empty = memoryStore();
    const quiet = digest(empty, () => MONDAY);
    await vi.waitFor(() => expect(quiet.logger.lines.join('\n')).toContain('nothing posted'));
    expect(quiet.post).not.toHaveBeenCalled();
    quiet.started.stop();

    const down = await withGap();
    down.failWith(STORE_DOWN);
    const failing = digest(down, () => MONDAY);
    expect(await failing.started.runOnce()).toBe('failed');
    expect(failing.logger.lines.join('\n')).toContain(STORE_DOWN.message);
    down.failWith(undefined);
    expect(await failing.started.runOnce()).toBe('posted');
    failing.started.stop();
  });
});
