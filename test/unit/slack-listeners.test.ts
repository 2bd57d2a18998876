/**
 * Every Slack listener called directly with fake Bolt arguments (ack, respond and client spies), as
 * Slack's Bolt templates test theirs: what it acks, responds, posts and opens. The same listeners
 * over real sockets are in test/e2e/slack-http.test.ts and slack-socket.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RespondError } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createKnowledgeBase } from '../../src/knowledge/index.ts';
import type { Answer, KnowledgeBase } from '../../src/knowledge/types.ts';
import { ACTION_IDS, decodeEntryRef, encodeEntryRef } from '../../src/slack/interactions.ts';
import {
  handleOtherMatches,
  handleShareAnswer,
  handleShowEntry,
} from '../../src/slack/listeners/actions/answer-buttons.ts';
import { handleExplainDocker } from '../../src/slack/listeners/actions/explain-docker.ts';
import { handleHomeAsk, handleHomeReadTopic } from '../../src/slack/listeners/actions/home-buttons.ts';
import { handleShareQuestion } from '../../src/slack/listeners/actions/share-question.ts';
import { handleDockerAsk } from '../../src/slack/listeners/commands/ask.ts';
import { handleAppHomeOpened } from '../../src/slack/listeners/events/app-home.ts';
import { handleDirectMessage } from '../../src/slack/listeners/events/direct-message.ts';
import { handleAppMention } from '../../src/slack/listeners/events/mention.ts';
import { handleExplainInThread } from '../../src/slack/listeners/shortcuts/explain-in-thread.ts';
import { handleAskModalSubmit } from '../../src/slack/listeners/views/ask-modal.ts';
import { boltSpies, callListener, slackApiError, slackDeps } from '../support/bolt.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { buttonClickPayload, messageShortcutPayload, slashCommandPayload } from '../support/slack-requests.ts';

const RESPONSE_URL = 'https://hooks.slack.test/actions/T0TEST/1/abc';

/** A click on a button, as Bolt hands it to an action listener: the action and the whole body. */
function click(
  actionId: string,
  value: string,
  options: { isEphemeral?: boolean; inHome?: boolean; channelId?: string } = {},
) {
  const body = buttonClickPayload({
    actionId,
    value,
    responseUrl: RESPONSE_URL,
    isEphemeral: options.isEphemeral ?? true,
    ...options,
  });
  return { body, action: (body.actions as unknown[])[0] };
}

const ref = (entryId: string, question = 'docker root dir', lang: 'ko' | 'en' = 'en') =>
  encodeEntryRef({ entryId, question, lang });

/** The JSON of every call a spy got, for checking what a listener sent. */
const sent = (spy: { mock: { calls: unknown[][] } }) => JSON.stringify(spy.mock.calls);

describe('/docker-ask', () => {
  it('answers in the ack itself, privately, with Share', async () => {
    const deps = slackDeps();
    const { ack, respond } = await callListener(handleDockerAsk, deps, {
      command: slashCommandPayload({ command: '/docker-ask', text: 'docker root dir', responseUrl: RESPONSE_URL }),
    });
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(sent(ack)).toContain('docker-root-dir');
    expect(sent(ack)).toContain(ACTION_IDS.share);
    expect(respond).not.toHaveBeenCalled();
    expect(deps.logger.lines).toEqual(['info /docker-ask by U0ALICE in C0GENERAL: answered with docker-root-dir']);
  });

  it('with no question, acks the help and the topic list in DEFAULT_LANG', async () => {
    const { ack } = await callListener(handleDockerAsk, slackDeps({ config: { defaultLang: 'ko' } }), {
      command: slashCommandPayload({ command: '/docker-ask', text: '  ', responseUrl: RESPONSE_URL }),
    });
    expect(sent(ack)).toContain('주제 목록');
  });
});

