/** `npm run cli -- …`: the command-line face (src/cli/index.ts) over the parts src/runtime.ts makes. */
import { runCli } from './cli/index.ts';
import { loadDotenv } from './config.ts';
import { createStderrLogger } from './logger.ts';
import { createRuntime } from './runtime.ts';

loadDotenv();
// Only warnings and errors on stderr: a script reads stdout, a person the answer.
const runtime = createRuntime(process.env, { follow: false, logger: createStderrLogger({ level: 'warn' }) });
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await runCli(process.argv.slice(2), io, runtime);
// The store (feedback, gaps, notes) may hold a connection open (a PostgreSQL pool); a one-shot command ends with it closed.
await runtime.close();
