import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/config.ts';
import { TSX } from './bot-process.ts';

const CHILD = path.join(PROJECT_ROOT, 'test', 'support', 'store-open-child.ts');

export interface ChildOpenResult {
  ok: boolean;
  error?: string;
}

/**
 * Opens the store at `url` from `count` separate processes at once, as replicas starting together
 * would: each starts and says "ready", then all are told "go" together. Resolves to what each reported.
 */
export async function openFromProcessesAtOnce(url: string, count: number): Promise<ChildOpenResult[]> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(TSX, [CHILD, url], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH } });
    const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const nextLine = async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`store child exited (code ${child.exitCode}) before it reported`);
      return value;
    };
    return { child, nextLine };
  });
  for (const { nextLine } of children) {
    const line = await nextLine();
    if (line !== 'ready') throw new Error(`store child said ${JSON.stringify(line)} instead of ready`);
  }
  for (const { child } of children) child.stdin.write('go\n');
  return Promise.all(children.map(async ({ nextLine }) => JSON.parse(await nextLine()) as ChildOpenResult));
}
