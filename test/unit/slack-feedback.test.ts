/**
 * 👍 / 👎 and the gaps, in the Slack face: what the builders draw (feedback_buttons under every
 * answer, the "what was missing" form, the App Home section), and what the listeners record, called
 * with fake Bolt arguments over an in-memory store (test/support/memory-store.ts). A store that is
 * down never changes what the person gets.
 */
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/knowledge/index.ts';
import type { KnowledgeEntry } from '../../src/knowledge/types.ts';
import { buildAnswerMessage, buildEntryMessage } from '../../src/render/slack/answers.ts';
import { buildGapsDigest } from '../../src/render/slack/gaps.ts';
import { buildHomeView } from '../../src/render/slack/views.ts';
import {
  ACTION_IDS,
  answerIdOf,
  decodeEntryRef,
  decodeFeedbackContext,
  decodeVote,
  encodeVote,
  FEEDBACK_INPUT,
  ROUTES,
  VIEW_CALLBACK_IDS,
  WRITE_NOTE_ACTION,
} from '../../src/slack/interactions.ts';
import { handleFeedbackVote } from '../../src/slack/listeners/actions/feedback.ts';
import { handleDockerAsk } from '../../src/slack/listeners/commands/ask.ts';
import { handleAppHomeOpened } from '../../src/slack/listeners/events/app-home.ts';
import { handleDirectMessage } from '../../src/slack/listeners/events/direct-message.ts';
import { handleAppMention } from '../../src/slack/listeners/events/mention.ts';
import { handleExplainInThread } from '../../src/slack/listeners/shortcuts/explain-in-thread.ts';
import { handleAskModalSubmit } from '../../src/slack/listeners/views/ask-modal.ts';
import { handleFeedbackReasonSubmit } from '../../src/slack/listeners/views/feedback-reason.ts';
import { createBestEffortRecorder } from '../../src/store/recorder.ts';
import type { GapSummary } from '../../src/store/types.ts';
import { boltSpies, callListener, slackApiError, slackDeps, type TestDeps } from '../support/bolt.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { memoryStore, STORE_DOWN } from '../support/memory-store.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';
import { buttonClickPayload, messageShortcutPayload, slashCommandPayload } from '../support/slack-requests.ts';

const RESPONSE_URL = 'https://hooks.slack.test/actions/T0TEST/1/abc';
const kb = fixtureKnowledge();

interface Block {
  type: string;
  elements?: Array<Record<string, unknown>>;
  text?: { text: string };
  accessory?: { action_id: string; value: string };
}

/** Listener dependencies with an in-memory store and a recorder over it. */
function depsWithStore() {
  const memory = memoryStore();
  const deps: TestDeps = {
    ...slackDeps(),
    store: memory.store,
    recorder: createBestEffortRecorder(memory.store, { firstRetryMs: 5 }),
  };
  return { memory, deps };
}

/** The feedback_buttons element of a message's blocks, if any. */
function feedbackElement(blocks: readonly Block[]) {
  const block = blocks.find((b) => b.type === 'context_actions');
  return block?.elements?.[0] as
    | { type: string; action_id: string; positive_button: { value: string }; negative_button: { value: string } }
    | undefined;
}

/** A click on 👍 or 👎, as Slack sends it: a feedback_buttons action whose value is the clicked button's. */
function voteClick(value: string, options: { userId?: string; messageTs?: string; channelId?: string } = {}) {
  const body = buttonClickPayload({ actionId: ACTION_IDS.feedback, value, responseUrl: RESPONSE_URL, ...options });
  const action = { ...(body.actions as Array<Record<string, unknown>>)[0], type: 'feedback_buttons' };
  return { body: { ...body, actions: [action] }, action };
}

/** A submission of the "what was missing" form carrying `metadata`. */
function reasonSubmit(metadata: string, missing: string | null, userId = 'U0ALICE') {
  return {
    body: { type: 'view_submission', user: { id: userId } },
    view: {
      callback_id: VIEW_CALLBACK_IDS.feedbackReason,
      private_metadata: metadata,
      state: {
        values: {
          [FEEDBACK_INPUT.blockId]: { [FEEDBACK_INPUT.actionId]: { type: 'plain_text_input', value: missing } },
        },
      },
    },
  };
}

