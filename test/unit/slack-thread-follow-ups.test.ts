/**
 * Replies in the bot's threads, answered without a mention: the listener called with fake Bolt
 * arguments and a store that remembers threads in memory. Over the wire: test/e2e/slack-socket.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { readSlackConfig } from '../../src/slack/config.ts';
import { handleAppMention } from '../../src/slack/listeners/events/mention.ts';
import { handleThreadFollowUp } from '../../src/slack/listeners/events/thread-follow-up.ts';
import { handleExplainInThread } from '../../src/slack/listeners/shortcuts/explain-in-thread.ts';
import type { Store } from '../../src/store/types.ts';
import { createLogThrottle } from '../../src/time/log-throttle.ts';
import { callListener, slackDeps } from '../support/bolt.ts';
import { messageShortcutPayload } from '../support/slack-requests.ts';

const BOT = 'UBOT';

/** The one part of the store follow-ups use, in memory; `failing` makes every call throw. */
function threadStore(failing = false) {
  const threads = new Set<string>();
  const fail = () => Promise.reject(new Error('store down (unit)'));
  const botThreads = {
    remember: (channel: string, ts: string) =>
      failing ? fail() : Promise.resolve(void threads.add(`${channel}/${ts}`)),
    has: (channel: string, ts: string) => (failing ? fail() : Promise.resolve(threads.has(`${channel}/${ts}`))),
  };
  return { store: { botThreads } as unknown as Store, threads };
}

const reply = (overrides: Record<string, unknown> = {}) => ({
  event: {
    type: 'message',
    channel_type: 'channel',
    channel: 'C0GENERAL',
    user: 'U0BOB',
    text: 'and where is the docker root dir?',
    ts: '1.5',
    thread_ts: '1.1',
    parent_user_id: 'U0ALICE',
    ...overrides,
  },
  context: { botUserId: BOT },
});

const posted = (spies: { client: { chat: { postMessage: { mock: { calls: unknown[][] } } } } }) =>
  spies.client.chat.postMessage.mock.calls.map(([args]) => args as Record<string, unknown>);

