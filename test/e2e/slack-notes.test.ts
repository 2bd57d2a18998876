/**
 * Notes that grow from Slack, end to end: real bot processes (`npm start`'s entry point) in HTTP
 * mode over the Slack stand-in. Save as note on a thread in one process is answered by /docker-ask
 * on a second process sharing the same PostgreSQL (test/support/postgres.ts starts a private one);
 * `cli notes export` writes a file the loader accepts; with SQLite, a restarted bot keeps the note.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import { BASE_ENV as BOT_ENV, type BotProcess, CLI, runBot, spawnBot } from '../support/bot-process.ts';
import { eventually } from '../support/eventually.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { interactionBody, messageShortcutPayload, postSigned, postSlashCommand } from '../support/slack-requests.ts';
import { SlackStandIn, TEAM_ID } from '../support/slack-standin.ts';
import { tempFolders } from '../support/temp-folders.ts';

const SECRET = 'notes-e2e-signing-secret';
const BOT_TOKEN = 'xoxb-notes-e2e-token';
const FORM = 'application/x-www-form-urlencoded';
const BASE_ENV = {
  ...BOT_ENV,
  KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
  DEFAULT_LANG: 'en',
  NOTES_POLL_SECONDS: '1',
};
const CHANNEL = 'C0OPS';
const THREAD_TS = '1700000000.000100';
const QUESTION = 'How do I prune the build cache? It is 40 GB';

const slack = new SlackStandIn();
const temp = tempFolders('notes-e2e-');
const bots: Bot[] = [];

interface Bot extends BotProcess {
  port: number;
}

async function startBot(databaseUrl: string): Promise<Bot> {
  const port = await freeLoopbackPort();
  const bot: Bot = {
    ...spawnBot({
      ...BASE_ENV,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
    }),
    port,
  };
  bots.push(bot);
  await bot.waitFor('listening', { timeoutMs: 30_000 });
  return bot;
}

const eventsUrl = (bot: Bot) => `http://127.0.0.1:${bot.port}/slack/events`;

/** Save as note on the thread's reply, then the form submitted as the stand-in opened it, with `changes`. */
async function saveAsNote(bot: Bot, changes: Record<string, string>): Promise<string> {
  // The form replaces the "reading the thread" modal once the thread is read (views.update).
  const opened = slack.callsTo('views.update').length;
  const shortcut = messageShortcutPayload({
    callbackId: 'save_as_note',
    text: 'Run `docker builder prune`',
    ts: '1700000000.000200',
    threadTs: THREAD_TS,
    channelId: CHANNEL,
    responseUrl: slack.responseUrl('save'),
  });
  const ack = await postSigned(eventsUrl(bot), interactionBody(shortcut), FORM, SECRET);
  expect(ack.status).toBe(200);
  const call = await eventually(() => slack.callsTo('views.update')[opened], { what: 'the note form to open' });
  const view = call.args.view as {
    callback_id: string;
    private_metadata: string;
    blocks: Array<{ block_id?: string; element?: { action_id: string; initial_value?: string } }>;
  };
  const values: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of view.blocks) {
    if (!block.block_id || !block.element) continue;
    const field = block.block_id.replace(/^note_/, '');
    values[block.block_id] = {
      [block.element.action_id]: {
        type: 'plain_text_input',
        value: changes[field] ?? block.element.initial_value ?? null,
      },
    };
  }
  const submitted = await postSigned(
    eventsUrl(bot),
    interactionBody({
      type: 'view_submission',
      team: { id: TEAM_ID, domain: 'test' },
      user: { id: 'U0ALICE', name: 'alice', team_id: TEAM_ID },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V0FORM',
        type: 'modal',
        team_id: TEAM_ID,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values },
        hash: 'h',
      },
    }),
    FORM,
    SECRET,
  );
  expect(submitted.status).toBe(200);
  return submitted.text;
}

