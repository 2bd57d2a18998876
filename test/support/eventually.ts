/**
 * Waits for something another process or socket does: polls `check` until it returns a truthy value
 * and resolves with that value, or fails after `timeoutMs` naming what it waited for. A check may
 * throw to give up at once (a daemon that exited will not come up later).
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  {
    timeoutMs = 5000,
    intervalMs = 20,
    what = 'the condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, undefined | null | false | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
