import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger as BoltLogger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardSlackRequests, MAX_CLOCK_SKEW_SECONDS } from '../../src/slack/http/request-guard.ts';
import { recordingLogger } from '../support/logger.ts';

const SECRET = 'guard-test-secret';
/**
 * The guard's clock, an hour ahead of the real one: every timestamp below is then in the real
 * future, which Bolt's own signature check (on the real clock) lets through, so only the guard's
 * rule decides.
 */
const GUARD_NOW_SEC = Math.floor(Date.now() / 1000) + 3600;

let server: Server;
let url: string;

beforeAll(async () => {
  const guarded = guardSlackRequests(
    (_req, res) => {
      res.writeHead(200);
      res.end('passed');
    },
    {
      signingSecret: SECRET,
      endpoints: ['/slack/events'],
      logger: recordingLogger() as unknown as BoltLogger,
      now: () => GUARD_NOW_SEC * 1000,
    },
  );
  server = createServer(guarded);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function postDated(timestampSec: number): Promise<number> {
  const body = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } });
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestampSec),
      'x-slack-signature': signature,
    },
    body,
  });
  await res.text();
  return res.status;
}

describe('guardSlackRequests: the request timestamp, on a fixed clock', () => {
  it.each([
    ['exactly 5 minutes old', -MAX_CLOCK_SKEW_SECONDS, 200],
    ['exactly 5 minutes ahead', MAX_CLOCK_SKEW_SECONDS, 200],
    ['5 minutes and a second old', -MAX_CLOCK_SKEW_SECONDS - 1, 401],
    ['5 minutes and a second ahead', MAX_CLOCK_SKEW_SECONDS + 1, 401],
  ])('a signed request dated %s: %i', async (_what, skewSec, status) => {
    expect(await postDated(GUARD_NOW_SEC + skewSec)).toBe(status);
  });
});
