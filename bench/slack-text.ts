/**
 * Decoding Slack message text (slackTextToPlain) on 40,000-character inputs of the shapes that hurt
 * a decoder that looks for each `<`'s closing `>` anew: unclosed `<`, `<@` and `<a|`. Next to it,
 * the four patterns it replaced, as the baseline. Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeSlackEntities, slackTextToPlain } from '../src/slack/text.ts';

const SIZE = 40_000;
const ROUNDS = 11;

const SHAPES: Record<string, string> = {
  'unclosed <': '<'.repeat(SIZE),
  'unclosed <@': '<@'.repeat(SIZE / 2),
  'unclosed <a|': '<a|'.repeat(SIZE / 3),
  'many <@U1>': '<@U1>'.repeat(SIZE / 5),
  'plain words': 'docker root dir '.repeat(SIZE / 16),
};

/** The decoder before: one pattern pass per kind of markup, each searching for `>` from every `<`. */
function regexPassesBefore(text: string): string {
  return decodeSlackEntities(
    text
      .replace(/<[@!][^>]*>/g, ' ')
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
      .replace(/<([^>]+)>/g, '$1'),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function millis(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Median and slowest of ROUNDS runs after one warm-up. */
function timed(run: () => unknown): { median: number; max: number } {
  run();
  const times = Array.from({ length: ROUNDS }, () => millis(run)).sort((a, b) => a - b);
  return { median: times[Math.floor(ROUNDS / 2)] ?? 0, max: times.at(-1) ?? 0 };
}

export async function runSlackTextBench(): Promise<void> {
  console.log(
    `Slack text decoding (slackTextToPlain), ${SIZE / 1000}k characters, ${ROUNDS} runs; before: the old patterns, one run:`,
  );
  for (const [name, input] of Object.entries(SHAPES)) {
    const now = timed(() => slackTextToPlain(input));
    const before = millis(() => regexPassesBefore(input));
    console.log(
      `  ${name.padEnd(14)} median ${now.median.toFixed(2).padStart(6)} ms   max ${now.max.toFixed(2).padStart(6)} ms   (before: ${before.toFixed(0)} ms)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSlackTextBench();
