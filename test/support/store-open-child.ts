/**
 * A separate bot process starting on a store: waits for "go" on stdin (so that several start at the
 * same moment), opens the store at argv[2] (migrations included) and prints {"ok":true} or the error.
 */
import { createStore } from '../../src/store/index.ts';

const store = createStore(process.argv[2]!, { warn: () => undefined });
// Load both drivers before "ready", so that after "go" the processes race on the database itself.
await Promise.all([import('better-sqlite3'), import('pg')]);
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  try {
    await store.open();
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: String(err) })}\n`);
  } finally {
    await store.close();
    process.stdin.destroy();
  }
});
