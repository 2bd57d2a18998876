/**
 * `npm start` as a user runs it: the real entry point in a child process, picking its face from
 * the environment. HTTP mode talks to the loopback Slack stand-in; no Slack settings → the shell.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ENV, type BotProcess, MAIN, runBot, spawnBot, TSX } from '../support/bot-process.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { SAVED_NOTE, sqliteWithSavedNote } from '../support/saved-note.ts';
import { postSlashCommand } from '../support/slack-requests.ts';
import { REVOKED_TOKEN_PREFIX, SlackStandIn } from '../support/slack-standin.ts';

const SECRET = 'start-test-signing-secret';
const BOT_TOKEN = 'xoxb-start-test-token';

describe('npm start without Slack settings', () => {
  it('runs the shell over piped input on the bundled notes and exits when it ends', () => {
    const r = runBot(BASE_ENV, { input: 'topics\n/docker-ps\n' });
    expect(r.status).toBe(0);
    // Found knowledge/ next to the code, whatever the working directory: topics listed as "title [id]".
    expect(r.stdout).toMatch(/\[[a-z0-9-]+\]/);
    expect(r.stdout).toContain('is not reachable');
  });

  it('answers from the notes saved from Slack in the store, as Slack does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-start-'));
    const databaseUrl = await sqliteWithSavedNote(dir);
    const r = runBot(
      { ...BASE_ENV, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DATABASE_URL: databaseUrl },
      { input: `${SAVED_NOTE.question}\n` },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('docker builder prune');
  });

  it('answers from a note added while it runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-start-'));
    fs.writeFileSync(
      path.join(dir, 'swarm.md'),
      '---\nid: swarm\ntitle: 도커 스웜\n---\n# 도커 스웜\n\nDocker Swarm\n',
    );
    const bot = spawnBot({ ...BASE_ENV, KNOWLEDGE_DIR: dir });
    await bot.waitFor('following changes', { stream: 'stderr' });
    fs.writeFileSync(path.join(dir, 'wsl.md'), '---\nid: wsl\ntitle: WSL\n---\n# WSL\n\nwindows subsystem for linux\n');
    await bot.waitFor('reloaded 2 notes', { stream: 'stderr', timeoutMs: 10_000 });
    bot.child.stdin.end('wsl\n');
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toContain('windows subsystem for linux');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['at /dev/null', `exec "${TSX}" "${MAIN}" </dev/null`],
    ['closed', `exec "${TSX}" "${MAIN}" <&-`],
  ])(
    'with no terminal and stdin %s (a container without its environment): says what each mode needs, exits 1',
    (_, line) => {
      const r = spawnSync('sh', ['-c', line], { encoding: 'utf8', env: BASE_ENV, cwd: '/tmp' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('No Slack settings found');
      expect(r.stderr).toContain('Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN');
      expect(r.stderr).toContain('HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
    },
  );

  it('stops with one line naming a missing variable', () => {
    const r = runBot({ ...BASE_ENV, SLACK_SIGNING_SECRET: 'x' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^SLACK_BOT_TOKEN is missing/);
  });
});

describe('npm start in HTTP mode', () => {
  const slack = new SlackStandIn();
  let bot: BotProcess;
  let port: number;

  beforeAll(async () => {
    await slack.start();
    port = await freeLoopbackPort();
    bot = spawnBot({
      ...BASE_ENV,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
    });
    await bot.waitFor('listening');
  });

  afterAll(async () => {
    await bot.stop();
    await slack.stop();
  });

  it('serves /healthz and answers a signed /docker-ask', async () => {
    expect(bot.output()).toContain(`listening on :${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    const res = await postSlashCommand(`http://127.0.0.1:${port}`, SECRET, {
      command: '/docker-ask',
      text: 'docker root dir',
      userId: 'U1',
      channelId: 'C1',
      responseUrl: slack.responseUrl('start'),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('/var/lib/docker');
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(SECRET);
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});

/**
 * Every failed start exits non-zero with its one line while the notes folder is watched (the
 * default), whatever keeps a half-started process busy: a listening port, a Socket Mode client
 * reconnecting, a Web API call nobody answers. A process that stays up fails the test by its timeout.
 */
