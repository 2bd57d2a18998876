import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { createRuntime } from '../../src/runtime.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { recordingLogger } from '../support/logger.ts';
import { SAVED_NOTE, sqliteWithSavedNote } from '../support/saved-note.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the composition root', () => {
  it('makes each part on first use, once, so a command reads only the settings it needs', () => {
    const logger = recordingLogger();
    const env = { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DOCKER_TIMEOUT_MS: 'soon', DEFAULT_LANG: 'en' };
    const runtime = createRuntime(env, { follow: false, logger });
    const kb = runtime.knowledge();
    expect(runtime.knowledge()).toBe(kb);
    expect(kb.entries).toHaveLength(6);
    expect(runtime.lang()).toBe('en');
    expect(runtime.slack()).toBeUndefined();
    expect(() => runtime.docker()).toThrow(ConfigError);
    expect(logger.lines).toEqual([`info knowledge: loaded 6 notes from ${FIXTURE_KNOWLEDGE_DIR}`]);
  });

  it('logs every warning of the notes, and follows them when asked to', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-runtime-'));
    fs.writeFileSync(path.join(dir, 'ok.md'), '---\nid: ok\ntitle: OK\n---\nbody\n');
    fs.writeFileSync(path.join(dir, 'bad.md'), '---\nid: bad\n---\nbody\n');
    const logger = recordingLogger();
    const runtime = createRuntime({ KNOWLEDGE_DIR: dir }, { follow: true, logger });
    runtime.knowledge();
    void runtime.close();
    expect(logger.lines).toEqual([
      'warn knowledge: bad.md: title is missing; file skipped',
      `info knowledge: loaded 1 note from ${dir}, following changes`,
    ]);
  });

  it('answers from the notes saved in the store too, and counts them among the notes served', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-runtime-'));
    const databaseUrl = await sqliteWithSavedNote(dir);
    const logger = recordingLogger();
    const runtime = createRuntime(
      { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DATABASE_URL: databaseUrl, DOCKER_HOST: 'tcp://' },
      { follow: false, logger },
    );
    try {
      const kb = await runtime.answerKnowledge();
      expect(kb.ask(SAVED_NOTE.question).matches[0]?.entry.id).toBe(SAVED_NOTE.id);
      expect(runtime.knowledge().ask(SAVED_NOTE.question).answered).toBe(false);
      const { body } = await runtime.metrics.render();
      expect(body).toMatch(/^docker_notes_bot_notes 7$/m);
      expect(logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
    } finally {
      await runtime.close();
    }
  });

  it('a DATABASE_URL it cannot use costs one line, and the folder answers', async () => {
    const logger = recordingLogger();
    const runtime = createRuntime(
      { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DATABASE_URL: 'mysql://db/bot' },
      { follow: false, logger },
    );
    const kb = await runtime.answerKnowledge();
    expect(kb).toBe(runtime.knowledge());
    expect(kb.ask('컨테이너 삭제 순서?').answered).toBe(true);
    const warnings = logger.lines.filter((l) => l.startsWith('warn'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warn notes: DATABASE_URL=mysql:\/\/db\/bot is not a store .* Answering from the folder's notes alone\.$/,
    );
    await runtime.close();
  });
});
