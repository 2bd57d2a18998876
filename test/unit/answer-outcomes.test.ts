/**
 * The four outcomes of a question (answered, partial, none, chat) as the builders word them, in
 * Korean and English, for Slack and the terminal. The answers are written here, not searched, so
 * the wording is tested apart from retrieval.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import type { Answer } from '../../src/knowledge/types.ts';
import { buildAnswerMessage, buildQuestionForChannelMessage } from '../../src/render/slack/answers.ts';
import type { SlackMessage } from '../../src/render/slack/blocks.ts';
import { buildAnswerModal } from '../../src/render/slack/views.ts';
import { renderAnswerText } from '../../src/render/text/answers.ts';
import { ACTION_IDS, ROUTES } from '../../src/slack/interactions.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';

const kb = fixtureKnowledge();
const lookup = (id: string) => kb.byId(id);
const rootDir = kb.byId('docker-root-dir')!;
const diskMount = kb.byId('disk-mount')!;

const partial = (query: string, covered: string[], missing: string[]): Answer => ({
  query,
  outcome: 'partial',
  answered: false,
  matches: [
    { entry: rootDir, score: 0.6 },
    { entry: diskMount, score: 0.3 },
  ],
  partial: { covered, missing },
});
const none = (query: string, matches: Answer['matches'] = []): Answer => ({
  query,
  outcome: 'none',
  answered: false,
  matches,
});
const chat = (query: string, kind: 'greeting' | 'thanks' | 'sorry'): Answer => ({ ...none(query), chat: kind });
const answered: Answer = {
  query: 'docker root dir',
  outcome: 'answered',
  answered: true,
  matches: [{ entry: rootDir, score: 0.9 }],
};

function slack(answer: Answer, lang: Lang, audience: 'private' | 'public' = 'private'): SlackMessage {
  const message = buildAnswerMessage({
    answer,
    question: answer.query,
    lang,
    audience,
    lookup,
    routes: ROUTES,
    topics: kb.entries,
  });
  expectWithinSlackLimits(message);
  return message;
}
const blocksText = (m: SlackMessage) => JSON.stringify(m.blocks);
const actionIds = (m: SlackMessage) =>
  m.blocks.flatMap((b) =>
    b.type === 'actions' ? (b.elements as { action_id?: string }[]).map((e) => e.action_id?.split(':')[0]) : [],
  );

describe('partial: the closest note covers part of the question', () => {
  const ko = partial('도커 루트 디렉토리 바꾸는 법', ['루트', '디렉토리'], ['바꾸는']);
  const en = partial('how do I change the docker root dir', ['root', 'dir'], ['change']);

  it('Slack: says what the note covers and lacks, shows the note, offers to ask the channel (ko, en)', () => {
    const koMessage = slack(ko, 'ko');
    expect(blocksText(koMessage)).toContain(
      '가장 가까운 노트가 질문의 일부만 다뤄요. 노트에 *루트, 디렉토리* 내용은 있지만 *바꾸는* 부분은 없어요.',
    );
    expect(koMessage.text.startsWith('가장 가까운 노트가 질문의 일부만 다뤄요.')).toBe(true);
    expect(koMessage.text).not.toContain('*');
    const enMessage = slack(en, 'en');
    expect(blocksText(enMessage)).toContain(
      'The closest note covers part of this: it has *root, dir*, but not *change*.',
    );
    for (const message of [koMessage, enMessage]) {
      expect(blocksText(message)).toContain('docker-root-dir');
      expect(message.blocks.some((b) => b.type === 'header')).toBe(true);
      expect(actionIds(message)).toEqual([ACTION_IDS.share, ACTION_IDS.shareQuestion, ACTION_IDS.otherMatches]);
    }
  });

  it('Slack: a public partial answer still offers to ask the channel, without Share', () => {
    expect(actionIds(slack(en, 'en', 'public'))).toEqual([ACTION_IDS.shareQuestion, ACTION_IDS.otherMatches]);
  });

  it('Slack: only what the answer says is named; nothing covered, or no terms at all, still reads', () => {
    expect(blocksText(slack(partial('docker system prune 해도 돼?', [], ['docker system prune']), 'ko'))).toContain(
      '*docker system prune* 부분은 노트에 없어요.',
    );
    const bare: Answer = { ...en, partial: undefined };
    const text = blocksText(slack(bare, 'en'));
    expect(text).toContain('The closest note covers part of this.');
    expect(text).not.toContain('it has');
  });

  it('Slack: words from the question are escaped in the partial line', () => {
    const hostile = partial('<!channel> root dir', ['<!channel>'], ['<@U1>']);
    const text = JSON.stringify(slack(hostile, 'en').blocks[0]);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('the question put to the channel names who asks, the question and the note (ko, en)', () => {
    const en1 = buildQuestionForChannelMessage({
      question: en.query,
      lang: 'en',
      askedBy: 'U0ALICE',
      entry: rootDir,
      partial: en.partial!,
    });
    expectWithinSlackLimits(en1);
    expect(blocksText(en1)).toContain('<@U0ALICE> asks the channel: “how do I change the docker root dir”');
    expect(blocksText(en1)).toContain(
      'The team notes cover only part of it (Docker root directory (도커 루트 디렉터리))',
    );
    expect(blocksText(en1)).toContain('but not *change*');
    const ko1 = buildQuestionForChannelMessage({ question: ko.query, lang: 'ko', askedBy: 'U0ALICE', entry: rootDir });
    expect(blocksText(ko1)).toContain('<@U0ALICE>님이 채널에 질문해요: “도커 루트 디렉토리 바꾸는 법”');
    expect(blocksText(ko1)).toContain('팀 노트에는 일부만 있어요');
  });

  it('terminal: the partial line, then the note (ko, en)', () => {
    const koText = renderAnswerText(ko, kb, 'ko');
    expect(koText.split('\n')[0]).toBe(
      '가장 가까운 노트가 질문의 일부만 다뤄요. 노트에 “루트, 디렉토리” 내용은 있지만 “바꾸는” 부분은 없어요.',
    );
    expect(koText).toContain('docker info');
    const enText = renderAnswerText(en, kb, 'en');
    expect(enText.split('\n')[0]).toBe('The closest note covers part of this: it has “root, dir”, but not “change”.');
    expect(enText).toContain('docker info');
  });

  it('the question form shows the partial line above the note', () => {
    expect(JSON.stringify(buildAnswerModal(en, en.query, 'en', lookup).blocks)).toContain(
      'The closest note covers part of this',
    );
  });
});

describe('answered: the note, with no partial line', () => {
  it('in Slack and the terminal (ko, en)', () => {
    for (const lang of ['ko', 'en'] as const) {
      const message = slack(answered, lang);
      expect(blocksText(message)).toContain('docker info');
      expect(actionIds(message)).not.toContain(ACTION_IDS.shareQuestion);
      expect(renderAnswerText(answered, kb, lang)).not.toMatch(/일부만|covers part/);
    }
    expect(blocksText(slack(answered, 'en'))).not.toContain('covers part');
    expect(blocksText(slack(answered, 'ko'))).not.toContain('일부만');
  });
});

describe('none: not covered, close topics only when the search found some, else the topic list', () => {
  it('Slack: topics the search found sharing a word are buttons (ko, en)', () => {
    for (const lang of ['ko', 'en'] as const) {
      const message = slack(none('root dir size', [{ entry: rootDir, score: 0.2 }]), lang);
      expect(actionIds(message)).toEqual([ACTION_IDS.showEntry]);
      expect(blocksText(message)).not.toContain(kb.byId('wsl')!.title);
    }
  });

  it('Slack: nothing close → says so and lists the topics (ko, en)', () => {
    const ko = slack(none('vim 종료 방법'), 'ko');
    expect(blocksText(ko)).toContain('노트에서 “vim 종료 방법”에 대한 답을 찾지 못했어요.');
    expect(blocksText(ko)).toContain('비슷한 주제도 없어요. 노트에 있는 주제는 이래요:');
    const en = slack(none('how do I quit vim'), 'en');
    expect(blocksText(en)).toContain("The notes don't cover “how do I quit vim”.");
    expect(blocksText(en)).toContain('No close topics either. The notes have these:');
    for (const message of [ko, en]) {
      for (const e of kb.entries) expect(blocksText(message)).toContain(e.id === 'wsl' ? 'WSL' : '•');
      expect(actionIds(message)).toEqual([]);
    }
  });

  it('terminal: did-you-mean when close topics were found, else the topic list (ko, en)', () => {
    const found = renderAnswerText(none('root dir size', [{ entry: rootDir, score: 0.2 }]), kb, 'en');
    expect(found).toContain('Did you mean one of these?');
    expect(found).not.toContain('[wsl]');
    const ko = renderAnswerText(none('vim 종료 방법'), kb, 'ko');
    expect(ko).toContain('비슷한 주제도 없어요. 노트에 있는 주제는 이래요:');
    for (const e of kb.entries) expect(ko).toContain(`[${e.id}]`);
    expect(renderAnswerText(none('how do I quit vim'), kb, 'en')).toContain('[wsl]');
  });
});

describe('chat: a greeting or thanks gets a brief reply and how to ask', () => {
  it('Slack (ko, en), never "not covered"', () => {
    expect(blocksText(slack(chat('안녕하세요', 'greeting'), 'ko'))).toContain(
      '안녕하세요! 팀 노트로 도커 질문에 답해 드려요.',
    );
    expect(blocksText(slack(chat('고마워요', 'thanks'), 'ko'))).toContain('천만에요!');
    const hi = slack(chat('hi', 'greeting'), 'en');
    expect(blocksText(hi)).toContain('Hi! I answer Docker questions from the team notes.');
    expect(blocksText(hi)).toContain('Ask me a Docker question');
    expect(blocksText(slack(chat('thanks!', 'thanks'), 'en'))).toContain("You're welcome!");
    for (const message of [hi, slack(chat('고마워요', 'thanks'), 'ko')]) {
      expect(blocksText(message)).not.toMatch(/don't cover|찾지 못했어요/);
      expect(actionIds(message)).toEqual([]);
    }
  });

  it('terminal (ko, en) and the question form', () => {
    expect(renderAnswerText(chat('안녕', 'greeting'), kb, 'ko')).toBe(
      '안녕하세요! 팀 노트로 도커 질문에 답해 드려요.\n도커 질문을 입력하세요. 예: 도커 루트 디렉토리 어디야? — 주제 목록은 `topics`',
    );
    expect(renderAnswerText(chat('thx', 'thanks'), kb, 'en')).toContain("You're welcome!");
    expect(renderAnswerText(chat('thx', 'thanks'), kb, 'en')).not.toContain("don't cover");
    expect(JSON.stringify(buildAnswerModal(chat('hi', 'greeting'), 'hi', 'en', lookup).blocks)).toContain('Hi!');
  });

  it('a complaint gets an apology and how to ask again, in Slack and the terminal (ko, en)', () => {
    const sorry = slack(chat('wrong answer', 'sorry'), 'en');
    expect(blocksText(sorry)).toContain('Sorry that missed.');
    expect(blocksText(sorry)).toContain('Ask me a Docker question');
    expect(actionIds(sorry)).toEqual([]);
    expect(blocksText(slack(chat('답이 틀렸어요', 'sorry'), 'ko'))).toContain('제대로 답하지 못해 죄송해요.');
    expect(renderAnswerText(chat('useless', 'sorry'), kb, 'en')).toMatch(
      /^Sorry that missed\..*\nType a Docker question/s,
    );
    expect(renderAnswerText(chat('엉뚱한 답이네', 'sorry'), kb, 'ko')).toContain('제대로 답하지 못해 죄송해요.');
  });
});
