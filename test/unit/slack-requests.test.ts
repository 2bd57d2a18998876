import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observe/metrics.ts';
import { observeRequests, recordOutcome } from '../../src/slack/requests.ts';
import { slackApiError } from '../support/bolt.ts';
import { recordingLogger } from '../support/logger.ts';

/** Runs the middleware once around `listener`, as Bolt would with a request of `body`. */
function handle(
  observed: ReturnType<typeof observeRequests>,
  body: Record<string, unknown>,
  listener: (context: Record<string, unknown>) => Promise<void>,
  client = new EventEmitter(),
) {
  const context: Record<string, unknown> = {};
  return observed.middleware({ body, context, client, next: () => listener(context) } as never);
}

async function series(metrics: ReturnType<typeof createMetrics>, line: string): Promise<number> {
  const { body } = await metrics.render();
  const escaped = line.replace(/[{}]/g, '\\$&');
  return Number(new RegExp(`^${escaped} (\\S+)$`, 'm').exec(body)?.[1]);
}

describe('observeRequests', () => {
  it('a listener that throws a Web API error: outcome failed, the error counted by its code, and rethrown', async () => {
    const metrics = createMetrics();
    const logger = recordingLogger();
    const observed = observeRequests(logger, metrics);
    const failing = handle(observed, { event: { type: 'app_mention', user: 'U1', channel: 'C1' } }, async () => {
      throw slackApiError('not_in_channel');
    });
    await expect(failing).rejects.toThrow('not_in_channel');
    expect(await series(metrics, 'docker_notes_bot_slack_api_errors_total{code="not_in_channel"}')).toBe(1);
    expect(await series(metrics, 'docker_notes_bot_slack_requests_total{kind="event",outcome="failed"}')).toBe(1);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('"outcome":"failed"');
  });

  it("counts Slack's 429s on every client it sees, each client watched once", async () => {
    const metrics = createMetrics();
    const observed = observeRequests(recordingLogger(), metrics);
    const client = new EventEmitter();
    for (let i = 0; i < 3; i++) await handle(observed, { command: '/docker-ask' }, async () => {}, client);
    client.emit('rate_limited', 5);
    expect(await series(metrics, 'docker_notes_bot_slack_rate_limited_total')).toBe(1);
  });

  it('counts refusals by reason, and ignored requests only at debug level', async () => {
    const metrics = createMetrics();
    const logger = recordingLogger();
    const observed = observeRequests(logger, metrics);
    await handle(observed, { command: '/docker-ps' }, async (context) =>
      recordOutcome(context as never, { outcome: 'refused', refusal: 'access' }),
    );
    await handle(observed, { command: '/docker-ps' }, async (context) =>
      recordOutcome(context as never, { outcome: 'rate limited' }),
    );
    await handle(observed, { event: { type: 'message' } }, async (context) =>
      recordOutcome(context as never, { outcome: 'ignored' }),
    );
    expect(await series(metrics, 'docker_notes_bot_refusals_total{reason="access"}')).toBe(1);
    expect(await series(metrics, 'docker_notes_bot_refusals_total{reason="rate_limit"}')).toBe(1);
    expect(logger.lines.map((l) => l.split(' ')[0])).toEqual(['info', 'info', 'debug']);
  });

  it('settle: resolves when the last request in flight ends, or at the bound with how many still are', async () => {
    const observed = observeRequests(recordingLogger(), createMetrics());
    let finish = () => {};
    const slow = handle(observed, { command: '/docker-ps' }, () => new Promise<void>((r) => (finish = r)));
    expect(observed.inFlight.count).toBe(1);
    expect(await observed.inFlight.settle(20)).toBe(1);
    const settled = observed.inFlight.settle(5000);
    finish();
    await slow;
    expect(await settled).toBe(0);
  });
});
