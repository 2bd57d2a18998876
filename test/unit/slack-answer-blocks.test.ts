import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import type { Answer, KnowledgeEntry } from '../../src/knowledge/types.ts';
import {
  buildAnswerMessage,
  buildEntryMessage,
  buildHelpMessage,
  buildNotAnsweredMessage,
  buildOtherMatchesMessage,
  withExplainButton,
} from '../../src/render/slack/answers.ts';
import { escapeAndTruncate, SLACK_LIMITS, type SlackMessage, userMention } from '../../src/render/slack/blocks.ts';
import { markdownToMrkdwn, splitMrkdwn } from '../../src/render/slack/mrkdwn.ts';
import { buildAnswerModal, buildEntryModal, buildHomeView } from '../../src/render/slack/views.ts';
import { decodeEntryRef, encodeEntryRef, ROUTES } from '../../src/slack/interactions.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';
import { expectNoInjectedMarkup, HOSTILE_TEXT } from '../support/slack-markup.ts';

const { kb } = loadKnowledgeBase(path.join(PROJECT_ROOT, 'knowledge'));
const lookup = (id: string) => kb.byId(id);

function entry(overrides: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id: 'big',
    title: '큰 주제',
    titleEn: 'Big topic',
    aliases: [],
    tags: [],
    related: [],
    body: 'body',
    file: 'big.md',
    ...overrides,
  };
}

describe('markdownToMrkdwn', () => {
  it('turns headings, bold, italic, links and list dashes into Slack mrkdwn', () => {
    const md =
      '# 도커 삭제 순서\n\n**먼저** 컨테이너, *그다음* 이미지.\n- [문서](https://docs.docker.com/) 참고\n* 둘째';
    expect(markdownToMrkdwn(md)).toBe(
      '*도커 삭제 순서*\n\n*먼저* 컨테이너, _그다음_ 이미지.\n• <https://docs.docker.com/|문서> 참고\n• 둘째',
    );
  });

  it('keeps code blocks as code: content untouched except Slack escapes, language tag dropped', () => {
    const md = '```bash\n$ docker rm $(docker ps -aq) > /dev/null && echo **done**\n```';
    expect(markdownToMrkdwn(md)).toBe('```\n$ docker rm $(docker ps -aq) &gt; /dev/null &amp;&amp; echo **done**\n```');
  });

  it('leaves inline code alone and escapes <, > and & so nothing pings or links by accident', () => {
    expect(markdownToMrkdwn('`docker **ps**` <!channel> & more')).toBe('`docker **ps**` &lt;!channel&gt; &amp; more');
  });
});

describe('splitMrkdwn', () => {
  it('splits at line breaks into pieces within the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const pieces = splitMrkdwn(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(500);
    expect(pieces.join('\n')).toBe(text);
  });

  it('closes a code block cut in two and reopens it in the next piece', () => {
    const code = Array.from({ length: 40 }, (_, i) => `docker rm container-${i}`).join('\n');
    const pieces = splitMrkdwn(`intro\n\`\`\`\n${code}\n\`\`\`\noutro`, 300);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(300);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });

  it('hard-cuts a single line longer than the limit', () => {
    const pieces = splitMrkdwn('y'.repeat(7000));
    expect(pieces.length).toBe(3);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join('')).toBe('y'.repeat(7000));
  });
});

describe('button values', () => {
  it('round-trip entry id, question and language', () => {
    const ref = { entryId: 'deletion-order', question: '컨테이너 삭제 순서?', lang: 'ko' as const };
    expect(decodeEntryRef(encodeEntryRef(ref))).toEqual(ref);
  });

  it('shorten a long question to stay within 2000 characters', () => {
    const value = encodeEntryRef({ entryId: 'x', question: '질문'.repeat(3000), lang: 'ko' });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeEntryRef(value)?.question.startsWith('질문질문')).toBe(true);
  });

  it('reject values that are not ours', () => {
    expect(decodeEntryRef('not json')).toBeUndefined();
    expect(decodeEntryRef('{"q":"no id"}')).toBeUndefined();
    expect(decodeEntryRef(undefined)).toBeUndefined();
  });
});

