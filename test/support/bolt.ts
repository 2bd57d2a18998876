/**
 * Listeners called directly, the way Slack's Bolt templates test theirs: the handler gets the
 * payload plus ack/respond/client spies, and a test reads what it acked, responded and posted.
 */
import { vi } from 'vitest';
import type { DockerReader } from '../../src/docker/types.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { createRateLimiter } from '../../src/slack/access.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { createDelivery } from '../../src/slack/delivery/index.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { fixtureKnowledge } from './knowledge.ts';
import { recordingLogger } from './logger.ts';

/** Docker that must not be asked: a listener test about knowledge never reaches it. */
const NO_DOCKER: DockerReader = {
  ps: () => Promise.reject(new Error('Docker was not expected in this test')),
  df: () => Promise.reject(new Error('Docker was not expected in this test')),
};

export interface TestDeps extends SlackDeps {
  logger: ReturnType<typeof recordingLogger>;
}

/** Listener dependencies over the fixture notes, English by default, everyone allowed. */
export function slackDeps(
  overrides: { kb?: KnowledgeBase; docker?: DockerReader; config?: Partial<HttpModeConfig> } = {},
): TestDeps {
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: 'xoxb-unit',
    signingSecret: 'unit-signing-secret',
    port: 0,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 100, windowMs: 60_000 } },
    ...overrides.config,
  };
  const { limit, windowMs } = config.docker.rateLimit;
  const logger = recordingLogger();
  return {
    config,
    kb: overrides.kb ?? fixtureKnowledge(),
    docker: overrides.docker ?? NO_DOCKER,
    dockerRateLimiter: createRateLimiter(limit, windowMs),
    logger,
    delivery: createDelivery(logger),
  };
}

/** A Slack API error as the Web API client throws it (err.data.error is the code). */
export function slackApiError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

/** The spies every listener may use; `respond` resolves like a response_url that took the post. */
export function boltSpies() {
  return {
    // Bolt's per-request context: listeners record their outcome in it (src/slack/requests.ts).
    context: {} as Record<string, unknown>,
    ack: vi.fn(async (_response?: unknown) => {}),
    respond: vi.fn(async (_message: unknown) => new Response('ok')),
    client: {
      chat: { postMessage: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, ts: '1700000000.000999' })) },
      views: {
        open: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })),
        publish: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })),
      },
    },
  };
}

export type BoltSpies = ReturnType<typeof boltSpies>;

/**
 * Calls `handler` with `payload` (command, event, action + body, shortcut, view…) and the spies,
 * cast to the listener's argument type: the fields a test leaves out are ones the handler must not need.
 */
export async function callListener<Args>(
  handler: (deps: SlackDeps, args: Args) => Promise<void>,
  deps: SlackDeps,
  payload: Record<string, unknown>,
  spies: BoltSpies = boltSpies(),
): Promise<BoltSpies> {
  // Bolt hands every event listener its envelope too; the listeners name answers by its event_id.
  const envelope = 'event' in payload && !('body' in payload) ? { body: { event_id: 'EvTEST' } } : {};
  // A test's context fields (botUserId…) go into the spied context, where listeners record their outcome.
  Object.assign(spies.context, payload.context);
  await handler(deps, { ...envelope, ...payload, ...spies } as unknown as Args);
  return spies;
}
