/**
 * HTTP mode's request limits on the real process (`npm start`'s entry point in a child): what is
 * refused before a byte of the body is read (no or a stale or far-future timestamp, a declared size
 * over the limit), what is refused while reading (a streamed body past 512 KiB: the rest is never
 * read, and the process's resident memory does not grow by it), and signed bodies that are not
 * objects (400, and the process keeps answering).
 */
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ENV, type BotProcess, spawnBot } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { postSigned, postSlashCommand } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const SECRET = 'limits-test-signing-secret';
const FORM = 'application/x-www-form-urlencoded';
const MiB = 1024 * 1024;

const slack = new SlackStandIn();
let bot: BotProcess;
let base: string;

beforeAll(async () => {
  await slack.start();
  const port = await freeLoopbackPort();
  base = `http://127.0.0.1:${port}`;
  bot = spawnBot({
    ...BASE_ENV,
    SLACK_BOT_TOKEN: 'xoxb-limits-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
  });
  await bot.waitFor('listening', { timeoutMs: 30_000 });
}, 40_000);

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

/** The bot's resident memory in bytes: tsx runs it as its child, so read that one's /proc entry. */
function botRss(): number {
  const pid = bot.child.pid as number;
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  const node = children.at(-1) ?? String(pid);
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${node}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

interface StreamResult {
  /** The status the bot answered with, or undefined if it only closed the connection. */
  status: number | undefined;
  /** Bytes the client managed to hand to the socket before the bot stopped it. */
  sent: number;
}

/**
 * POSTs `totalBytes` of filler in 64 KiB chunks, as fast as the socket takes them (chunked, so no
 * Content-Length tells the bot in advance), and stops when the bot answers or closes.
 */
function streamPost(headers: Record<string, string>, totalBytes: number): Promise<StreamResult> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let status: number | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sent });
    };
    const req = http.request(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': FORM, ...headers } });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', finish);
    });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 200));
    const pump = () => {
      while (!done && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) req.end();
    };
    pump();
  });
}

const now = () => String(Math.floor(Date.now() / 1000));

describe('HTTP mode request limits (real process)', () => {
  it('refuses an unsigned 300 MB streamed POST with no timestamp before reading it: 401, memory flat', async () => {
    const before = botRss();
    const r = await streamPost({}, 300 * MiB);
    expect(r.status).toBe(401);
    expect(r.sent).toBeLessThan(64 * MiB);
    expect(botRss() - before).toBeLessThan(32 * MiB);
  }, 60_000);

  it('stops reading a 300 MB streamed POST with a fresh timestamp past 512 KiB: 413, memory flat', async () => {
    const before = botRss();
    const r = await streamPost({ 'x-slack-request-timestamp': now(), 'x-slack-signature': 'v0=00' }, 300 * MiB);
    expect(r.status).toBe(413);
    // What the kernel's socket buffers took is all that left the client: the bot read no further.
    expect(r.sent).toBeLessThan(64 * MiB);
    expect(botRss() - before).toBeLessThan(32 * MiB);
    await eventually(
      () => bot.output().includes('Refused a request to the Slack endpoint (413): body over the limit of 524288 bytes'),
      {
        what: 'the refusal in the log',
      },
    );
  }, 60_000);

  it('refuses a declared Content-Length over the limit before reading: 413', async () => {
    const res = await new Promise<number | undefined>((resolve) => {
      const req = http.request(`${base}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': FORM, 'content-length': String(300 * MiB), 'x-slack-request-timestamp': now() },
      });
      req.on('response', (r) => resolve(r.statusCode));
      req.on('error', () => resolve(undefined));
      req.write('a');
    });
    expect(res).toBe(413);
  });

  it('accepts a signed request just under the limit', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'under-limit', filler: 'a'.repeat(500 * 1024) });
    const res = await postSigned(`${base}/slack/events`, body, 'application/json', SECRET);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'under-limit' });
  });

  // Half a minute past the limit: the header is in whole seconds and the request takes time to
  // arrive, so one second past it can land inside it. The exact boundary is a unit test
  // (slack-request-guard.test.ts), on a fixed clock.
  it.each([
    ['stale by more than 5 minutes', -330],
    ['more than 5 minutes ahead', 330],
    ['years ahead', 3 * 365 * 24 * 3600],
  ])('refuses a correctly signed request whose timestamp is %s: 401', async (_what, skewSec) => {
    const body = new URLSearchParams({ command: '/docker-ask', text: 'x' }).toString();
    const refused = await postSigned(`${base}/slack/events`, body, FORM, SECRET, { skewSec });
    expect(refused.status).toBe(401);
  });

  it('accepts a signed request 4 minutes either side of now', async () => {
    for (const skewSec of [-240, 240]) {
      const body = new URLSearchParams({ command: '/docker-ask', text: 'docker root dir' }).toString();
      expect((await postSigned(`${base}/slack/events`, body, FORM, SECRET, { skewSec })).status).toBe(200);
    }
  });

  it.each([
    ['payload=null', 'payload=null', FORM],
    ['payload=5', 'payload=5', FORM],
    ['payload=[]', 'payload=%5B%5D', FORM],
    ['payload that is not JSON', 'payload=%7Bnope', FORM],
    ['JSON null', 'null', 'application/json'],
    ['JSON number', '42', 'application/json'],
    ['JSON string', '"event"', 'application/json'],
    ['JSON array', '[{"type":"event_callback"}]', 'application/json'],
  ])('answers a signed %s with 400 and keeps serving', async (_what, body, contentType) => {
    const res = await postSigned(`${base}/slack/events`, body, contentType, SECRET);
    expect(res.status).toBe(400);
    expect(bot.child.exitCode).toBeNull();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
  });

  it('still serves /healthz and answers a signed /docker-ask after all of the above', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const res = await postSlashCommand(base, SECRET, {
      command: '/docker-ask',
      text: 'docker root dir',
      responseUrl: slack.responseUrl('after'),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('/var/lib/docker');
    expect(bot.child.exitCode).toBeNull();
  });
});
