import { RespondError, webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  classifyPostFailure,
  createChannelPacer,
  createDelivery,
  deliverThroughResponseUrl,
  deliveryStats,
  webApiOptions,
} from '../../src/slack/delivery/index.ts';
import { replyThrough } from '../../src/slack/respond.ts';
import { recordingLogger } from '../support/logger.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const slack = new SlackStandIn();
const MESSAGE = { text: 'the answer, never logged', blocks: [] };
/** Quick timings: pacing, backoff and the useful window in tens of milliseconds. */
const FAST = { usefulForMs: 3000, firstBackoffMs: 10, maxBackoffMs: 40, pacing: { intervalMs: 20, burst: 1 } };

beforeAll(() => slack.start());
afterAll(() => slack.stop());
beforeEach(() => {
  slack.faults.clear();
  slack.faultsOnce.clear();
  slack.postsPerSecondPerChannel = undefined;
});

function client(timeoutMs = 300): webApi.WebClient {
  return new webApi.WebClient('xoxb-unit', { slackApiUrl: slack.apiUrl, ...webApiOptions(timeoutMs) });
}

function postsTo(channel: string) {
  return slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

async function failureOf(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (err) {
    return classifyPostFailure(err);
  }
  throw new Error('the call did not fail');
}

describe('what a failed post says about trying again (errors as web-api and Bolt throw them)', () => {
  it('a 429 is rate-limited with its Retry-After; the client neither waits nor retries', async () => {
    slack.faultsOnce.set('chat.postMessage C0RL', [{ status: 429, retryAfter: 7 }]);
    const started = Date.now();
    expect(await failureOf(() => client().chat.postMessage({ channel: 'C0RL', text: 'x' }))).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 7000,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(postsTo('C0RL')).toHaveLength(1);
  });

  it('a 500 and a refused connection are unavailable: nothing was posted', async () => {
    slack.faultsOnce.set('chat.postMessage C0FIVE', [{ status: 500 }]);
    expect((await failureOf(() => client().chat.postMessage({ channel: 'C0FIVE', text: 'x' }))).kind).toBe(
      'unavailable',
    );
    expect(postsTo('C0FIVE')).toHaveLength(1);
    const closed = new webApi.WebClient('xoxb-unit', {
      slackApiUrl: `http://127.0.0.1:${await freeLoopbackPort()}/api/`,
      ...webApiOptions(300),
    });
    expect(await failureOf(() => closed.chat.postMessage({ channel: 'C0', text: 'x' }))).toEqual({
      kind: 'unavailable',
      reason: 'ECONNREFUSED',
    });
  });

  it('a reset after sending and a hung call that timed out may have been posted', async () => {
    slack.faults.set('chat.postMessage C0RESET', 'reset');
    expect((await failureOf(() => client().chat.postMessage({ channel: 'C0RESET', text: 'x' }))).kind).toBe(
      'maybe-sent',
    );
    slack.faults.set('chat.postMessage C0HANG', 'hang');
    const started = Date.now();
    expect(await failureOf(() => client(200).chat.postMessage({ channel: 'C0HANG', text: 'x' }))).toEqual({
      kind: 'maybe-sent',
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("Slack's own refusals are final", async () => {
    slack.channelsWithoutBot.add('C0OUT');
    expect(await failureOf(() => client().chat.postMessage({ channel: 'C0OUT', text: 'x' }))).toEqual({
      kind: 'refused',
      reason: 'not_in_channel',
    });
    expect(classifyPostFailure(new RespondError('gone', 410)).kind).toBe('refused');
    expect(classifyPostFailure(new RespondError('busy', 503)).kind).toBe('unavailable');
    expect(classifyPostFailure(new Error('a bug in the caller')).kind).toBe('refused');
  });
});

describe('delivery to a channel', () => {
  it("waits out a 429's Retry-After and retries 5xx with backoff until the post lands, once", async () => {
    slack.faultsOnce.set('chat.postMessage C0BUSY', [{ status: 429, retryAfter: 1 }, { status: 500 }, { status: 500 }]);
    const before = deliveryStats();
    const logger = recordingLogger();
    const started = Date.now();
    const outcome = await createDelivery(logger, FAST).post(client(), { channel: 'C0BUSY' }, MESSAGE, 'answer Ev1');
    expect(outcome).toBe('delivered');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(postsTo('C0BUSY')).toHaveLength(4);
    const after = deliveryStats();
    expect(after.delivered - before.delivered).toBe(1);
    expect(after.retried - before.retried).toBe(3);
    expect(after.rateLimited - before.rateLimited).toBe(1);
    expect(logger.lines).toEqual([]);
  });

  it('drops an answer once it is no longer of use, with one line naming it by ids, never its text', async () => {
    slack.faults.set('chat.postMessage C0DOWN', { status: 500 });
    const before = deliveryStats();
    const logger = recordingLogger();
    const delivery = createDelivery(logger, { ...FAST, usefulForMs: 300 });
    const outcome = await delivery.post(client(), { channel: 'C0DOWN', threadTs: '1.2' }, MESSAGE, 'answer Ev2 by U1');
    expect(outcome).toBe('dropped');
    expect(postsTo('C0DOWN').length).toBeGreaterThan(2);
    expect(deliveryStats().dropped - before.dropped).toBe(1);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^warn Slack delivery: dropped answer Ev2 by U1 to C0DOWN thread 1\.2 after \d+ attempts/,
    );
    expect(logger.lines[0]).toContain('HTTP 500');
    expect(logger.lines[0]).not.toContain(MESSAGE.text);
  });

  it('a Retry-After longer than the answer is useful drops it at once instead of waiting', async () => {
    slack.faultsOnce.set('chat.postMessage C0SLOW', [{ status: 429, retryAfter: 30 }]);
    const logger = recordingLogger();
    const started = Date.now();
    const outcome = await createDelivery(logger, { ...FAST, usefulForMs: 2000 }).post(
      client(),
      { channel: 'C0SLOW' },
      MESSAGE,
      'answer Ev3',
    );
    expect(outcome).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logger.lines[0]).toContain('rate-limited, Retry-After 30 s');
  });

  it('never sends again a post that may have arrived (connection reset after sending)', async () => {
    slack.faults.set('chat.postMessage C0RESET2', 'reset');
    const before = deliveryStats();
    const logger = recordingLogger();
    const outcome = await createDelivery(logger, FAST).post(client(), { channel: 'C0RESET2' }, MESSAGE, 'answer Ev4');
    expect(outcome).toBe('maybe-sent');
    expect(postsTo('C0RESET2')).toHaveLength(1);
    expect(deliveryStats().uncertain - before.uncertain).toBe(1);
    expect(logger.lines[0]).toContain('not sent again');
  });

  it("a burst into one channel under Slack's one-a-second limit all arrives, paced", async () => {
    slack.postsPerSecondPerChannel = 1;
    // 1.1 s apart: a margin for the loopback's jitter against the stand-in's strict one-second window.
    const delivery = createDelivery(recordingLogger(), { pacing: { intervalMs: 1100, burst: 1 } });
    const web = client();
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, (_, i) => delivery.post(web, { channel: 'C0BURST' }, MESSAGE, `answer Ev${10 + i}`)),
    );
    expect(outcomes).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    // Paced to the limit: no 429 was needed.
    expect(postsTo('C0BURST')).toHaveLength(4);
  });

  it('posts to other channels do not wait on a rate-limited one', async () => {
    slack.faults.set('chat.postMessage C0HELD', { status: 429, retryAfter: 1 });
    const delivery = createDelivery(recordingLogger(), { ...FAST, usefulForMs: 60_000 });
    const web = client();
    const held = delivery.post(web, { channel: 'C0HELD' }, MESSAGE, 'answer Ev20');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    expect(await delivery.post(web, { channel: 'C0FREE' }, MESSAGE, 'answer Ev21')).toBe('delivered');
    expect(Date.now() - started).toBeLessThan(500);
    slack.faults.delete('chat.postMessage C0HELD');
    expect(await held).toBe('delivered');
  });
});

describe('the pacer', () => {
  it('lets a burst through, then one post per interval, and holds a channel for a Retry-After', async () => {
    let t = 0;
    const waits: number[] = [];
    const pacer = createChannelPacer({
      intervalMs: 1000,
      burst: 2,
      now: () => t,
      sleep: async (ms) => {
        waits.push(ms);
        t += ms;
      },
    });
    for (let i = 0; i < 4; i++) expect(await pacer.turn('C1', 10_000)).toBe(true);
    expect(waits).toEqual([1000, 1000]);
    pacer.hold('C1', 5000);
    expect(await pacer.turn('C1', t + 1000)).toBe(false);
    expect(await pacer.turn('C2', t)).toBe(true);
    expect(await pacer.turn('C1', t + 10_000)).toBe(true);
    expect(waits.at(-1)).toBe(5000);
  });
});

describe('delivery through a response_url', () => {
  it('a 5xx is tried again; an expired URL is one log line; the reply says whether it arrived', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new RespondError('Failed to respond to the response_url: 500', 500);
      return new Response('ok');
    };
    const logger = recordingLogger();
    expect(await replyThrough(flaky, logger, 'docker-ps by U1', FAST)({ text: 'x' })).toBe(true);
    expect(calls).toBe(2);
    const expired = async () => {
      throw new RespondError('Failed to respond to the response_url: 410', 410);
    };
    expect(await replyThrough(expired, logger, 'share by U1', FAST)({ text: 'x' })).toBe(false);
    expect(logger.lines).toEqual(['warn share by U1: not delivered, its response_url has expired (HTTP 410)']);
  });

  it('gives up with a log line when the response_url keeps failing', async () => {
    const logger = recordingLogger();
    const down = async () => {
      throw new RespondError('Failed to respond to the response_url: 502', 502);
    };
    expect(await deliverThroughResponseUrl(down, 'docker-df by U2', logger, { ...FAST, usefulForMs: 100 })).toBe(
      'dropped',
    );
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('dropped docker-df by U2 to its response_url');
  });
});
