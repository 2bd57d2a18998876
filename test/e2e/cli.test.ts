/** `npm run cli` as a script runs it: the real entry point in a child process (the rest is in test/unit/cli.test.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../support/knowledge.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'src', 'cli.ts');

describe('cli (spawned)', () => {
  it('answers with exit 0 and JSON on stdout; bad usage exits 2 with usage on stderr', () => {
    const env = { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, DEFAULT_LANG: 'en' };
    const ask = spawnSync(TSX, [CLI, 'ask', '--json', 'docker root dir'], { encoding: 'utf8', env, cwd: '/tmp' });
    expect(ask.status).toBe(0);
    expect(JSON.parse(ask.stdout).matches[0].id).toBe('docker-root-dir');
    const bad = spawnSync(TSX, [CLI, 'nope'], { encoding: 'utf8', env, cwd: '/tmp' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage');
    expect(bad.stdout).toBe('');
  });
});
