/**
 * What every Slack renderer shares: the message shape, Slack's documented limits, the text helpers
 * that keep a message harmless (escapeSlackText), and the Block Kit pieces cut to those limits
 * whatever goes in. Pure: it depends only on Slack's type definitions (@slack/types), nothing of Bolt.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import { truncate } from '../format.ts';
import type { ButtonRoute } from './routes.ts';

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
  privateMetadata: 3000,
} as const;

/**
 * Escapes the three characters Slack reserves for its markup. Without it, text a user typed (or a
 * container name, a note) could ping (<!channel>, <!here>, <@U…>), link (<https://…|…>) or
 * name a channel (<#C…>) when the bot posts it.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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

/** Inline code; a backtick inside would end the span, so it becomes a quote. */
export function code(text: string): string {
  return `\`${escapeSlackText(text.replace(/`/g, "'"))}\``;
}

export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) };
}

/** A section of mrkdwn the caller has made safe (escaped what it did not write). */
export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/**
 * The blocks with every mrkdwn text object marked verbatim: Slack then links only the markup the
 * bot wrote (already escaped where foreign), never a bare URL, #channel or @name found in text the
 * bot repeats (a question, a container's name or command).
 */
export function verbatim(blocks: readonly KnownBlock[]): KnownBlock[] {
  const mark = <T extends { type: string }>(text: T): T =>
    text.type === 'mrkdwn' ? { ...text, verbatim: true } : text;
  return blocks.map((block) => {
    if (block.type === 'section') {
      return {
        ...block,
        ...(block.text ? { text: mark(block.text) } : {}),
        ...(block.fields ? { fields: block.fields.map(mark) } : {}),
      };
    }
    if (block.type === 'context') return { ...block, elements: block.elements.map(mark) };
    return block;
  });
}

/** Small grey lines under or above a message; context elements share the section text limit. */
export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, SLACK_LIMITS.contextElements).map(mrkdwn) };
}

/** A header: plain text. `emoji` turns :name: into emoji, which the caller may not want for names it did not write. */
export function header(text: string, { emoji = true }: { emoji?: boolean } = {}): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji } };
}

/** A button whose click goes where `route` says (the Slack face's routing contract). */
export function button(text: string, route: ButtonRoute, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: route.actionId,
    value: route.value,
    ...(style ? { style } : {}),
  };
}

export function actions(buttons: Button[]): ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, SLACK_LIMITS.actionsElements) };
}
