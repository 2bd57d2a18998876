import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import { ConfigError } from '../../src/errors.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { expectNoInjectedMarkup, HOSTILE_TEXT } from '../support/slack-markup.ts';
import {
  buttonClickPayload,
  eventEnvelope,
  interactionBody,
  messageShortcutPayload,
  postSigned,
  slashCommandBody,
} from '../support/slack-requests.ts';
import { REVOKED_TOKEN_PREFIX, SlackStandIn, TEAM_ID } from '../support/slack-standin.ts';

const SECRET = 'e2e-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-e2e-bot-token-should-never-be-logged';
const FORM = 'application/x-www-form-urlencoded';
const NO_DOCKER = 'unix:///tmp/docker-notes-bot-e2e-no-such.sock';

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }>;
  accessory?: { action_id?: string; value?: string; text?: { text: string } };
}

const slack = new SlackStandIn();
const logger = recordingLogger();
let bot: SlackBot;
let eventsUrl: string;

beforeAll(async () => {
  await slack.start();
  const kb = fixtureKnowledge();
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    teamId: TEAM_ID,
    defaultLang: 'ko',
    docker: {
      allowedChannels: ['C0DOCKER'],
      allowedUsers: ['U0ALICE', 'U0OPS', 'U0RATE'],
      rateLimit: { limit: 2, windowMs: 60_000 },
    },
  };
  // No engine behind this socket: the Docker tests here are about access, usage and failures.
  const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: NO_DOCKER, DOCKER_TIMEOUT_MS: '2000' }));
  bot = createSlackApp({ config, kb, docker, logger });
  await bot.start();
  eventsUrl = `http://127.0.0.1:${bot.httpPort()}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await slack.stop();
});

function command(text: string, responseId: string, extra: { userId?: string; channelId?: string } = {}) {
  return postSigned(
    eventsUrl,
    slashCommandBody({ command: '/docker-ask', text, responseUrl: slack.responseUrl(responseId), ...extra }),
    FORM,
    SECRET,
  );
}

function buttons(blocks: Block[]): Array<{ action_id: string; value: string; text: string }> {
  return blocks
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e): e is { action_id: string; value: string; text: { text: string } } => typeof e.action_id === 'string')
    .map((e) => ({ action_id: e.action_id, value: e.value ?? '', text: e.text?.text ?? '' }));
}

function allText(blocks: Block[]): string {
  return JSON.stringify(blocks);
}

/** Text as Slack delivers what a user typed: &, < and > as entities. */
function asSlackSends(typed: string): string {
  return typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Clicks a button as `userId` and returns what the bot posted to that click's response_url. */
async function click(button: { action_id: string; value: string }, responseId: string, userId = 'U0ALICE', count = 1) {
  const payload = buttonClickPayload({
    actionId: button.action_id,
    value: button.value,
    responseUrl: slack.responseUrl(responseId),
    isEphemeral: true,
    userId,
  });
  await postSigned(eventsUrl, interactionBody(payload), FORM, SECRET);
  return eventually(() =>
    slack.responsesTo(responseId).length >= count ? slack.responsesTo(responseId).map((r) => r.body) : undefined,
  );
}

describe('HTTP mode', () => {
  it('checked the bot token with auth.test at the stand-in before listening', () => {
    const authTests = slack.callsTo('auth.test');
    expect(authTests.length).toBeGreaterThanOrEqual(1);
    expect(authTests[0]?.token).toBe(BOT_TOKEN);
  });

  it('serves /healthz with the number of topics loaded', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.httpPort()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, topics: 6, slack: 'http', shuttingDown: false });
  });

  it('/docker-ask answers privately in the ack itself, with Share and Other matches buttons', async () => {
    const res = await command('컨테이너 삭제 순서?', 'ask-1');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const reply = JSON.parse(res.text) as { response_type: string; text: string; blocks: Block[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]?.type).toBe('header');
    expect(allText(reply.blocks)).toContain('deletion-order');
    const labels = buttons(reply.blocks).map((b) => b.text);
    expect(labels).toEqual(['채널에 공유', '다른 결과']);
  });

  it('/docker-ask in English gets English buttons', async () => {
    const res = await command('where does docker keep its data? docker root dir', 'ask-en');
    const reply = JSON.parse(res.text) as { blocks: Block[] };
    expect(allText(reply.blocks)).toContain('docker-root-dir');
    expect(buttons(reply.blocks).map((b) => b.text)).toEqual(['Share in channel', 'Other matches']);
  });

  it('/docker-ask with no text gives help and the topic list', async () => {
    const res = await command('', 'ask-help');
    const reply = JSON.parse(res.text) as { response_type: string; blocks: Block[] };
    expect(reply.response_type).toBe('ephemeral');
    const text = allText(reply.blocks);
    expect(text).toContain('/docker-ask');
    expect(text).toContain('도커 루트 디렉터리');
  });

  it('/docker-ask the notes do not cover says so and offers at most three topics', async () => {
    const res = await command('how do I bake sourdough bread at home', 'ask-out');
    const reply = JSON.parse(res.text) as { blocks: Block[] };
    expect(allText(reply.blocks)).toContain("The notes don't cover");
    expect(buttons(reply.blocks).length).toBeLessThanOrEqual(3);
    expect(buttons(reply.blocks).every((b) => b.action_id.startsWith('show_entry'))).toBe(true);
  });

  it('Share in channel posts the answer publicly through response_url naming the sharer, then removes the private copy', async () => {
    const ask = JSON.parse((await command('도커 루트 디렉터리 어디?', 'ask-share')).text) as { blocks: Block[] };
    const share = buttons(ask.blocks).find((b) => b.action_id.startsWith('share_answer'));
    expect(share).toBeDefined();
    const click = buttonClickPayload({
      actionId: share!.action_id,
      value: share!.value,
      responseUrl: slack.responseUrl('share-1'),
      isEphemeral: true,
      userId: 'U0CAROL',
    });
    const res = await postSigned(eventsUrl, interactionBody(click), FORM, SECRET);
    expect(res.status).toBe(200);
    const posts = await eventually(() =>
      slack.responsesTo('share-1').length >= 2 ? slack.responsesTo('share-1') : undefined,
    );
    const [publicPost, cleanup] = posts.map((p) => p.body);
    expect(publicPost?.response_type).toBe('in_channel');
    expect(publicPost?.replace_original).toBe(false);
    const shared = allText(publicPost?.blocks as Block[]);
    expect(shared).toContain('<@U0CAROL>');
    expect(shared).toContain('docker-root-dir');
    expect(shared).not.toContain('share_answer');
    expect(cleanup).toEqual({ delete_original: true });
  });

  it('Share on an expired response_url (Slack answers 410): one warning line, not a failed listener', async () => {
    const ask = JSON.parse((await command('wsl', 'ask-expired')).text) as { blocks: Block[] };
    const share = buttons(ask.blocks).find((b) => b.action_id.startsWith('share_answer'));
    slack.responseStatus.set('share-expired', 410);
    const res = await postSigned(
      eventsUrl,
      interactionBody(
        buttonClickPayload({
          actionId: share!.action_id,
          value: share!.value,
          responseUrl: slack.responseUrl('share-expired'),
          isEphemeral: true,
          userId: 'U0LATE',
        }),
      ),
      FORM,
      SECRET,
    );
    expect(res.status).toBe(200);
    const warning = await eventually(
      () => logger.lines.find((l) => l.includes('by U0LATE: not delivered, its response_url has expired (HTTP 410)')),
      { what: 'the expired response_url warning' },
    );
    expect(warning).toMatch(/^warn share_answer:0 by U0LATE/);
    await new Promise((r) => setTimeout(r, 100));
    expect(logger.lines.filter((l) => l.includes('RespondError'))).toEqual([]);
  });

  it('Other matches lists the next topics, without the one already shown', async () => {
    const ask = JSON.parse((await command('컨테이너 삭제 순서?', 'ask-other')).text) as { blocks: Block[] };
    const other = buttons(ask.blocks).find((b) => b.action_id.startsWith('other_matches'));
    const click = buttonClickPayload({
      actionId: other!.action_id,
      value: other!.value,
      responseUrl: slack.responseUrl('other-1'),
      isEphemeral: true,
    });
    await postSigned(eventsUrl, interactionBody(click), FORM, SECRET);
    const [post] = await eventually(() =>
      slack.responsesTo('other-1').length ? slack.responsesTo('other-1') : undefined,
    );
    expect(post?.body.response_type).toBe('ephemeral');
    const topics = buttons(post?.body.blocks as Block[]);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.map((t) => JSON.parse(t.value).e)).not.toContain('deletion-order');

    // A topic button from that list shows the entry privately in place of the list.
    const first = topics[0]!;
    const open = buttonClickPayload({
      actionId: first.action_id,
      value: first.value,
      responseUrl: slack.responseUrl('show-1'),
      isEphemeral: true,
    });
    await postSigned(eventsUrl, interactionBody(open), FORM, SECRET);
    const [shown] = await eventually(() =>
      slack.responsesTo('show-1').length ? slack.responsesTo('show-1') : undefined,
    );
    expect(shown?.body.replace_original).toBe(true);
    expect(allText(shown?.body.blocks as Block[])).toContain(JSON.parse(first.value).e);
  });

  it('a mention is answered in its thread: thread_ts of the thread, else the mention ts', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const top = eventEnvelope({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@UBOT> 컨테이너 삭제 순서?',
      ts: '1700000100.000100',
      channel: 'C0GENERAL',
      event_ts: '1700000100.000100',
    });
    const res = await postSigned(eventsUrl, JSON.stringify(top), 'application/json', SECRET);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const inThread = eventEnvelope({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@UBOT> docker root dir?',
      ts: '1700000200.000300',
      thread_ts: '1700000150.000200',
      channel: 'C0GENERAL',
      event_ts: '1700000200.000300',
    });
    await postSigned(eventsUrl, JSON.stringify(inThread), 'application/json', SECRET);
    const posts = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length >= 2 ? p : undefined;
    });
    const byThread = new Map(posts.map((p) => [p.args.thread_ts, p]));
    expect(allText(byThread.get('1700000100.000100')?.args.blocks as Block[])).toContain('deletion-order');
    expect(allText(byThread.get('1700000150.000200')?.args.blocks as Block[])).toContain('docker-root-dir');
    for (const post of posts) {
      expect(post.args.channel).toBe('C0GENERAL');
      expect(post.token).toBe(BOT_TOKEN);
      // Public answers have no Share button: they are already shared.
      expect(allText(post.args.blocks as Block[])).not.toContain('share_answer');
    }
  });

  it('a mention quoting pings, mentions and links repeats them as text: no one is pinged', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    // A real @here (Slack markup) and the same things typed as text (Slack sends them as entities).
    const text = `<@UBOT> <!here> ${asSlackSends(HOSTILE_TEXT)} how do I bake bread`;
    const mention = eventEnvelope({
      type: 'app_mention',
      user: 'U0ALICE',
      text,
      ts: '1700000230.000100',
      channel: 'C0GENERAL',
      event_ts: '1700000230.000100',
    });
    await postSigned(eventsUrl, JSON.stringify(mention), 'application/json', SECRET);
    const [post] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    expect(String(post?.args.text)).toContain("don't cover");
    expect(String(post?.args.text)).toContain('&lt;!channel&gt;');
    expectNoInjectedMarkup({ text: post?.args.text, blocks: post?.args.blocks });
  });

  it('a typed ping survives no path to a public post: /docker-ask → Ask the channel, and → Other matches → topic → Share', async () => {
    // Partly covered: the note that has the location, a line saying moving it is not in it, and Ask the channel.
    const question = `${HOSTILE_TEXT} 도커 루트 디렉터리 옮기는 법?`;
    const ask = JSON.parse((await command(asSlackSends(question), 'hostile-ask')).text) as {
      text: string;
      blocks: Block[];
    };
    expectNoInjectedMarkup(ask);
    expect(allText(ask.blocks)).toContain('가장 가까운 노트가 질문의 일부만 다뤄요.');
    const askChannel = buttons(ask.blocks).find((b) => b.action_id.startsWith('share_question'));
    // The button carries the question decoded once, exactly as typed.
    expect(JSON.parse(askChannel!.value)).toMatchObject({ e: 'docker-root-dir', q: question });
    const [asked] = await click(askChannel!, 'hostile-ask-channel', 'U0CAROL');
    expect(asked?.response_type).toBe('in_channel');
    expect(allText(asked?.blocks as Block[])).toContain('<@U0CAROL>님이 채널에 질문해요');
    expect(allText(asked?.blocks as Block[])).toContain('&lt;!here&gt;');
    expectNoInjectedMarkup(asked, ['U0CAROL']);

    const other = buttons(ask.blocks).find((b) => b.action_id.startsWith('other_matches'));
    const [list] = await click(other!, 'hostile-other');
    expectNoInjectedMarkup(list);
    const next = buttons(list?.blocks as Block[])[0];
    const [entry] = await click(next!, 'hostile-next');
    expectNoInjectedMarkup(entry);
    const share = buttons(entry?.blocks as Block[]).find((b) => b.action_id.startsWith('share_answer'));
    const [publicPost] = await click(share!, 'hostile-share', 'U0CAROL', 2);
    expect(publicPost?.response_type).toBe('in_channel');
    expect(allText(publicPost?.blocks as Block[])).toContain('<@U0CAROL>');
    expect(allText(publicPost?.blocks as Block[])).toContain('&lt;!here&gt;');
    expectNoInjectedMarkup(publicPost, ['U0CAROL']);
  });

  it('answers an event once however often Slack delivers it, and a retry whose first delivery never arrived', async () => {
    const mentionAt = (ts: string) =>
      eventEnvelope({
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@UBOT> wsl?',
        ts,
        channel: 'C0GENERAL',
        event_ts: ts,
      });
    const deliver = (envelope: Record<string, unknown>, retry?: { num: string; reason: string }) =>
      postSigned(eventsUrl, JSON.stringify(envelope), 'application/json', SECRET, {
        headers: retry ? { 'x-slack-retry-num': retry.num, 'x-slack-retry-reason': retry.reason } : {},
      });
    const answersTo = (ts: string) => slack.posted.filter((c) => c.args.thread_ts === ts);
    // Delivered, delivered again, then retried for every reason Slack gives.
    const twice = mentionAt('1700000250.000100');
    for (const retry of [
      undefined,
      undefined,
      { num: '1', reason: 'http_timeout' },
      { num: '2', reason: 'http_error' },
      { num: '3', reason: 'connection_failed' },
    ]) {
      expect((await deliver(twice, retry)).status).toBe(200);
    }
    // Only the http_timeout retry arrives (the first delivery was lost): it is answered.
    const lost = mentionAt('1700000260.000100');
    expect((await deliver(lost, { num: '1', reason: 'http_timeout' })).status).toBe(200);
    await eventually(() => answersTo('1700000250.000100').length && answersTo('1700000260.000100').length, {
      what: 'both answers',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(answersTo('1700000250.000100')).toHaveLength(1);
    expect(answersTo('1700000260.000100')).toHaveLength(1);
    expect(logger.lines.filter((l) => l.includes(`of event ${twice.event_id}: already handled`))).toHaveLength(4);
    expect(logger.lines).toContainEqual(`info Ignored a second delivery of event ${twice.event_id}: already handled`);
    expect(logger.lines).toContainEqual(
      `info Ignored Slack's retry #2 (http_error) of event ${twice.event_id}: already handled`,
    );
  });

  it('a direct message is answered in the DM; the bot ignores edits and bot messages', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const edit = eventEnvelope({
      type: 'message',
      subtype: 'message_changed',
      channel: 'D0ALICE',
      channel_type: 'im',
      ts: '1700000300.000100',
      event_ts: '1700000300.000100',
    });
    await postSigned(eventsUrl, JSON.stringify(edit), 'application/json', SECRET);
    const dm = eventEnvelope({
      type: 'message',
      user: 'U0ALICE',
      text: 'wsl이 뭐야?',
      channel: 'D0ALICE',
      channel_type: 'im',
      ts: '1700000301.000100',
      event_ts: '1700000301.000100',
    });
    await postSigned(eventsUrl, JSON.stringify(dm), 'application/json', SECRET);
    const [post] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    expect(post?.args.channel).toBe('D0ALICE');
    expect(post?.args.thread_ts).toBeUndefined();
    expect(allText(post?.args.blocks as Block[])).toContain('wsl');
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.callsTo('chat.postMessage').length - before).toBe(1);
  });

  it('the Explain in thread shortcut answers the message in its thread, crediting who asked', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const payload = messageShortcutPayload({
      text: '이미지랑 컨테이너 삭제 순서가 어떻게 돼요?',
      ts: '1700000400.000100',
      responseUrl: slack.responseUrl('shortcut-1'),
      userId: 'U0DAVE',
    });
    const res = await postSigned(eventsUrl, interactionBody(payload), FORM, SECRET);
    expect(res.status).toBe(200);
    const [post] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    expect(post?.args.thread_ts).toBe('1700000400.000100');
    const text = allText(post?.args.blocks as Block[]);
    expect(text).toContain('deletion-order');
    expect(text).toContain('<@U0DAVE>');
  });

  it('the shortcut in a channel the bot is not in answers privately with a hint to invite it', async () => {
    slack.channelsWithoutBot.add('C0PRIVATE');
    const payload = messageShortcutPayload({
      text: 'docker root dir?',
      ts: '1700000500.000100',
      responseUrl: slack.responseUrl('shortcut-2'),
      channelId: 'C0PRIVATE',
    });
    await postSigned(eventsUrl, interactionBody(payload), FORM, SECRET);
    const [post] = await eventually(() =>
      slack.responsesTo('shortcut-2').length ? slack.responsesTo('shortcut-2') : undefined,
    );
    expect(post?.body.response_type).toBe('ephemeral');
    expect(String(post?.body.text)).toContain('/invite');
    expect(allText(post?.body.blocks as Block[])).toContain('docker-root-dir');
  });

  it('a Slack error other than not_in_channel is logged with its stack on the server, and nothing is posted privately', async () => {
    slack.postErrors.set('C0ARCHIVED', 'is_archived');
    const payload = messageShortcutPayload({
      text: 'docker root dir?',
      ts: '1700000550.000100',
      responseUrl: slack.responseUrl('shortcut-archived'),
      channelId: 'C0ARCHIVED',
    });
    await postSigned(eventsUrl, interactionBody(payload), FORM, SECRET);
    const line = await eventually(() =>
      logger.lines.find((l) => l.startsWith('error Slack listener failed') && l.includes('is_archived')),
    );
    expect(line).toMatch(/\n\s+at /);
    expect(slack.responsesTo('shortcut-archived')).toHaveLength(0);
  });

  it('the shortcut on a message the notes do not cover tells only the person who used it', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const payload = messageShortcutPayload({
      text: 'lunch at noon?',
      ts: '1700000600.000100',
      responseUrl: slack.responseUrl('shortcut-3'),
    });
    await postSigned(eventsUrl, interactionBody(payload), FORM, SECRET);
    const [post] = await eventually(() =>
      slack.responsesTo('shortcut-3').length ? slack.responsesTo('shortcut-3') : undefined,
    );
    expect(post?.body.response_type).toBe('ephemeral');
    expect(String(post?.body.text)).toContain("don't cover");
    expect(slack.callsTo('chat.postMessage').length).toBe(before);
  });

  it('opening the App Home publishes the topics and how to use the bot', async () => {
    const home = eventEnvelope({
      type: 'app_home_opened',
      user: 'U0ALICE',
      channel: 'D0ALICE',
      tab: 'home',
      event_ts: '1700000700.000100',
    });
    await postSigned(eventsUrl, JSON.stringify(home), 'application/json', SECRET);
    const [publish] = await eventually(() =>
      slack.callsTo('views.publish').length ? slack.callsTo('views.publish') : undefined,
    );
    expect(publish?.args.user_id).toBe('U0ALICE');
    const view = publish?.args.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const readButtons = buttons(view.blocks).filter((b) => b.action_id.startsWith('home_read_topic'));
    expect(readButtons).toHaveLength(6);

    // Read opens the topic in a modal.
    const click = buttonClickPayload({
      actionId: readButtons[0]!.action_id,
      value: readButtons[0]!.value,
      responseUrl: slack.responseUrl('home-1'),
      inHome: true,
    });
    await postSigned(eventsUrl, interactionBody(click), FORM, SECRET);
    const [open] = await eventually(() =>
      slack.callsTo('views.open').length ? slack.callsTo('views.open') : undefined,
    );
    expect(open?.args.trigger_id).toBe('trigger-2');
    expect((open?.args.view as { type: string } | undefined)?.type).toBe('modal');
  });

  it('the App Home question form answers in the modal', async () => {
    const submission = {
      type: 'view_submission',
      team: { id: 'T0TEST', domain: 'test' },
      user: { id: 'U0ALICE', name: 'alice', team_id: 'T0TEST' },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token',
      trigger_id: 'trigger-4',
      view: {
        id: 'V0ASK',
        type: 'modal',
        callback_id: 'ask_modal',
        state: { values: { question: { question_text: { type: 'plain_text_input', value: '도커 루트 디렉터리' } } } },
      },
    };
    const res = await postSigned(eventsUrl, interactionBody(submission), FORM, SECRET);
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.text) as { response_action: string; view: { type: string; blocks: Block[] } };
    expect(reply.response_action).toBe('update');
    expect(allText(reply.view.blocks)).toContain('docker-root-dir');
  });

  it('rejects a bad signature and a stale timestamp with 401, and processes nothing', async () => {
    const calls = slack.calls.length;
    const body = slashCommandBody({ command: '/docker-ask', text: 'docker', responseUrl: slack.responseUrl('forged') });
    const forged = await postSigned(eventsUrl, body, FORM, SECRET, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain('docker');
    const stale = await postSigned(eventsUrl, body, FORM, SECRET, { skewSec: -10 * 60 });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.calls.length).toBe(calls);
    expect(slack.responsesTo('forged')).toHaveLength(0);
  });

  it('with SLACK_TEAM_ID set, refuses a command from another workspace', async () => {
    const body = slashCommandBody({
      command: '/docker-ask',
      text: 'docker root dir',
      responseUrl: slack.responseUrl('other-team'),
      teamId: 'T0OTHER',
    });
    const res = await postSigned(eventsUrl, body, FORM, SECRET);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ response_type: 'ephemeral', text: 'This bot serves another workspace.' });
  });

  describe('Docker commands: access, usage, rate limit, failures', () => {
    function docker(cmd: string, text: string, responseId: string, userId: string, channelId: string) {
      return postSigned(
        eventsUrl,
        slashCommandBody({ command: cmd, text, responseUrl: slack.responseUrl(responseId), userId, channelId }),
        FORM,
        SECRET,
      );
    }

    it('does not warn about open Docker access when both allowlists are set', () => {
      expect(logger.lines.some((l) => l.includes('are unset'))).toBe(false);
    });

    it('refuses a user not allowed, and an allowed user in a channel not allowed, privately', async () => {
      const bob = JSON.parse((await docker('/docker-ps', '', 'd-bob', 'U0BOB', 'C0DOCKER')).text) as {
        response_type: string;
        text: string;
      };
      expect(bob).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('허용된 사용자만') });
      const elsewhere = JSON.parse((await docker('/docker-df', '', 'd-elsewhere', 'U0ALICE', 'C0GENERAL')).text) as {
        text: string;
      };
      expect(elsewhere.text).toContain('이 채널에서는');
      await new Promise((r) => setTimeout(r, 100));
      expect(slack.responsesTo('d-bob')).toHaveLength(0);
      expect(logger.lines.some((l) => l.includes('/docker-ps by U0BOB in C0DOCKER: refused (user not allowed)'))).toBe(
        true,
      );
    });

    it('answers a typo with the error and the usage in DEFAULT_LANG, without running anything', async () => {
      const res = JSON.parse((await docker('/docker-ps', '--bogus', 'd-usage', 'U0OPS', 'C0DOCKER')).text) as {
        response_type: string;
        text: string;
      };
      expect(res.response_type).toBe('ephemeral');
      expect(res.text).toContain('모르는 옵션이에요: "--bogus".');
      expect(res.text).toContain('사용법: /docker-ps');
    });

    it('acks at once and reports an unreachable Docker in plain words through response_url', async () => {
      const res = await docker('/docker-ps', '-a', 'd-down', 'U0OPS', 'C0DOCKER');
      expect(res.ms).toBeLessThan(3000);
      expect(JSON.parse(res.text)).toEqual({
        response_type: 'ephemeral',
        text: expect.stringContaining('/docker-ps -a'),
      });
      const [post] = await eventually(() =>
        slack.responsesTo('d-down').length ? slack.responsesTo('d-down') : undefined,
      );
      expect(post?.body).toEqual({
        response_type: 'ephemeral',
        text: `Docker host ${NO_DOCKER} is not reachable (ENOENT: no socket at that path). Start Docker or set DOCKER_HOST.`,
      });
    });

    it('limits each user to DOCKER_RATE_LIMIT commands per window, politely', async () => {
      // U0RATE runs Docker commands in this test only: the limit (2 per minute) is all theirs.
      for (const n of [1, 2]) {
        const accepted = JSON.parse((await docker('/docker-df', '', `d-rate-${n}`, 'U0RATE', 'C0DOCKER')).text) as {
          text: string;
        };
        expect(accepted.text).toContain('/docker-df');
      }
      const third = JSON.parse((await docker('/docker-df', '', 'd-rate-3', 'U0RATE', 'C0DOCKER')).text) as {
        response_type: string;
        text: string;
      };
      expect(third.response_type).toBe('ephemeral');
      expect(third.text).toMatch(/너무 자주 실행했어요. \d+초 뒤에/);
      // Another user is not affected.
      const alice = JSON.parse((await docker('/docker-df', '', 'd-rate-alice', 'U0ALICE', 'C0DOCKER')).text) as {
        text: string;
      };
      expect(alice.text).toContain('/docker-df');
    });
  });

  it('a token Slack refuses stops start-up with one line naming the setting, and listens on nothing', async () => {
    const revoked = `${REVOKED_TOKEN_PREFIX}-0123456789`;
    const kb = fixtureKnowledge();
    const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: NO_DOCKER }));
    const config: HttpModeConfig = {
      mode: 'http',
      botToken: revoked,
      signingSecret: SECRET,
      port: 0,
      apiUrl: slack.apiUrl,
      defaultLang: 'en',
      docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 1, windowMs: 1000 } },
    };
    const refused = createSlackApp({ config, kb, docker, logger: recordingLogger() });
    const err = await refused.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(
      'SLACK_BOT_TOKEN was refused by Slack (invalid_auth): copy it again from Slack app settings → OAuth & Permissions → Bot User OAuth Token.',
    );
    expect(refused.httpPort()).toBeUndefined();
  });

  it('logs who asked where, and never a token or the signing secret', async () => {
    await command('wsl', 'ask-logged', { userId: 'U0LOG', channelId: 'C0LOGGED' });
    await eventually(() => logger.lines.some((l) => /\/docker-ask by U0LOG in C0LOGGED: answered with wsl/.test(l)), {
      what: 'the log line of the question',
    });
    for (const line of logger.lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SECRET);
    }
  });
});
