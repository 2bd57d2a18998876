/** `npm run cli` as a script runs it: the real entry point in a child process (the rest is in test/unit/cli.test.ts). */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runBot, spawnBot } from '../support/bot-process.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { SAVED_NOTE, sqliteWithSavedNote } from '../support/saved-note.ts';
import { tempFolders } from '../support/temp-folders.ts';

describe('cli (spawned)', () => {
  it('answers with exit 0 and JSON on stdout; bad usage exits 2 with usage on stderr', () => {
    const env = { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DEFAULT_LANG: 'en' };
    const ask = runBot(env, { args: [CLI, 'ask', '--json', 'docker root dir'] });
    expect(ask.status).toBe(0);
    expect(JSON.parse(ask.stdout).matches[0].id).toBe('docker-root-dir');
    const bad = runBot(env, { args: [CLI, 'nope'] });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage');
    expect(bad.stdout).toBe('');
  });
});

describe('cli ask (spawned) with notes saved from Slack', () => {
  const temp = tempFolders('cli-e2e-');
  afterEach(() => temp.removeAll());
  const env = (databaseUrl: string) => ({
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
    DEFAULT_LANG: 'en',
    DATABASE_URL: databaseUrl,
    // ask never needs Docker: a host that cannot be reached, or even parsed, changes nothing.
    DOCKER_HOST: 'tcp://',
  });

  it('answers from a note saved in the store, as Slack and the shell do', async () => {
    const databaseUrl = await sqliteWithSavedNote(temp.make());
    const ask = runBot(env(databaseUrl), { args: [CLI, 'ask', '--json', SAVED_NOTE.question] });
    expect(ask.stderr).toBe('');
    expect(ask.status).toBe(0);
    expect(JSON.parse(ask.stdout).matches[0].id).toBe(SAVED_NOTE.id);
  });

  it('a store that cannot be opened costs one line on stderr; the folder answers at once', () => {
    // A file that is not a database: SQLite refuses to open it.
    const file = path.join(temp.make(), 'bot.db');
    fs.writeFileSync(file, 'not a database, but long enough to be read as a header by SQLite\n'.repeat(20));
    const startedAt = Date.now();
    const ask = runBot(env(`sqlite:${file}`), { args: [CLI, 'ask', '--json', 'docker root dir'] });
    expect(ask.status).toBe(0);
    expect(JSON.parse(ask.stdout).matches[0].id).toBe('docker-root-dir');
    expect(ask.stderr.trim().split('\n')).toHaveLength(1);
    expect(ask.stderr).toContain('cannot read the saved notes');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
  });

  it('a store that never answers (PostgreSQL accepting and silent) is waited for 2 s, said in one line', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const startedAt = Date.now();
      const ask = spawnBot(env(`postgres://bot:secret@127.0.0.1:${port}/bot`), {
        args: [CLI, 'ask', '--json', 'docker root dir'],
      });
      let answeredAt = 0;
      ask.child.stdout.once('data', () => (answeredAt = Date.now()));
      expect(await ask.exited).toBe(0);
      const exitedAt = Date.now();
      // The answer after tsx's start and the 2 s bound; the exit at most the 1 s close bound later, not
      // when PostgreSQL's 5 s connect timeout gives up.
      expect(answeredAt - startedAt).toBeLessThan(6000);
      expect(exitedAt - answeredAt).toBeLessThan(2000);
      expect(JSON.parse(ask.stdout()).matches[0].id).toBe('docker-root-dir');
      expect(ask.stderr().trim().split('\n')).toEqual([
        "[WARN] notes: the saved notes were not read within 2000 ms; answering from the folder's notes until they are",
      ]);
    } finally {
      silent.close();
    }
  });
});
