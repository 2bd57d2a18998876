import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'src', 'cli.ts');

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: PROJECT_ROOT,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli ask (spawned)', () => {
  it('prints one JSON object with the best matches and full bodies', () => {
    const r = cli(['ask', '--json', '컨테이너 삭제 순서?']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['query', 'answered', 'matches']);
    expect(out.query).toBe('컨테이너 삭제 순서?');
    expect(out.answered).toBe(true);
    expect(out.matches[0]).toMatchObject({ id: 'deletion-order' });
    expect(Object.keys(out.matches[0])).toEqual(['id', 'title', 'score', 'text']);
    expect(out.matches[0].text).toContain('컨테이너를 먼저 삭제');
  });

  it('answers --stdin line by line, in order, one object per line', () => {
    const r = cli(['ask', '--json', '--stdin'], 'docker root dir\nhow to cook rice\n\nwsl\n');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['docker root dir', 'how to cook rice', '', 'wsl']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(lines[0].matches[0].id).toBe('docker-root-dir');
  });

  it('prints a readable answer, or says the notes do not cover it', () => {
    expect(cli(['ask', 'docker', 'hub']).stdout).toContain('Docker Hub');
    expect(cli(['ask', 'how to cook rice']).stdout).toContain("The notes don't cover");
  });

  it.each([[[]], [['ask']], [['ask', '--bogus', 'x']], [['ask', '--stdin', 'x']], [['nope']], [['ps', '--bogus']]])(
    'exits 2 with usage on bad usage %j',
    (args) => {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage');
      expect(r.stdout).toBe('');
    },
  );

  it('exits 1 with a one-line reason when the knowledge folder is missing', () => {
    const r = cli(['ask', 'x'], undefined, { KNOWLEDGE_DIR: '/nonexistent/notes' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Knowledge directory \/nonexistent\/notes does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
