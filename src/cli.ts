/** `npm run cli -- …`: the command-line face (src/cli/index.ts) over the parts src/runtime.ts makes. */
import { runCli } from './cli/index.ts';
import { loadDotenv } from './config.ts';
import { createStderrLogger } from './logger.ts';
import { createRuntime } from './runtime.ts';
import { withTimeout } from './time/timeout.ts';

/** How long a finished command waits for the store to close before it exits all the same. */
const CLOSE_WAIT_MS = 1000;

loadDotenv();
// Only warnings and errors on stderr: a script reads stdout, a person the answer.
const runtime = createRuntime(process.env, { follow: false, logger: createStderrLogger({ level: 'warn' }) });
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await runCli(process.argv.slice(2), io, runtime);
// The store (feedback, gaps, notes) may hold a connection open (a PostgreSQL pool); a one-shot command
// ends with it closed. A store still connecting (a server that does not answer, which `ask` stopped
// waiting for) would hold the finished command until its connect timeout: past the bound, exit anyway.
const closing = runtime.close().then(() => true);
const closed = await withTimeout(closing, CLOSE_WAIT_MS, () => false);
if (!closed) process.exit();
