/**
 * Requests as Slack sends them: form-encoded slash commands, `payload=` interactions and JSON
 * Events API bodies, signed with the signing secret (v0 HMAC-SHA256 over "v0:<ts>:<body>").
 */
import { createHmac } from 'node:crypto';
import { TEAM_ID } from './slack-standin.ts';

export interface SignedResponse {
  status: number;
  text: string;
  /** Milliseconds from sending to the full response: the ack time Slack would measure. */
  ms: number;
}

export interface SignOptions {
  /** Seconds to shift the timestamp by (negative = stale). */
  skewSec?: number;
  /** Sign with this secret instead (a wrong one makes a bad signature). */
  secret?: string;
  /** Extra headers, e.g. Slack's x-slack-retry-num / x-slack-retry-reason. */
  headers?: Record<string, string>;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  secret: string,
  options: SignOptions = {},
): Promise<SignedResponse> {
  const ts = Math.floor(Date.now() / 1000) + (options.skewSec ?? 0);
  const signature = `v0=${createHmac('sha256', options.secret ?? secret)
    .update(`v0:${ts}:${body}`)
    .digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

export interface SlashCommandInput {
  command: string;
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  teamId?: string;
}

export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: input.teamId ?? TEAM_ID,
    team_domain: 'test',
    channel_id: input.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: input.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: input.command,
    text: input.text,
    api_app_id: 'A0TEST',
    response_url: input.responseUrl,
    trigger_id: 'trigger-1',
  }).toString();
}

/** A slash command as Slack's HTTP delivery sends it: form-encoded and signed, to `<baseUrl>/slack/events`. */
export function postSlashCommand(baseUrl: string, secret: string, input: SlashCommandInput): Promise<SignedResponse> {
  return postSigned(`${baseUrl}/slack/events`, slashCommandBody(input), 'application/x-www-form-urlencoded', secret);
}

/** The parsed form of a slash command, as Socket Mode delivers it. */
export function slashCommandPayload(input: SlashCommandInput): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(slashCommandBody(input)));
}

export function interactionBody(payload: object): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface ButtonClickInput {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  isEphemeral?: boolean;
  /** Set for clicks in the App Home (no channel, no message). */
  inHome?: boolean;
}

export function buttonClickPayload(input: ButtonClickInput): Record<string, unknown> {
  const channelId = input.channelId ?? 'C0GENERAL';
  const messageTs = input.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: TEAM_ID },
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    container: input.inHome
      ? { type: 'view', view_id: 'V0HOME' }
      : { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: input.isEphemeral ?? false },
    trigger_id: 'trigger-2',
    team: { id: TEAM_ID, domain: 'test' },
    ...(input.inHome
      ? { view: { id: 'V0HOME', type: 'home' } }
      : { channel: { id: channelId, name: 'general' }, message: { type: 'message', ts: messageTs, text: '' } }),
    response_url: input.responseUrl,
    actions: [
      {
        action_id: input.actionId,
        block_id: 'b1',
        value: input.value,
        type: 'button',
        action_ts: '1700000001.000000',
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  };
}

export interface MessageShortcutInput {
  text: string;
  ts: string;
  threadTs?: string;
  responseUrl: string;
  channelId?: string;
  userId?: string;
  /** Default explain_in_thread. */
  callbackId?: string;
  replyCount?: number;
}

export function messageShortcutPayload(input: MessageShortcutInput): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: input.callbackId ?? 'explain_in_thread',
    trigger_id: 'trigger-3',
    message_ts: input.ts,
    response_url: input.responseUrl,
    message: {
      type: 'message',
      user: 'U0BOB',
      ts: input.ts,
      text: input.text,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...(input.replyCount ? { reply_count: input.replyCount } : {}),
    },
    user: { id: input.userId ?? 'U0ALICE', name: 'alice', team_id: TEAM_ID },
    channel: { id: input.channelId ?? 'C0GENERAL', name: 'general' },
    team: { id: TEAM_ID, domain: 'test' },
    token: 'legacy-verification-token',
    action_ts: '1700000002.000000',
  };
}

let eventCounter = 0;
/**
 * Event ids are unique across test files and runs, as Slack's are: bots started by different suites
 * may share a store (the default SQLite file), where a repeated id would be skipped as handled.
 */
const EVENT_ID_PREFIX = `Ev${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0TEST',
    event,
    type: 'event_callback',
    event_id: `${EVENT_ID_PREFIX}${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}
