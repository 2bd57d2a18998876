import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { slackLogger } from '../../src/slack/log.ts';
import { recordingLogger } from '../support/logger.ts';

const BOT_TOKEN = 'xoxb-1111-2222-abcdefABCDEF';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';

describe('slackLogger', () => {
  it('masks the configured secrets wherever they are, inside error objects too', () => {
    const log = recordingLogger();
    const logger = slackLogger(log, [BOT_TOKEN, SIGNING_SECRET]);
    const err = Object.assign(new Error('An HTTP protocol error occurred'), {
      headers: { authorization: `Bearer ${BOT_TOKEN}` },
      body: { secret: SIGNING_SECRET },
    });
    logger.error('call failed', err);
    logger.warn(`token=${BOT_TOKEN}&secret=${SIGNING_SECRET}`);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toContain('Bearer [redacted]');
    expect(log.lines[1]).toBe('warn token=[redacted]&secret=[redacted]');
    for (const line of log.lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });

  it('masks any other Slack token by its shape, keeping its kind', () => {
    const log = recordingLogger();
    slackLogger(log, []).info('user xoxp-123-456-789-abc, app xapp-1-A0-99-ff, refresh xoxe-1-abc');
    expect(log.lines).toEqual(['info user xoxp-[redacted], app xapp-[redacted], refresh xoxe-[redacted]']);
  });

  it('passes levels and names through, in the shape Bolt reads', () => {
    const log = recordingLogger();
    const logger = slackLogger(log, []);
    logger.setLevel(LogLevel.WARN);
    expect(log.getLevel()).toBe('warn');
    expect(logger.getLevel()).toBe(LogLevel.WARN);
  });
});