async function ask(bot: Bot, text: string, responseId: string) {
  const res = await postSlashCommand(`http://127.0.0.1:${bot.port}`, SECRET, {
    command: '/docker-ask',
    text,
    userId: 'U0BOB',
    channelId: 'C0GENERAL',
    responseUrl: slack.responseUrl(responseId),
  });
  return res.text;
}

beforeAll(async () => {
  await slack.start();
  slack.threads.set(`${CHANNEL} ${THREAD_TS}`, [
    { user: 'U0BOB', ts: THREAD_TS, text: QUESTION },
    { user: 'U0OPS', ts: '1700000000.000200', text: 'Run `docker builder prune`; add *--all* for every unused layer.' },
  ]);
});

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  await slack.stop();
  temp.removeAll();
});

describe('Save as note, two bot processes sharing PostgreSQL', () => {
  let postgres: TestPostgres;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    databaseUrl = await postgres.createDatabase();
  }, 120_000);

  afterAll(async () => {
    await postgres?.stop();
  });

  it('a note saved from a thread on one process is answered by /docker-ask on the other', async () => {
    const [one, two] = [await startBot(databaseUrl), await startBot(databaseUrl)] as [Bot, Bot];
    expect(one.output()).toContain('NOTE_EDITORS is unset');
    expect(await ask(two, QUESTION, 'before')).not.toContain('builder-cache-prune');

    const saved = await saveAsNote(one, { id: 'builder-cache-prune', title: 'Pruning the build cache' });
    expect(saved).toContain('"response_action":"update"');
    expect(saved).toContain('Saved as `builder-cache-prune`');
    // The form was filled in from the whole thread.
    expect(slack.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: CHANNEL, ts: THREAD_TS });

    const answer = await eventually(
      async () => {
        const text = await ask(two, QUESTION, 'after');
        return text.includes('docker builder prune') ? text : undefined;
      },
      { timeoutMs: 10_000, what: 'the second process to answer from the saved note' },
    );
    expect(answer).toContain('builder-cache-prune');
    expect(answer).toContain('--all');
  }, 90_000);

  it('a note whose id a folder file has is refused, under the id, naming the file', async () => {
    const bot = bots[0]!;
    const refused = await saveAsNote(bot, { id: 'wsl' });
    expect(JSON.parse(refused)).toEqual({
      response_action: 'errors',
      errors: { note_id: 'A note in the notes folder already has this id (wsl.md). Choose another id.' },
    });
  });

  it('cli notes export writes the note as a file the loader accepts', () => {
    const dir = path.join(temp.make(), 'exported');
    const r = runBot(
      { ...BASE_ENV, DATABASE_URL: databaseUrl },
      { args: [CLI, 'notes', 'export', '--dir', dir], timeoutMs: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Wrote 1 note file to ${dir}.\n`);
    expect(r.status).toBe(0);
    const loaded = loadKnowledgeDir(dir);
    expect(loaded.entries.map((e) => [e.id, e.title, e.file])).toEqual([
      ['builder-cache-prune', 'Pruning the build cache', 'builder-cache-prune.md'],
    ]);
    expect(loaded.entries[0]?.aliases).toEqual([QUESTION]);
  }, 60_000);
});

describe('a restart keeps the saved notes (SQLite)', () => {
  it('the restarted bot answers from the note saved before', async () => {
    const databaseUrl = `sqlite:${path.join(temp.make(), 'data', 'bot.db')}`;
    const first = await startBot(databaseUrl);
    expect(await saveAsNote(first, { id: 'builder-cache-prune-sqlite' })).toContain('Saved as');
    expect(await ask(first, QUESTION, 'sqlite-1')).toContain('builder-cache-prune-sqlite');
    expect(await first.stop()).toBe(0);

    const again = await startBot(databaseUrl);
    expect(await ask(again, QUESTION, 'sqlite-2')).toContain('builder-cache-prune-sqlite');
  }, 90_000);
});
