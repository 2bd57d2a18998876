/**
 * /docker-ps and /docker-df end to end: real Bolt in HTTP mode, signed slash commands, a private
 * dockerd (test/support/dockerd.ts), and a proxy in front of it that makes Docker slow.
 * Needs root and docker.io + busybox-static, like the Docker integration tests.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { decodeEntryRef } from '../../src/slack/interactions.ts';
import { seedDaemon, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';
import { eventually } from '../support/eventually.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { buttonClickPayload, interactionBody, postSigned, slashCommandBody } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';
import { type SlowProxy, startSlowDockerProxy } from '../support/slow-docker-proxy.ts';

const SECRET = 'e2e-docker-signing-secret';
const FORM = 'application/x-www-form-urlencoded';
/** Every answer of the slow Docker comes this late; ps makes two requests (version, list). */
const SLOW_MS = 2000;

interface Block {
  type: string;
  elements?: Array<{ action_id?: string; value?: string }>;
}

const slack = new SlackStandIn();
const kb = fixtureKnowledge();
let daemon: TestDaemon;
let slowProxy: SlowProxy;
const bots: SlackBot[] = [];
let fastUrl: string;
let slowUrl: string;
let tooSlowUrl: string;

async function startBot(dockerEnv: Record<string, string>): Promise<string> {
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: 'xoxb-e2e-docker',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 100, windowMs: 60_000 } },
  };
  const bot = createSlackApp({
    config,
    kb,
    docker: createDockerReader(readDockerConfig(dockerEnv)),
    logger: recordingLogger(),
  });
  await bot.start();
  bots.push(bot);
  return `http://127.0.0.1:${bot.httpPort()}/slack/events`;
}

beforeAll(async () => {
  await slack.start();
  daemon = await startTestDaemon();
  await seedDaemon(daemon);
  slowProxy = await startSlowDockerProxy(daemon.socketPath, path.join(daemon.dir, 'slow.sock'), SLOW_MS);
  fastUrl = await startBot({ DOCKER_HOST: daemon.host, DOCKER_TIMEOUT_MS: '8000', DOCKER_LABEL_ALLOWLIST: 'team' });
  slowUrl = await startBot({ DOCKER_HOST: slowProxy.host, DOCKER_TIMEOUT_MS: '8000' });
  tooSlowUrl = await startBot({ DOCKER_HOST: slowProxy.host, DOCKER_TIMEOUT_MS: '1500' });
});

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await slowProxy?.close();
  await daemon?.stop();
  await slack.stop();
});

function run(url: string, command: string, text: string, responseId: string) {
  return postSigned(
    url,
    slashCommandBody({
      command,
      text,
      responseUrl: slack.responseUrl(responseId),
      channelId: 'C0OPS',
      userId: 'U0OPS',
    }),
    FORM,
    SECRET,
  );
}

async function responseFor(id: string, timeoutMs = 5000) {
  const [post] = await eventually(() => (slack.responsesTo(id).length ? slack.responsesTo(id) : undefined), {
    timeoutMs,
    what: `a post to response_url ${id}`,
  });
  return post!;
}

function explainButton(blocks: Block[]) {
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('explain_docker'));
}

