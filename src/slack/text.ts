/**
 * Text as Slack delivers it. Message text (mentions, DMs, shortcuts) and slash-command text come
 * with &, < and > as entities and with Slack's own markup (<@U…>, <#C…|name>, <url|label>);
 * a modal's plain_text_input value comes as typed.
 */

/** Where text came from: Slack-encoded message or command text, or a modal's input as typed. */
export type SlackTextSource = 'message' | 'input';

/**
 * The question a user asked, decoded once, for every entry point (slash command, mention, DM,
 * shortcut, modal): Slack markup and entities undone, whitespace collapsed. The result is plain
 * text; anything that shows it in Slack again must escape it (the renderers do).
 */
export function questionFromSlack(text: string | undefined, source: SlackTextSource = 'message'): string {
  const raw = text ?? '';
  return (source === 'message' ? slackTextToPlain(raw) : raw).replace(/\s+/g, ' ').trim();
}

/**
 * Slack message text as plain words: mentions of users, groups and channels-wide pings dropped,
 * channel links as #name, links reduced to their label, Slack's escapes undone.
 */
export function slackTextToPlain(text: string): string {
  return decodeSlackEntities(
    text
      .replace(/<[@!][^>]*>/g, ' ')
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
      .replace(/<([^>]+)>/g, '$1'),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undoes the three escapes Slack applies to text it delivers (&amp; last, so "&amp;lt;" stays "&lt;"). */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
