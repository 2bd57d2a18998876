/**
 * One way to bound a wait, for every layer: a store read on a request's path, the first read of the
 * saved notes, the start-up deadline, the CLI closing its store, a Docker read's deadline, a shutdown
 * waiting for requests in flight. Face-neutral: it knows nothing of what is waited for, each caller
 * says what a late answer becomes.
 */

export interface TimeoutOptions {
  /**
   * Keep the process alive while the timer runs (default: unref'd). For a wait the process must see
   * to its end even when nothing else is pending, e.g. a one-shot command's top-level await.
   */
  keepAlive?: boolean;
}

/**
 * `work`, or what `late()` gives once `ms` have passed: its value, or a rejection when it throws
 * (`() => { throw new StoreError(…) }`). The timer is cleared as soon as either settles, so it holds
 * nothing open past the wait.
 */
export function withTimeout<T, L = never>(
  work: Promise<T>,
  ms: number,
  late: () => L,
  { keepAlive = false }: TimeoutOptions = {},
): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    if (!keepAlive) timer.unref();
  });
  return Promise.race([work, elapsed.then(late)]).finally(() => clearTimeout(timer));
}
