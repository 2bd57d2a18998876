/**
 * Running the bot for real (issue #9): `npm start`'s entry point as a process, its JSON log lines,
 * GET /metrics, health in both modes, and a SIGTERM while slow Docker reads and slow answers are in
 * flight. Docker is the fake engine behind the slow proxy; Slack is the loopback stand-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, spawnBot } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { type FakeEngine, startFakeEngine } from '../support/fake-engine.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { eventEnvelope, postSigned, postSlashCommand, slashCommandPayload } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';
import { type SlowProxy, startSlowDockerProxy } from '../support/slow-docker-proxy.ts';
import { tempFolders } from '../support/temp-folders.ts';

const SECRET = 'operate-test-signing-secret';
const BOT_TOKEN = 'xoxb-operate-test-token';
const APP_TOKEN = 'xapp-1-operate-test-app-token';
const FIXTURE_NOTES = fs.readdirSync(FIXTURE_KNOWLEDGE_DIR).filter((f) => f.endsWith('.md')).length;
/** What a container's command line may carry; it must never reach the log. */
const CONTAINER_SECRET = 'hunter2-operate';
const storeFolders = tempFolders('operate-store-');

interface Bot extends BotProcess {
  /** The JSON lines of the log so far (stderr is no terminal here, so JSON is the default). */
  lines: () => Array<Record<string, unknown>>;
}

async function startBot(env: Record<string, string>, ready: string): Promise<Bot> {
  const started = spawnBot({
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
    // Each bot its own store, opened at start, outside the project's data/.
    DATABASE_URL: `sqlite:${path.join(storeFolders.make(), 'bot.db')}`,
    ...env,
  });
  const bot: Bot = {
    ...started,
    lines: () =>
      started
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
  await bot.waitFor(ready);
  return bot;
}

async function stop(bot: Bot | undefined): Promise<void> {
  await bot?.stop();
}

/** Slack's request lines: the log's one line per handled request. */
const requestLines = (bot: Bot) => bot.lines().filter((l) => typeof l.kind === 'string');

const slack = new SlackStandIn();
let engine: FakeEngine;

beforeAll(async () => {
  await slack.start();
  engine = await startFakeEngine();
  engine.routes['/containers/json'] = () => ({
    body: [
      {
        Id: 'a'.repeat(64),
        Names: ['/db'],
        Image: 'postgres:16',
        Command: `postgres --password=${CONTAINER_SECRET}`,
        Created: 1_700_000_000,
        State: 'running',
        Status: 'Up 2 hours',
        Ports: [],
        Labels: {},
      },
    ],
  });
});

afterAll(async () => {
  await engine?.close();
  await slack.stop();
  storeFolders.removeAll();
});

describe('HTTP mode: one JSON log line per request, /metrics, /readyz', () => {
  let bot: Bot;
  let base: string;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    bot = await startBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        DOCKER_HOST: engine.host,
        DOCKER_ALLOWED_USERS: 'U0OPS',
      },
      'listening',
    );
    const command = (command: string, text: string, userId: string, id: string) =>
      postSlashCommand(base, SECRET, { command, text, userId, channelId: 'C0OPS', responseUrl: slack.responseUrl(id) });
    await command('/docker-ask', 'docker root dir', 'U0ALICE', 'ops-answered');
    await command('/docker-ask', `<@U0BOB> how do I bake bread with ${BOT_TOKEN}`, 'U0ALICE', 'ops-unanswered');
    await command('/docker-ps', '', 'U0OPS', 'ops-ps');
    await command('/docker-ps', '', 'U0MALLORY', 'ops-refused');
    await eventually(() => (requestLines(bot).length >= 4 ? true : undefined), { what: 'four request lines' });
  });

  afterAll(() => stop(bot));

  it('logs each request as JSON: kind, name, user, channel, outcome, latency', () => {
    // In the order they finished: the refusal comes before the Docker read it overtook.
    const lines = requestLines(bot);
    const [answered, unanswered] = lines;
    const ran = lines.find((l) => l.user === 'U0OPS');
    const refused = lines.find((l) => l.user === 'U0MALLORY');
    expect(answered).toMatchObject({
      level: 'info',
      kind: 'command',
      command: '/docker-ask',
      user: 'U0ALICE',
      channel: 'C0OPS',
      outcome: 'answered',
      note: 'docker-root-dir',
    });
    expect(typeof answered?.latencyMs).toBe('number');
    expect(answered?.question).toBeUndefined();
    expect(ran).toMatchObject({ command: '/docker-ps', user: 'U0OPS', outcome: 'ran' });
    expect(refused).toMatchObject({ command: '/docker-ps', user: 'U0MALLORY', outcome: 'refused', refusal: 'access' });
    // What the notes lack is worth reading, but without whom it mentioned and without secrets.
    expect(unanswered).toMatchObject({ outcome: 'not answered' });
    expect(String(unanswered?.question)).toBe('how do I bake bread with [redacted]');
  });

  it('never logs a token, the signing secret or a container command line', () => {
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(SECRET);
    expect(bot.output()).not.toContain(CONTAINER_SECRET);
    expect(bot.output()).not.toContain('U0BOB');
  });

  it('serves /metrics in Prometheus text format with what the requests did', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('docker_notes_bot_slack_requests_total{kind="command",outcome="answered"}')).toBe(1);
    expect(value('docker_notes_bot_slack_requests_total{kind="command",outcome="not_answered"}')).toBe(1);
    expect(value('docker_notes_bot_questions_total{result="answered"}')).toBe(1);
    expect(value('docker_notes_bot_questions_total{result="not_answered"}')).toBe(1);
    expect(value('docker_notes_bot_answer_seconds_count')).toBe(2);
    expect(value('docker_notes_bot_docker_call_seconds_count{endpoint="ps",host="default",result="ok"}')).toBe(1);
    expect(value('docker_notes_bot_refusals_total{reason="access"}')).toBe(1);
    expect(value('docker_notes_bot_refusals_total{reason="rate_limit"}')).toBe(0);
    expect(value('docker_notes_bot_notes')).toBe(FIXTURE_NOTES);
    expect(value('docker_notes_bot_note_reloads_total{result="failed"}')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('is ready: notes loaded, not shutting down', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, topics: FIXTURE_NOTES, slack: 'http', shuttingDown: false });
  });
});

