import { describe, expect, it } from 'vitest';
import { isKoreanPredicate, tokenize } from '../../src/knowledge/normalize.ts';
import { editDistance, TypoRepair } from '../../src/knowledge/typo.ts';

describe('tokenize', () => {
  it('strips Korean particles and endings', () => {
    expect(tokenize('컨테이너를 삭제하려면')).toEqual(['container', 'delete']);
    expect(tokenize('도커는 이미지에서')).toEqual(['docker', 'image']);
    expect(tokenize('쉘에서')).toEqual(['shell']);
    expect(tokenize('마운트하여')).toEqual(['mount']);
  });

  it('maps spelling variants and synonyms across languages to one word', () => {
    expect(tokenize('디렉토리')).toEqual(tokenize('디렉터리'));
    expect(tokenize('remove')).toEqual(tokenize('지우다'));
    expect(tokenize('삭제')).toEqual(tokenize('uninstall'));
    expect(tokenize('images')).toEqual(tokenize('이미지'));
    expect(tokenize('k8s')).toEqual(tokenize('쿠버네티스'));
  });

  it('splits compounds written without spaces', () => {
    expect(tokenize('도커허브')).toEqual(tokenize('도커 허브'));
    expect(tokenize('컨테이너삭제')).toEqual(['container', 'delete']);
  });

  it('treats Unicode forms, case and punctuation alike', () => {
    expect(tokenize('도커'.normalize('NFD'))).toEqual(['docker']);
    expect(tokenize('DOCKER, Image!')).toEqual(['docker', 'image']);
    expect(tokenize('$()')).toEqual(['dollar', 'substitution']);
  });

  it('drops question words and fillers', () => {
    expect(tokenize('안녕하세요')).toEqual([]);
    expect(tokenize('what is the docker')).toEqual(['docker']);
  });
});

describe('editDistance', () => {
  it('counts a swap once and gives up past the bound', () => {
    expect(editDistance('dokcer', 'docker', 2)).toBe(1);
    expect(editDistance('ㄷㅗㄱㅓ', 'ㄷㅗㅋㅓ', 1)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('TypoRepair', () => {
  const repair = new TypoRepair(
    ['docker', 'swarm', 'list', 'host', 'separate', 'all', 'role'],
    new Map([
      ['swarm', 'swarm'],
      ['list', 'list'],
      ['따로', 'separate'],
      ['분리', 'separate'],
      ['전체', 'all'],
      ['도커', 'docker'],
      ['역할', 'role'],
    ]),
  );

  it('repairs slips of the keyboard and of the ear', () => {
    expect(repair.correct('dokcer')).toBe('docker');
    expect(repair.correct('swam', { everyday: true })).toBe('swarm');
    expect(repair.correct('도거')).toBe('docker');
    expect(repair.correct('역활')).toBe('role');
  });

  it('does not turn one everyday word into another', () => {
    expect(repair.correct('gist', { everyday: true })).toBeUndefined();
    expect(repair.correct('lost', { everyday: true })).toBeUndefined();
  });

  it('does not turn a short Korean word into one that sounds different', () => {
    expect(repair.correct('바로')).toBeUndefined();
    expect(repair.correct('분기')).toBeUndefined();
    expect(repair.correct('전에')).toBeUndefined();
  });
});

describe('isKoreanPredicate', () => {
  it('reads a verb with an auxiliary of keeping or finishing as a verb, not a name (round 4)', () => {
    expect(isKoreanPredicate('쌓아두는', '쌓아두')).toBe(true);
    expect(isKoreanPredicate('적어놓은', '적어놓')).toBe(true);
    expect(isKoreanPredicate('스테이징', '스테이징')).toBe(false);
  });
});

describe('a phrase read inside a Korean word (round 17)', () => {
  it('takes the rest of the word with it, leaving no ending behind as a word', () => {
    expect(tokenize('왜 안 되는지랑 알려주세요')).not.toContain('는지');
    expect(tokenize('왜 안 되는지랑 알려주세요')).toContain('broken');
  });
});

describe('a tool written in Korean (round 17)', () => {
  it('is the token its English name gives', () => {
    expect(tokenize('젠킨스에서')).toEqual(tokenize('jenkins'));
    expect(tokenize('엔진엑스')).toEqual(tokenize('nginx'));
  });
});