describe('answer messages', () => {
  it('a message asking about the bot gets what it does and the topic list', () => {
    const answer = kb.ask('what can you do?');
    const message = buildAnswerMessage({
      routes: ROUTES,
      answer,
      question: 'what can you do?',
      lang: 'en',
      audience: 'public',
      lookup,
      topics: kb.entries,
    });
    expectWithinSlackLimits(message);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('I answer Docker questions from the team notes.');
    expect(json).toContain('/docker-ask');
    expect(json).toContain(kb.entries[0]!.titleEn);
    expect(json).not.toContain("don't cover");
  });

  it('a private answer has the entry, its source, related topics, Share and Other matches', () => {
    const answer = kb.ask('컨테이너 삭제 순서?', { limit: 6 });
    const message = buildAnswerMessage({
      routes: ROUTES,
      answer,
      question: '컨테이너 삭제 순서?',
      lang: 'ko',
      audience: 'private',
      lookup,
    });
    expectWithinSlackLimits(message);
    const json = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: kb.byId('deletion-order')!.title } });
    expect(json).toContain('deletion-order');
    expect(json).toContain('share_answer:0');
    expect(json).toContain('other_matches:0');
    expect(message.text.length).toBeLessThanOrEqual(300);
  });

  it('a public answer has no Share button and carries the attribution', () => {
    const answer = kb.ask('docker root dir', { limit: 6 });
    const message = buildAnswerMessage({
      routes: ROUTES,
      answer,
      question: 'docker root dir',
      lang: 'en',
      audience: 'public',
      lookup,
      attribution: { sharedBy: 'U1AB', question: 'docker root dir' },
    });
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('share_answer');
    expect(json).toContain('Shared by <@U1AB> · question: “docker root dir”');
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Docker root directory (도커 루트 디렉터리)' },
    });
  });

  it('a huge entry with long titles still fits Slack, and says it was shortened', () => {
    const huge = entry({
      title: '가'.repeat(400),
      titleEn: 'A'.repeat(400),
      body: Array.from({ length: 3000 }, (_, i) => `paragraph ${i} ${'내용 '.repeat(30)}`).join('\n\n'),
    });
    const message = buildEntryMessage({
      routes: ROUTES,
      entry: huge,
      question: 'q',
      lang: 'en',
      audience: 'private',
      lookup,
      hasOtherMatches: true,
    });
    expectWithinSlackLimits(message);
    expect(message.blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect(JSON.stringify(message.blocks)).toContain('shortened');
    expect(JSON.stringify(message.blocks.at(-1))).toContain('share_answer');
  });

  it('a huge entry with a notice and an attribution still fits in 50 blocks, notice first', () => {
    const huge = entry({
      body: Array.from({ length: 3000 }, (_, i) => `paragraph ${i} ${'내용 '.repeat(30)}`).join('\n\n'),
    });
    const notice = "I couldn't post in the thread, so here it is just for you.";
    const message = buildEntryMessage({
      routes: ROUTES,
      entry: huge,
      question: 'q',
      lang: 'en',
      audience: 'public',
      lookup,
      hasOtherMatches: false,
      attribution: { explainedFor: 'U0ERIN' },
      notice,
    });
    expectWithinSlackLimits(message);
    expect(message.blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect(message.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: notice }] });
    expect(message.blocks[1]?.type).toBe('header');
    expect(JSON.stringify(message.blocks.at(-1))).toContain('<@U0ERIN>');
    expect(message.text.startsWith(notice)).toBe(true);
  });

  it('a notice on an answer the notes do not cover goes first too', () => {
    const answer: Answer = { query: 'x', outcome: 'none', answered: false, matches: [] };
    const message = buildAnswerMessage({
      routes: ROUTES,
      answer,
      question: 'x',
      lang: 'en',
      audience: 'private',
      lookup,
      notice: 'Just for you.',
    });
    expect(message.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Just for you.' }] });
    expect(message.text.startsWith('Just for you. ')).toBe(true);
  });

  it('text that repeats what someone typed is verbatim (never auto-linked) and cannot ping', () => {
    const typed = 'see https://evil.test @here #general <!channel>';
    const shared = buildEntryMessage({
      routes: ROUTES,
      entry: kb.entries[0]!,
      question: typed,
      lang: 'en',
      audience: 'public',
      lookup: (id) => kb.byId(id),
      hasOtherMatches: false,
      attribution: { sharedBy: 'U0ALICE', question: typed },
    });
    const none: Answer = { query: typed, outcome: 'none', answered: false, matches: [] };
    const quoting = [
      shared.blocks.at(-1),
      buildNotAnsweredMessage(none, typed, 'en', ROUTES).blocks[0],
      buildOtherMatchesMessage(
        kb.entries.slice(0, 2).map((e) => ({ entry: e, score: 0.5 })),
        typed,
        'en',
        ROUTES,
      ).blocks[0],
    ];
    for (const block of quoting) {
      const json = JSON.stringify(block);
      expect(json).toContain('evil.test');
      expect(json).toContain('"verbatim":true');
      expect(json).not.toContain('<!channel>');
    }
  });

  it('not answered: says so and offers at most three topics as buttons', () => {
    const answer: Answer = {
      query: 'bread',
      outcome: 'none',
      answered: false,
      matches: kb.entries.slice(0, 5).map((e, i) => ({ entry: e, score: 0.3 - i / 100 })),
    };
    const message = buildNotAnsweredMessage(answer, 'how to bake bread', 'en', ROUTES);
    expectWithinSlackLimits(message);
    expect(JSON.stringify(message.blocks)).toContain("The notes don't cover “how to bake bread”");
    const actions = message.blocks.find((b) => b.type === 'actions') as { elements: unknown[] };
    expect(actions.elements).toHaveLength(3);
  });

  it('not answered with nothing close: says so and points to the topic list', () => {
    const message = buildNotAnsweredMessage(
      { query: 'x', outcome: 'none', answered: false, matches: [] },
      'x',
      'ko',
      ROUTES,
    );
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(message.blocks)).toContain('/docker-ask');
  });

  it('other matches: one button per topic, unique action ids, even past 25 topics', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      entry: entry({ id: `e${i}`, title: `주제 ${i}` }),
      score: 0.5,
    }));
    const message = buildOtherMatchesMessage(many, 'q', 'ko', ROUTES);
    expectWithinSlackLimits(message);
  });

  it('help lists every topic of the real notes', () => {
    const message = buildHelpMessage(kb.entries, 'ko');
    expectWithinSlackLimits(message);
    const json = JSON.stringify(message.blocks);
    for (const e of kb.entries) expect(json).toContain(e.title);
  });

  it('help with thousands of topics stays within limits and says how many more there are', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry({ id: `t${i}`, title: `주제 번호 ${i}` }));
    const message = buildHelpMessage(entries, 'en');
    expectWithinSlackLimits(message);
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/and \d+ more topics/);
  });
});

