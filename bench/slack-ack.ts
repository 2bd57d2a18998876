/**
 * Slack face benchmark, loopback only, bounded loops; prints numbers and asserts nothing.
 *
 * - Ack latency (p50/p99) of signed /docker-ps slash commands over HTTP, with a Docker that answers
 *   at once and with one that holds every answer back 2 s: the ack must not depend on Docker.
 * - Requests per second for /docker-ask (the answer travels in the ack) next to a bare Bolt app
 *   whose only listener acks, on the same machine in the same run.
 *
 * The Docker engine is the unit tests' stand-in Engine API on a unix socket (real dockerode path,
 * canned answers), slowed by the e2e tests' delaying proxy. Slack's Web API and response_url are
 * the e2e stand-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '@slack/bolt';
import { BUNDLED_KNOWLEDGE_DIR } from '../src/config.ts';
import { createDockerReader, readDockerConfig } from '../src/docker/index.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import type { HttpModeConfig } from '../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../src/slack/index.ts';
import { slackLogger } from '../src/slack/log.ts';
import { eventually } from '../test/support/eventually.ts';
import { startFakeEngine } from '../test/support/fake-engine.ts';
import { silentLogger } from '../test/support/logger.ts';
import { postSigned, slashCommandBody } from '../test/support/slack-requests.ts';
import { SlackStandIn } from '../test/support/slack-standin.ts';
import { startSlowDockerProxy } from '../test/support/slow-docker-proxy.ts';

const SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
const FORM = 'application/x-www-form-urlencoded';
const ACK_SAMPLES = 300;
const SLOW_DOCKER_MS = 2000;
const THROUGHPUT_REQUESTS = 3000;
const CONCURRENCY = 16;

const silent = silentLogger();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

async function ackLatencies(url: string, slack: SlackStandIn, label: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ACK_SAMPLES; i++) {
    const body = slashCommandBody({
      command: '/docker-ps',
      text: '-a',
      responseUrl: slack.responseUrl(`${label}-${i}`),
    });
    const res = await postSigned(url, body, FORM, SECRET);
    if (res.status !== 200) throw new Error(`ack failed: HTTP ${res.status}`);
    times.push(res.ms);
  }
  return times.sort((a, b) => a - b);
}

/** Fixed number of signed /docker-ask requests from CONCURRENCY workers; returns requests per second. */
async function throughput(url: string, slack: SlackStandIn): Promise<number> {
  const body = slashCommandBody({
    command: '/docker-ask',
    text: '컨테이너 삭제 순서?',
    responseUrl: slack.responseUrl('rps'),
  });
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < THROUGHPUT_REQUESTS) {
        sent += 1;
        const res = await postSigned(url, body, FORM, SECRET);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      }
    }),
  );
  return THROUGHPUT_REQUESTS / ((performance.now() - started) / 1000);
}

async function startBot(slack: SlackStandIn, dockerHost: string): Promise<{ bot: SlackBot; url: string }> {
  const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 1_000_000, windowMs: 60_000 } },
  };
  const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: dockerHost, DOCKER_TIMEOUT_MS: '20000' }));
  const bot = createSlackApp({ config, kb, docker, logger: silent });
  await bot.start();
  return { bot, url: `http://127.0.0.1:${bot.httpPort()}/slack/events` };
}

/** The floor: Bolt's own cost of verifying, parsing and acking a signed slash command. */
async function startBareBolt(slack: SlackStandIn): Promise<{ app: App; url: string }> {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    logger: slackLogger(silent, []),
    clientOptions: { slackApiUrl: slack.apiUrl },
    deferInitialization: true,
  });
  app.command('/docker-ask', async ({ ack }) => ack());
  await app.init();
  const server = (await app.start()) as unknown as { address(): { port: number } };
  return { app, url: `http://127.0.0.1:${server.address().port}/slack/events` };
}

export async function runSlackBench(): Promise<void> {
  const slack = new SlackStandIn();
  await slack.start();
  const engine = await startFakeEngine();
  const proxyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-'));
  const slowDocker = await startSlowDockerProxy(engine.socketPath, path.join(proxyDir, 'slow.sock'), SLOW_DOCKER_MS);
  const fast = await startBot(slack, engine.host);
  const slow = await startBot(slack, slowDocker.host);
  const bare = await startBareBolt(slack);
  try {
    await ackLatencies(fast.url, slack, 'warmup'); // JIT and connection warm-up, not reported
    const fastAcks = await ackLatencies(fast.url, slack, 'fast');
    const slowAcks = await ackLatencies(slow.url, slack, 'slow');
    // Let the slow Docker's answers drain before measuring throughput on the same machine.
    await eventually(() => slack.responses.filter((r) => r.id.startsWith('slow-')).length >= ACK_SAMPLES, {
      timeoutMs: 60_000,
      what: "the slow Docker's answers",
    });

    await throughput(bare.url, slack); // warm-up
    const bareRps = await throughput(bare.url, slack);
    const askRps = await throughput(fast.url, slack);

    console.log('\nSlack (HTTP mode on loopback, signed requests, Bolt 5)');
    console.log(
      `  ack latency /docker-ps, Docker fast           p50 ${ms(percentile(fastAcks, 50))}  p99 ${ms(percentile(fastAcks, 99))}  (n=${ACK_SAMPLES})`,
    );
    console.log(
      `  ack latency /docker-ps, Docker slow (+${SLOW_DOCKER_MS / 1000} s)   p50 ${ms(percentile(slowAcks, 50))}  p99 ${ms(percentile(slowAcks, 99))}  (n=${ACK_SAMPLES})`,
    );
    console.log(
      `  /docker-ask, answer in the ack              ${askRps.toFixed(0)} req/s  (n=${THROUGHPUT_REQUESTS}, ${CONCURRENCY} concurrent)`,
    );
    console.log(`  bare Bolt app that only acks                ${bareRps.toFixed(0)} req/s  (same load)`);
  } finally {
    await fast.bot.stop();
    await slow.bot.stop();
    await bare.app.stop();
    await slowDocker.close();
    await engine.close();
    fs.rmSync(proxyDir, { recursive: true, force: true });
    await slack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackBench();
