/**
 * Answers under a faulty Slack, over real sockets: the bot in HTTP mode, signed requests, the
 * Slack stand-in made to hang, rate-limit (429 + Retry-After) and fail (500), and the fake engine
 * behind /docker-ps.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { deliveryStats } from '../../src/slack/delivery/index.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { eventually } from '../support/eventually.ts';
import { type FakeEngine, startFakeEngine } from '../support/fake-engine.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { eventEnvelope, postSigned, slashCommandBody } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const SECRET = 'e2e-delivery-signing-secret';
const WEB_API_TIMEOUT_MS = 500;

const slack = new SlackStandIn();
const logger = recordingLogger();
let engine: FakeEngine;
let bot: SlackBot;
let eventsUrl: string;
let ts = 1_700_100_000;

beforeAll(async () => {
  await slack.start();
  engine = await startFakeEngine();
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: 'xoxb-e2e-delivery',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 1000, windowMs: 60_000 } },
  };
  const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: engine.host, DOCKER_TIMEOUT_MS: '5000' }));
  bot = createSlackApp({
    config,
    kb: fixtureKnowledge(),
    docker,
    logger,
    delivery: { webApiTimeoutMs: WEB_API_TIMEOUT_MS, firstBackoffMs: 50, maxBackoffMs: 200 },
  });
  await bot.start();
  eventsUrl = `http://127.0.0.1:${bot.httpPort()}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await engine?.close();
  await slack.stop();
});

beforeEach(() => {
  slack.faults.clear();
  slack.faultsOnce.clear();
  slack.postsPerSecondPerChannel = undefined;
});

async function mention(channel: string): Promise<string> {
  ts += 1;
  const at = `${ts}.000100`;
  const body = eventEnvelope({
    type: 'app_mention',
    user: 'U0ALICE',
    text: '<@UBOT> wsl?',
    ts: at,
    channel,
    event_ts: at,
  });
  const res = await postSigned(eventsUrl, JSON.stringify(body), 'application/json', SECRET);
  expect(res.status).toBe(200);
  return at;
}

/** The answers Slack took in reply to the mentions at `asked`. */
function answersTo(asked: Set<string>) {
  return slack.posted.filter((c) => asked.has(String(c.args.thread_ts)));
}

describe('Slack delivery', () => {
  it('keeps answering after more hung Web API calls than the client runs at once', async () => {
    // 120 channels whose every post hangs: more than the Web API client's 100 calls in flight.
    for (let i = 0; i < 120; i++) slack.faults.set(`chat.postMessage C0HUNG${i}`, 'hang');
    await Promise.all(Array.from({ length: 120 }, (_, i) => mention(`C0HUNG${i}`)));
    const hungCalls = () =>
      slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('C0HUNG'));
    // Each hung for its timeout: the first 100 held every slot the client has, the rest waited for one.
    await eventually(() => hungCalls().length === 120, { what: '120 hung posts', timeoutMs: 15_000 });
    const health = await fetch(`http://127.0.0.1:${bot.httpPort()}/healthz`);
    expect(health.status).toBe(200);
    const asked = await mention('C0FINE');
    // Without a timeout this post would queue behind the hung ones for ever.
    await eventually(() => answersTo(new Set([asked])).length === 1, {
      what: 'the answer after the hung posts',
      timeoutMs: 10_000,
    });
    await eventually(() => slack.hanging === 0, { what: 'the hung posts to time out', timeoutMs: 10_000 });
    expect(logger.lines.filter((l) => l.includes('got no answer (timeout); not sent again')).length).toBe(120);
    // A post that timed out may have arrived: it is never sent a second time.
    expect(slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('C0HUNG'))).toHaveLength(
      120,
    );
  });

  it("a burst of mentions in one channel is answered in full, once each, within Slack's per-channel limit", async () => {
    slack.postsPerSecondPerChannel = 1;
    const before = deliveryStats();
    const asked = new Set<string>();
    for (let i = 0; i < 6; i++) asked.add(await mention('C0BUSY'));
    await eventually(() => answersTo(asked).length >= asked.size, {
      what: 'every answer in the busy channel',
      timeoutMs: 20_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    const after = deliveryStats();
    expect(after.dropped - before.dropped).toBe(0);
    expect(after.delivered - before.delivered).toBe(6);
    expect(new Set(answersTo(asked).map((c) => c.args.thread_ts)).size).toBe(6);
    expect(answersTo(asked)).toHaveLength(6);
  });

  it('429s with Retry-After and 500s are waited out and retried until the answer lands', async () => {
    slack.faultsOnce.set('chat.postMessage C0FLAKY', [
      { status: 429, retryAfter: 2 },
      { status: 500 },
      { status: 500 },
    ]);
    const asked = await mention('C0FLAKY');
    await eventually(() => answersTo(new Set([asked])).length === 1, {
      what: 'the answer after a 429 and two 500s',
      timeoutMs: 10_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(answersTo(new Set([asked]))).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === asked)).toHaveLength(4);
  });

  it('a /docker-ps result still arrives when its response_url answers 500 once', async () => {
    slack.faultsOnce.set('response ps-500', [{ status: 500 }]);
    const body = slashCommandBody({ command: '/docker-ps', text: '-a', responseUrl: slack.responseUrl('ps-500') });
    const res = await postSigned(eventsUrl, body, 'application/x-www-form-urlencoded', SECRET);
    expect(res.status).toBe(200);
    const [result] = await eventually(() => slack.responsesTo('ps-500').length && slack.responsesTo('ps-500'), {
      what: 'the /docker-ps result',
    });
    expect(JSON.stringify(result?.body)).toContain('blocks');
  });
});
