import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/knowledge/search.ts';
import type { KnowledgeEntry } from '../../src/knowledge/types.ts';
import { markdownToPlainText } from '../../src/render/format.ts';
import { renderAnswerText } from '../../src/render/text/answers.ts';

const entry = (id: string, title: string, titleEn: string, related: string[] = []): KnowledgeEntry => ({
  id,
  title,
  titleEn,
  aliases: [title],
  tags: [],
  related,
  body: `# ${title}\n\n**Bold** text about ${titleEn}.`,
  file: `${id}.md`,
});
const kb = createKnowledgeBase([
  entry('k8s', '쿠버네티스 (Kubernetes)', 'Kubernetes', ['swarm']),
  entry('swarm', '도커 스웜', 'Docker Swarm'),
]);

describe('renderAnswerText', () => {
  it('shows the entry once titled, its body as plain text, and related topics', () => {
    const text = renderAnswerText(kb.ask('kubernetes'), kb, 'en');
    expect(text.split('\n')[0]).toBe('== 쿠버네티스 (Kubernetes) ==');
    expect(text).toContain('Bold text about Kubernetes.');
    expect(text).toContain('Related: 도커 스웜 [swarm]');
    expect(text).not.toContain('Also close');
  });

  it('says the notes do not cover a question, in its language', () => {
    expect(renderAnswerText(kb.ask('점심 메뉴'), kb, 'ko')).toContain('답을 찾지 못했어요');
    expect(renderAnswerText(kb.ask('lunch menu'), kb, 'en')).toContain("The notes don't cover");
  });
});

describe('markdownToPlainText', () => {
  it('indents code without fences and keeps its characters, drops emphasis and heading marks', () => {
    expect(markdownToPlainText('## Head\n```sh\n$ docker ps **x**\n```\n**English:** ok')).toBe(
      'Head\n    $ docker ps **x**\nEnglish: ok',
    );
  });
});
