/**
 * Hot reload at 10,000 notes: how long the event loop stalls while the folder is read and the
 * index rebuilt, and how long a question waits meanwhile. Real files in a temp folder, the real
 * watcher; prints numbers and asserts nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BUNDLED_KNOWLEDGE_DIR } from '../src/config.ts';
import { loadKnowledgeBase, watchKnowledgeBase } from '../src/knowledge/index.ts';
import { loadKnowledgeDir } from '../src/knowledge/load.ts';
import type { KnowledgeEntry } from '../src/knowledge/types.ts';
import { syntheticEntries } from './knowledge.ts';

const NOTES = 10_000;
/** How often the stand-in user asks while a reload runs. */
const ASK_EVERY_MS = 10;

function toMarkdown(e: KnowledgeEntry, stamp = ''): string {
  const list = (items: string[]) => `[${items.map((a) => JSON.stringify(a)).join(', ')}]`;
  return `---\nid: ${e.id}\ntitle: ${JSON.stringify(e.title)}\naliases: ${list(e.aliases)}\n---\n${e.body}\n${stamp}\n`;
}

/** Replaces a file the way editors and deploy scripts do: write a temp file, rename it over. */
function replaceByRename(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

interface Stall {
  reloadMs: number;
  maxStallMs: number;
  askP99Ms: number;
  askMaxMs: number;
}

/**
 * Runs `change`, then waits for the reload it causes, measuring the event loop's worst delay
 * and the latency of a question asked every ASK_EVERY_MS meanwhile.
 */
async function measure(change: () => void, done: () => Promise<void>, ask: () => void): Promise<Stall> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const latencies: number[] = [];
  let next = performance.now() + ASK_EVERY_MS;
  const probe = setInterval(() => {
    const now = performance.now();
    ask();
    // A question due at `next` waited from then until it was answered.
    latencies.push(performance.now() - Math.min(next, now));
    next = now + ASK_EVERY_MS;
  }, ASK_EVERY_MS);
  histogram.enable();
  const start = performance.now();
  change();
  await done();
  const reloadMs = performance.now() - start;
  // The delay of a stall shows when the loop next runs a timer: let it.
  await new Promise((r) => setTimeout(r, 4 * ASK_EVERY_MS));
  histogram.disable();
  clearInterval(probe);
  latencies.sort((a, b) => a - b);
  return {
    reloadMs,
    maxStallMs: histogram.max / 1e6,
    askP99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    askMaxMs: latencies.at(-1) ?? 0,
  };
}

export async function runReloadBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reload-'));
  const entries = syntheticEntries(loadKnowledgeDir(BUNDLED_KNOWLEDGE_DIR).entries, NOTES);
  for (const e of entries) fs.writeFileSync(path.join(dir, `${e.id}.md`), toMarkdown(e));

  const started = performance.now();
  const initial = loadKnowledgeBase(dir);
  const startMs = performance.now() - started;

  let onReload: (() => void) | undefined;
  const live = watchKnowledgeBase(dir, initial, {
    info: (line: string) => {
      if (line.includes('reloaded')) onReload?.();
    },
    warn: () => {},
  });
  const ask = () => live.ask('서버 배포 로그 문제');
  // What this machine's event loop shows with nothing to do, to read the rows below against.
  const idle = await measure(
    () => {},
    () => new Promise((r) => setTimeout(r, 1000)),
    ask,
  );
  const reloaded = () => new Promise<void>((resolve) => (onReload = resolve));

  const one = await measure(
    () => replaceByRename(path.join(dir, `${entries[500]!.id}.md`), toMarkdown(entries[500]!, 'edited once')),
    reloaded,
    ask,
  );
  // Every note replaced (a branch switch): staged beforehand, renamed in by another process so
  // that only the bot's own work shows in this process's event loop.
  const stage = `${dir}.stage`;
  fs.mkdirSync(stage);
  for (const e of entries) fs.writeFileSync(path.join(stage, `${e.id}.md`), toMarkdown(e, 'edited all'));
  const all = await measure(
    () => {
      const move = `for (const f of fs.readdirSync(${JSON.stringify(stage)})) fs.renameSync(path.join(${JSON.stringify(stage)}, f), path.join(${JSON.stringify(dir)}, f))`;
      spawn(process.execPath, ['-e', `const fs = require('fs'); const path = require('path'); ${move}`], {
        stdio: 'ignore',
      });
    },
    reloaded,
    ask,
  );
  live.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(stage, { recursive: true, force: true });

  console.log(`\n== Knowledge reload, ${NOTES} notes (a question every ${ASK_EVERY_MS} ms meanwhile) ==`);
  console.log(`start-up load and index: ${startMs.toFixed(0)} ms`);
  console.log('change               done after    worst event-loop stall   question p99   question max');
  const row = (label: string, s: Stall) =>
    console.log(
      `${label.padEnd(20)} ${ms(s.reloadMs)}      ${ms(s.maxStallMs)}                ${ms(s.askP99Ms)}     ${ms(s.askMaxMs)}`,
    );
  row('nothing (1 s idle)', idle);
  row('one note renamed', one);
  row('every note renamed', all);
}

const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

if (import.meta.url === `file://${process.argv[1]}`) await runReloadBench();