describe('npm start that fails exits non-zero promptly, in every mode', () => {
  const slack = new SlackStandIn();
  const servers: Array<Server | net.Server> = [];
  let closedPort: number;

  beforeAll(async () => {
    await slack.start();
    closedPort = await freeLoopbackPort();
  });

  afterAll(async () => {
    for (const server of servers) server.close();
    await slack.stop();
  });

  async function listen<T extends Server | net.Server>(server: T): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  /** Runs `npm start` with the notes followed and resolves with its exit code, output and time taken. */
  function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
    const startedAt = Date.now();
    const bot = spawnBot({ ...BASE_ENV, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, KNOWLEDGE_WATCH: '1', ...env });
    return bot.exited.then((code) => ({ code, stderr: bot.stderr(), ms: Date.now() - startedAt }));
  }

  const http = (env: Record<string, string>) => ({ SLACK_SIGNING_SECRET: SECRET, PORT: '3999', ...env });
  const socket = (env: Record<string, string>) => ({ SLACK_APP_TOKEN: 'xapp-1-start-test', ...env });

  it('HTTP mode, the bot token refused', async () => {
    const r = await failedStart(
      http({ SLACK_BOT_TOKEN: `${REVOKED_TOKEN_PREFIX}-0123456789`, SLACK_API_URL: slack.apiUrl }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('following changes');
    expect(lastLine(r.stderr)).toMatch(/^SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
  }, 30_000);

  it('HTTP mode, Slack unreachable (connection refused)', async () => {
    const r = await failedStart(
      http({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/` }),
    );
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/^Could not check the bot token with Slack at http:\/\/127\.0\.0\.1:\d+\/api\//);
  }, 30_000);

  it('HTTP mode, Slack accepting connections and never answering: fails at SLACK_START_TIMEOUT_SECONDS', async () => {
    const silent = await listen(net.createServer(() => undefined));
    const r = await failedStart(
      http({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: `http://127.0.0.1:${silent}/api/`,
        SLACK_START_TIMEOUT_SECONDS: '2',
      }),
    );
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/did not complete the bot token check within 2 s/);
  }, 30_000);

  it('HTTP mode, the port already taken', async () => {
    const taken = await listen(net.createServer());
    const r = await failedStart(http({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, PORT: String(taken) }));
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/EADDRINUSE/);
  }, 30_000);

  it('HTTP mode, a bad setting', async () => {
    const r = await failedStart(http({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, PORT: 'eighty' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'PORT=eighty is not a positive whole number. Fix it in .env (see .env.example).',
    ]);
  }, 30_000);

  it('Socket Mode, the app token refused', async () => {
    const api = await listen(
      createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const refused = req.url?.includes('apps.connections.open');
        res.end(JSON.stringify(refused ? { ok: false, error: 'invalid_auth' } : authTestOk()));
      }),
    );
    const r = await failedStart(socket({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: `http://127.0.0.1:${api}/api/` }));
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/invalid_auth/);
  }, 30_000);

  it('Socket Mode, the WebSocket unreachable (the client would reconnect forever): fails at the deadline', async () => {
    const api = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...authTestOk(), url: `ws://127.0.0.1:${closedPort}/socket` }));
      }),
    );
    const r = await failedStart(
      socket({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: `http://127.0.0.1:${api}/api/`,
        SLACK_START_TIMEOUT_SECONDS: '3',
      }),
    );
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/did not complete the Socket Mode connection within 3 s/);
  }, 30_000);
});

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

function authTestOk() {
  return { ok: true, team_id: 'T0TEST', user_id: 'UBOT', bot_id: 'BBOT', user: 'docker-notes', team: 'Test' };
}
