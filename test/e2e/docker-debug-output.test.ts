import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, TSX } from '../support/bot-process.ts';
import { type FakeEngine, startFakeEngine } from '../support/fake-engine.ts';

/**
 * docker-modem logs every raw Engine API answer through the `debug` package when DEBUG names it
 * (DEBUG=modem, DEBUG=*), secrets included. The bot never runs that code (its guarded transport
 * sends the requests), so whatever DEBUG says, nothing of an answer reaches the bot's output.
 * Checked in a real child process, where `debug` reads DEBUG from the environment as it loads.
 */
const run = promisify(execFile);
const RAW_SECRET = 'swordfish-in-the-raw-answer';

let engine: FakeEngine;
let cwd: string;
beforeEach(async () => {
  engine = await startFakeEngine();
  engine.routes['/containers/json'] = () => ({
    body: [
      {
        Id: 'c'.repeat(64),
        Names: ['/web'],
        Image: 'web:1',
        Command: 'app --password=hunter2',
        Created: 1,
        State: 'running',
        Status: 'Up',
        Ports: [],
        Labels: { 'vault.token': RAW_SECRET },
        Config: { Env: [`TOKEN=${RAW_SECRET}`] },
      },
    ],
  });
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'debug-')); // no .env here
});
afterEach(async () => {
  await engine.close();
  fs.rmSync(cwd, { recursive: true, force: true });
});

describe('DEBUG=modem', () => {
  it.each(['modem', '*', 'modem,docker-modem*,*'])('DEBUG=%s prints nothing of the engine answers', async (debug) => {
    const { stdout, stderr } = await run(TSX, [CLI, 'ps', '-a', '--json'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, DEBUG: debug, DEBUG_COLORS: '0', DOCKER_HOST: engine.host },
    });
    expect(stderr).toBe('');
    const view = JSON.parse(stdout) as { rows: { name: string; command: string }[] };
    expect(view.rows.map((r) => [r.name, r.command])).toEqual([['web', 'app --password=***']]);
    expect(stdout + stderr).not.toMatch(/hunter2|swordfish/);
    expect(engine.requests).toEqual(['GET /version', 'GET /v1.41/containers/json?all=true&filters=%7B%7D']);
  });
});
