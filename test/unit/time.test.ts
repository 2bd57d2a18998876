import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogThrottle } from '../../src/time/log-throttle.ts';
import { withTimeout } from '../../src/time/timeout.ts';

const never = new Promise<never>(() => {});

/** Watches setTimeout and clearTimeout: the timer set for `ms`, and whether it was cleared. */
function watchTimers() {
  const set = vi.spyOn(globalThis, 'setTimeout');
  const clear = vi.spyOn(globalThis, 'clearTimeout');
  return {
    setFor(ms: number): NodeJS.Timeout {
      const call = set.mock.calls.findIndex(([, after]) => after === ms);
      return set.mock.results[call]!.value as NodeJS.Timeout;
    },
    cleared: (timer: NodeJS.Timeout) => clear.mock.calls.some(([cleared]) => cleared === timer),
  };
}

describe('withTimeout', () => {
  afterEach(() => vi.restoreAllMocks());

  it('settles as the work does when it is in time, rejections included', async () => {
    await expect(withTimeout(Promise.resolve('read'), 1000, () => 'late')).resolves.toBe('read');
    await expect(withTimeout(Promise.reject(new Error('broken')), 1000, () => 'late')).rejects.toThrow('broken');
  });

  it('gives what late() returns, or rejects with what it throws, once the time is up', async () => {
    await expect(withTimeout(never, 10, () => 'late' as const)).resolves.toBe('late');
    const slow = withTimeout(never, 10, () => {
      throw new Error('the store took over 10 ms');
    });
    await expect(slow).rejects.toThrow('the store took over 10 ms');
  });

  it('does not call late() when the work is in time', async () => {
    const late = vi.fn(() => 'late');
    await withTimeout(Promise.resolve('read'), 10, late);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(late).not.toHaveBeenCalled();
  });

  it('unrefs its timer, so a wait never keeps the process alive, and clears it once the work settles', async () => {
    const timers = watchTimers();
    const read = withTimeout(Promise.resolve('read'), 60_001, () => 'late');
    const broken = withTimeout(Promise.reject(new Error('broken')), 60_002, () => 'late');
    expect(timers.setFor(60_001).hasRef()).toBe(false);
    await read;
    await broken.catch(() => {});
    expect(timers.cleared(timers.setFor(60_001))).toBe(true);
    expect(timers.cleared(timers.setFor(60_002))).toBe(true);
  });

  it('with keepAlive, holds the process open until either settles, then clears its timer', async () => {
    const timers = watchTimers();
    let finish!: (value: string) => void;
    const wait = withTimeout(new Promise<string>((resolve) => (finish = resolve)), 60_003, () => 'late', {
      keepAlive: true,
    });
    expect(timers.setFor(60_003).hasRef()).toBe(true);
    finish('read');
    expect(await wait).toBe('read');
    expect(timers.cleared(timers.setFor(60_003))).toBe(true);
  });
});

describe('createLogThrottle', () => {
  it('logs the first line of a kind at once, then at most one a minute saying how many it stands for', () => {
    let clock = 0;
    const throttle = createLogThrottle({ now: () => clock });
    const lines: string[] = [];
    const warn = (kind: string) => throttle(kind, (count) => lines.push(`${kind} ×${count}`));
    warn('dropped');
    warn('dropped');
    warn('not looked up');
    clock = 59_999;
    warn('dropped');
    clock = 60_000;
    warn('dropped');
    warn('not looked up');
    expect(lines).toEqual(['dropped ×1', 'not looked up ×1', 'dropped ×3', 'not looked up ×1']);
  });
});