describe('events', () => {
  it('a mention is answered in its thread, or under the mention itself', async () => {
    const deps = slackDeps();
    const event = { type: 'app_mention', user: 'U0ALICE', text: '<@UBOT> wsl?', ts: '1.1', channel: 'C0GENERAL' };
    const body = { event_id: 'Ev1' };
    const top = await callListener(handleAppMention, deps, { event, body });
    expect(top.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1.1' });
    const inThread = await callListener(handleAppMention, deps, {
      event: { ...event, ts: '1.3', thread_ts: '1.2' },
      body,
    });
    expect(inThread.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ thread_ts: '1.2' });
    expect(sent(inThread.client.chat.postMessage)).toContain('wsl');
  });

  it('a direct message is answered in the DM; edits and bot messages are not questions', async () => {
    const deps = slackDeps();
    const dm = { type: 'message', channel_type: 'im', channel: 'D0ALICE', user: 'U0ALICE', text: 'wsl', ts: '2.1' };
    const answered = await callListener(handleDirectMessage, deps, { event: dm, body: { event_id: 'Ev2' } });
    expect(answered.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ channel: 'D0ALICE' });
    expect(answered.client.chat.postMessage.mock.calls[0]?.[0]).not.toHaveProperty('thread_ts');
    for (const ignored of [
      { ...dm, subtype: 'message_changed' },
      { ...dm, bot_id: 'B1' },
      { ...dm, channel_type: 'channel' },
    ]) {
      const { client } = await callListener(handleDirectMessage, deps, { event: ignored, body: { event_id: 'Ev3' } });
      expect(client.chat.postMessage).not.toHaveBeenCalled();
    }
  });

  it('opening the Home tab publishes the topics; the Messages tab publishes nothing', async () => {
    const deps = slackDeps();
    const home = await callListener(handleAppHomeOpened, deps, {
      event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'home' },
    });
    const published = home.client.views.publish.mock.calls[0]?.[0] as { user_id: string; view: { type: string } };
    expect(published.user_id).toBe('U0ALICE');
    expect(published.view.type).toBe('home');
    expect(sent(home.client.views.publish).match(new RegExp(ACTION_IDS.homeReadTopic, 'g'))).toHaveLength(6);
    const messages = await callListener(handleAppHomeOpened, deps, {
      event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'messages' },
    });
    expect(messages.client.views.publish).not.toHaveBeenCalled();
  });
});

describe('answer buttons', () => {
  it('Share posts publicly through response_url naming the sharer, then deletes the private copy', async () => {
    const deps = slackDeps();
    const { ack, respond } = await callListener(handleShareAnswer, deps, click(`${ACTION_IDS.share}:0`, ref('wsl')));
    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond.mock.calls.map(([m]) => (m as { response_type?: string }).response_type)).toEqual([
      'in_channel',
      undefined,
    ]);
    expect(sent(respond)).toContain('<@U0ALICE>');
    expect(respond.mock.calls[1]?.[0]).toEqual({ delete_original: true });
  });

  it('Share on an expired response_url: one warning, no delete, no failure', async () => {
    const deps = slackDeps();
    const spies = boltSpies();
    spies.respond.mockRejectedValue(new RespondError('Failed to respond to the response_url: 410 Gone', 410));
    await callListener(handleShareAnswer, deps, click(`${ACTION_IDS.share}:0`, ref('wsl')), spies);
    expect(spies.respond).toHaveBeenCalledTimes(1);
    expect(deps.logger.lines).toEqual([
      'warn share_answer:0 by U0ALICE: not delivered, its response_url has expired (HTTP 410)',
    ]);
  });

  it('a response_url that fails otherwise still fails the listener (the app error handler logs it)', async () => {
    const spies = boltSpies();
    spies.respond.mockRejectedValue(new RespondError('Failed to respond to the response_url: 400', 400));
    await expect(
      callListener(handleShareAnswer, slackDeps(), click(`${ACTION_IDS.share}:0`, ref('wsl')), spies),
    ).rejects.toThrow(RespondError);
  });

  it('Other matches lists the next topics privately, without the one shown', async () => {
    const { respond } = await callListener(
      handleOtherMatches,
      slackDeps(),
      click(`${ACTION_IDS.otherMatches}:0`, ref('deletion-order', '컨테이너 삭제 순서?', 'ko')),
    );
    const message = respond.mock.calls[0]?.[0] as {
      response_type: string;
      blocks: Array<{ elements?: Array<{ value?: string }> }>;
    };
    expect(message.response_type).toBe('ephemeral');
    const shown = message.blocks.flatMap((b) => b.elements ?? []).map((e) => decodeEntryRef(e.value)?.entryId);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('deletion-order');
  });

  it('a topic button replaces a private list with the entry, or adds a private one under a public message', async () => {
    const deps = slackDeps();
    const inPrivate = await callListener(handleShowEntry, deps, click(`${ACTION_IDS.showEntry}:1`, ref('wsl')));
    expect(inPrivate.respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const underPublic = await callListener(
      handleShowEntry,
      deps,
      click(`${ACTION_IDS.showEntry}:1`, ref('wsl'), { isEphemeral: false }),
    );
    expect(underPublic.respond.mock.calls[0]?.[0]).toMatchObject({ replace_original: false });
  });

  it('a button naming a topic the notes no longer have says so privately; a value not ours is ignored', async () => {
    const gone = await callListener(
      handleShowEntry,
      slackDeps(),
      click(`${ACTION_IDS.showEntry}:0`, ref('removed-note')),
    );
    expect(gone.ack).toHaveBeenCalledTimes(1);
    expect(gone.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('no longer'),
    });
    const forged = await callListener(handleShareAnswer, slackDeps(), click(`${ACTION_IDS.share}:0`, '{"not":"ours"}'));
    expect(forged.ack).toHaveBeenCalledTimes(1);
    expect(forged.respond).not.toHaveBeenCalled();
  });
});

