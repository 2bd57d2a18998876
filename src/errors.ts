/**
 * An error written for the person who asked: what went wrong and what to do.
 * Faces (Slack, shell, CLI) show `message` as is; anything else is logged and
 * replaced by a generic sentence, so no stack trace ever reaches a user.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export function userMessage(
  err: unknown,
  fallback = 'Something went wrong. Try again, and tell the bot owner if it keeps happening.',
): string {
  return err instanceof UserError ? err.message : fallback;
}

/**
 * The offline faces' log is stderr: an unexpected error's details go there for whoever runs
 * the bot, while the person asking sees only userMessage(). UserErrors are expected: not logged.
 */
export function logUnexpected(
  err: unknown,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  if (err instanceof UserError) return;
  write(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
