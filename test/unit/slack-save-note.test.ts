import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_NOTE_LIMITS } from '../../src/knowledge/index.ts';
import { createNoteBook, type NoteBook } from '../../src/notebook/index.ts';
import { readNoteEditors } from '../../src/slack/config.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { handleDeleteNote, handleEditNote, handleWriteNote } from '../../src/slack/listeners/actions/note-buttons.ts';
import { handleDockerAsk } from '../../src/slack/listeners/commands/ask.ts';
import { handleSaveAsNote } from '../../src/slack/listeners/shortcuts/save-note.ts';
import { handleSaveNoteSubmit } from '../../src/slack/listeners/views/save-note.ts';
import { noteEditors } from '../../src/slack/note-editors.ts';
import { slackToMarkdown } from '../../src/slack/note-form.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { type BoltSpies, boltSpies, callListener, slackApiError, slackDeps } from '../support/bolt.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { expectNoInjectedMarkup, HOSTILE_TEXT } from '../support/slack-markup.ts';
import { messageShortcutPayload, slashCommandPayload } from '../support/slack-requests.ts';
import { tempFolders } from '../support/temp-folders.ts';

const temp = tempFolders('save-note-');
const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
  temp.removeAll();
});

const THREAD = [
  { user: 'U0BOB', text: 'How do I prune the build cache? &lt;it is 40 GB&gt;' },
  {
    user: 'U0OPS',
    text: 'Run `docker builder prune` — add *--all* for every layer. See <https://docs.docker.com/build/cache/|the docs>.',
  },
  { user: 'U0BOB', text: 'thanks <@U0OPS>!' },
];

function withNotebook(config: Parameters<typeof slackDeps>[0] extends infer O ? O : never = {}) {
  const store: Store = createStore(`sqlite:${path.join(temp.make(), 'bot.db')}`);
  const notebook: NoteBook = createNoteBook({
    folder: fixtureKnowledge(),
    store,
    limits: DEFAULT_NOTE_LIMITS,
    logger: { info: () => {}, warn: () => {} },
    everyMs: 60_000,
  });
  opened.push(store, notebook);
  const deps = { ...slackDeps(config), notebook };
  return { deps: { ...deps, kb: notebook.kb }, store, notebook };
}

/** The spies, with the Web API methods Save as note calls. */
function spies(thread: unknown = THREAD, members: string[] = []) {
  const base = boltSpies();
  let views = 0;
  return {
    ...base,
    client: {
      ...base.client,
      views: {
        ...base.client.views,
        open: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, view: { id: `V${++views}` } })),
        update: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })),
      },
      conversations: {
        replies: vi.fn(async (_args: Record<string, unknown>) => {
          if (thread instanceof Error) throw thread;
          return { ok: true, messages: thread };
        }),
      },
      usergroups: { users: { list: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, users: members })) } },
    },
  };
}

type Spies = ReturnType<typeof spies>;

/** callListener with the spies above; they have all BoltSpies has. */
async function call<Args>(
  handler: (deps: SlackDeps, args: Args) => Promise<void>,
  deps: SlackDeps,
  payload: Record<string, unknown>,
  s: Spies = spies(),
): Promise<Spies> {
  await callListener(handler, deps, payload, s as unknown as BoltSpies);
  return s;
}

const shortcut = (extra: { replyCount?: number; userId?: string } = {}) => {
  const payload = messageShortcutPayload({
    callbackId: 'save_as_note',
    text: THREAD[0]!.text,
    ts: '1700000000.000100',
    responseUrl: 'https://hooks.slack.test/x',
    channelId: 'C0OPS',
    replyCount: extra.replyCount ?? 2,
    ...(extra.userId ? { userId: extra.userId } : {}),
  });
  return { shortcut: payload, body: payload };
};

interface OpenedView {
  callback_id?: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; element?: { initial_value?: string }; elements?: Array<{ text?: string }> }>;
}

/** The form as the person sees it: opened at once, or put in place of the "reading the thread" modal. */
function openedView(s: Spies): OpenedView {
  const shown = (s.client.views.update.mock.calls[0]?.[0] ?? s.client.views.open.mock.calls[0]?.[0]) as
    | { view: OpenedView }
    | undefined;
  if (!shown) throw new Error('no view was opened');
  return shown.view;
}

function prefilled(view: OpenedView): Record<string, string | undefined> {
  return Object.fromEntries(
    view.blocks.filter((b) => b.block_id).map((b) => [b.block_id!.replace(/^note_/, ''), b.element?.initial_value]),
  );
}