describe('Explain under a Docker result', () => {
  it("posts the note into the result's thread, crediting who asked", async () => {
    const { client, respond } = await callListener(
      handleExplainDocker,
      slackDeps(),
      click(`${ACTION_IDS.explainDocker}:0`, ref('listing-commands'), { isEphemeral: false, channelId: 'C0OPS' }),
    );
    expect(client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({
      channel: 'C0OPS',
      thread_ts: '1700000000.000100',
    });
    expect(sent(client.chat.postMessage)).toContain('<@U0ALICE>');
    expect(respond).not.toHaveBeenCalled();
  });

  it('explains privately where the bot is not invited, or when the result itself was private', async () => {
    const spies = boltSpies();
    spies.client.chat.postMessage.mockRejectedValue(slackApiError('not_in_channel'));
    await callListener(
      handleExplainDocker,
      slackDeps(),
      click(`${ACTION_IDS.explainDocker}:0`, ref('listing-commands'), { isEphemeral: false }),
      spies,
    );
    expect(spies.respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const privateResult = await callListener(
      handleExplainDocker,
      slackDeps(),
      click(`${ACTION_IDS.explainDocker}:0`, ref('listing-commands')),
    );
    expect(privateResult.client.chat.postMessage).not.toHaveBeenCalled();
    expect(privateResult.respond).toHaveBeenCalledTimes(1);
  });
});

describe('App Home buttons and the question form', () => {
  it('Read opens the topic in a modal; Ask opens the form in the language it carries', async () => {
    const read = await callListener(
      handleHomeReadTopic,
      slackDeps(),
      click(`${ACTION_IDS.homeReadTopic}:0`, ref('wsl'), { inHome: true }),
    );
    expect(read.client.views.open.mock.calls[0]?.[0]).toMatchObject({
      trigger_id: 'trigger-2',
      view: { type: 'modal' },
    });
    const ask = await callListener(
      handleHomeAsk,
      slackDeps(),
      click(`${ACTION_IDS.homeAsk}:0`, 'ko', { inHome: true }),
    );
    expect(ask.client.views.open.mock.calls[0]?.[0]).toMatchObject({
      view: { callback_id: 'ask_modal', submit: { text: '묻기' } },
    });
  });

  it('the form answers in place, and keeps itself open with a message for an empty question', async () => {
    const submit = (value: string) => ({
      body: { user: { id: 'U0ALICE' } },
      view: {
        callback_id: 'ask_modal',
        state: { values: { question: { question_text: { type: 'plain_text_input', value } } } },
      },
    });
    const answered = await callListener(handleAskModalSubmit, slackDeps(), submit('docker root dir'));
    expect(answered.ack.mock.calls[0]?.[0]).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(sent(answered.ack)).toContain('docker-root-dir');
    const empty = await callListener(handleAskModalSubmit, slackDeps(), submit('   '));
    expect(empty.ack.mock.calls[0]?.[0]).toEqual({
      response_action: 'errors',
      errors: { question: 'Please type a question.' },
    });
  });
});

describe('Explain in thread (message shortcut)', () => {
  const shortcut = (text: string, channelId = 'C0GENERAL') => {
    const payload = messageShortcutPayload({ text, ts: '3.1', responseUrl: RESPONSE_URL, channelId });
    return { shortcut: payload, body: payload };
  };

  it('answers the message in its thread, crediting who asked', async () => {
    const { ack, client } = await callListener(handleExplainInThread, slackDeps(), shortcut('docker root dir?'));
    expect(ack).toHaveBeenCalledTimes(1);
    expect(client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '3.1' });
    expect(sent(client.chat.postMessage)).toContain('<@U0ALICE>');
  });

  it('tells only the person who used it when the notes do not cover the message, or it has no text', async () => {
    for (const text of ['how do I center a div in css?', '']) {
      const { client, respond } = await callListener(handleExplainInThread, slackDeps(), shortcut(text));
      expect(client.chat.postMessage).not.toHaveBeenCalled();
      expect(respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral' });
    }
  });

  it("a teammate's small talk is a message the notes do not cover, not a greeting to the person who used it", async () => {
    for (const text of ['lunch at noon?', 'thanks a lot!', '안녕하세요', '다시 설명해 줄래요?', '답이 틀렸잖아요']) {
      const { client, respond } = await callListener(handleExplainInThread, slackDeps(), shortcut(text));
      expect(client.chat.postMessage).not.toHaveBeenCalled();
      expect(respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral' });
      expect(sent(respond)).toMatch(/don't cover|답을 찾지 못했어요/);
    }
  });

  it('with notes lacking every topic, still answers privately that they do not cover it', async () => {
    const empty = createKnowledgeBase([]);
    const { respond } = await callListener(
      handleExplainInThread,
      slackDeps({ kb: empty }),
      shortcut('docker root dir?'),
    );
    expect(sent(respond)).toContain("don't cover");
  });
});

describe('the response_url seam', () => {
  it('no listener calls respond() itself: every post to a response_url goes through replyThrough', () => {
    const dir = path.join(PROJECT_ROOT, 'src', 'slack');
    const callers = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== 'respond.ts')
      .filter((file) => /\brespond\(/.test(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(callers).toEqual([]);
  });
});

describe('the outcomes as listeners send them', () => {
  /** The fixture notes, with every question getting `answer`: the outcome is fixed, not searched. */
  const answering = (answer: Omit<Answer, 'query'>): KnowledgeBase => {
    const notes = fixtureKnowledge();
    return { ...notes, ask: (query) => ({ ...answer, query }) };
  };
  const rootDir = () => fixtureKnowledge().byId('docker-root-dir')!;
  const partlyKb = () =>
    answering({
      outcome: 'partial',
      answered: false,
      matches: [{ entry: rootDir(), score: 0.6 }],
      partial: { covered: ['root dir'], missing: ['change'] },
    });
  const ask = (text: string) => ({
    command: slashCommandPayload({ command: '/docker-ask', text, responseUrl: RESPONSE_URL }),
  });

  it('/docker-ask, partial: the partial line, the note, Share and Ask the channel; the log says partly', async () => {
    const deps = slackDeps({ kb: partlyKb() });
    const { ack } = await callListener(handleDockerAsk, deps, ask('change the docker root dir'));
    expect(sent(ack)).toContain('The closest note covers part of this: it has *root dir*, but not *change*.');
    expect(sent(ack)).toContain(ACTION_IDS.shareQuestion);
    expect(sent(ack)).toContain(ACTION_IDS.share);
    expect(deps.logger.lines).toEqual([
      'info /docker-ask by U0ALICE in C0GENERAL: partly answered with docker-root-dir',
    ]);
  });

  it('/docker-ask, chat, in Korean and English: a brief reply, no "not covered"', async () => {
    const greeting = answering({ outcome: 'none', answered: false, matches: [], chat: 'greeting' });
    const ko = await callListener(handleDockerAsk, slackDeps({ kb: greeting }), ask('안녕하세요'));
    expect(sent(ko.ack)).toContain('안녕하세요! 팀 노트로 도커 질문에 답해 드려요.');
    const deps = slackDeps({ kb: answering({ outcome: 'none', answered: false, matches: [], chat: 'thanks' }) });
    const en = await callListener(handleDockerAsk, deps, ask('thanks!'));
    expect(sent(en.ack)).toContain("You're welcome!");
    expect(sent(en.ack)).not.toContain("don't cover");
    expect(deps.logger.lines).toEqual(['info /docker-ask by U0ALICE in C0GENERAL: chat (thanks)']);
  });

  it('/docker-ask, none with nothing close: not covered, then the topic list', async () => {
    const deps = slackDeps({ kb: answering({ outcome: 'none', answered: false, matches: [] }) });
    const { ack } = await callListener(handleDockerAsk, deps, ask('how do I quit vim'));
    expect(sent(ack)).toContain("The notes don't cover “how do I quit vim”.");
    expect(sent(ack)).toContain('No close topics either. The notes have these:');
    expect(sent(ack)).toContain('WSL');
  });

  it('a mention with a partial answer gets it in the thread, with Ask the channel', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@UBOT> 루트 바꾸기',
      ts: '1.1',
      channel: 'C0GENERAL',
    };
    const { client } = await callListener(handleAppMention, slackDeps({ kb: partlyKb() }), { event });
    expect(client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ thread_ts: '1.1' });
    expect(sent(client.chat.postMessage)).toContain(ACTION_IDS.shareQuestion);
  });

  it('Explain in thread posts a partial answer in the thread like an answer', async () => {
    const payload = messageShortcutPayload({ text: 'change root dir?', ts: '3.1', responseUrl: RESPONSE_URL });
    const { client } = await callListener(handleExplainInThread, slackDeps({ kb: partlyKb() }), {
      shortcut: payload,
      body: payload,
    });
    expect(client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ thread_ts: '3.1' });
    expect(sent(client.chat.postMessage)).toContain('covers part of this');
  });

  it('Ask the channel posts the question publicly naming who asks and the note, and keeps the answer', async () => {
    const deps = slackDeps({ kb: partlyKb() });
    const value = ref('docker-root-dir', 'how do I change the docker root dir');
    const { ack, respond } = await callListener(
      handleShareQuestion,
      deps,
      click(`${ACTION_IDS.shareQuestion}:0`, value),
    );
    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond).toHaveBeenCalledTimes(1);
    expect(respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(sent(respond)).toContain('<@U0ALICE> asks the channel: “how do I change the docker root dir”');
    expect(sent(respond)).toContain('Docker root directory');
    expect(sent(respond)).toContain('but not *change*');
    expect(deps.logger.lines).toEqual(['info question shared by U0ALICE in C0GENERAL: docker-root-dir']);
  });

  it('Ask the channel in Korean; a note gone says so privately; a value not ours is ignored', async () => {
    const ko = await callListener(
      handleShareQuestion,
      slackDeps({ kb: partlyKb() }),
      click(`${ACTION_IDS.shareQuestion}:0`, ref('docker-root-dir', '루트 디렉토리 바꾸기', 'ko')),
    );
    expect(sent(ko.respond)).toContain('<@U0ALICE>님이 채널에 질문해요');
    const gone = await callListener(
      handleShareQuestion,
      slackDeps(),
      click(`${ACTION_IDS.shareQuestion}:0`, ref('nope')),
    );
    expect(gone.respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral' });
    const junk = await callListener(handleShareQuestion, slackDeps(), click(`${ACTION_IDS.shareQuestion}:0`, 'junk'));
    expect(junk.respond).not.toHaveBeenCalled();
  });
});