const answerTo = (question: string) => kb.ask(question, { limit: 6 });

describe('feedback under answers (builders)', () => {
  it('an answer ends with "Was this helpful?" and Slack feedback_buttons whose values name the vote and the answer', () => {
    const message = buildAnswerMessage({
      answer: answerTo('docker root dir'),
      question: 'docker root dir',
      lang: 'en',
      audience: 'private',
      lookup: (id) => kb.byId(id),
      routes: ROUTES,
      feedback: true,
    });
    const blocks = message.blocks as Block[];
    expect(blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Was this helpful?' }] });
    expect(blocks.at(-1)?.type).toBe('context_actions');
    const element = feedbackElement(blocks)!;
    expect(element).toMatchObject({ type: 'feedback_buttons', action_id: ACTION_IDS.feedback });
    expect(decodeVote(element.positive_button.value)).toEqual({
      vote: 'up',
      ref: { entryId: 'docker-root-dir', question: 'docker root dir', lang: 'en' },
    });
    expect(decodeVote(element.negative_button.value)?.vote).toBe('down');
    expectWithinSlackLimits(message);
  });

  it('in Korean for a Korean question; a partial answer is rated too; "not covered" and no store draw none', () => {
    const ko = buildAnswerMessage({
      answer: answerTo('도커 루트 디렉토리 위치'),
      question: '도커 루트 디렉토리 위치',
      lang: 'ko',
      audience: 'public',
      lookup: (id) => kb.byId(id),
      routes: ROUTES,
      feedback: true,
    });
    expect(JSON.stringify(ko.blocks)).toContain('도움이 됐나요?');
    const partialQuestion = 'how do I change the docker root dir';
    const partial = buildAnswerMessage({
      answer: answerTo(partialQuestion),
      question: partialQuestion,
      lang: 'en',
      audience: 'private',
      lookup: (id) => kb.byId(id),
      routes: ROUTES,
      feedback: true,
    });
    expect(answerTo(partialQuestion).outcome).toBe('partial');
    expect(decodeVote(feedbackElement(partial.blocks as Block[])?.negative_button.value)?.ref.entryId).toBe(
      'docker-root-dir',
    );
    const none = buildAnswerMessage({
      answer: answerTo('how to cook rice'),
      question: 'how to cook rice',
      lang: 'en',
      audience: 'private',
      lookup: (id) => kb.byId(id),
      routes: ROUTES,
      feedback: true,
    });
    expect(feedbackElement(none.blocks as Block[])).toBeUndefined();
    const withoutStore = buildAnswerMessage({
      answer: answerTo('docker root dir'),
      question: 'docker root dir',
      lang: 'en',
      audience: 'private',
      lookup: (id) => kb.byId(id),
      routes: ROUTES,
    });
    expect(feedbackElement(withoutStore.blocks as Block[])).toBeUndefined();
  });

  it("a note long enough for Slack's 50 blocks is cut to make room; a long question still fits a value", () => {
    const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} about docker storage.`).join('\n\n');
    const entry: KnowledgeEntry = {
      id: 'long-note',
      title: 'Long note',
      titleEn: 'Long note',
      aliases: [],
      tags: [],
      related: [],
      body,
      file: 'long-note.md',
    };
    const longKb = createKnowledgeBase([entry]);
    const question = `${'아주 긴 질문 '.repeat(400)}?`;
    const message = buildEntryMessage({
      entry,
      question,
      lang: 'ko',
      audience: 'private',
      lookup: (id) => longKb.byId(id),
      hasOtherMatches: true,
      routes: ROUTES,
      feedback: true,
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const element = feedbackElement(message.blocks as Block[])!;
    for (const value of [element.positive_button.value, element.negative_button.value]) {
      expect(value.length).toBeLessThanOrEqual(2000);
      expect(decodeVote(value)?.ref.question.length).toBeGreaterThan(100);
    }
    expectWithinSlackLimits(message);
  });

  it('a value that is not a vote decodes to nothing; the answer id is the message clicked', () => {
    expect(decodeVote('{"v":"sideways","e":"x","q":"q"}')).toBeUndefined();
    expect(decodeVote('not json')).toBeUndefined();
    expect(decodeVote(undefined)).toBeUndefined();
    expect(answerIdOf({ channel_id: 'C1', message_ts: '17.0001' })).toBe('C1:17.0001');
    expect(answerIdOf({ channel_id: 'C1' })).toBeUndefined();
  });
});

describe('votes (listeners)', () => {
  const up = encodeVote('up', { entryId: 'docker-root-dir', question: 'docker root dir', lang: 'en' });
  const down = encodeVote('down', { entryId: 'docker-root-dir', question: 'docker root dir', lang: 'en' });

  it('👍 is recorded once per user per answer; a second click changes it', async () => {
    const { memory, deps } = depsWithStore();
    const first = await callListener(handleFeedbackVote, deps, voteClick(up, { messageTs: '100.1' }));
    expect(first.ack).toHaveBeenCalledTimes(1);
    expect(first.client.views.open).not.toHaveBeenCalled();
    await callListener(handleFeedbackVote, deps, voteClick(up, { messageTs: '100.1', userId: 'U0BOB' }));
    await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '100.1' }));
    await deps.recorder!.drain();
    const votes = memory
      .votes()
      .map((v) => ({ answerId: v.answerId, userId: v.userId, vote: v.vote, noteId: v.noteId }));
    expect(votes).toEqual([
      { answerId: 'C0GENERAL:100.1', userId: 'U0ALICE', vote: 'down', noteId: 'docker-root-dir' },
      { answerId: 'C0GENERAL:100.1', userId: 'U0BOB', vote: 'up', noteId: 'docker-root-dir' },
    ]);
    expect(memory.votes()[0]).toMatchObject({ question: 'docker root dir', channelId: 'C0GENERAL' });
  });

  it("👎 opens the optional form with the click's trigger_id; its reason is added to that 👎", async () => {
    const { memory, deps } = depsWithStore();
    const { client } = await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '200.2' }));
    expect(client.views.open).toHaveBeenCalledTimes(1);
    const opened = client.views.open.mock.calls[0]![0] as {
      trigger_id: string;
      view: { callback_id: string; private_metadata: string; blocks: Array<{ optional?: boolean }> };
    };
    expect(opened.trigger_id).toBe('trigger-2');
    expect(opened.view.callback_id).toBe(VIEW_CALLBACK_IDS.feedbackReason);
    expect(opened.view.blocks[0]?.optional).toBe(true);
    expect(decodeFeedbackContext(opened.view.private_metadata)).toEqual({
      answerId: 'C0GENERAL:200.2',
      channelId: 'C0GENERAL',
      ref: { entryId: 'docker-root-dir', question: 'docker root dir', lang: 'en' },
    });
    const submitted = await callListener(
      handleFeedbackReasonSubmit,
      deps,
      reasonSubmit(opened.view.private_metadata, '  how to move it to another disk  '),
    );
    expect(submitted.ack).toHaveBeenCalledWith();
    await deps.recorder!.drain();
    expect(memory.votes()).toMatchObject([
      { answerId: 'C0GENERAL:200.2', vote: 'down', missing: 'how to move it to another disk' },
    ]);
    // An empty form closes and changes nothing.
    await callListener(handleFeedbackReasonSubmit, deps, reasonSubmit(opened.view.private_metadata, null));
    await deps.recorder!.drain();
    expect(memory.votes()[0]?.missing).toBe('how to move it to another disk');
  });

  it('👎 makes the question a gap once per user per answer, with its closest notes', async () => {
    const { memory, deps } = depsWithStore();
    await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '300.3' }));
    await deps.recorder!.drain();
    await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '300.3' }));
    await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '300.3', userId: 'U0BOB' }));
    await deps.recorder!.drain();
    const gaps = memory.gaps();
    expect(gaps.map((g) => g.outcome)).toEqual(['voted-down', 'voted-down']);
    expect(gaps[0]).toMatchObject({ question: 'docker root dir', lang: 'en', channelId: 'C0GENERAL' });
    expect(gaps[0]?.closest[0]?.noteId).toBe('docker-root-dir');
  });

  it('a store that is down or a form that cannot open never fails the click', async () => {
    const { memory, deps } = depsWithStore();
    memory.failWith(STORE_DOWN);
    const spies = boltSpies();
    spies.client.views.open.mockRejectedValueOnce(slackApiError('expired_trigger_id'));
    await callListener(handleFeedbackVote, deps, voteClick(down, { messageTs: '400.4' }), spies);
    expect(spies.ack).toHaveBeenCalledTimes(1);
    expect(deps.logger.lines.join('\n')).toContain('not opened: expired_trigger_id');
    expect(deps.recorder!.stats().queued).toBeGreaterThan(0);
    // Back again: what waited is written.
    memory.failWith(undefined);
    expect(await deps.recorder!.drain()).toBe(true);
    expect(memory.votes()).toHaveLength(1);
  });

  it('a click whose value is not ours is acked and ignored', async () => {
    const { memory, deps } = depsWithStore();
    const { ack, client } = await callListener(handleFeedbackVote, deps, voteClick('{"x":1}'));
    expect(ack).toHaveBeenCalledTimes(1);
    expect(client.views.open).not.toHaveBeenCalled();
    await deps.recorder!.drain();
    expect(memory.votes()).toEqual([]);
  });
});

describe('gaps recorded from every way of asking', () => {
  it('/docker-ask records an unanswered or partial question with its channel; an answer or a greeting is no gap', async () => {
    const { memory, deps } = depsWithStore();
    for (const text of ['how to cook rice', 'how do I change the docker root dir', 'docker root dir', 'hello!']) {
      await callListener(handleDockerAsk, deps, {
        command: slashCommandPayload({ command: '/docker-ask', text, responseUrl: RESPONSE_URL, channelId: 'C0ASK' }),
      });
    }
    await deps.recorder!.drain();
    expect(memory.gaps().map((g) => [g.question, g.outcome, g.channelId])).toEqual([
      ['how to cook rice', 'not-answered', 'C0ASK'],
      ['how do I change the docker root dir', 'partial', 'C0ASK'],
    ]);
    expect(memory.gaps()[1]?.closest[0]).toMatchObject({ noteId: 'docker-root-dir' });
  });

  it('a gap carries the time it was asked, not the time the recorder gets to write it', async () => {
    const { memory, deps } = depsWithStore();
    const before = Date.now();
    await callListener(handleDockerAsk, deps, {
      command: slashCommandPayload({ command: '/docker-ask', text: 'how to cook rice', responseUrl: RESPONSE_URL }),
    });
    const after = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deps.recorder!.drain();
    const askedAt = memory.gaps()[0]?.askedAt?.getTime();
    expect(askedAt).toBeGreaterThanOrEqual(before);
    expect(askedAt).toBeLessThanOrEqual(after);
  });

  it('mentions, DMs, the Explain shortcut and the App Home form record theirs too, mentions removed', async () => {
    const { memory, deps } = depsWithStore();
    await callListener(handleAppMention, deps, {
      event: {
        type: 'app_mention',
        user: 'U0ALICE',
        channel: 'C0MENTION',
        ts: '1.1',
        text: '<@UBOT> how to cook rice',
      },
      body: { event_id: 'EvMention' },
    });
    await callListener(handleDirectMessage, deps, {
      event: {
        type: 'message',
        channel_type: 'im',
        user: 'U0ALICE',
        channel: 'D0DM',
        ts: '2.2',
        text: 'kubernetes ingress tls setup',
      },
      body: { event_id: 'EvDM' },
    });
    await callListener(handleExplainInThread, deps, {
      shortcut: messageShortcutPayload({
        text: 'how to bake bread',
        ts: '3.3',
        responseUrl: RESPONSE_URL,
        channelId: 'C0SHORT',
      }),
    });
    await callListener(handleAskModalSubmit, deps, {
      body: { user: { id: 'U0ALICE' } },
      view: { state: { values: { question: { question_text: { value: 'how to brew coffee' } } } } },
    });
    await deps.recorder!.drain();
    expect(memory.gaps().map((g) => [g.question, g.channelId])).toEqual([
      ['how to cook rice', 'C0MENTION'],
      ['kubernetes ingress tls setup', 'D0DM'],
      ['how to bake bread', 'C0SHORT'],
      ['how to brew coffee', undefined],
    ]);
  });

  it('a store that is down changes no answer', async () => {
    const { memory, deps } = depsWithStore();
    memory.failWith(STORE_DOWN);
    const { ack } = await callListener(handleDockerAsk, deps, {
      command: slashCommandPayload({ command: '/docker-ask', text: 'how to cook rice', responseUrl: RESPONSE_URL }),
    });
    expect(JSON.stringify(ack.mock.calls[0]?.[0])).toContain("The notes don't cover");
    expect(deps.recorder!.stats().failing).toBe(true);
  });
});

const gap = (question: string, count: number, closest = 'docker-root-dir'): GapSummary => ({
  questionKey: question.toLowerCase(),
  question,
  lang: 'en',
  closest: [{ noteId: closest, score: 0.31 }],
  count,
  outcomes: { 'not-answered': count, partial: 0, 'voted-down': 0 },
  firstAskedAt: new Date('2026-11-01T00:00:00Z'),
  lastAskedAt: new Date('2026-11-20T00:00:00Z'),
});

describe('gaps in the App Home', () => {
  it('the section lists the questions with counts and a Write a note button carrying the question', () => {
    const downVoted = { ...gap('prune images', 2), outcomes: { 'not-answered': 0, partial: 1, 'voted-down': 1 } };
    const view = buildHomeView(kb.entries, 'ko', ROUTES, {
      gaps: [gap('how to move <!channel> volumes', 3), downVoted],
      days: 30,
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('2번 물어봄 · 일부만 답함 1번 · 👎 1번 · 가까운 노트: `docker-root-dir`');
    expect(text).toContain('노트가 답하지 못한 질문');
    expect(text).toContain('최근 30일');
    expect(text).toContain('3번 물어봄');
    // Shown escaped; only the button's value (never displayed) keeps it as asked.
    const shown = JSON.stringify((view.blocks as Block[]).map((b) => b.text?.text ?? ''));
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    const writeButtons = (view.blocks as Block[]).flatMap((b) => (b.accessory ? [b.accessory] : []));
    const writes = writeButtons.filter((b) => b.action_id.startsWith(`${WRITE_NOTE_ACTION}:`));
    expect(writes.map((b) => b.action_id)).toEqual([`${WRITE_NOTE_ACTION}:0`, `${WRITE_NOTE_ACTION}:1`]);
    expect(decodeEntryRef(writes[0]?.value)).toEqual({
      entryId: 'docker-root-dir',
      question: 'how to move <!channel> volumes',
      lang: 'en',
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('in English with none: says so; without a store or when it fails, the Home has no such section', () => {
    const none = JSON.stringify(buildHomeView(kb.entries, 'en', ROUTES, { gaps: [], days: 30 }).blocks);
    expect(none).toContain('Questions the notes could not answer');
    expect(none).toContain('None: the notes answered every question.');
    expect(JSON.stringify(buildHomeView(kb.entries, 'en', ROUTES).blocks)).not.toContain('could not answer');
  });

  it('opening the Home publishes the recorded gaps; a store that hangs is given a second, then the Home goes without', async () => {
    const { memory, deps } = depsWithStore();
    await memory.store.gaps.record({ question: 'how to cook rice', lang: 'en', outcome: 'not-answered', closest: [] });
    await memory.store.gaps.record({ question: 'How to cook rice?', lang: 'en', outcome: 'not-answered', closest: [] });
    const event = { event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'home' } };
    const { client } = await callListener(handleAppHomeOpened, deps, event);
    const published = JSON.stringify(client.views.publish.mock.calls[0]?.[0]);
    expect(published).toContain('How to cook rice?');
    expect(published).toContain('asked 2 times');
    memory.hang();
    const started = Date.now();
    const slow = await callListener(handleAppHomeOpened, deps, event);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(JSON.stringify(slow.client.views.publish.mock.calls[0]?.[0])).not.toContain('could not answer');
    expect(deps.logger.lines.join('\n')).toContain('App Home without its unanswered questions');
  });
});

describe('the weekly digest message', () => {
  it('lists the questions with Write a note; nothing to post when there are none', () => {
    const digest = buildGapsDigest([gap('prune images', 2)], 'en', 7, ROUTES)!;
    expect(digest.text).toContain('last 7 days, 1 question');
    expect(JSON.stringify(digest.blocks)).toContain(`${WRITE_NOTE_ACTION}:0`);
    expectWithinSlackLimits(digest);
    expect(buildGapsDigest([], 'en', 7, ROUTES)).toBeUndefined();
  });
});