/** The form submitted with `values` (field → typed text), as Slack sends a view_submission. */
function submission(view: OpenedView, values: Record<string, string>, userId = 'U0ALICE') {
  const state = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [`note_${field}`, { value: { type: 'plain_text_input', value } }]),
  );
  return {
    body: { type: 'view_submission', user: { id: userId } },
    view: { callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: state } },
  };
}

describe('Save as note (message shortcut)', () => {
  it('opens the form filled in from the whole thread: the question as title and alias, the replies as Markdown', async () => {
    const { deps } = withNotebook();
    const s = await call(handleSaveAsNote, deps, shortcut(), spies());
    expect(s.client.conversations.replies.mock.calls[0]?.[0]).toMatchObject({
      channel: 'C0OPS',
      ts: '1700000000.000100',
    });
    // Within the trigger's 3 seconds a modal opens at once; the form takes its place once the thread is read.
    expect(JSON.stringify(s.client.views.open.mock.calls[0]?.[0])).toContain('Reading the thread');
    expect(s.client.views.update.mock.calls[0]?.[0]).toMatchObject({ view_id: 'V1' });
    const view = openedView(s);
    expect(view.callback_id).toBe('save_note_modal');
    expect(prefilled(view)).toMatchObject({
      id: 'how-do-i-prune-the-build-cache-it-is-40-gb',
      title: 'How do I prune the build cache? <it is 40 GB>',
      title_en: 'How do I prune the build cache? <it is 40 GB>',
      aliases: 'How do I prune the build cache? <it is 40 GB>',
      body: 'Run `docker builder prune` — add **--all** for every layer. See [the docs](https://docs.docker.com/build/cache/).\n\nthanks @U0OPS!',
    });
    expect(JSON.stringify(view.blocks)).toContain('a thread of 3 messages in <#C0OPS>');
    expect(JSON.parse(view.private_metadata)).toEqual({
      mode: 'create',
      lang: 'en',
      channelId: 'C0OPS',
      threadTs: '1700000000.000100',
    });
  });

  it('a thread it cannot read gives the form from the message alone, saying why', async () => {
    const { deps } = withNotebook();
    const s = await call(handleSaveAsNote, deps, shortcut(), spies(slackApiError('not_in_channel')));
    const view = openedView(s);
    expect(prefilled(view).body).toBe('How do I prune the build cache? <it is 40 GB>');
    expect(JSON.stringify(view.blocks)).toContain("couldn't read the rest of the thread");
    expect(deps.logger.lines.join('\n')).toContain('not_in_channel');
  });

  it('a message without a thread is not looked up', async () => {
    const { deps } = withNotebook();
    const s = await call(handleSaveAsNote, deps, shortcut({ replyCount: 0 }), spies());
    expect(s.client.conversations.replies).not.toHaveBeenCalled();
    expect(prefilled(openedView(s)).body).toBe('How do I prune the build cache? <it is 40 GB>');
  });
});

