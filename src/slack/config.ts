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
  /** GAPS_DIGEST_CHANNEL: where the weekly digest of unanswered questions goes; unset, none is posted. */
  gapsDigestChannel?: string;
  /**
   * Answer replies in the threads where the bot answered, without a new mention (THREAD_FOLLOW_UPS,
   * default on). Unset means on: configs built by hand (tests) get the default.
   */
  threadFollowUps?: boolean;
  /** SLACK_START_TIMEOUT_SECONDS: how long start-up may wait for Slack before it fails (default 30 s). */
  startTimeoutMs?: number;
  /** Who may save, edit and delete notes from Slack (NOTE_EDITORS); absent means anyone who may use the bot. */
  noteEditors?: NoteEditorsConfig;
}

export interface NoteEditorsConfig {
  /** User ids (U…, W…). */
  users: string[];
  /** User group ids (S…): their members, as usergroups.users.list says. */
  groups: string[];
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
  /**
   * Where /healthz, /readyz and /metrics are served (HEALTH_PORT, else PORT, else 3000), Socket
   * Mode having no port of its own; undefined (tests that build the config object) serves none.
   */
  healthPort?: number;
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
    const healthPort = readPositiveInt(env, 'HEALTH_PORT', readPositiveInt(env, 'PORT', 3000));
    return { mode: 'socket', appToken, healthPort, ...readCommon(env, botToken) };
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

/** `npm start` with no Slack variable and no terminal for the shell: what each mode needs. */
export function noSlackSettings(): ConfigError {
  return new ConfigError(
    'No Slack settings found (SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are unset) and no terminal for the shell. ' +
      'Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see .env.example).',
  );
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
  const gapsDigestChannel = env.GAPS_DIGEST_CHANNEL?.trim();
  if (gapsDigestChannel && !/^[CG][A-Z0-9]{2,}$/.test(gapsDigestChannel)) {
    throw new ConfigError(
      'GAPS_DIGEST_CHANNEL should be a channel id like C0123ABCD (channel details → About, at the bottom), with the bot invited. Fix it in .env.',
    );
  }
  return {
    botToken,
    ...(apiUrl ? { apiUrl } : {}),
    ...(gapsDigestChannel ? { gapsDigestChannel } : {}),
    ...(teamId ? { teamId } : {}),
    ...(startTimeout ? { startTimeoutMs: readPositiveInt(env, 'SLACK_START_TIMEOUT_SECONDS', 30) * 1000 } : {}),
    defaultLang: readDefaultLang(env),
    threadFollowUps: readSwitch(env, 'THREAD_FOLLOW_UPS', true),
    docker: {
      allowedChannels: readList(env, 'DOCKER_ALLOWED_CHANNELS'),
      allowedUsers: readList(env, 'DOCKER_ALLOWED_USERS'),
      rateLimit: readRateLimit(env),
      resultsPublic: readSwitch(env, 'DOCKER_RESULTS_PUBLIC', false),
    },
    ...readNoteEditors(env),
  };
}

/** NOTE_EDITORS=U0123,S0456: user ids and user group ids, comma-separated; unset means anyone. */
export function readNoteEditors(env: Env): { noteEditors?: NoteEditorsConfig } {
  const ids = readList(env, 'NOTE_EDITORS');
  if (ids.length === 0) return {};
  const wrong = ids.find((id) => !/^[UWS][A-Z0-9]{2,}$/.test(id));
  if (wrong) {
    throw new ConfigError(
      `NOTE_EDITORS has "${wrong}", which is neither a user id (U… or W…) nor a user group id (S…). Fix it in .env.`,
    );
  }
  return {
    noteEditors: { users: ids.filter((id) => !id.startsWith('S')), groups: ids.filter((id) => id.startsWith('S')) },
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
