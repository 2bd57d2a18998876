import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { checkDockerAccess, createRateLimiter } from '../../src/slack/access.ts';
import { readRateLimit, readSlackConfig } from '../../src/slack/config.ts';
import { decodeSlackEntities, questionFromSlack, slackTextToPlain } from '../../src/slack/text.ts';

const BOT = 'xoxb-1-secret-bot-token';
const APP = 'xapp-1-secret-app-token';
const SECRET = 'signing-secret-value';

function configError(env: Record<string, string>): string {
  try {
    readSlackConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    for (const secret of [BOT, APP, SECRET]) expect(message).not.toContain(secret);
    return message;
  }
  throw new Error('expected a ConfigError');
}

describe('readSlackConfig', () => {
  it('no Slack variables: no Slack (the shell runs)', () => {
    expect(readSlackConfig({})).toBeUndefined();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: '  ' })).toBeUndefined();
  });

  it('SLACK_APP_TOKEN + SLACK_BOT_TOKEN: Socket Mode', () => {
    expect(readSlackConfig({ SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT })).toMatchObject({
      mode: 'socket',
      appToken: APP,
      botToken: BOT,
      defaultLang: 'ko',
    });
  });

  it('Socket Mode serves health on HEALTH_PORT, else PORT, else 3000', () => {
    const socket = { SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT };
    expect(readSlackConfig(socket)).toMatchObject({ healthPort: 3000 });
    expect(readSlackConfig({ ...socket, PORT: '8080' })).toMatchObject({ healthPort: 8080 });
    expect(readSlackConfig({ ...socket, PORT: '8080', HEALTH_PORT: '9090' })).toMatchObject({ healthPort: 9090 });
  });

  it('SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET: HTTP mode on PORT, default 3000', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toMatchObject({
      mode: 'http',
      signingSecret: SECRET,
      port: 3000,
    });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' })).toMatchObject({
      port: 8080,
    });
  });

  it('names the missing variable and where to get it', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT })).toMatch(
      /^SLACK_SIGNING_SECRET is missing: HTTP mode needs it \(.*Basic Information → App Credentials/,
    );
    expect(configError({ SLACK_APP_TOKEN: APP })).toMatch(
      /^SLACK_BOT_TOKEN is missing: Socket Mode needs it.*OAuth & Permissions/,
    );
    expect(configError({ SLACK_SIGNING_SECRET: SECRET })).toMatch(/^SLACK_BOT_TOKEN is missing/);
  });

  it('catches swapped or mistyped tokens without printing them', () => {
    expect(configError({ SLACK_APP_TOKEN: BOT, SLACK_BOT_TOKEN: APP })).toMatch(
      /^SLACK_APP_TOKEN does not look right: it should start with xapp-/,
    );
    expect(configError({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: SECRET })).toMatch(
      /^SLACK_BOT_TOKEN .* xoxb-/,
    );
  });

  it('reads the optional settings and rejects malformed ones', () => {
    const config = readSlackConfig({
      SLACK_APP_TOKEN: APP,
      SLACK_BOT_TOKEN: BOT,
      SLACK_API_URL: 'https://slack-gov.com/api/',
      SLACK_TEAM_ID: 'T0123ABC',
      DEFAULT_LANG: 'en',
      DOCKER_ALLOWED_CHANNELS: 'C1, C2',
      DOCKER_ALLOWED_USERS: 'U1',
      DOCKER_RATE_LIMIT: '3/10',
      DOCKER_RESULTS_PUBLIC: '1',
      SLACK_START_TIMEOUT_SECONDS: '5',
    });
    expect(config).toMatchObject({
      apiUrl: 'https://slack-gov.com/api/',
      teamId: 'T0123ABC',
      defaultLang: 'en',
      startTimeoutMs: 5000,
      docker: {
        allowedChannels: ['C1', 'C2'],
        allowedUsers: ['U1'],
        rateLimit: { limit: 3, windowMs: 10_000 },
        resultsPublic: true,
      },
    });
    const base = { SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT };
    expect(configError({ ...base, SLACK_API_URL: 'slack.com/api' })).toMatch(/^SLACK_API_URL/);
    expect(configError({ ...base, SLACK_TEAM_ID: 'my-team' })).toMatch(/^SLACK_TEAM_ID/);
    expect(configError({ ...base, DEFAULT_LANG: 'jp' })).toMatch(/^DEFAULT_LANG/);
    // Socket Mode serves /healthz on HEALTH_PORT, else PORT, so a bad PORT is named there too.
    expect(configError({ ...base, PORT: 'abc' })).toMatch(/^PORT=abc/);
    expect(configError({ ...base, HEALTH_PORT: '0' })).toMatch(/^HEALTH_PORT=0/);
    expect(configError({ ...base, DOCKER_RESULTS_PUBLIC: 'maybe' })).toMatch(/^DOCKER_RESULTS_PUBLIC=maybe/);
    expect(configError({ ...base, SLACK_START_TIMEOUT_SECONDS: '0' })).toMatch(/^SLACK_START_TIMEOUT_SECONDS=0/);
    expect(readSlackConfig(base)?.docker.resultsPublic).toBe(false);
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: 'abc' })).toMatch(/^PORT=abc/);
  });
});

