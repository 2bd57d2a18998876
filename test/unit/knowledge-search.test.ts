import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { createKnowledgeBase, MAX_QUESTION_CHARS } from '../../src/knowledge/search.ts';
import type { KnowledgeEntry } from '../../src/knowledge/types.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const _top = (q: string) => kb.ask(q).matches[0]?.entry.id;

describe('ranking on the bundled notes', () => {
  it.each([
    ['컨테이너랑 이미지 중에 뭘 먼저 지워야 해?', 'deletion-order'],
    ['how do I remove images', 'deletion-order'],
    ['도거 루트 디렉토리', 'docker-root-dir'],
    ['kubernets vs docker', 'docker-vs-kubernetes'],
    ['도커허브에서 이미지 공유', 'docker-registry'],
    ['compose 파일은 무슨 형식?', 'docker-compose'],
    ['명령 치환 $()', 'command-substitution'],
    ['윈도우에서 도커 쓰려면', 'wsl'],
    // Conversational filler around the topic words.
    ["what's the difference between an image and a container", 'docker-overview'],
    ['How do I run docker on Windows 10', 'wsl'],
    ['컨테이너 하나만 돌릴 때 뭐 써', 'docker-vs-kubernetes'],
    ['docker container ls 하면 뭐 나와', 'listing-commands'],
    ['what is docker, simply put?', 'docker-overview'],
    ['클러스터가 정확히 뭐예요? ㅎㅎ', 'cluster'],
    ['kubernets 설명 좀 해주세요', 'kubernetes'],
    ['DB 설치 안 하고 도커로 띄우면 어떻게 달라요?', 'traditional-vs-docker'],
    // Typed without spaces, typed with a stray jamo, asked at length.
    ['쉘에서달러기호뜻', 'shell-variable'],
    ['도커파일부터컨테이너실행까지단계', 'dockerfile-build-flow'],
    ['클러스ㅓ 정의가 머에요', 'cluster'],
    ['도커가 뭔가요? 신입이라 처음 들어봐서요 ㅠ', 'docker-overview'],
    [
      '팀장님께 이번 프로젝트에 도커를 도입해야 하는 이유를 보고드려야 하는데요, 도커의 장점을 정리해 주실 수 있으실까요?',
      'docker-advantages',
    ],
  ])('%s → %s', (question, id) => {
    const answer = kb.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.entry.id).toBe(id);
  });

  it('scores best first, within 0..1', () => {
    const { matches } = kb.ask('docker swarm kubernetes');
    expect(matches.length).toBeGreaterThan(1);
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
    for (const m of matches) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('abstaining', () => {
  it.each([
    'how to cook rice',
    '점심 메뉴 추천',
    'TypeScript generics',
    '안녕하세요',
    '',
    '좋은 아침입니다',
    'docker 스터디 언제 해요',
  ])('does not answer %j', (q) => {
    expect(kb.ask(q).answered).toBe(false);
  });

  it.each([
    'docker exec 사용법',
    '도커 로그 보는 법',
    'kubernetes pod 재시작',
    'docker network 브리지 설정',
    '도커 설치 에러',
    'docker compose up 안 됨',
  ])('does not answer %j: a technical word the notes never use names another topic', (q) => {
    expect(kb.ask(q).answered).toBe(false);
  });

  it('offers at most three closest topics that share a meaningful word with the question', () => {
    const answer = kb.ask('kubernetes pod 재시작');
    expect(answer.answered).toBe(false);
    expect(answer.matches.length).toBeGreaterThan(0);
    expect(answer.matches.length).toBeLessThanOrEqual(3);
  });

  it.each([
    '도커 로그 보는 법', // docker is in every note: no topic is closer than another
    'vim 단축키 알려줘',
    'JavaScript 배열 정렬',
  ])('offers no topic for %j, which shares no meaningful word with any note', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'none', matches: [] });
  });
});

describe('prefilter at scale', () => {
  it('finds the one relevant entry among thousands', () => {
    const filler: KnowledgeEntry[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `n${i}`,
      title: `노트 ${i}`,
      titleEn: `note ${i}`,
      aliases: [`topic${i}`],
      tags: [],
      related: [],
      body: `filler text number ${i} about nothing`,
      file: `n${i}.md`,
    }));
    const target: KnowledgeEntry = {
      id: 'target',
      title: '스웜 모드',
      titleEn: 'swarm mode',
      aliases: ['도커 스웜'],
      tags: [],
      related: [],
      body: 'swarm',
      file: 't.md',
    };
    const big = createKnowledgeBase([...filler, target]);
    expect(big.ask('도커 스왐').matches[0]?.entry.id).toBe('target');
    expect(big.ask('topic1234').matches[0]?.entry.id).toBe('n1234');
  });
});

describe('long input', () => {
  it('reads only the start of a pasted wall of text, so one message cannot stall the bot', () => {
    // Before the caps, 3,000 random syllables typed without spaces ran out of memory in typo repair.
    const noise = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0xac00 + ((i * 7919) % 11172))).join('');
    expect(kb.ask(noise).answered).toBe(false);
    expect(kb.ask(`${'x'.repeat(MAX_QUESTION_CHARS)} docker root dir`).answered).toBe(false);
    expect(kb.ask(`docker root dir ${'x'.repeat(4000)}`).matches[0]?.entry.id).toBe('docker-root-dir');
  });
});
