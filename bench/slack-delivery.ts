/**
 * Answers under a faulty Slack: loopback only, bounded waits; prints numbers and asserts nothing.
 *
 * One bot in HTTP mode (the real createSlackApp, default delivery timings) against the Slack
 * stand-in holding Slack's per-channel limit (one post a second per channel, 429 + Retry-After
 * beyond it). Each scenario sends signed events and counts, from what the stand-in took:
 * answers delivered (once), duplicated (posted more than once) and dropped (never posted within
 * the scenario's bound), plus the ack latency of every event sent.
 *
 * - burst: mentions sent at once into one channel;
 * - 429 burst: every post is refused with Retry-After 2 s for a while, then Slack recovers;
 * - 5xx: every post answers 500 for a while;
 * - duplicates: each event delivered twice and retried (http_timeout, http_error), and events
 *   whose first delivery never arrives (only the http_timeout retry);
 * - response_url 500: /docker-ps results whose response_url fails once;
 * - hangs: more hung posts than the Web API client runs at once, then one question elsewhere.
 */
import { BUNDLED_KNOWLEDGE_DIR } from '../src/config.ts';
import { createDockerReader, readDockerConfig } from '../src/docker/index.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import type { HttpModeConfig } from '../src/slack/config.ts';
import { createSlackApp } from '../src/slack/index.ts';
import { startFakeEngine } from '../test/support/fake-engine.ts';
import { silentLogger } from '../test/support/logger.ts';
import { eventEnvelope, postSigned, slashCommandBody } from '../test/support/slack-requests.ts';
import { SlackStandIn } from '../test/support/slack-standin.ts';

const SECRET = 'bench-delivery-secret';
const BURST = 20;
const FAULTY_CHANNELS = 10;
const FAULT_MS = 10_000;
const FIVE_XX_MS = 6000;
const DUPLICATED_EVENTS = 10;
const HUNG_POSTS = 120;
const PS_RESULTS = 10;
/** How long a scenario waits for its answers before counting the rest as dropped. */
const BOUND_MS = 75_000;

const silent = silentLogger();

