/**
 * Checks that text a user typed cannot turn into Slack markup when the bot repeats it: no ping
 * (<!channel>, <!here>), mention (<@U…>), channel link (<#C…>) or link (<https://…>) in any
 * mrkdwn. Used on builder output (unit) and on what the bot really sent (e2e).
 */
import { expect } from 'vitest';

/**
 * What a user may type to try it, as plain text (after Slack's escapes are undone). `&amp;` checks
 * that nothing is decoded twice: it must come back as the literal five characters.
 */
export const HOSTILE_TEXT = '<!channel> <!here> <@U123> <#C1> <https://evil.example|x> &amp;';

/** Every string Slack reads as mrkdwn in `value`: `text` fields, except plain_text objects (Slack parses no markup there). */
export function mrkdwnStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'text' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => mrkdwnStrings(v));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.type === 'plain_text') return [];
  return Object.entries(record).flatMap(([k, v]) => mrkdwnStrings(v, k));
}

/**
 * Fails if any mrkdwn in `value` holds live markup other than a mention of one of `allowedUsers`
 * (the bot's own attribution). Links the notes themselves make are allowed unless they go to the
 * hostile host.
 */
export function expectNoInjectedMarkup(value: unknown, allowedUsers: readonly string[] = []): void {
  const strings = mrkdwnStrings(value);
  expect(strings.length).toBeGreaterThan(0);
  for (const text of strings) {
    expect(text).not.toMatch(/<!|<#/);
    expect(text).not.toMatch(/<https?:\/\/evil/);
    for (const mention of text.matchAll(/<@([^>|]*)/g)) expect(allowedUsers).toContain(mention[1]);
  }
}
