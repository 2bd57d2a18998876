import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { strings } from '../i18n/index.ts';
import type { LogSink } from '../logger.ts';
import { styleFor } from '../render/text/style.ts';
import { handleShellLine, type ShellDeps } from './commands.ts';

export { handleShellLine, runDockerCommand } from './commands.ts';

export interface ShellIo {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  /** The log's destination: on a terminal the shell prints log lines above its prompt through it. */
  logSink?: LogSink;
  /** Read for NO_COLOR; default the process environment. */
  env?: Record<string, string | undefined>;
}

const PROMPT = 'docker-notes> ';

/**
 * The offline face, in the spirit of Hubot's shell adapter: on a terminal it prompts;
 * from a pipe it answers each line in order and exits at the end of input. Resolves to the
 * number of lines it read.
 *
 * On a terminal: output is styled unless NO_COLOR is set (styleFor); a log line (a reload, a
 * warning) is printed above the prompt and the half-typed line is drawn again as it was; Ctrl-C
 * clears the line, and on an empty line says how to leave (a second Ctrl-C leaves); Ctrl-D leaves.
 */
export async function runShell(deps: ShellDeps, io: ShellIo): Promise<number> {
  const interactive = io.input.isTTY === true;
  const { output } = io;
  const style = styleFor(output, io.env ?? process.env);
  const shellDeps: ShellDeps = { ...deps, style };
  const t = strings(deps.lang).shell;
  const rl = readline.createInterface({
    input: io.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    prompt: PROMPT,
  });
  const write = (text: string) => {
    if (text) output.write(`${text}\n`);
  };
  // While a line is being answered no prompt is on screen, so a log line is simply written.
  let answering = false;
  const printAbovePrompt = (text: string) => {
    if (answering) {
      output.write(`${text}\n`);
      return;
    }
    // From the prompt's first row (a long line wraps), clear what readline drew, print, draw it again.
    readline.moveCursor(output, 0, -rl.getCursorPos().rows);
    readline.cursorTo(output, 0);
    readline.clearScreenDown(output);
    output.write(`${text}\n`);
    rl.prompt(true);
  };
  let left = false;
  if (interactive) {
    io.logSink?.redirect((line) => printAbovePrompt(style.dim(line)));
    let exitHinted = false;
    rl.on('line', () => {
      exitHinted = false;
    });
    rl.on('SIGINT', () => {
      if (rl.line) {
        // To the end, then delete to the start: the line is empty and the prompt stays.
        rl.write(null, { ctrl: true, name: 'e' });
        rl.write(null, { ctrl: true, name: 'u' });
        exitHinted = false;
      } else if (exitHinted) {
        left = true;
        output.write('\n');
        rl.close();
      } else {
        exitHinted = true;
        printAbovePrompt(t.exitHint);
      }
    });
    write(t.banner(deps.kb.entries.length));
    write(t.languages);
    write(t.help);
    rl.prompt();
  }
  let lines = 0;
  try {
    for await (const line of rl) {
      lines += 1;
      answering = true;
      const reply = await handleShellLine(line, shellDeps);
      answering = false;
      write(reply.text);
      if (reply.exit) {
        left = true;
        break;
      }
      if (interactive) {
        output.write('\n');
        rl.prompt();
      }
    }
    // Ctrl-D (or the end of a terminal's input): the cursor is on the prompt line.
    if (interactive && !left) write(`\n${t.bye}`);
  } finally {
    io.logSink?.redirect();
    rl.close();
  }
  return lines;
}
