import { type Env, readDefaultLang, readList, readPositiveInt, readSwitch } from '../config.ts';
import { ConfigError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';

interface SlackCommonConfig {
  botToken: string;
  /** Web API base URL (GovSlack, tests); undefined means Slack's default https://slack.com/api/. */
  apiUrl?: string;
  /** When set, requests from any other workspace are refused. */
  teamId?: string;
  /** Language of UI text that has no question to follow (DEFAULT_LANG: Docker results, App Home, help). */
  defaultLang: Lang;
  docker: DockerAccessConfig;
  /** SLACK_START_TIMEOUT_SECONDS: how long start-up may wait for Slack before it fails (default 30 s). */
  startTimeoutMs?: number;
}

export interface DockerAccessConfig {
  /** Channel ids where Docker commands may run; empty means every channel. */
  allowedChannels: string[];
  /** User ids who may run Docker commands; empty means everyone. */
  allowedUsers: string[];
  /** At most `limit` Docker commands per user in any `windowMs`. */
  rateLimit: { limit: number; windowMs: number };
  /** DOCKER_RESULTS_PUBLIC: results go straight to the channel; otherwise (the default) privately, with Share in channel. */
  resultsPublic?: boolean;
}

export interface SocketModeConfig extends SlackCommonConfig {
  mode: 'socket';
  appToken: string;
}

export interface HttpModeConfig extends SlackCommonConfig {
  mode: 'http';
  signingSecret: string;
  /**
   * From PORT (default 3000), which must be 1 or more. Tests that build the config object
   * themselves may set 0 to get a free port (see SlackBot.httpPort).
   */
  port: number;
}

export type SlackConfig = SocketModeConfig | HttpModeConfig;

const WHERE = {
  botToken: 'Slack app settings → OAuth & Permissions → Bot User OAuth Token, xoxb-…',
  appToken: 'Slack app settings → Basic Information → App-Level Tokens, scope connections:write, xapp-…',
  signingSecret: 'Slack app settings → Basic Information → App Credentials → Signing Secret',
};

/**
 * Picks the mode from which variables are set: SLACK_APP_TOKEN → Socket Mode; SLACK_BOT_TOKEN +
 * SLACK_SIGNING_SECRET → HTTP mode; no Slack variable at all → undefined (the caller runs the shell).
 * Anything incomplete or malformed throws a ConfigError naming the variable and where to get it.
 * Error messages never contain the values themselves.
 */
export function readSlackConfig(env: Env): SlackConfig | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  const appToken = env.SLACK_APP_TOKEN?.trim();
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!botToken && !appToken && !signingSecret) return undefined;

  if (appToken) {
    if (!botToken)
      throw new ConfigError(
        `SLACK_BOT_TOKEN is missing: Socket Mode needs it next to SLACK_APP_TOKEN (${WHERE.botToken}).`,
      );
    requirePrefix('SLACK_APP_TOKEN', appToken, 'xapp-', WHERE.appToken);
    requirePrefix('SLACK_BOT_TOKEN', botToken, 'xoxb-', WHERE.botToken);
    return { mode: 'socket', appToken, ...readCommon(env, botToken) };
  }
  if (!botToken)
    throw new ConfigError(`SLACK_BOT_TOKEN is missing: the bot needs it to post answers (${WHERE.botToken}).`);
  requirePrefix('SLACK_BOT_TOKEN', botToken, 'xoxb-', WHERE.botToken);
  if (!signingSecret) {
    throw new ConfigError(
      `SLACK_SIGNING_SECRET is missing: HTTP mode needs it (${WHERE.signingSecret}). For Socket Mode set SLACK_APP_TOKEN instead (${WHERE.appToken}).`,
    );
  }
  return { mode: 'http', signingSecret, port: readPositiveInt(env, 'PORT', 3000), ...readCommon(env, botToken) };
}

function requirePrefix(name: string, value: string, prefix: string, where: string): void {
  if (!value.startsWith(prefix)) {
    throw new ConfigError(`${name} does not look right: it should start with ${prefix} (${where}).`);
  }
}

function readCommon(env: Env, botToken: string): SlackCommonConfig {
  const apiUrl = env.SLACK_API_URL?.trim();
  if (apiUrl && !/^https?:\/\/[^\s/]+/.test(apiUrl)) {
    throw new ConfigError(
      'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (GovSlack: https://slack-gov.com/api/). Fix it in .env.',
    );
  }
  const startTimeout = env.SLACK_START_TIMEOUT_SECONDS?.trim();
  const teamId = env.SLACK_TEAM_ID?.trim();
  if (teamId && !/^[TE][A-Z0-9]+$/.test(teamId)) {
    throw new ConfigError(
      'SLACK_TEAM_ID should be a workspace id like T0123ABCD (Slack in a browser: the T… part of the URL). Fix it in .env.',
    );
  }
  return {
    botToken,
    ...(apiUrl ? { apiUrl } : {}),
    ...(teamId ? { teamId } : {}),
    ...(startTimeout ? { startTimeoutMs: readPositiveInt(env, 'SLACK_START_TIMEOUT_SECONDS', 30) * 1000 } : {}),
    defaultLang: readDefaultLang(env),
    docker: {
      allowedChannels: readList(env, 'DOCKER_ALLOWED_CHANNELS'),
      allowedUsers: readList(env, 'DOCKER_ALLOWED_USERS'),
      rateLimit: readRateLimit(env),
      resultsPublic: readSwitch(env, 'DOCKER_RESULTS_PUBLIC', false),
    },
  };
}

/** DOCKER_RATE_LIMIT=count/seconds, e.g. 5/60 (the default): at most 5 Docker commands per user per minute. */
export function readRateLimit(env: Env): { limit: number; windowMs: number } {
  const raw = env.DOCKER_RATE_LIMIT?.trim();
  if (!raw) return { limit: 5, windowMs: 60_000 };
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const limit = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || limit < 1 || seconds < 1) {
    throw new ConfigError(
      `DOCKER_RATE_LIMIT=${raw} should be count/seconds, e.g. 5/60 for five Docker commands per user per minute. Fix it in .env.`,
    );
  }
  return { limit, windowMs: seconds * 1000 };
}
