/**
 * What every Slack renderer shares: the message shape, Slack's documented limits, and the two
 * text helpers that keep a message valid (truncate) and harmless (escapeSlackText). Pure: it
 * depends only on Slack's type definitions (@slack/types), nothing of Bolt.
 */
import type { KnownBlock } from '@slack/types';

export type { KnownBlock };

/** A message as chat.postMessage, response_url and slash-command acks take it. */
export interface SlackMessage {
  /**
   * Notification and fallback text; Slack shows it where blocks cannot be shown. Slack reads it
   * as mrkdwn, so anything not written by the bot itself must go in through escapeSlackText.
   */
  text: string;
  blocks: KnownBlock[];
}

/** Slack's documented limits that the renderers keep. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  actionValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  modalTitle: 24,
} as const;

/**
 * Escapes the three characters Slack reserves for its markup. Without it, text a user typed (or a
 * container name, a note) could ping (<!channel>, <!here>, <@U…>), link (<https://…|…>) or
 * name a channel (<#C…>) when the bot posts it.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Escapes `text` and cuts the result to `max` characters without splitting an escape
 * (a cut "&am…" would show as garbage).
 */
export function escapeAndTruncate(text: string, max: number): string {
  const escaped = escapeSlackText(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of text) {
    const piece = escapeSlackText(char);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** A mention of a Slack user (U… or W… id); anything else is shown as escaped text, never as markup. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeSlackText(userId);
}
