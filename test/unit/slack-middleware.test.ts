/**
 * The global middleware called with fake Bolt arguments: the workspace pin (SLACK_TEAM_ID), and
 * messages and mentions from bots, which no listener answers.
 */
import { describe, expect, it, vi } from 'vitest';
import { handleDirectMessage } from '../../src/slack/listeners/events/direct-message.ts';
import { handleAppMention } from '../../src/slack/listeners/events/mention.ts';
import { ignoreBotMessages, pinTeam } from '../../src/slack/middleware.ts';
import { callListener, slackDeps } from '../support/bolt.ts';
import { recordingLogger } from '../support/logger.ts';

type MiddlewareArgs = Parameters<ReturnType<typeof pinTeam>>[0];

/** Runs `middleware` on a request with this context and body; says whether it went on and what it acked. */
async function run(
  middleware: ReturnType<typeof pinTeam>,
  request: { context?: Record<string, unknown>; body: Record<string, unknown>; withAck?: boolean },
) {
  const next = vi.fn(async () => {});
  const ack = vi.fn(async (_response?: unknown) => {});
  const args = { context: request.context ?? {}, body: request.body, next, ...(request.withAck ? { ack } : {}) };
  await middleware(args as unknown as MiddlewareArgs);
  return { passed: next.mock.calls.length === 1, ack };
}

describe('pinTeam (SLACK_TEAM_ID)', () => {
  const command = { command: '/docker-ask', text: 'x' };

  it('lets the pinned workspace through', async () => {
    const r = await run(pinTeam('T0PIN', recordingLogger()), { context: { teamId: 'T0PIN' }, body: command });
    expect(r.passed).toBe(true);
  });

  it('lets a workspace of the pinned Enterprise Grid org through when the pin is the org (E…)', async () => {
    const r = await run(pinTeam('E0ORG', recordingLogger()), {
      context: { teamId: 'T0ANY', enterpriseId: 'E0ORG' },
      body: command,
    });
    expect(r.passed).toBe(true);
  });

  it('refuses another workspace: a command gets the one-line refusal', async () => {
    const logger = recordingLogger();
    const r = await run(pinTeam('T0PIN', logger), { context: { teamId: 'T0OTHER' }, body: command, withAck: true });
    expect(r.passed).toBe(false);
    expect(r.ack).toHaveBeenCalledWith({ response_type: 'ephemeral', text: 'This bot serves another workspace.' });
    expect(logger.lines.join('\n')).toContain('Ignored a request from workspace T0OTHER');
  });

  it.each([
    ['a command', command],
    ['an event', { event: { type: 'app_mention', text: 'hi', user: 'U1' } }],
    ['a button click', { type: 'block_actions', actions: [] }],
  ])('refuses %s that names no workspace at all', async (_what, body) => {
    const logger = recordingLogger();
    const r = await run(pinTeam('T0PIN', logger), { context: {}, body, withAck: true });
    expect(r.passed).toBe(false);
    expect(r.ack).toHaveBeenCalledTimes(1);
    expect(logger.lines.join('\n')).toContain('Ignored a request that names no workspace');
  });

  it('refuses an enterprise-only request when the pin is a workspace', async () => {
    const r = await run(pinTeam('T0PIN', recordingLogger()), { context: { enterpriseId: 'E0ORG' }, body: command });
    expect(r.passed).toBe(false);
  });
});

describe('messages from bots are never answered', () => {
  const mention = { type: 'app_mention', user: 'U0ALICE', text: '<@UBOT> wsl?', ts: '1.1', channel: 'C0GENERAL' };
  const dm = { type: 'message', channel_type: 'im', channel: 'D0ALICE', user: 'U0ALICE', text: 'wsl', ts: '2.1' };
  const fromBots = (event: Record<string, unknown>) => [
    { ...event, bot_id: 'B0OTHER' },
    { ...event, subtype: 'bot_message', bot_id: undefined, user: undefined, username: 'ci-bot' },
  ];

  it.each([
    ['mention', mention],
    ['direct message', dm],
  ])('the middleware drops a bot %s before any listener', async (_what, event) => {
    for (const botEvent of fromBots(event)) {
      const r = await run(ignoreBotMessages(recordingLogger()), { body: { type: 'event_callback', event: botEvent } });
      expect(r.passed).toBe(false);
    }
    const person = await run(ignoreBotMessages(recordingLogger()), { body: { type: 'event_callback', event } });
    expect(person.passed).toBe(true);
  });

  it('lets through everything that is not a bot message: commands, clicks, other events', async () => {
    for (const body of [
      { command: '/docker-ask', text: 'x' },
      { type: 'block_actions', actions: [] },
      { type: 'event_callback', event: { type: 'app_home_opened', user: 'U1', tab: 'home' } },
    ]) {
      expect((await run(ignoreBotMessages(recordingLogger()), { body })).passed).toBe(true);
    }
  });

  it('the mention and DM listeners themselves ignore bots too', async () => {
    const deps = slackDeps();
    for (const event of [...fromBots(mention)]) {
      const { client } = await callListener(handleAppMention, deps, { event });
      expect(client.chat.postMessage).not.toHaveBeenCalled();
    }
    for (const event of [...fromBots(dm)]) {
      const { client } = await callListener(handleDirectMessage, deps, { event });
      expect(client.chat.postMessage).not.toHaveBeenCalled();
    }
    const { client } = await callListener(handleAppMention, deps, { event: mention });
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
  });
});
