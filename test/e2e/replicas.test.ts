/**
 * Many replicas (issue #9): three real bot processes in HTTP mode (`tsx src/main.ts`, as `npm start`
 * runs it) behind no load balancer, sharing one SQLite file through DATABASE_URL. Each request of
 * one conversation goes to a different process: the ask, its Share click, its Other-matches click,
 * a /docker-ps whose result is shared or explained from a fourth request elsewhere, and one Slack
 * event delivered to all three (answered once between them).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntryRef } from '../../src/slack/interactions.ts';
import { type BotProcess, spawnBot } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { type FakeEngine, startFakeEngine } from '../support/fake-engine.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { freeLoopbackPort } from '../support/net.ts';
import {
  buttonClickPayload,
  eventEnvelope,
  interactionBody,
  postSigned,
  slashCommandBody,
} from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';
import { tempFolders } from '../support/temp-folders.ts';

const SECRET = 'replicas-signing-secret';
const FORM = 'application/x-www-form-urlencoded';

interface Replica extends BotProcess {
  url: string;
}

interface Button {
  action_id: string;
  value: string;
}

const slack = new SlackStandIn();
const folders = tempFolders('replicas-');
let engine: FakeEngine;
let replicas: Replica[] = [];

async function startReplica(databaseUrl: string): Promise<Replica> {
  const port = await freeLoopbackPort();
  const bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-replicas',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
    KNOWLEDGE_WATCH: '0',
    DOCKER_HOST: engine.host,
    DATABASE_URL: databaseUrl,
  });
  return { ...bot, url: `http://127.0.0.1:${port}/slack/events` };
}

beforeAll(async () => {
  await slack.start();
  engine = await startFakeEngine();
  const databaseUrl = `sqlite:${path.join(folders.make(), 'bot.db')}`;
  replicas = await Promise.all([0, 1, 2].map(() => startReplica(databaseUrl)));
  await Promise.all(replicas.map((r) => r.waitFor('listening', { timeoutMs: 60_000 })));
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await engine?.close();
  await slack.stop();
  folders.removeAll();
});

function buttonsOf(message: unknown): Button[] {
  const blocks = (message as { blocks?: Array<{ elements?: unknown[]; accessory?: unknown }> }).blocks ?? [];
  return blocks
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e): e is Button => typeof (e as Button).action_id === 'string')
    .map((e) => ({ action_id: e.action_id, value: e.value ?? '' }));
}

async function click(replica: Replica, button: Button, responseId: string, extra: { messageTs?: string } = {}) {
  const payload = buttonClickPayload({
    actionId: button.action_id,
    value: button.value,
    responseUrl: slack.responseUrl(responseId),
    userId: 'U0BOB',
    isEphemeral: true,
    ...extra,
  });
  const res = await postSigned(replica.url, interactionBody(payload), FORM, SECRET);
  expect(res.status).toBe(200);
}

describe('three replicas sharing nothing but the store', () => {
  it('an ask on one, its Share click on another and its Other-matches click on the third', async () => {
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const asked = await postSigned(
      first.url,
      slashCommandBody({ command: '/docker-ask', text: '컨테이너 삭제 순서?', responseUrl: slack.responseUrl('ask') }),
      FORM,
      SECRET,
    );
    expect(asked.status).toBe(200);
    const answer = JSON.parse(asked.text) as { blocks: unknown[] };
    expect(JSON.stringify(answer)).toContain('deletion-order');
    const share = buttonsOf(answer).find((b) => b.action_id.startsWith('share_answer'));
    const others = buttonsOf(answer).find((b) => b.action_id.startsWith('other_matches'));
    expect(share && others).toBeTruthy();

    await click(second, share!, 'share');
    const shared = await eventually(
      () => slack.responsesTo('share').find((r) => r.body.response_type === 'in_channel'),
      { what: 'the shared answer', timeoutMs: 10_000 },
    );
    expect(JSON.stringify(shared.body)).toContain('deletion-order');

    await click(third, others!, 'others');
    const [list] = await eventually(() => slack.responsesTo('others').length && slack.responsesTo('others'), {
      what: 'the other matches',
      timeoutMs: 10_000,
    });
    expect(list?.body.response_type).toBe('ephemeral');
    expect(buttonsOf(list?.body).length).toBeGreaterThan(0);
    const listed = buttonsOf(list?.body).map((b) => decodeEntryRef(b.value)?.entryId);
    expect(listed).not.toContain('deletion-order');
  });

  it('a /docker-ps result arrives through the response_url, and another replica shares or explains it', async () => {
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const acked = await postSigned(
      first.url,
      slashCommandBody({ command: '/docker-ps', text: '-a', responseUrl: slack.responseUrl('ps'), channelId: 'C0OPS' }),
      FORM,
      SECRET,
    );
    expect(acked.status).toBe(200);
    const [result] = await eventually(() => slack.responsesTo('ps').length && slack.responsesTo('ps'), {
      what: 'the /docker-ps result',
      timeoutMs: 15_000,
    });
    const buttons = buttonsOf(result?.body);
    // A Docker result may come privately with a Share button, or publicly with an Explain button.
    const share = buttons.find((b) => /share/i.test(b.action_id));
    if (share) {
      await click(second, share, 'ps-share', { messageTs: '1700000500.000100' });
      const shared = await eventually(
        () =>
          slack.responsesTo('ps-share').find((r) => r.body.response_type === 'in_channel') ??
          slack.posted.find((c) => c.args.channel === 'C0OPS'),
        { what: 'the shared Docker result', timeoutMs: 10_000 },
      );
      expect(shared).toBeTruthy();
    } else {
      expect(result?.body.response_type).toBe('in_channel');
      const explain = buttons.find((b) => b.action_id.startsWith('explain_docker'));
      expect(explain).toBeTruthy();
      const before = slack.posted.length;
      await click(third, explain!, 'ps-explain', { messageTs: '1700000500.000100' });
      await eventually(
        () =>
          slack.posted.slice(before).some((c) => c.args.thread_ts === '1700000500.000100') ||
          slack.responsesTo('ps-explain').length,
        { what: 'the explanation from another replica', timeoutMs: 10_000 },
      );
    }
  });

  it('one Slack event delivered to all three is answered once between them', async () => {
    const envelope = JSON.stringify(
      eventEnvelope({
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@UBOT> wsl?',
        ts: '1700000600.000100',
        channel: 'C0REPLICAS',
        event_ts: '1700000600.000100',
      }),
    );
    const acks = await Promise.all(replicas.map((r) => postSigned(r.url, envelope, 'application/json', SECRET)));
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    const answers = () => slack.posted.filter((c) => c.args.thread_ts === '1700000600.000100');
    await eventually(() => answers().length, { what: 'the answer', timeoutMs: 10_000 });
    await eventually(() => replicas.filter((r) => r.output().includes('already handled')).length === 2, {
      what: 'two replicas to skip the event',
      timeoutMs: 10_000,
    });
    expect(answers()).toHaveLength(1);
  });
});