describe('the note form submitted', () => {
  async function formFor(deps: ReturnType<typeof withNotebook>['deps']) {
    return openedView(await call(handleSaveAsNote, deps, shortcut(), spies()));
  }
  const VALID = {
    id: 'builder-cache-prune',
    title: 'Pruning the build cache',
    aliases: 'How do I prune the build cache?\nbuild cache 40 GB',
    tags: 'disk, build',
    related: 'docker-root-dir',
    body: 'Run `docker builder prune`; add `--all` for every unused layer.',
  };

  it('saves the note with who and which thread, and it is answered at once', async () => {
    const { deps, store } = withNotebook();
    const view = await formFor(deps);
    const s = await call(handleSaveNoteSubmit, deps, submission(view, VALID), spies());
    expect(s.ack.mock.calls[0]?.[0]).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(s.ack.mock.calls[0]?.[0])).toContain('Saved as `builder-cache-prune`');
    expect(await store.notes.get('builder-cache-prune')).toMatchObject({
      title: 'Pruning the build cache',
      aliases: ['How do I prune the build cache?', 'build cache 40 GB'],
      tags: ['disk', 'build'],
      createdBy: 'U0ALICE',
      sourceChannelId: 'C0OPS',
      sourceThreadTs: '1700000000.000100',
    });
    const answer = deps.kb.ask('how do I prune the build cache');
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.entry.id).toBe('builder-cache-prune');
  });

  it.each([
    [{ id: 'Build Cache' }, 'note_id', 'id "Build Cache" must be lowercase letters, digits and dashes'],
    [{ title: '   ' }, 'note_title', 'title is missing'],
    [{ body: ' \n ' }, 'note_body', 'the body after the front-matter is empty'],
  ])('refuses %o under its field, in the loader’s words', async (change, block, message) => {
    const { deps, store } = withNotebook();
    const view = await formFor(deps);
    const s = await call(handleSaveNoteSubmit, deps, submission(view, { ...VALID, ...change }), spies());
    expect(s.ack.mock.calls[0]?.[0]).toEqual({ response_action: 'errors', errors: { [block]: message } });
    expect(await store.notes.list()).toEqual([]);
  });

  it('refuses an id a file in the notes folder has, naming the file', async () => {
    const { deps } = withNotebook();
    const view = await formFor(deps);
    const s = await call(handleSaveNoteSubmit, deps, submission(view, { ...VALID, id: 'wsl' }), spies());
    expect(s.ack.mock.calls[0]?.[0]).toEqual({
      response_action: 'errors',
      errors: { note_id: 'A note in the notes folder already has this id (wsl.md). Choose another id.' },
    });
  });

  it('keeps the loader’s warning about an unknown related id, and saves', async () => {
    const { deps } = withNotebook();
    const view = await formFor(deps);
    const s = await call(handleSaveNoteSubmit, deps, submission(view, { ...VALID, related: 'nowhere' }), spies());
    expect(JSON.stringify(s.ack.mock.calls[0]?.[0])).toContain('related: unknown id \\"nowhere\\"; link ignored');
    expect(deps.kb.byId('builder-cache-prune')?.related).toEqual([]);
  });

  it('Edit opens the saved note in the form, and the edit is answered; Delete removes it and redraws the Home', async () => {
    const { deps, store } = withNotebook();
    await call(handleSaveNoteSubmit, deps, submission(await formFor(deps), VALID), spies());
    const click = (actionId: string, value: string, userId = 'U0BOB') => ({
      action: { action_id: actionId, value, type: 'button' },
      body: { type: 'block_actions', user: { id: userId }, trigger_id: 'trigger-9' },
    });
    const edit = await call(handleEditNote, deps, click('edit_saved_note', 'builder-cache-prune'), spies());
    const form = openedView(edit);
    expect(prefilled(form)).toMatchObject({ title: 'Pruning the build cache', tags: 'disk, build' });
    expect(prefilled(form)).not.toHaveProperty('id');
    const edited = { ...VALID, body: 'Use `docker buildx prune` with buildx.' };
    const { id: _id, ...withoutId } = edited;
    await call(handleSaveNoteSubmit, deps, submission(form, withoutId, 'U0BOB'), spies());
    expect(deps.kb.byId('builder-cache-prune')?.body).toBe('Use `docker buildx prune` with buildx.');
    expect(await store.notes.get('builder-cache-prune')).toMatchObject({ createdBy: 'U0ALICE', updatedBy: 'U0BOB' });

    const del = await call(handleDeleteNote, deps, click('delete_saved_note', 'builder-cache-prune'), spies());
    expect(deps.kb.byId('builder-cache-prune')).toBeUndefined();
    expect(await store.notes.list()).toEqual([]);
    expect(del.client.views.publish).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(del.client.views.publish.mock.calls[0]?.[0])).toContain('Notes saved from Slack (0)');
  });

  it('text typed into a note is escaped as a file’s is: it never pings, mentions or links when answered or listed', async () => {
    const { deps } = withNotebook();
    const hostile = {
      ...VALID,
      title: `Prune ${HOSTILE_TEXT}`,
      aliases: `prune the build cache\n${HOSTILE_TEXT}`,
      body: `Run docker builder prune. ${HOSTILE_TEXT}`,
    };
    await call(handleSaveNoteSubmit, deps, submission(await formFor(deps), hostile), spies());
    const asked = await call(handleDockerAsk, deps, {
      command: slashCommandPayload({ command: '/docker-ask', text: 'prune the build cache', responseUrl: 'https://x' }),
    });
    const reply = asked.ack.mock.calls[0]?.[0];
    expect(JSON.stringify(reply)).toContain('builder-cache-prune');
    expectNoInjectedMarkup(reply);
    const del = await call(handleDeleteNote, deps, {
      action: { action_id: 'delete_saved_note', value: 'nothing-here' },
      body: { user: { id: 'U0ALICE' }, trigger_id: 't' },
    });
    // Only the bot's own "saved by" mention.
    expectNoInjectedMarkup(del.client.views.publish.mock.calls[0]?.[0], ['U0ALICE']);
  });

  it('Write a note opens the empty form', async () => {
    const { deps } = withNotebook();
    const s = await call(
      handleWriteNote,
      deps,
      { action: { action_id: 'write_note', value: 'ko' }, body: { user: { id: 'U0ALICE' }, trigger_id: 't' } },
      spies(),
    );
    const view = openedView(s);
    expect(view.callback_id).toBe('save_note_modal');
    expect(Object.values(prefilled(view)).filter(Boolean)).toEqual([]);
    expect(JSON.stringify(view)).toContain('노트로 저장');
  });
});