interface Counted {
  asked: number;
  delivered: number;
  duplicated: number;
  dropped: number;
  seconds: number;
  /** Ack latency of the requests the scenario sent, p50 and p99 (ms). */
  ackMs: [number, number];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runSlackDeliveryBench(): Promise<void> {
  const slack = new SlackStandIn();
  await slack.start();
  slack.postsPerSecondPerChannel = 1;
  const engine = await startFakeEngine();
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: 'xoxb-bench-delivery',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 1_000_000, windowMs: 60_000 } },
  };
  const bot = createSlackApp({
    config,
    kb: loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR).kb,
    docker: createDockerReader(readDockerConfig({ DOCKER_HOST: engine.host, DOCKER_TIMEOUT_MS: '5000' })),
    logger: silent,
  });
  await bot.start();
  const eventsUrl = `http://127.0.0.1:${bot.httpPort()}/slack/events`;
  let acks: number[] = [];
  /** The scenario's ack latencies (p50, p99), and a fresh list for the next one. */
  const takeAcks = (): [number, number] => {
    const sorted = acks.sort((a, b) => a - b);
    acks = [];
    return [percentile(sorted, 50), percentile(sorted, 99)];
  };
  let ts = 1_800_000_000;

  const send = async (envelope: Record<string, unknown>, retry?: { num: number; reason: string }) => {
    const res = await postSigned(eventsUrl, JSON.stringify(envelope), 'application/json', SECRET, {
      headers: retry ? { 'x-slack-retry-num': String(retry.num), 'x-slack-retry-reason': retry.reason } : {},
    });
    acks.push(res.ms);
  };
  const mentionIn = (channel: string) => {
    ts += 1;
    const at = `${ts}.000100`;
    return eventEnvelope({ type: 'app_mention', user: 'U0BENCH', text: '<@UBOT> wsl?', ts: at, channel, event_ts: at });
  };
  const threadOf = (envelope: Record<string, unknown>) => String((envelope.event as { ts: string }).ts);

  /** Waits (bounded) until every asked thread has an answer, then counts what the stand-in took. */
  const count = async (threads: string[], startedAt: number): Promise<Counted> => {
    const asked = new Set(threads);
    const took = () => slack.posted.filter((c) => asked.has(String(c.args.thread_ts)));
    const deadline = startedAt + BOUND_MS;
    while (new Set(took().map((c) => c.args.thread_ts)).size < asked.size && Date.now() < deadline) await sleep(100);
    const seconds = (Date.now() - startedAt) / 1000;
    await sleep(1500); // a late duplicate would land by now
    const posts = took();
    const delivered = new Set(posts.map((c) => c.args.thread_ts)).size;
    return {
      asked: asked.size,
      delivered,
      duplicated: posts.length - delivered,
      dropped: asked.size - delivered,
      seconds,
      ackMs: takeAcks(),
    };
  };

  const results: Array<[string, Counted]> = [];
  try {
    // Burst: BURST mentions at once into one channel.
    let started = Date.now();
    const burst = Array.from({ length: BURST }, () => mentionIn('CBURST'));
    await Promise.all(burst.map((e) => send(e)));
    results.push([`burst of ${BURST} mentions in one channel`, await count(burst.map(threadOf), started)]);

    // 429 burst: FAULT_MS of 429 + Retry-After 2 s on every post, over FAULTY_CHANNELS channels.
    started = Date.now();
    slack.faults.set('chat.postMessage', { status: 429, retryAfter: 2 });
    const limited = Array.from({ length: FAULTY_CHANNELS }, (_, i) => mentionIn(`CLIMIT${i}`));
    await Promise.all(limited.map((e) => send(e)));
    await sleep(FAULT_MS);
    slack.faults.delete('chat.postMessage');
    results.push([`429 (Retry-After 2 s) for ${FAULT_MS / 1000} s`, await count(limited.map(threadOf), started)]);

    // 5xx: FIVE_XX_MS of HTTP 500 on every post.
    started = Date.now();
    slack.faults.set('chat.postMessage', { status: 500 });
    const failing = Array.from({ length: FAULTY_CHANNELS }, (_, i) => mentionIn(`CFAIL${i}`));
    await Promise.all(failing.map((e) => send(e)));
    await sleep(FIVE_XX_MS);
    slack.faults.delete('chat.postMessage');
    results.push([`HTTP 500 for ${FIVE_XX_MS / 1000} s`, await count(failing.map(threadOf), started)]);

    // Duplicates: each event twice plus two retries.
    started = Date.now();
    const repeated = Array.from({ length: DUPLICATED_EVENTS }, (_, i) => mentionIn(`CDUP${i}`));
    for (const envelope of repeated) {
      await send(envelope);
      await send(envelope);
      await send(envelope, { num: 1, reason: 'http_timeout' });
      await send(envelope, { num: 2, reason: 'http_error' });
    }
    results.push([`${DUPLICATED_EVENTS} events sent 4 times each`, await count(repeated.map(threadOf), started)]);

    // Events whose only delivery is the http_timeout retry (the first was lost).
    started = Date.now();
    const retriedOnly = Array.from({ length: DUPLICATED_EVENTS }, (_, i) => mentionIn(`CRETRY${i}`));
    for (const envelope of retriedOnly) await send(envelope, { num: 1, reason: 'http_timeout' });
    results.push([
      `${DUPLICATED_EVENTS} events only delivered as the http_timeout retry`,
      await count(retriedOnly.map(threadOf), started),
    ]);

    // response_url 500 once: /docker-ps results.
    started = Date.now();
    for (let i = 0; i < PS_RESULTS; i++) {
      slack.faultsOnce.set(`response bench-ps-${i}`, [{ status: 500 }]);
      const body = slashCommandBody({
        command: '/docker-ps',
        text: '-a',
        responseUrl: slack.responseUrl(`bench-ps-${i}`),
      });
      acks.push((await postSigned(eventsUrl, body, 'application/x-www-form-urlencoded', SECRET)).ms);
    }
    const psArrived = () => Array.from({ length: PS_RESULTS }, (_, i) => slack.responsesTo(`bench-ps-${i}`).length);
    while (psArrived().some((n) => n === 0) && Date.now() < started + 20_000) await sleep(100);
    const ps = psArrived();
    results.push([
      '/docker-ps, its response_url answers 500 once',
      {
        asked: PS_RESULTS,
        delivered: ps.filter((n) => n > 0).length,
        duplicated: ps.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
        dropped: ps.filter((n) => n === 0).length,
        seconds: (Date.now() - started) / 1000,
        ackMs: takeAcks(),
      },
    ]);

    // Hangs: HUNG_POSTS channels whose posts never get an answer, then one question elsewhere.
    for (let i = 0; i < HUNG_POSTS; i++) slack.faults.set(`chat.postMessage CHUNG${i}`, 'hang');
    await Promise.all(Array.from({ length: HUNG_POSTS }, (_, i) => send(mentionIn(`CHUNG${i}`))));
    while (slack.hanging < Math.min(HUNG_POSTS, 100)) await sleep(50);
    takeAcks();
    started = Date.now();
    const after = mentionIn('CAFTERHANG');
    await send(after);
    results.push([`1 question after ${HUNG_POSTS} hung posts`, await count([threadOf(after)], started)]);
  } finally {
    await bot.stop();
    await engine.close();
    await slack.stop();
  }

  console.log("\nSlack delivery under a faulty Slack (stand-in with Slack's 1 post/s/channel limit, HTTP mode)");
  console.log(
    '  scenario                                                 asked delivered  dup dropped   time   ack p50 / p99',
  );
  for (const [name, c] of results) {
    const [p50, p99] = c.ackMs;
    console.log(
      `  ${name.padEnd(56)} ${String(c.asked).padStart(5)} ${String(c.delivered).padStart(9)} ${String(c.duplicated).padStart(4)} ${String(c.dropped).padStart(7)} ${c.seconds.toFixed(1).padStart(5)} s  ${p50.toFixed(1)} / ${p99.toFixed(1)} ms`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackDeliveryBench();
