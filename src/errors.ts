/**
 * The two errors written for people, in one place: a UserError for whoever asked (faces show its
 * message as is), a ConfigError for whoever runs the bot (start-up stops with its one line).
 * Anything else is logged and replaced by a generic sentence (userMessage), so no stack trace ever
 * reaches a user.
 */
import type { Logger } from './logger.ts';

/** What went wrong for the person who asked, and what to do. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** A setting that is missing or malformed; the message names the variable and what to do, never its value if secret. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function userMessage(
  err: unknown,
  fallback = 'Something went wrong. Try again, and tell the bot owner if it keeps happening.',
): string {
  return err instanceof UserError ? err.message : fallback;
}

/**
 * An unexpected error's details (its stack says where it broke) go to the log, while the person
 * asking sees only userMessage(). UserErrors are expected: not logged.
 */
export function logUnexpected(err: unknown, logger: Pick<Logger, 'error'>): void {
  if (err instanceof UserError) return;
  logger.error(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
