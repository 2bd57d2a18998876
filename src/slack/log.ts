import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { isLogFields, type Logger } from '../logger.ts';

/** Slack tokens of any kind (bot, user, app-level, refresh, configuration), configured here or not. */
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

const BOLT_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/**
 * The bot's log as the Slack face hands it to Bolt (and so to the Web API and Socket Mode clients)
 * and to its listeners, with the Slack secrets masked: the configured tokens and signing secret by
 * value, any other Slack token by its shape. An error object is logged with everything it carries
 * (cause, response headers and body), and a proxy or Slack itself may echo a request back, so the
 * mask works on the finished line, whoever wrote it.
 */
export function slackLogger(logger: Logger, secrets: readonly string[]): BoltLogger {
  const known = secrets.filter((s) => s.length >= 8);
  const maskText = (text: string) => {
    let line = text;
    for (const secret of known) line = line.replaceAll(secret, '[redacted]');
    return line.replace(SLACK_TOKEN, (token) => `${token.slice(0, 5)}[redacted]`);
  };
  // A line's fields (the request line's ids, outcome, question) are masked like its message.
  const mask = (msg: unknown[]): unknown[] => {
    const [first, ...rest] = msg;
    if (!isLogFields(first)) return [maskText(format(...msg))];
    const fields = Object.fromEntries(
      Object.entries(first).map(([key, value]) => [key, typeof value === 'string' ? maskText(value) : value]),
    );
    return [fields, maskText(format(...rest))];
  };
  return {
    debug: (...msg) => logger.debug(...mask(msg)),
    info: (...msg) => logger.info(...mask(msg)),
    warn: (...msg) => logger.warn(...mask(msg)),
    error: (...msg) => logger.error(...mask(msg)),
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => BOLT_LEVELS[logger.getLevel()],
    setName: (name) => logger.setName(name),
  };
}
