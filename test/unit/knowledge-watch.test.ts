import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { type LiveKnowledgeBase, watchKnowledgeBase } from '../../src/knowledge/watch.ts';
import { eventually } from '../support/eventually.ts';
import { recordingLogger } from '../support/logger.ts';

const note = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: ${title}\n---\n# ${title}\n\n${body}\n`;

let live: LiveKnowledgeBase | undefined;
let dir: string;
afterEach(() => {
  live?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('watchKnowledgeBase', () => {
  it('answers from a note added or edited while running, and keeps the notes when a change breaks them', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-watch-'));
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', '도커 스웜', 'Docker Swarm은 오케스트레이션 도구'));
    const logger = recordingLogger();
    const { lines } = logger;
    live = watchKnowledgeBase(dir, loadKnowledgeBase(dir).kb, logger, 50);

    fs.writeFileSync(path.join(dir, 'wsl.md'), note('wsl', 'WSL', 'windows subsystem for linux'));
    await eventually(() => live!.byId('wsl') !== undefined);
    expect(live.ask('wsl').matches[0]?.entry.id).toBe('wsl');

    fs.writeFileSync(path.join(dir, 'broken.md'), '---\nid: broken\n---\nno title\n');
    await eventually(() => lines.some((l) => l.startsWith('warn knowledge: broken.md: title is missing')));
    expect(live.entries.map((e) => e.id).sort()).toEqual(['swarm', 'wsl']);

    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    await eventually(() => lines.some((l) => l.startsWith('warn knowledge: kept the previous 2 notes')));
    expect(live.byId('swarm')).toBeDefined();
  });
});
