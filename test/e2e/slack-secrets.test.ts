/**
 * No log line the bot writes can hold a Slack secret, whatever Slack (or something in between)
 * answers: a 500 that repeats the request's Authorization header, invalid_auth with the header
 * repeated in response_metadata (which the Web API client logs itself), a connection that hangs
 * and resets, and a start-up whose auth.test fails that way. Every line goes through the recording
 * logger, and anything written straight to stdout or stderr is caught too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import { ConfigError } from '../../src/errors.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { eventEnvelope, postSigned } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const BOT_TOKEN = 'xoxb-4242-secrets-test-do-not-log';
const SECRET = 'secrets-test-signing-secret-0123';
const kb = fixtureKnowledge();
const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: 'unix:///tmp/docker-notes-bot-no-such.sock' }));

function config(apiUrl: string): HttpModeConfig {
  return {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 5, windowMs: 60_000 } },
  };
}

/** What reached stdout or stderr directly while the bot ran, bypassing the logger. */
const written: string[] = [];
const slack = new SlackStandIn();
const logger = recordingLogger();
let bot: SlackBot;

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
  await slack.start();
  // A 500 is retried while the answer is of use: two seconds here, so its drop is logged in time.
  bot = createSlackApp({ config: config(slack.apiUrl), kb, docker, logger, delivery: { usefulForMs: 2000 } });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await slack.stop();
  vi.restoreAllMocks();
});

function expectNoSecret(lines: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain(BOT_TOKEN);
    expect(line).not.toContain(SECRET);
    expect(line).not.toMatch(/xoxb-4242/);
  }
}

describe('Slack secrets in the log', () => {
  it('answers that fail in every way are logged, and no line holds the token', async () => {
    const faults = { C0HTTP500: 'http_500_echo', C0ECHO: 'invalid_auth_echo', C0RESET: 'reset' } as const;
    for (const [channel, fault] of Object.entries(faults)) slack.faults.set(`chat.postMessage ${channel}`, fault);
    const url = `http://127.0.0.1:${bot.httpPort()}/slack/events`;
    await Promise.all(
      Object.keys(faults).map((channel, i) =>
        postSigned(
          url,
          JSON.stringify(
            eventEnvelope({
              type: 'app_mention',
              user: 'U0ALICE',
              text: '<@UBOT> wsl?',
              ts: `1700009000.00010${i}`,
              channel,
              event_ts: `1700009000.00010${i}`,
            }),
          ),
          'application/json',
          SECRET,
        ),
      ),
    );
    // Each fault is logged: the 500 dropped once no longer of use, the refusal as a failed
    // listener, the reset as a post that may have arrived (not sent again).
    const failures = [
      /^warn Slack delivery: dropped answer to mention \S+ by U0ALICE to C0HTTP500 .*\(HTTP 500\)$/,
      /^error Slack listener failed: slack_webapi_platform_error/,
      /^warn Slack delivery: answer to mention \S+ by U0ALICE to C0RESET .* got no answer/,
    ];
    await eventually(() => failures.every((line) => logger.lines.some((l) => line.test(l))), {
      timeoutMs: 20_000,
      what: 'a failure logged for each fault',
    });
    // The client logged the echoed header itself (a real leak path), with the token masked.
    expect(logger.lines).toContain('error not allowed: Bearer [redacted]');
    expectNoSecret(logger.lines);
    expectNoSecret([...written, ...logger.lines]);
  });

  it('a start-up whose auth.test fails with an echo stops with one line, and no line holds the token', async () => {
    const failing = new SlackStandIn();
    await failing.start();
    failing.faults.set('auth.test', 'http_500_echo');
    const { apiUrl } = failing;
    const startupLogger = recordingLogger();
    const refused = createSlackApp({ config: config(apiUrl), kb, docker, logger: startupLogger });
    const err = await refused.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    await failing.stop();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(
      `Could not check the bot token with Slack at ${apiUrl} (An HTTP protocol error occurred: statusCode = 500). Check the network and SLACK_API_URL.`,
    );
    expectNoSecret([(err as Error).message, ...(err as Error).stack!.split('\n'), ...startupLogger.lines]);
  });
});
