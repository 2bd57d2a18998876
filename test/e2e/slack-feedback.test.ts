/**
 * Feedback and gaps end to end: the bot in HTTP mode against the loopback Slack stand-in, over a
 * SQLite file. An unanswered question shows in `cli gaps --json` (the CLI as a process over the same
 * DATABASE_URL) and in the App Home the bot publishes; 👎 opens the form and its reason is kept;
 * a restart of the bot keeps both; what is older than DATA_RETENTION_DAYS is deleted by a running bot.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerReader, readDockerConfig } from '../../src/docker/index.ts';
import { createRuntime } from '../../src/runtime.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { createSlackApp, type SlackBot } from '../../src/slack/index.ts';
import { ACTION_IDS, VIEW_CALLBACK_IDS, WRITE_NOTE_ACTION } from '../../src/slack/interactions.ts';
import { createStore, type GapInput, type Store } from '../../src/store/index.ts';
import { CLI, runBot } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { FIXTURE_KNOWLEDGE_DIR, fixtureKnowledge } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import {
  buttonClickPayload,
  eventEnvelope,
  interactionBody,
  postSigned,
  slashCommandBody,
} from '../support/slack-requests.ts';
import { SlackStandIn, TEAM_ID } from '../support/slack-standin.ts';
import { tempFolders } from '../support/temp-folders.ts';

const SECRET = 'e2e-feedback-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
const UNANSWERED = 'kubernetes ingress tls setup';
const ANSWER_TS = '1700000500.000100';

const slack = new SlackStandIn();
const folders = tempFolders('docker-notes-bot-feedback-');
let databaseUrl: string;
let running: { bot: SlackBot; store: Store; eventsUrl: string } | undefined;
/** A second handle on the same file, as another process would have: what the bot wrote, read back. */
let reader: Store;

async function startBot() {
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: 'xoxb-e2e-feedback',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    teamId: TEAM_ID,
    defaultLang: 'en',
    docker: { allowedChannels: [], allowedUsers: [], rateLimit: { limit: 5, windowMs: 60_000 } },
  };
  const store = createStore(databaseUrl);
  const docker = createDockerReader(readDockerConfig({ DOCKER_HOST: 'unix:///tmp/docker-notes-bot-no-such.sock' }));
  const bot = createSlackApp({ config, kb: fixtureKnowledge(), docker, logger: recordingLogger(), store });
  await bot.start();
  running = { bot, store, eventsUrl: `http://127.0.0.1:${bot.httpPort()}/slack/events` };
  return running;
}

async function stopBot() {
  await running?.bot.stop();
  await running?.store.close();
  running = undefined;
}

beforeAll(async () => {
  await slack.start();
  databaseUrl = `sqlite:${path.join(folders.make(), 'bot.db')}`;
  reader = createStore(databaseUrl);
  await startBot();
});

afterAll(async () => {
  await stopBot();
  await reader?.close();
  await slack.stop();
  folders.removeAll();
});

const post = (body: string, type = FORM) => postSigned(running!.eventsUrl, body, type, SECRET);

async function ask(text: string, responseId: string) {
  const res = await post(
    slashCommandBody({ command: '/docker-ask', text, responseUrl: slack.responseUrl(responseId) }),
  );
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as {
    text: string;
    blocks: Array<{ type: string; elements?: Array<Record<string, any>> }>;
  };
}

/** `npm run cli -- gaps --json` as a separate process over the same DATABASE_URL. */
function cliGaps(): { question: string; count: number; outcomes: Record<string, number> }[] {
  const env = { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DATABASE_URL: databaseUrl };
  const run = runBot(env, { args: [CLI, 'gaps', '--json'] });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).gaps;
}