describe('Socket Mode: /healthz, /readyz and /metrics on HEALTH_PORT', () => {
  let bot: Bot;
  let base: string;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    bot = await startBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        HEALTH_PORT: String(port),
        DOCKER_HOST: engine.host,
      },
      'connected in Socket Mode',
    );
  });

  afterAll(() => stop(bot));

  it('is ready once connected, and serves metrics there', async () => {
    for (const probe of ['/healthz', '/readyz']) {
      const res = await fetch(`${base}${probe}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, slack: 'open', shuttingDown: false });
    }
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain(`docker_notes_bot_notes ${FIXTURE_NOTES}`);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  });

  it('while Slack is unreachable it is not ready, yet healthy (the client reconnects by itself)', async () => {
    slack.faults.set('apps.connections.open', 'http_500_echo');
    slack.dropSockets();
    const down = await eventually(
      async () => {
        const res = await fetch(`${base}/readyz`);
        return res.status === 503 ? ((await res.json()) as Record<string, unknown>) : undefined;
      },
      { what: '/readyz to turn 503' },
    );
    expect(down).toMatchObject({ ok: false, slack: 'reconnecting' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    slack.faults.delete('apps.connections.open');
    await eventually(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), {
      timeoutMs: 20_000,
      what: '/readyz to be 200 again',
    });
  }, 30_000);

  it('SIGTERM closes Socket Mode and exits 0', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('every request finished');
  });
});

describe('graceful shutdown', () => {
  /** Each answer from the engine is held back this long, twice or more per /docker-ps. */
  const DOCKER_DELAY_MS = 700;
  /** Slack takes this long to accept a posted answer. */
  const POST_DELAY_MS = 1500;
  let slow: SlowProxy;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operate-slow-'));
    slow = await startSlowDockerProxy(engine.socketPath, path.join(dir, 'slow.sock'), DOCKER_DELAY_MS);
    slack.delays.set('chat.postMessage', POST_DELAY_MS);
  });

  afterAll(async () => {
    slack.delays.delete('chat.postMessage');
    await slow?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function startSlowBot(extra: Record<string, string> = {}): Promise<{ bot: Bot; base: string }> {
    const port = await freeLoopbackPort();
    const bot = await startBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        DOCKER_HOST: slow.host,
        DOCKER_TIMEOUT_MS: '30000',
        ...extra,
      },
      'listening',
    );
    return { bot, base: `http://127.0.0.1:${port}` };
  }

  it('SIGTERM while slow /docker-ps reads and mention answers are in flight: unready at once, every result still arrives, exit 0', async () => {
    const { bot, base } = await startSlowBot();
    try {
      const run = Date.now();
      const psIds = [1, 2, 3].map((n) => `shutdown-ps-${run}-${n}`);
      const acks = await Promise.all(
        psIds.map((id, n) =>
          postSlashCommand(base, SECRET, {
            command: '/docker-ps',
            text: '',
            userId: `U0PS${n}`,
            channelId: 'C0OPS',
            responseUrl: slack.responseUrl(id),
          }),
        ),
      );
      for (const ack of acks) expect(ack.text).toContain('/docker-ps');
      const postsBefore = slack.callsTo('chat.postMessage').length;
      const mentions = [1, 2].map((n) =>
        eventEnvelope({
          type: 'app_mention',
          user: 'U0ALICE',
          text: `<@UBOT> docker root dir? (${n})`,
          ts: `${run}.00010${n}`,
          channel: 'C0OPS',
          event_ts: `${run}.00010${n}`,
        }),
      );
      for (const mention of mentions) {
        expect(
          (await postSigned(`${base}/slack/events`, JSON.stringify(mention), 'application/json', SECRET)).status,
        ).toBe(200);
      }
      // Both answers are on their way to Slack, which holds them; no Docker result has come back yet.
      await eventually(() => (slack.callsTo('chat.postMessage').length >= postsBefore + 2 ? true : undefined), {
        what: 'the mention answers to be posted',
      });
      expect(psIds.flatMap((id) => slack.responsesTo(id)).filter((r) => r.body.response_type === 'in_channel')).toEqual(
        [],
      );

      bot.child.kill('SIGTERM');
      // Unready at once, while what is in flight finishes.
      const ready = await eventually(
        async () => {
          const res = await fetch(`${base}/readyz`);
          return res.status === 503 ? ((await res.json()) as Record<string, unknown>) : undefined;
        },
        { what: '/readyz to turn 503' },
      );
      expect(ready).toMatchObject({ ok: false, shuttingDown: true });

      expect(await bot.exited).toBe(0);
      for (const id of psIds) {
        // The result itself (private by default, with Share in channel), not only the "running" ack.
        expect(slack.responsesTo(id).some((r) => JSON.stringify(r.body.blocks ?? []).includes('share_docker'))).toBe(
          true,
        );
      }
      const answered = requestLines(bot).filter((l) => l.event === 'app_mention');
      expect(answered.map((l) => l.outcome)).toEqual(['answered', 'answered']);
      expect(
        requestLines(bot)
          .filter((l) => l.command === '/docker-ps')
          .map((l) => l.outcome),
      ).toEqual(['ran', 'ran', 'ran']);
      expect(bot.output()).toContain('shutdown: SIGTERM; finishing 5 requests in flight');
      expect(bot.output()).toContain('every request finished');
    } finally {
      await stop(bot);
    }
  }, 40_000);

  it('Socket Mode: SIGTERM closes the connection first, then every result in flight still arrives, exit 0', async () => {
    const healthPort = await freeLoopbackPort();
    const bot = await startBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        HEALTH_PORT: String(healthPort),
        DOCKER_HOST: slow.host,
        DOCKER_TIMEOUT_MS: '30000',
      },
      'connected in Socket Mode',
    );
    try {
      const run = Date.now();
      const psIds = [1, 2].map((n) => `socket-shutdown-ps-${run}-${n}`);
      for (const [n, id] of psIds.entries()) {
        const ack = await slack.sendEnvelope(
          'slash_commands',
          slashCommandPayload({
            command: '/docker-ps',
            text: '',
            userId: `U0SPS${n}`,
            responseUrl: slack.responseUrl(id),
          }),
        );
        expect(JSON.stringify(ack.payload)).toContain('/docker-ps');
      }
      const postsBefore = slack.callsTo('chat.postMessage').length;
      await slack.sendEnvelope(
        'events_api',
        eventEnvelope({
          type: 'app_mention',
          user: 'U0ALICE',
          text: '<@UBOT> docker root dir?',
          ts: `${run}.000200`,
          channel: 'C0OPS',
          event_ts: `${run}.000200`,
        }),
      );
      await eventually(() => (slack.callsTo('chat.postMessage').length > postsBefore ? true : undefined), {
        what: 'the mention answer to be posted',
      });

      bot.child.kill('SIGTERM');
      // No new event can reach a connection that is gone; Slack would send it to another replica.
      await eventually(() => (slack.socketConnections === 0 ? true : undefined), { what: 'the socket to close' });
      const deliveredAtClose = psIds
        .flatMap((id) => slack.responsesTo(id))
        .filter((r) => r.body.response_type === 'in_channel');
      expect(deliveredAtClose).toEqual([]);
      expect(await bot.exited).toBe(0);
      for (const id of psIds) {
        // The result itself (private by default, with Share in channel), not only the "running" ack.
        expect(slack.responsesTo(id).some((r) => JSON.stringify(r.body.blocks ?? []).includes('share_docker'))).toBe(
          true,
        );
      }
      expect(requestLines(bot).find((l) => l.event === 'app_mention')?.outcome).toBe('answered');
      expect(bot.output()).toContain('every request finished');
    } finally {
      await stop(bot);
    }
  }, 40_000);

  it('past SHUTDOWN_TIMEOUT_MS it exits 1, saying how many requests it dropped', async () => {
    const { bot, base } = await startSlowBot({ SHUTDOWN_TIMEOUT_MS: '300' });
    try {
      await postSlashCommand(base, SECRET, {
        command: '/docker-ps',
        text: '',
        userId: 'U0LATE',
        channelId: 'C0OPS',
        responseUrl: slack.responseUrl(`shutdown-late-${Date.now()}`),
      });
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toContain('shutdown: dropped 1 request still in flight after SHUTDOWN_TIMEOUT_MS=300');
    } finally {
      await stop(bot);
    }
  }, 30_000);
});
