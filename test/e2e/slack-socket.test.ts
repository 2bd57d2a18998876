import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import type { SocketModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import {
  buttonClickPayload,
  eventEnvelope,
  messageShortcutPayload,
  slashCommandPayload,
} from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const APP_TOKEN = 'xapp-1-e2e-app-token-never-logged';
const BOT_TOKEN = 'xoxb-e2e-socket-bot-token-never-logged';

const slack = new SlackStandIn();
const logger = recordingLogger();
let bot: SlackBot;

beforeAll(async () => {
  await slack.start();
  const kb = fixtureKnowledge();
  const config: SocketModeConfig = {
    mode: 'socket',
    appToken: APP_TOKEN,
    botToken: BOT_TOKEN,
    apiUrl: slack.apiUrl,
    defaultLang: 'ko',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 5, windowMs: 60_000 } },
  };
  const docker = createDockerReader(
    readDockerConfig({ DOCKER_HOST: 'unix:///tmp/docker-notes-bot-e2e-no-such.sock', DOCKER_TIMEOUT_MS: '2000' }),
  );
  bot = createSlackApp({ config, kb, docker, logger });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await slack.stop();
});

describe('Socket Mode', () => {
  it('opens the connection through SLACK_API_URL with the app token, and checks the bot token', () => {
    const open = slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
    expect(slack.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(slack.socketConnections).toBe(1);
    expect(bot.httpPort()).toBeUndefined();
  });

  it("connects with undici's WebSocket, as socket-mode 3 does, and answers the stand-in's pings", async () => {
    // The WHATWG WebSocket of undici upgrades like fetch does; the ws package would send neither header.
    expect(slack.upgrades[0]).toMatchObject({ 'user-agent': 'undici', 'sec-fetch-mode': 'websocket' });
    await slack.pingSockets();
  });

  it('acks a slash_commands envelope with the private answer as its payload', async () => {
    const started = performance.now();
    const ack = await slack.sendEnvelope(
      'slash_commands',
      slashCommandPayload({
        command: '/docker-ask',
        text: '도커 루트 디렉터리',
        responseUrl: slack.responseUrl('s-ask'),
      }),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.payload?.blocks)).toContain('docker-root-dir');
  });

  it('acks an events_api envelope at once and answers the mention in its thread', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const ack = await slack.sendEnvelope(
      'events_api',
      eventEnvelope({
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@UBOT> 컨테이너 삭제 순서?',
        ts: '1700001000.000100',
        channel: 'C0GENERAL',
        event_ts: '1700001000.000100',
      }),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const [post] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    expect(post?.args.thread_ts).toBe('1700001000.000100');
    expect(post?.token).toBe(BOT_TOKEN);
    expect(JSON.stringify(post?.args.blocks)).toContain('deletion-order');
  });

  it('answers an event once when Slack resends it, and answers a retry whose first delivery never arrived', async () => {
    const mentionAt = (ts: string) =>
      eventEnvelope({
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@UBOT> wsl?',
        ts,
        channel: 'C0RETRY',
        event_ts: ts,
      });
    const answersTo = (ts: string) => slack.posted.filter((c) => c.args.thread_ts === ts);
    const first = mentionAt('1700001100.000100');
    await slack.sendEnvelope('events_api', first);
    await slack.sendEnvelope('events_api', first, { attempt: 1, reason: 'timeout' });
    await slack.sendEnvelope('events_api', first, { attempt: 2, reason: 'timeout' });
    await eventually(() => answersTo('1700001100.000100').length === 1, { what: 'the answer' });
    // Only a retry arrives (its first delivery was lost): it is answered, once.
    const lost = mentionAt('1700001200.000100');
    await slack.sendEnvelope('events_api', lost, { attempt: 1, reason: 'timeout' });
    await slack.sendEnvelope('events_api', lost, { attempt: 2, reason: 'timeout' });
    await eventually(() => answersTo('1700001200.000100').length === 1, { what: 'the retried answer' });
    await new Promise((r) => setTimeout(r, 300));
    expect(answersTo('1700001100.000100')).toHaveLength(1);
    expect(answersTo('1700001200.000100')).toHaveLength(1);
    expect(logger.lines.filter((l) => l.includes(`of event ${first.event_id}: already handled`))).toHaveLength(2);
    expect(logger.lines).toContainEqual(
      `info Answering Slack's retry #1 (timeout) of event ${lost.event_id}: its first delivery never arrived`,
    );
  });

  it('handles an interactive Share click: acked, posted publicly through response_url', async () => {
    const askAck = await slack.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/docker-ask', text: 'wsl', responseUrl: slack.responseUrl('s-ask-2') }),
    );
    const blocks = askAck.payload?.blocks as Array<{ elements?: Array<{ action_id?: string; value: string }> }>;
    const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('share_answer'));
    expect(share).toBeDefined();
    const ack = await slack.sendEnvelope(
      'interactive',
      buttonClickPayload({
        actionId: share!.action_id!,
        value: share!.value,
        responseUrl: slack.responseUrl('s-share'),
        isEphemeral: true,
      }),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const posts = await eventually(() =>
      slack.responsesTo('s-share').length >= 2 ? slack.responsesTo('s-share') : undefined,
    );
    expect(posts[0]?.body.response_type).toBe('in_channel');
    expect(posts[1]?.body).toEqual({ delete_original: true });
  });

  it('handles the message shortcut over the socket', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    await slack.sendEnvelope(
      'interactive',
      messageShortcutPayload({
        text: 'docker root dir 어디?',
        ts: '1700001100.000100',
        threadTs: '1700001050.000100',
        responseUrl: slack.responseUrl('s-short'),
      }),
    );
    const [post] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    // Already in a thread: the answer joins that thread.
    expect(post?.args.thread_ts).toBe('1700001050.000100');
  });

  it('acks a Docker command at once and sends the outcome through response_url', async () => {
    const ack = await slack.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/docker-df', text: '-v', responseUrl: slack.responseUrl('s-df') }),
    );
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('/docker-df -v') });
    const [post] = await eventually(() => (slack.responsesTo('s-df').length ? slack.responsesTo('s-df') : undefined));
    expect(String(post?.body.text)).toContain('is not reachable');
  });

  it('warned at start-up that anyone may run Docker commands, as no allowlist is set', () => {
    expect(
      logger.lines.some((l) => l.startsWith('warn DOCKER_ALLOWED_CHANNELS and DOCKER_ALLOWED_USERS are unset')),
    ).toBe(true);
  });

  it('never logs the app or bot token', () => {
    for (const line of logger.lines) {
      expect(line).not.toContain(APP_TOKEN);
      expect(line).not.toContain(BOT_TOKEN);
    }
  });

  it('reconnects through apps.connections.open when the connection drops, and serves again', async () => {
    const opened = slack.callsTo('apps.connections.open').length;
    slack.dropSockets();
    await eventually(() => slack.callsTo('apps.connections.open').length > opened && slack.socketConnections === 1, {
      timeoutMs: 15_000,
      what: 'a new Socket Mode connection',
    });
    const ack = await slack.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/docker-ask', text: 'wsl', responseUrl: slack.responseUrl('s-again') }),
    );
    expect(JSON.stringify(ack.payload?.blocks)).toContain('wsl');
  });
});
