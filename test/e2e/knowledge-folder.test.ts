/**
 * The notes folder as `npm start` meets it: the real entry point in a child process, following a
 * folder that turns hostile while questions are piped to the shell, and a failed start that must
 * exit although the folder is being watched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ENV, type BotProcess, spawnBot } from '../support/bot-process.ts';
import { REVOKED_TOKEN_PREFIX, SlackStandIn } from '../support/slack-standin.ts';
import { tempFolders } from '../support/temp-folders.ts';

const note = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: ${title}\n---\n# ${title}\n\n${body}\n`;

const folders = tempFolders('kb-e2e-');
const tempDir = () => folders.make();
afterEach(folders.removeAll);

/** `npm start` following its notes folder. */
function start(env: Record<string, string>): BotProcess {
  return spawnBot({ ...BASE_ENV, KNOWLEDGE_WATCH: '1', ...env });
}

describe('npm start with a hostile notes folder', () => {
  it('answers piped questions while the folder holds FIFOs, /dev/zero, links out and a 300 MB note', async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'leak.md'), note('leak', '유출', 'outside-secret-text'));
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', '도커 스웜', 'swarm-answer-text'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    fs.symlinkSync(path.join(outside, 'leak.md'), path.join(dir, 'leak.md'));
    fs.closeSync(fs.openSync(path.join(dir, 'huge.md'), 'w'));
    fs.truncateSync(path.join(dir, 'huge.md'), 300 * 1024 * 1024);

    const bot = start({ KNOWLEDGE_DIR: dir });
    bot.child.stdin.write('도커 스웜\n');
    await bot.waitFor('swarm-answer-text', { stream: 'stdout' });
    expect(bot.stderr()).toContain('pipe.md: is a FIFO (named pipe), not a regular file; file skipped');
    expect(bot.stderr()).toContain('zero.md: links to a file outside the notes folder (/dev/zero); file skipped');
    expect(bot.stderr()).toContain('huge.md: is 300 MB, over the limit of 1 MB per note');
    expect(bot.stderr()).toContain(`leak.md: links to a file outside the notes folder (${outside}/leak.md)`);

    // More of the same arrives while it runs, with a good note beside them: the reload finishes.
    execFileSync('mkfifo', [path.join(dir, 'pipe2.md')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero2.md'));
    fs.writeFileSync(path.join(dir, 'wsl.md'), note('wsl', 'WSL', 'wsl-answer-text'));
    await bot.waitFor('reloaded 2 notes', { stream: 'stderr' });
    bot.child.stdin.write('wsl\n유출\n');
    await bot.waitFor('wsl-answer-text', { stream: 'stdout' });
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).not.toContain('outside-secret-text');
    expect(bot.stderr()).toContain('pipe2.md: is a FIFO (named pipe), not a regular file; file skipped');
  });
});

describe('a failed start while the notes folder is watched', () => {
  const slack = new SlackStandIn();
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());

  it('exits non-zero with its one line (the watcher keeps nothing alive)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'swarm.md'), note('swarm', '도커 스웜', 'Docker Swarm'));
    const bot = start({
      KNOWLEDGE_DIR: dir,
      // Socket Mode: Slack refuses the bot token before any connection is opened.
      SLACK_APP_TOKEN: 'xapp-1-knowledge-e2e',
      SLACK_BOT_TOKEN: `${REVOKED_TOKEN_PREFIX}-0123456789`,
      SLACK_API_URL: slack.apiUrl,
    });
    // A process kept alive by its watcher never exits, and the test fails by its timeout.
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
  }, 15_000);
});
