/**
 * Follow-ups over the wire: the bot in Socket Mode against the Slack stand-in, with a real SQLite
 * store remembering the threads it answered in. A mention is answered in its thread; a plain reply
 * in that thread is answered there; a reply in a thread the bot never answered gets nothing. Then two
 * HTTP-mode replicas on one store: the reply reaches the replica that did not answer the mention.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import type { HttpModeConfig, SocketModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { eventEnvelope, postSigned } from '../support/slack-requests.ts';
import { BOT_USER_ID, SlackStandIn } from '../support/slack-standin.ts';
import { tempFolders } from '../support/temp-folders.ts';

const slack = new SlackStandIn();
const folders = tempFolders('follow-ups-');
const logger = recordingLogger();
let bot: SlackBot;
let store: Store;

beforeAll(async () => {
  await slack.start();
  store = createStore(`sqlite:${path.join(folders.make(), 'bot.db')}`, { warn: () => undefined });
  await store.open();
  const config: SocketModeConfig = {
    mode: 'socket',
    appToken: 'xapp-1-e2e-follow-ups',
    botToken: 'xoxb-e2e-follow-ups',
    apiUrl: slack.apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 5, windowMs: 60_000 } },
  };
  const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: 'unix:///tmp/docker-notes-bot-e2e-no-such.sock' }));
  bot = createSlackApp({ config, kb: fixtureKnowledge(), docker, logger, store });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await slack.stop();
  folders.removeAll();
});

/** The chat.postMessage calls since `from`, once there are `count` of them. */
const postsAfter = (from: number, count = 1) =>
  eventually(() => {
    const posts = slack.callsTo('chat.postMessage').slice(from);
    return posts.length >= count ? posts : undefined;
  });

/** A plain message (no mention) in a channel thread, as message.channels delivers it. */
const threadReply = (text: string, threadTs: string, ts: string) =>
  eventEnvelope({
    type: 'message',
    channel_type: 'channel',
    channel: 'C0GENERAL',
    user: 'U0BOB',
    text,
    ts,
    thread_ts: threadTs,
    parent_user_id: 'U0ALICE',
    event_ts: ts,
  });

describe('follow-ups in the bot’s threads (Socket Mode, SQLite store)', () => {
  it('mention → answer in its thread → a plain reply there is answered in that thread', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    await slack.sendEnvelope(
      'events_api',
      eventEnvelope({
        type: 'app_mention',
        user: 'U0ALICE',
        text: `<@${BOT_USER_ID}> wsl?`,
        ts: '1700002000.000100',
        channel: 'C0GENERAL',
        event_ts: '1700002000.000100',
      }),
    );
    const [answer] = await postsAfter(before);
    expect(answer?.args.thread_ts).toBe('1700002000.000100');
    await eventually(async () => (await store.botThreads.has('C0GENERAL', '1700002000.000100')) || undefined);

    const afterAnswer = slack.callsTo('chat.postMessage').length;
    await slack.sendEnvelope(
      'events_api',
      threadReply('where is the docker root dir?', '1700002000.000100', '1700002000.000300'),
    );
    const [followUp] = await postsAfter(afterAnswer);
    expect(followUp?.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700002000.000100' });
    expect(JSON.stringify(followUp?.args.blocks)).toContain('docker-root-dir');
  });

  it('a reply in a thread the bot never answered gets nothing', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    await slack.sendEnvelope(
      'events_api',
      threadReply('where is the docker root dir?', '1700003000.000100', '1700003000.000200'),
    );
    // A reply in the bot's thread sent after it: once that one is answered, the first was decided too.
    await slack.sendEnvelope('events_api', threadReply('docker root dir', '1700002000.000100', '1700003000.000300'));
    const posts = await postsAfter(before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      slack
        .callsTo('chat.postMessage')
        .slice(before)
        .map((p) => p.args.thread_ts),
    ).toEqual(['1700002000.000100']);
    expect(posts).toHaveLength(1);
  });
});

describe('two HTTP-mode replicas sharing one store', () => {
  const SECRET = 'follow-ups-signing-secret';
  const replicas: Array<{ bot: SlackBot; store: Store; eventsUrl: string }> = [];

  beforeAll(async () => {
    const url = `sqlite:${path.join(folders.make(), 'shared.db')}`;
    const config: HttpModeConfig = {
      mode: 'http',
      botToken: 'xoxb-e2e-follow-ups-http',
      signingSecret: SECRET,
      port: 0,
      apiUrl: slack.apiUrl,
      defaultLang: 'en',
      docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 5, windowMs: 60_000 } },
    };
    for (let i = 0; i < 2; i++) {
      const shared = createStore(url, { warn: () => undefined });
      const docker = createDockerReader(
        readDockerConfig({ DOCKER_HOST: 'unix:///tmp/docker-notes-bot-e2e-no-such.sock' }),
      );
      const replica = createSlackApp({ config, kb: fixtureKnowledge(), docker, logger, store: shared });
      await replica.start();
      replicas.push({ bot: replica, store: shared, eventsUrl: `http://127.0.0.1:${replica.httpPort()}/slack/events` });
    }
  });

  afterAll(async () => {
    for (const r of replicas) {
      await r.bot.stop();
      await r.store.close();
    }
  });

  it('replica A answers the mention, replica B answers the reply in that thread', async () => {
    const [a, b] = replicas;
    const before = slack.callsTo('chat.postMessage').length;
    const mention = eventEnvelope({
      type: 'app_mention',
      user: 'U0ALICE',
      text: `<@${BOT_USER_ID}> wsl?`,
      ts: '1700004000.000100',
      channel: 'C0GENERAL',
      event_ts: '1700004000.000100',
    });
    expect((await postSigned(a!.eventsUrl, JSON.stringify(mention), 'application/json', SECRET)).status).toBe(200);
    await postsAfter(before);
    await eventually(async () => (await b!.store.botThreads.has('C0GENERAL', '1700004000.000100')) || undefined);
    const reply = threadReply('where is the docker root dir?', '1700004000.000100', '1700004000.000200');
    expect((await postSigned(b!.eventsUrl, JSON.stringify(reply), 'application/json', SECRET)).status).toBe(200);
    const [, followUp] = await postsAfter(before, 2);
    expect(followUp?.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700004000.000100' });
    expect(JSON.stringify(followUp?.args.blocks)).toContain('docker-root-dir');
  });
});
