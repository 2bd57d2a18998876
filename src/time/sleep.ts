/** Resolves after `ms`: the one pause between tries, for every layer (Slack pacing, the recorder's drain, opening SQLite). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
