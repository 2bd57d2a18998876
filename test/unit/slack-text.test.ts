/**
 * Decoding Slack text (src/slack/text.ts) on ordinary and hostile shapes: unclosed `<`, `<` inside
 * what would be markup, empty and odd markup, at 40,000 characters. Exact output each; the time it
 * takes is a benchmark figure (bench/slack-text.ts), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { slackTextToPlain } from '../../src/slack/text.ts';

const N = 40_000;

describe('slackTextToPlain, the markup Slack sends', () => {
  it.each([
    ['<@U123> wsl?', 'wsl?'],
    ['<!here> <!channel> <!subteam^S1|@ops> hi', 'hi'],
    ['<#C1|general> and <#C2>', '#general and #C2'],
    ['<https://docs.docker.com|docs> <https://x.test>', 'docs https://x.test'],
    ['<mailto:a@b.test|mail a|b>', 'mail a|b'],
    ['<#c1|lower>', 'lower'],
    ['a &lt;b&gt; &amp;lt;', 'a <b> &lt;'],
  ])('%j → %j', (input, expected) => {
    expect(slackTextToPlain(input)).toBe(expected);
  });
});

describe('slackTextToPlain, shapes that are not markup', () => {
  it.each([
    ['<>', '<>'],
    ['<|x>', '|x'],
    ['a < b', 'a < b'],
    ['a > b', 'a > b'],
    ['x <y', 'x <y'],
    ['a <b> c > d', 'a b c > d'],
    // A `<` with another `<` before its `>` is text; the later one may open markup.
    ['<a <@U1> b', '<a b'],
    ['<<<x>', '<<x'],
  ])('%j → %j', (input, expected) => {
    expect(slackTextToPlain(input)).toBe(expected);
  });
});

describe('slackTextToPlain, hostile sizes', () => {
  it.each([
    ['unclosed <', '<'.repeat(N), '<'.repeat(N)],
    ['unclosed <@', '<@'.repeat(N / 2), '<@'.repeat(N / 2)],
    ['unclosed <a|', '<a|'.repeat(N / 3), '<a|'.repeat(N / 3)],
    ['unclosed <#C1|', '<#C1|'.repeat(N / 5), '<#C1|'.repeat(N / 5)],
    ['many < then one >', `${'<'.repeat(N)}x>`, `${'<'.repeat(N - 1)}x`],
    ['<@U1 repeated then one >', `${'<@U1'.repeat(N / 4)}>`, '<@U1'.repeat(N / 4 - 1)],
    ['many >', '>'.repeat(N), '>'.repeat(N)],
    ['many <@U1>', '<@U1>'.repeat(N / 5), ''],
    ['many <x|y>', '<x|y>'.repeat(N / 5), 'y'.repeat(N / 5)],
    ['&lt; repeated', '&lt;'.repeat(N / 4), '<'.repeat(N / 4)],
  ])('%s', (_shape, input, expected) => {
    expect(slackTextToPlain(input)).toBe(expected);
  });
});