describe('App Home', () => {
  it('shows how to use the bot, an Ask button, and a Read button per topic', () => {
    const view = buildHomeView(kb.entries, 'ko', ROUTES);
    expectWithinSlackLimits(view, SLACK_LIMITS.viewBlocks);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('/docker-ask');
    expect(json).toContain('home_ask:0');
    expect(view.blocks.filter((b) => 'accessory' in b && b.accessory)).toHaveLength(kb.entries.length);
  });

  it('caps a very large topic list at 100 blocks', () => {
    const view = buildHomeView(
      Array.from({ length: 500 }, (_, i) => entry({ id: `t${i}` })),
      'en',
      ROUTES,
    );
    expect(view.blocks).toHaveLength(SLACK_LIMITS.viewBlocks);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('more topics');
  });
});

describe('withExplainButton', () => {
  it('appends an Explain button carrying the entry id', () => {
    const base: SlackMessage = { text: 'df', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }] };
    const message = withExplainButton(base, kb.byId('docker-root-dir')!, 'ko', ROUTES);
    expect(message.blocks).toHaveLength(2);
    const button = (message.blocks[1] as { elements: Array<{ action_id: string; value: string }> }).elements[0]!;
    expect(button.action_id).toBe('explain_docker:0');
    expect(decodeEntryRef(button.value)?.entryId).toBe('docker-root-dir');
  });

  it('without an entry adds nothing', () => {
    const base: SlackMessage = { text: 'df', blocks: [{ type: 'divider' }] };
    expect(withExplainButton(base, undefined, 'en', ROUTES)).toEqual({ text: 'df', blocks: [{ type: 'divider' }] });
  });

  it('keeps the message within 50 blocks even if the result already has 50', () => {
    const full: SlackMessage = { text: 'ps', blocks: Array.from({ length: 50 }, () => ({ type: 'divider' as const })) };
    const message = withExplainButton(full, kb.byId('listing-commands')!, 'en', ROUTES);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('text a user typed never becomes Slack markup', () => {
  const hostile = entry({
    id: 'hostile',
    title: HOSTILE_TEXT,
    titleEn: HOSTILE_TEXT,
    related: ['hostile-2'],
    body: `# ${HOSTILE_TEXT}\n\n${HOSTILE_TEXT}\n\n\`${HOSTILE_TEXT}\`\n\n\`\`\`\n${HOSTILE_TEXT}\n\`\`\``,
  });
  const hostile2 = entry({ id: 'hostile-2', title: HOSTILE_TEXT, titleEn: HOSTILE_TEXT });
  const hostileLookup = (id: string) => (id === 'hostile-2' ? hostile2 : kb.byId(id));
  const question = `${HOSTILE_TEXT} docker root dir`;
  const answered = kb.ask('docker root dir', { limit: 6 });
  const notAnswered: Answer = {
    query: question,
    outcome: 'none',
    answered: false,
    matches: [hostile, hostile2].map((e) => ({ entry: e, score: 0.3 })),
  };
  const SHARER = 'U0SHARER';

  const built: Record<string, unknown> = {
    'private answer': buildAnswerMessage({
      routes: ROUTES,
      answer: answered,
      question,
      lang: 'en',
      audience: 'private',
      lookup,
    }),
    'shared answer': buildAnswerMessage({
      routes: ROUTES,
      answer: answered,
      question,
      lang: 'ko',
      audience: 'public',
      lookup,
      attribution: { sharedBy: SHARER, question },
    }),
    'not answered': buildAnswerMessage({
      routes: ROUTES,
      answer: notAnswered,
      question,
      lang: 'en',
      audience: 'private',
      lookup: hostileLookup,
    }),
    'not answered, nothing close': buildNotAnsweredMessage(
      { query: question, outcome: 'none', answered: false, matches: [] },
      question,
      'ko',
      ROUTES,
    ),
    'other matches': buildOtherMatchesMessage(notAnswered.matches, question, 'en', ROUTES),
    help: buildHelpMessage([hostile, ...kb.entries], 'en'),
    'entry shared by': buildEntryMessage({
      routes: ROUTES,
      entry: hostile,
      question,
      lang: 'en',
      audience: 'public',
      lookup: hostileLookup,
      hasOtherMatches: true,
      attribution: { sharedBy: SHARER, question },
    }),
    'entry explained for': buildEntryMessage({
      routes: ROUTES,
      entry: hostile,
      question,
      lang: 'ko',
      audience: 'public',
      lookup: hostileLookup,
      hasOtherMatches: false,
      attribution: { explainedFor: SHARER },
      notice: 'notice',
    }),
    'attribution with a forged user id': buildEntryMessage({
      routes: ROUTES,
      entry: hostile,
      question,
      lang: 'en',
      audience: 'public',
      lookup: hostileLookup,
      hasOtherMatches: false,
      attribution: { sharedBy: '<!channel>', question },
    }),
    'explain button': withExplainButton({ text: 'ps', blocks: [] }, hostile, 'en', ROUTES),
    'answer modal': buildAnswerModal(answered, question, 'en', lookup),
    'not-answered modal': buildAnswerModal(notAnswered, question, 'en', hostileLookup),
    'entry modal': buildEntryModal(hostile, 'en', hostileLookup),
    'home view': buildHomeView([hostile, hostile2], 'ko', ROUTES),
  };

  it.each(Object.keys(built))('%s', (name) => {
    expectNoInjectedMarkup(built[name], [SHARER]);
  });

  it('the question is escaped once: a typed &amp; shows as &amp;, not &', () => {
    const message = buildNotAnsweredMessage(
      { query: question, outcome: 'none', answered: false, matches: [] },
      question,
      'en',
      ROUTES,
    );
    expect(message.text).toContain('&amp;amp;');
    expect(JSON.stringify(message.blocks)).toContain('&amp;amp;');
  });

  it('button values keep the question as typed, so a click answers the same question', () => {
    const message = built['private answer'] as { blocks: Array<{ elements?: Array<{ value?: string }> }> };
    const values = message.blocks
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.value)
      .map((e) => decodeEntryRef(e.value));
    expect(values.length).toBeGreaterThan(0);
    for (const ref of values) expect(ref?.question).toBe(question);
  });
});

describe('Slack text helpers (render/slack/blocks.ts)', () => {
  it('escapeAndTruncate never cuts an escape in half', () => {
    expect(escapeAndTruncate('a&b', 10)).toBe('a&amp;b');
    expect(escapeAndTruncate('ab&&&&', 6)).toBe('ab…');
    expect(escapeAndTruncate('&'.repeat(100), 20)).toBe(`${'&amp;'.repeat(3)}…`);
  });

  it('userMention mentions user ids only', () => {
    expect(userMention('U0ALICE')).toBe('<@U0ALICE>');
    expect(userMention('W123ABC')).toBe('<@W123ABC>');
    expect(userMention('<!channel>')).toBe('&lt;!channel&gt;');
    expect(userMention('U1> <!here')).toBe('U1&gt; &lt;!here');
  });
});