describe('readRateLimit', () => {
  it('defaults to 5 per minute and parses count/seconds', () => {
    expect(readRateLimit({})).toEqual({ limit: 5, windowMs: 60_000 });
    expect(readRateLimit({ DOCKER_RATE_LIMIT: '10 / 30' })).toEqual({ limit: 10, windowMs: 30_000 });
  });

  it.each(['5', '0/60', '5/0', 'five/60', '5/60s'])('rejects %s', (value) => {
    expect(() => readRateLimit({ DOCKER_RATE_LIMIT: value })).toThrow(/^DOCKER_RATE_LIMIT=.* count\/seconds/);
  });
});

describe('checkDockerAccess', () => {
  const open = { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 1, windowMs: 1 } };

  it('allows everyone everywhere when no list is set', () => {
    expect(checkDockerAccess(open, { userId: 'U9', channelId: 'C9' })).toEqual({ ok: true });
  });

  it('refuses users and channels not listed, saying which', () => {
    const limited = { ...open, allowedChannels: ['C1'], allowedUsers: ['U1'] };
    expect(checkDockerAccess(limited, { userId: 'U1', channelId: 'C1' })).toEqual({ ok: true });
    expect(checkDockerAccess(limited, { userId: 'U2', channelId: 'C1' })).toEqual({ ok: false, reason: 'user' });
    expect(checkDockerAccess(limited, { userId: 'U1', channelId: 'C2' })).toEqual({ ok: false, reason: 'channel' });
  });
});

describe('createRateLimiter', () => {
  it('allows `limit` uses per window per user, then says when to retry', () => {
    let now = 0;
    const limiter = createRateLimiter(2, 60_000, () => now);
    expect(limiter.take('U1')).toEqual({ ok: true });
    now = 10_000;
    expect(limiter.take('U1')).toEqual({ ok: true });
    expect(limiter.take('U2')).toEqual({ ok: true });
    now = 20_000;
    expect(limiter.take('U1')).toEqual({ ok: false, reason: 'rate', retryAfterSec: 40 });
    now = 60_000; // the first use has left the window
    expect(limiter.take('U1')).toEqual({ ok: true });
    expect(limiter.take('U1')).toEqual({ ok: false, reason: 'rate', retryAfterSec: 10 });
  });

  it('refused attempts do not extend the wait', () => {
    let now = 0;
    const limiter = createRateLimiter(1, 1000, () => now);
    limiter.take('U1');
    for (now = 100; now < 1000; now += 100) expect(limiter.take('U1').ok).toBe(false);
    now = 1000;
    expect(limiter.take('U1')).toEqual({ ok: true });
  });
});

describe('slackTextToPlain', () => {
  it('drops mentions, keeps link labels and undoes Slack escapes', () => {
    expect(
      slackTextToPlain('<@U123> 컨테이너 &amp; 이미지 &lt;삭제&gt; <https://docs.docker.com|docs> <#C1|general>'),
    ).toBe('컨테이너 & 이미지 <삭제> docs #general');
  });
});

describe('questionFromSlack', () => {
  it('decodes message and slash-command text once: a typed "&lt;" stays "&lt;", real pings are dropped', () => {
    // What Slack sends when someone types: <!channel> &lt; a&b <!here>   (the last one a real @here)
    expect(questionFromSlack('&lt;!channel&gt; &amp;lt; a&amp;b  <!here>\n')).toBe('<!channel> &lt; a&b');
    expect(questionFromSlack(undefined)).toBe('');
    expect(questionFromSlack('  <@UBOT>  ')).toBe('');
  });

  it('takes a modal input as typed, only tidying whitespace', () => {
    expect(questionFromSlack('  a &amp;  <b>\n', 'input')).toBe('a &amp; <b>');
  });

  it('decodeSlackEntities undoes &amp; last', () => {
    expect(decodeSlackEntities('&amp;lt; &lt;x&gt; &amp;')).toBe('&lt; <x> &');
  });
});

describe('GAPS_DIGEST_CHANNEL', () => {
  it('is a channel id, or unset for no digest', () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
    expect(readSlackConfig(env)?.gapsDigestChannel).toBeUndefined();
    expect(readSlackConfig({ ...env, GAPS_DIGEST_CHANNEL: ' C0DOCS ' })?.gapsDigestChannel).toBe('C0DOCS');
    expect(configError({ ...env, GAPS_DIGEST_CHANNEL: '#docker-help' })).toContain('GAPS_DIGEST_CHANNEL');
  });
});
