import path from 'node:path';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEachEventOnce } from '../../src/slack/middleware.ts';
import { createLocalGuards, createReplicaGuards, createStore, type Store } from '../../src/store/index.ts';
import { recordingLogger } from '../support/logger.ts';
import { tempFolders } from '../support/temp-folders.ts';

const folders = tempFolders('claims-');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  folders.removeAll();
});

/** Runs one event through the middleware; true when it reached the listeners. */
async function deliver(
  middleware: Middleware<AnyMiddlewareArgs>,
  eventId: string | undefined,
  retry?: { num: number; reason: string },
): Promise<boolean> {
  let handled = false;
  await middleware({
    body: eventId === undefined ? { type: 'block_actions' } : { type: 'event_callback', event_id: eventId },
    context: retry ? { retryNum: retry.num, retryReason: retry.reason } : {},
    next: async () => {
      handled = true;
    },
  } as unknown as Parameters<Middleware<AnyMiddlewareArgs>>[0]);
  return handled;
}

describe('answerEachEventOnce', () => {
  it('handles an event once: a second delivery and every retry reason are skipped', async () => {
    const local = createLocalGuards();
    const logger = recordingLogger();
    const once = answerEachEventOnce({ claim: async (id, ttl) => local.claim(id, ttl) }, logger);
    expect(await deliver(once, 'Ev1')).toBe(true);
    expect(await deliver(once, 'Ev1')).toBe(false);
    expect(await deliver(once, 'Ev1', { num: 1, reason: 'http_timeout' })).toBe(false);
    expect(await deliver(once, 'Ev1', { num: 2, reason: 'http_error' })).toBe(false);
    expect(await deliver(once, 'Ev2', { num: 1, reason: 'http_timeout' })).toBe(true);
    // Requests without an event id (clicks, commands) are no events to claim.
    expect(await deliver(once, undefined)).toBe(true);
    expect(await deliver(once, undefined)).toBe(true);
    expect(logger.lines).toEqual([
      'info Ignored a second delivery of event Ev1: already handled',
      "info Ignored Slack's retry #1 (http_timeout) of event Ev1: already handled",
      "info Ignored Slack's retry #2 (http_error) of event Ev1: already handled",
      "info Answering Slack's retry #1 (http_timeout) of event Ev2: its first delivery never arrived",
    ]);
  });

  it('replicas sharing one store handle an event once between them', async () => {
    const file = path.join(folders.make(), 'bot.db');
    const replicas = [0, 1, 2].map(() => {
      const store = createStore(`sqlite:${file}`);
      stores.push(store);
      return answerEachEventOnce(createReplicaGuards(store), recordingLogger());
    });
    const handled = await Promise.all(replicas.map((replica) => deliver(replica, 'EvShared')));
    expect(handled.filter(Boolean)).toHaveLength(1);
    expect(await deliver(replicas[2]!, 'EvShared', { num: 1, reason: 'http_error' })).toBe(false);
    expect(await deliver(replicas[1]!, 'EvOther')).toBe(true);
  });

  it('a claim expires after its window, so the id is not remembered for ever', async () => {
    let t = 0;
    const local = createLocalGuards(() => t);
    const once = answerEachEventOnce({ claim: async (id, ttl) => local.claim(id, ttl) }, recordingLogger(), 1000);
    expect(await deliver(once, 'Ev9')).toBe(true);
    t = 999;
    expect(await deliver(once, 'Ev9')).toBe(false);
    t = 1000;
    expect(await deliver(once, 'Ev9')).toBe(true);
  });
});