describe('follow-ups in the bot’s threads', () => {
  it('a mention answered in a thread is remembered; a plain reply there is answered in that thread', async () => {
    const { store, threads } = threadStore();
    const deps = { ...slackDeps(), store };
    const mention = { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT}> wsl?`, ts: '1.1', channel: 'C0GENERAL' };
    await callListener(handleAppMention, deps, { event: mention });
    expect([...threads]).toEqual(['C0GENERAL/1.1']);
    const spies = await callListener(handleThreadFollowUp, deps, reply());
    expect(posted(spies)).toHaveLength(1);
    expect(posted(spies)[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1.1' });
    expect(JSON.stringify(posted(spies))).toContain('docker-root-dir');
    expect(deps.logger.lines.at(-1)).toBe('info follow-up by U0BOB in C0GENERAL: answered with docker-root-dir');
  });

  it('a reply in a thread the bot never answered, or a message outside threads, gets nothing', async () => {
    const deps = { ...slackDeps(), store: threadStore().store };
    for (const payload of [reply(), reply({ thread_ts: undefined, ts: '1.1' }), reply({ ts: '1.1' })]) {
      expect(posted(await callListener(handleThreadFollowUp, deps, payload))).toEqual([]);
    }
  });

  it('a thread under the bot’s own message needs no store: parent_user_id says whose it is', async () => {
    const deps = slackDeps();
    expect(posted(await callListener(handleThreadFollowUp, deps, reply({ parent_user_id: BOT })))).toHaveLength(1);
    expect(posted(await callListener(handleThreadFollowUp, deps, reply()))).toEqual([]);
  });

  it('ignores bot messages, edits and other subtypes, DMs, and replies that mention the bot', async () => {
    const { store } = threadStore();
    await store.botThreads.remember('C0GENERAL', '1.1');
    const deps = { ...slackDeps(), store };
    for (const payload of [
      reply({ bot_id: 'B0OTHER' }),
      reply({ subtype: 'message_changed' }),
      reply({ subtype: 'thread_broadcast' }),
      reply({ channel_type: 'im' }),
      reply({ text: `<@${BOT}> where is the docker root dir?` }),
    ]) {
      expect(posted(await callListener(handleThreadFollowUp, deps, payload))).toEqual([]);
    }
    expect(posted(await callListener(handleThreadFollowUp, deps, reply({ channel_type: 'group' })))).toHaveLength(1);
  });

  it('people talking in the thread are left alone: small talk and what the notes lack get no reply', async () => {
    const { store } = threadStore();
    await store.botThreads.remember('C0GENERAL', '1.1');
    const deps = { ...slackDeps(), store };
    for (const text of ['thanks, that worked!', 'lunch at noon?', '']) {
      expect(posted(await callListener(handleThreadFollowUp, deps, reply({ text })))).toEqual([]);
    }
  });

  it("a complaint about the bot's answer in its thread gets an apology there", async () => {
    const { store } = threadStore();
    await store.botThreads.remember('C0GENERAL', '1.1');
    const deps = { ...slackDeps(), store };
    const sentInThread = posted(await callListener(handleThreadFollowUp, deps, reply({ text: '답이 틀렸잖아요' })));
    expect(sentInThread).toHaveLength(1);
    expect(JSON.stringify(sentInThread[0])).toContain('제대로 답하지 못해 죄송해요');
  });

  it('THREAD_FOLLOW_UPS=0 turns them off: nothing remembered, nothing answered', async () => {
    const { store, threads } = threadStore();
    const deps = { ...slackDeps({ config: { threadFollowUps: false } }), store };
    const mention = { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT}> wsl?`, ts: '1.1', channel: 'C0GENERAL' };
    await callListener(handleAppMention, deps, { event: mention });
    expect(threads.size).toBe(0);
    expect(posted(await callListener(handleThreadFollowUp, deps, reply({ parent_user_id: BOT })))).toEqual([]);
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(readSlackConfig(env)?.threadFollowUps).toBe(true);
    expect(readSlackConfig({ ...env, THREAD_FOLLOW_UPS: '0' })?.threadFollowUps).toBe(false);
    expect(() => readSlackConfig({ ...env, THREAD_FOLLOW_UPS: 'maybe' })).toThrow(/THREAD_FOLLOW_UPS=maybe/);
  });

  it('a failing store costs the follow-up, never the answer: a warning, no throw', async () => {
    const deps = { ...slackDeps(), store: threadStore(true).store };
    const mention = { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT}> wsl?`, ts: '1.1', channel: 'C0GENERAL' };
    const answered = await callListener(handleAppMention, deps, { event: mention });
    expect(posted(answered)).toHaveLength(1);
    expect(posted(await callListener(handleThreadFollowUp, deps, reply()))).toEqual([]);
    expect(deps.logger.lines.filter((l) => l.startsWith('warn'))).toHaveLength(2);
    expect(deps.logger.lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('while the store stays down, its warning is one line a minute, saying how many it stands for', async () => {
    let clock = 1_000_000;
    const deps = {
      ...slackDeps(),
      store: threadStore(true).store,
      storeWarnings: createLogThrottle({ now: () => clock }),
    };
    const warnings = () => deps.logger.lines.filter((l) => l.startsWith('warn'));
    for (const at of [0, 10_000, 59_999]) {
      clock = 1_000_000 + at;
      expect(posted(await callListener(handleThreadFollowUp, deps, reply({ ts: `1.${at}` })))).toEqual([]);
    }
    expect(warnings()).toEqual([
      'warn thread C0GENERAL/1.1: could not tell whether the bot answered there: store down (unit)',
    ]);
    clock = 1_060_000;
    await callListener(handleThreadFollowUp, deps, reply({ thread_ts: '2.2' }));
    expect(warnings()).toEqual([
      'warn thread C0GENERAL/1.1: could not tell whether the bot answered there: store down (unit)',
      'warn thread C0GENERAL/2.2: could not tell whether the bot answered there: store down (unit) (2 more like it since the last such line)',
    ]);
    // A mention's thread not remembered is another kind: its first line is not held back by the other's.
    const mention = { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT}> wsl?`, ts: '3.3', channel: 'C0GENERAL' };
    expect(posted(await callListener(handleAppMention, deps, { event: mention }))).toHaveLength(1);
    expect(warnings().at(-1)).toBe('warn thread C0GENERAL/3.3 not remembered for follow-ups: store down (unit)');
    expect(warnings()).toHaveLength(3);
  });

  it('a store that does not answer within a second leaves the reply alone, with a warning', async () => {
    vi.useFakeTimers();
    try {
      const hanging = { botThreads: { has: () => new Promise<boolean>(() => {}) } } as unknown as Store;
      const deps = { ...slackDeps(), store: hanging };
      const handled = callListener(handleThreadFollowUp, deps, reply());
      await vi.advanceTimersByTimeAsync(1000);
      expect(posted(await handled)).toEqual([]);
      expect(deps.logger.lines).toEqual([
        'warn thread C0GENERAL/1.1: could not tell whether the bot answered there: the store took over 1000 ms',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Explain in thread remembers the thread it posted in', async () => {
    const { store, threads } = threadStore();
    const payload = messageShortcutPayload({
      text: 'docker root dir?',
      ts: '3.1',
      responseUrl: 'https://hooks.slack.test/x',
    });
    await callListener(handleExplainInThread, { ...slackDeps(), store }, { shortcut: payload, body: payload });
    expect([...threads]).toEqual(['C0GENERAL/3.1']);
  });
});
