import { UserError } from '../errors.ts';

/** What kind of trouble the store is in; decides what the message advises and whether to retry. */
export type StoreFailure =
  | 'disk-full'
  | 'read-only'
  | 'locked'
  | 'unreachable'
  | 'denied'
  | 'corrupt'
  | 'timeout'
  | 'schema'
  | 'driver'
  | 'rejected'
  | 'unknown';

/**
 * A store operation that failed, told for whoever runs the bot: what went wrong and what to do.
 * `retryable` is false only when the record itself was refused ('rejected'): trying it again cannot
 * help, while every other failure is the store's and may pass (space freed, server back, lock released).
 */
export class StoreError extends UserError {
  readonly retryable: boolean;

  constructor(
    readonly failure: StoreFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = failure !== 'rejected';
  }
}

/** The code a driver or Node put on an error (SQLITE_FULL, ECONNREFUSED, 53100 …), if any. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The error's own message, on one line and short, for the end of a StoreError message. */
export function detail(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
