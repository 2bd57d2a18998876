import { describe, expect, it } from 'vitest';
import { readLogConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { slackLogger } from '../../src/slack/log.ts';
import { loggableQuestion } from '../../src/slack/requests.ts';

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ ...options, write: (line) => lines.push(line) });
  return { logger, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger (pino)', () => {
  it('writes one JSON object a line: time, level by name, the name set, the message and the fields', () => {
    const { logger, lines, json } = capture();
    logger.setName('bolt-app');
    logger.info({ kind: 'command', command: '/docker-ask', latencyMs: 3 }, 'slack command %s', '/docker-ask');
    logger.warn('knowledge: %d notes', 2);
    expect(lines.every((l) => l.endsWith('}\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const [request, warning] = json();
    expect(request).toMatchObject({
      level: 'info',
      name: 'bolt-app',
      msg: 'slack command /docker-ask',
      kind: 'command',
      command: '/docker-ask',
      latencyMs: 3,
    });
    expect(new Date(String(request?.time)).getTime()).toBeGreaterThan(0);
    expect(warning).toMatchObject({ level: 'warn', msg: 'knowledge: 2 notes' });
  });

  it('drops lines below its level, which setLevel changes', () => {
    const { logger, json } = capture({ level: 'warn' });
    logger.info('not shown');
    logger.error('shown');
    logger.setLevel('debug');
    logger.debug('shown too');
    expect(json().map((l) => l.msg)).toEqual(['shown', 'shown too']);
    expect(logger.getLevel()).toBe('debug');
  });

  it('pretty: a readable line with the fields as key=value', () => {
    const { logger, lines } = capture({ format: 'pretty' });
    logger.info({ outcome: 'not answered', question: 'how do I x' }, 'slack event app_mention');
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}slack event app_mention outcome="not answered" question="how do I x"\n$/,
    );
  });

  it('masks Slack secrets in the fields of a line as in its message (slackLogger)', () => {
    const { logger, lines } = capture();
    const token = 'xoxb-1111-2222-abcdefABCDEF';
    slackLogger(logger, [token]).info({ question: `my token is ${token}` }, `and ${token}`);
    expect(lines[0]).not.toContain(token);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ question: 'my token is [redacted]', msg: 'and [redacted]' });
  });
});

describe('readLogConfig', () => {
  it('LOG_LEVEL default info; LOG_FORMAT json unless stderr is a terminal', () => {
    expect(readLogConfig({}, false)).toEqual({ level: 'info', format: 'json' });
    expect(readLogConfig({}, true)).toEqual({ level: 'info', format: 'pretty' });
    expect(readLogConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' }, true)).toEqual({ level: 'debug', format: 'json' });
    expect(readLogConfig({ LOG_FORMAT: 'pretty' }, false)).toEqual({ level: 'info', format: 'pretty' });
  });

  it('names a wrong value', () => {
    expect(() => readLogConfig({ LOG_LEVEL: 'loud' }, false)).toThrow(ConfigError);
    expect(() => readLogConfig({ LOG_LEVEL: 'loud' }, false)).toThrow(/^LOG_LEVEL=loud/);
    expect(() => readLogConfig({ LOG_FORMAT: 'xml' }, false)).toThrow(/^LOG_FORMAT=xml/);
  });
});

describe('loggableQuestion', () => {
  it('drops handles and caps the question at 200 characters', () => {
    expect(loggableQuestion('<@U0ALICE> @bob how do I prune? cc @carol.k')).toBe('how do I prune? cc');
    const long = loggableQuestion('가'.repeat(500));
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
