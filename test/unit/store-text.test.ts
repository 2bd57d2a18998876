import { describe, expect, it } from 'vitest';
import { questionKey, recordedMissing, recordedQuestion, storableText } from '../../src/store/text.ts';

describe('questions as gap records keep them', () => {
  it('removes user and user-group mentions and folds whitespace to single spaces', () => {
    expect(recordedQuestion('<@U0BOT> how do I\n\tprune <@W123|bob>  images <!subteam^S1|@ops>?')).toBe(
      'how do I prune images ?',
    );
  });

  it('keeps channel links, URLs and code, which are part of the question', () => {
    expect(recordedQuestion('in <#C123|ops> `docker ps -a` <https://docs.docker.com>')).toBe(
      'in <#C123|ops> `docker ps -a` <https://docs.docker.com>',
    );
  });

  it('caps at 300 characters counted as code points, marking the cut', () => {
    const capped = recordedQuestion('🐳'.repeat(500));
    expect(Array.from(capped)).toHaveLength(300);
    expect(capped.endsWith('🐳…')).toBe(true);
    expect(recordedQuestion('a'.repeat(300))).toBe('a'.repeat(300));
  });

  it('caps "what was missing" at 500 characters the same way', () => {
    expect(Array.from(recordedMissing(`<@U1> ${'빠짐 '.repeat(400)}`))).toHaveLength(500);
  });

  it('drops NUL and replaces lone surrogates, which neither database stores alike', () => {
    expect(storableText('a\u0000b \ud83d end \udc33')).toBe('ab \ufffd end \ufffd');
    expect(storableText('whale 🐳')).toBe('whale 🐳');
  });
});

describe('questionKey', () => {
  it.each([
    ['How do I change the Docker root dir?', 'how do i change the docker root dir'],
    ['  HOW do i change the docker-root dir!!', 'how do i change the docker root dir'],
    ['ｈｏｗ ｄｏ Ｉ change the docker root dir', 'how do i change the docker root dir'],
    ['<@U0BOT> how do I change the docker root dir', 'how do i change the docker root dir'],
    ['도커 로그 위치?', '도커 로그 위치'],
    ['도커  로그,위치', '도커 로그 위치'],
  ])('%j → %j', (question, key) => {
    expect(questionKey(question)).toBe(key);
  });

  it('keeps questions that differ in words apart', () => {
    expect(questionKey('docker ps -a')).not.toBe(questionKey('docker ps'));
    expect(questionKey('이미지 삭제')).not.toBe(questionKey('컨테이너 삭제'));
  });
});