async function openHome(): Promise<string> {
  const before = slack.callsTo('views.publish').length;
  const opened = eventEnvelope({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0HOME', tab: 'home' });
  await post(JSON.stringify(opened), 'application/json');
  const published = await eventually(() => slack.callsTo('views.publish')[before], { what: 'views.publish' });
  return JSON.stringify(published.args);
}

/**
 * The Home once it shows the unanswered questions: a Home whose store read took over a second is
 * published without them (by design), which a loaded CI machine can cause, so the test opens it again.
 */
async function openHomeWithGaps(): Promise<string> {
  return eventually(
    async () => {
      const home = await openHome();
      return home.includes('Questions the notes could not answer') ? home : undefined;
    },
    { what: 'an App Home with its unanswered questions' },
  );
}

const since = () => new Date(Date.now() - 86_400_000);

describe('feedback and gaps over the Slack stand-in, with a SQLite file', () => {
  it('an unanswered question appears in `cli gaps --json` and in the App Home, counted with its twin', async () => {
    expect((await ask(UNANSWERED, 'gap-1')).text).toContain("The notes don't cover");
    await ask('Kubernetes  ingress TLS setup?', 'gap-2');
    await eventually(async () => (await reader.gaps.top({ since: since() }))[0]?.count === 2, {
      what: 'the two gaps written',
    });

    const gaps = cliGaps();
    expect(gaps[0]).toMatchObject({
      question: 'Kubernetes ingress TLS setup?',
      count: 2,
      outcomes: { not_answered: 2 },
    });

    const home = await openHomeWithGaps();
    expect(home).toContain('Kubernetes ingress TLS setup?');
    expect(home).toContain('asked 2 times');
    expect(home).toContain(`${WRITE_NOTE_ACTION}:0`);
  });

  it("👎 opens the form with the click's trigger_id; the reason submitted is recorded", async () => {
    const answer = await ask('docker root dir', 'fb-1');
    const buttons = answer.blocks.find((b) => b.type === 'context_actions')?.elements?.[0];
    expect(buttons).toMatchObject({ type: 'feedback_buttons', action_id: ACTION_IDS.feedback });
    expect(JSON.stringify(answer.blocks)).toContain('Was this helpful?');

    const click = buttonClickPayload({
      actionId: ACTION_IDS.feedback,
      value: buttons!.negative_button.value,
      responseUrl: slack.responseUrl('fb-click'),
      isEphemeral: true,
      messageTs: ANSWER_TS,
    });
    const actions = click.actions as Array<Record<string, unknown>>;
    click.actions = [{ ...actions[0], type: 'feedback_buttons' }];
    const before = slack.callsTo('views.open').length;
    expect((await post(interactionBody(click))).status).toBe(200);
    const opened = await eventually(() => slack.callsTo('views.open')[before], { what: 'views.open' });
    expect(opened.args.trigger_id).toBe('trigger-2');
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW_CALLBACK_IDS.feedbackReason);

    const submission = {
      type: 'view_submission',
      team: { id: TEAM_ID, domain: 'test' },
      user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: TEAM_ID },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token',
      trigger_id: 'trigger-4',
      view: {
        id: 'V0FEEDBACK',
        type: 'modal',
        team_id: TEAM_ID,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: { missing: { missing_text: { type: 'plain_text_input', value: 'how to move it to another disk' } } },
        },
        hash: '1700000600.abc',
      },
    };
    const submitted = await post(interactionBody(submission));
    expect(submitted.status).toBe(200);

    const answerId = `C0GENERAL:${ANSWER_TS}`;
    const [vote] = await eventually(
      async () => {
        const votes = await reader.feedback.forAnswer(answerId);
        return votes[0]?.missing ? votes : undefined;
      },
      { what: 'the 👎 and its reason' },
    );
    expect(vote).toMatchObject({
      userId: 'U0ALICE',
      vote: 'down',
      missing: 'how to move it to another disk',
      noteId: 'docker-root-dir',
      question: 'docker root dir',
    });
    expect(cliGaps().find((g) => g.question === 'docker root dir')?.outcomes.voted_down).toBe(1);
  });

  it('a restart keeps the gaps and the feedback', async () => {
    await stopBot();
    await startBot();
    expect(cliGaps().map((g) => [g.question, g.count])).toEqual([
      ['Kubernetes ingress TLS setup?', 2],
      ['docker root dir', 1],
    ]);
    expect((await reader.feedback.forAnswer(`C0GENERAL:${ANSWER_TS}`))[0]?.missing).toBe(
      'how to move it to another disk',
    );
    expect(await openHomeWithGaps()).toContain('Kubernetes ingress TLS setup?');
  });
});

describe('retention', () => {
  it('a running bot (the runtime with follow on) deletes records older than DATA_RETENTION_DAYS at start', async () => {
    const url = `sqlite:${path.join(folders.make(), 'bot.db')}`;
    const seed = createStore(url);
    const day = 86_400_000;
    const gap: Omit<GapInput, 'question'> = { lang: 'en', outcome: 'not-answered', closest: [] };
    await seed.gaps.record({ ...gap, question: 'asked long ago', askedAt: new Date(Date.now() - 3 * day) });
    await seed.gaps.record({ ...gap, question: 'asked today' });
    const logger = recordingLogger();
    const runtime = createRuntime(
      { DATABASE_URL: url, DATA_RETENTION_DAYS: '2', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, KNOWLEDGE_WATCH: '0' },
      { follow: true, logger },
    );
    runtime.store();
    try {
      const left = await eventually(
        async () => {
          const top = await seed.gaps.top({ since: new Date(0) });
          return top.length === 1 ? top : undefined;
        },
        { what: 'the old record deleted' },
      );
      expect(left.map((g) => g.question)).toEqual(['asked today']);
      expect(logger.lines).toContain('info store: deleted 0 feedback and 1 question records older than 2 days');
    } finally {
      await runtime.close();
      await seed.close();
    }
  });
});