describe('/docker-ps and /docker-df against a real Docker engine', () => {
  it('/docker-ps -a: acked at once, then the containers privately with Explain and Share buttons, secrets redacted', async () => {
    const res = await run(fastUrl, '/docker-ps', '-a', 'ps-all');
    expect(res.ms).toBeLessThan(3000);
    expect(JSON.parse(res.text)).toEqual({
      response_type: 'ephemeral',
      text: expect.stringContaining('/docker-ps -a'),
    });
    const post = await responseFor('ps-all');
    expect(post.body.response_type).toBe('ephemeral');
    const blocks = post.body.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(blocks);
    for (const name of ['web-1', 'web-2', 'api-1', 'health-ok', 'health-bad', 'db-1', 'job-1'])
      expect(json).toContain(name);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('s3cret');
    expect(decodeEntryRef(explainButton(blocks)?.value)?.entryId).toBe('listing-commands');
  });

  it('Share in channel runs the command again and posts the private blocks, minus Share, in the channel', async () => {
    await run(fastUrl, '/docker-ps', '-a', 'ps-share');
    const privateCopy = (await responseFor('ps-share')).body;
    const share = (privateCopy.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith('share_docker'));
    expect(share).toBeDefined();
    const click = buttonClickPayload({
      actionId: share!.action_id!,
      value: share!.value!,
      responseUrl: slack.responseUrl('ps-share-click'),
      channelId: 'C0OPS',
      userId: 'U0OPS',
      isEphemeral: true,
    });
    await postSigned(fastUrl, interactionBody(click), FORM, SECRET);
    const [shared, removed] = await eventually(() =>
      slack.responsesTo('ps-share-click').length >= 2 ? slack.responsesTo('ps-share-click') : undefined,
    );
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(removed?.body).toEqual({ delete_original: true });
    const sharedBlocks = shared?.body.blocks as Block[];
    expect(JSON.stringify(sharedBlocks[1])).toContain('Shared by <@U0OPS>');
    const withoutShare = (privateCopy.blocks as Block[]).map((b) =>
      b.type === 'actions' ? { ...b, elements: (b.elements ?? []).filter((e) => e !== share) } : b,
    );
    // Same engine, same moment's containers: the same blocks (statuses may tick, so compared without them).
    const shape = (blocks: Block[]) => JSON.stringify(blocks).replace(/(Up|Exited|Created)[^·"\\]*/g, '$1 …');
    expect(shape([sharedBlocks[0]!, ...sharedBlocks.slice(2)])).toBe(shape(withoutShare));
    const json = JSON.stringify(sharedBlocks);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('s3cret');
  });

  it('/docker-ps with filters lists only what matches', async () => {
    await run(fastUrl, '/docker-ps', 'name=web', 'ps-web');
    const json = JSON.stringify((await responseFor('ps-web')).body.blocks);
    expect(json).toContain('web-1');
    expect(json).not.toContain('api-1');
  });

  it('/docker-df -v: disk usage with the Docker root dir; Explain posts the entry into the result thread', async () => {
    await run(fastUrl, '/docker-df', '-v', 'df-v');
    const post = await responseFor('df-v');
    expect(post.body.response_type).toBe('ephemeral');
    const blocks = post.body.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain(`${daemon.dir}/data`);
    const explain = explainButton(blocks);
    const entryId = decodeEntryRef(explain?.value)?.entryId;
    expect(kb.byId(entryId ?? '')).toBeDefined();

    // The result was posted through response_url (no ts comes back); the click carries its ts.
    const before = slack.callsTo('chat.postMessage').length;
    const click = buttonClickPayload({
      actionId: explain!.action_id!,
      value: explain!.value!,
      responseUrl: slack.responseUrl('df-explain'),
      channelId: 'C0OPS',
      messageTs: '1700002000.000100',
      userId: 'U0ERIN',
    });
    await postSigned(fastUrl, interactionBody(click), FORM, SECRET);
    const [thread] = await eventually(() => {
      const p = slack.callsTo('chat.postMessage').slice(before);
      return p.length ? p : undefined;
    });
    expect(thread?.args).toMatchObject({ channel: 'C0OPS', thread_ts: '1700002000.000100' });
    expect(JSON.stringify(thread?.args.blocks)).toContain(entryId);
    expect(JSON.stringify(thread?.args.blocks)).toContain('<@U0ERIN>');
  });

  it('Explain in a channel the bot was not invited to explains privately instead', async () => {
    await run(fastUrl, '/docker-ps', '', 'ps-private');
    const explain = explainButton((await responseFor('ps-private')).body.blocks as Block[]);
    slack.channelsWithoutBot.add('C0NOBOT');
    const click = buttonClickPayload({
      actionId: explain!.action_id!,
      value: explain!.value!,
      responseUrl: slack.responseUrl('ps-private-explain'),
      channelId: 'C0NOBOT',
    });
    await postSigned(fastUrl, interactionBody(click), FORM, SECRET);
    const post = await responseFor('ps-private-explain');
    expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(post.body.blocks)).toContain('listing-commands');
  });

  it('a slow Docker: the command is acked within 3 s, /docker-ask meanwhile answers at once, the result comes later', async () => {
    const startedAt = Date.now();
    const ps = await run(slowUrl, '/docker-ps', '-a', 'slow-ps');
    expect(ps.ms).toBeLessThan(3000);
    const ask = await run(slowUrl, '/docker-ask', 'docker root dir', 'slow-ask');
    expect(ask.ms).toBeLessThan(1000);
    expect(ask.text).toContain('docker-root-dir');
    expect(slack.responsesTo('slow-ps')).toHaveLength(0);
    const post = await responseFor('slow-ps', 15_000);
    expect(post.at - startedAt).toBeGreaterThanOrEqual(SLOW_MS);
    expect(post.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(post.body.blocks)).toContain('web-1');
  });

  it('a Docker slower than the deadline: acked, then the timeout message through response_url', async () => {
    const res = await run(tooSlowUrl, '/docker-df', '', 'too-slow');
    expect(res.ms).toBeLessThan(3000);
    const post = await responseFor('too-slow', 10_000);
    expect(post.body).toEqual({
      response_type: 'ephemeral',
      text: `Docker host ${slowProxy.host} did not answer within 1.5 s. Check that the Docker daemon is healthy (systemctl status docker), or raise DOCKER_TIMEOUT_MS.`,
    });
  });
});