describe('who may save and edit notes (NOTE_EDITORS)', () => {
  const config = readNoteEditors({ NOTE_EDITORS: 'U0OPS, S0DOCS' });

  it('reads user ids and user group ids, and names a wrong one', () => {
    expect(config).toEqual({ noteEditors: { users: ['U0OPS'], groups: ['S0DOCS'] } });
    expect(() => readNoteEditors({ NOTE_EDITORS: 'U0OPS,#ops' })).toThrow(/NOTE_EDITORS has "#ops"/);
    expect(readNoteEditors({})).toEqual({});
  });

  it('a user neither listed nor in a listed group hears so, and no form opens', async () => {
    const { deps } = withNotebook({ config });
    const s = await call(handleSaveAsNote, deps, shortcut({ userId: 'U0ALICE' }), spies(THREAD, ['U0CAROL']));
    expect(s.client.views.open).not.toHaveBeenCalled();
    expect(s.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('limited to certain people'),
    });
    expect(s.client.usergroups.users.list.mock.calls[0]?.[0]).toEqual({ usergroup: 'S0DOCS' });
  });

  it('a member of a listed group may; a submission is checked again', async () => {
    const { deps } = withNotebook({ config });
    const member = await call(handleSaveAsNote, deps, shortcut({ userId: 'U0CAROL' }), spies(THREAD, ['U0CAROL']));
    const view = openedView(member);
    const s = await call(
      handleSaveNoteSubmit,
      deps,
      submission(view, { id: 'x-note', title: 'X', body: 'x' }, 'U0MALLORY'),
      spies(THREAD, ['U0CAROL']),
    );
    expect(s.ack.mock.calls[0]?.[0]).toMatchObject({
      response_action: 'errors',
      errors: { note_title: expect.stringContaining('limited') },
    });
  });
});

describe('NOTE_EDITORS groups', () => {
  it('are asked for once a minute; a group Slack will not list keeps its last members, or admits no one, said in the log', async () => {
    let now = 0;
    const lines: string[] = [];
    const editors = noteEditors({ users: [], groups: ['S0DOCS'] }, { warn: (l: string) => lines.push(l) }, () => now);
    const list = vi.fn(async () => ({ ok: true, users: ['U0CAROL'] }));
    const client = { usergroups: { users: { list } } } as unknown as Parameters<typeof editors.allows>[1];
    expect(await editors.allows('U0CAROL', client)).toBe(true);
    expect(await editors.allows('U0DAVE', client)).toBe(false);
    expect(list).toHaveBeenCalledTimes(1);
    now = 61_000;
    // Past the minute it asks again; when Slack fails then, the members last read still count.
    list.mockRejectedValueOnce(slackApiError('ratelimited'));
    expect(await editors.allows('U0CAROL', client)).toBe(true);
    expect(list).toHaveBeenCalledTimes(2);
    // Never read: no one.
    list.mockRejectedValueOnce(slackApiError('missing_scope'));
    const fresh = noteEditors({ users: [], groups: ['S0DOCS'] }, { warn: (l: string) => lines.push(l) }, () => now);
    expect(await fresh.allows('U0CAROL', client)).toBe(false);
    expect(lines).toEqual([
      'notes: cannot read the members of NOTE_EDITORS group S0DOCS again (ratelimited); the members read before count',
      'notes: cannot read the members of NOTE_EDITORS group S0DOCS (missing_scope); they may not edit notes',
    ]);
  });
});

describe('Slack markup as the notes’ Markdown', () => {
  it.each([
    ['*bold* and _it_ and ~gone~', '**bold** and _it_ and ~~gone~~'],
    ['<https://example.com|docs> and <https://example.com>', '[docs](https://example.com) and https://example.com'],
    ['<!here> <#C123|ops> <@U1|ann>', '@here #ops @ann'],
    ['```\n&lt;b&gt; *not bold*\n```', '```\n<b> *not bold*\n```'],
    ['• one\n• two', '- one\n- two'],
  ])('%j → %j', (slack, markdown) => {
    expect(slackToMarkdown(slack)).toBe(markdown);
  });
});
