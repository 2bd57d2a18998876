import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { strings } from '../i18n/index.ts';
import { handleShellLine, type ShellDeps } from './commands.ts';

export { handleShellLine, runDockerCommand } from './commands.ts';

export interface ShellIo {
  input: Readable & { isTTY?: boolean };
  output: Writable;
}

/**
 * The offline face, in the spirit of Hubot's shell adapter: on a terminal it prompts;
 * from a pipe it answers each line in order and exits at the end of input. Resolves to the
 * number of lines it read.
 */
export async function runShell(deps: ShellDeps, io: ShellIo): Promise<number> {
  const interactive = io.input.isTTY === true;
  const rl = readline.createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
  });
  const write = (text: string) => {
    if (text) io.output.write(`${text}\n`);
  };
  if (interactive) {
    const t = strings(deps.lang).shell;
    write(t.banner(deps.kb.entries.length));
    write(t.languages);
    write(t.help);
    rl.setPrompt('docker-notes> ');
    rl.prompt();
  }
  let lines = 0;
  for await (const line of rl) {
    lines += 1;
    const reply = await handleShellLine(line, deps);
    write(reply.text);
    if (reply.exit) break;
    if (interactive) {
      io.output.write('\n');
      rl.prompt();
    }
  }
  rl.close();
  return lines;
}
