/**
 * The command-line face: the same answers and Docker views as Slack and the shell,
 * for scripts (`--json`) and people. Exit codes: 0 done, 1 failed (reason on stderr), 2 bad usage.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { notesForDockerResult } from '../commands/explain.ts';
import { type DockerCommand, dockerUsage, planDockerCommand } from '../commands/index.ts';
import type { DockerReader } from '../docker/types.ts';
import { ConfigError, logUnexpected, UserError, userMessage } from '../errors.ts';
import { detectLang, type Lang, type Strings, strings } from '../i18n/index.ts';
import type { Answer, KnowledgeBase } from '../knowledge/index.ts';
import type { Logger } from '../logger.ts';
import { renderAnswerText, renderTopicsText } from '../render/text/answers.ts';
import { renderDockerText } from '../render/text/docker.ts';

/** Bad usage (exit 2), said in the CLI's language once it is known. */
class UsageError extends Error {
  constructor(readonly say: (t: Strings['cli']) => string) {
    super(say(strings('en').cli));
  }
}

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** What the commands use, each made when a command first needs it (src/runtime.ts provides them). */
export interface CliDeps {
  /** The language of usage and Docker results (DEFAULT_LANG); answers follow their question. */
  lang(): Lang;
  knowledge(): KnowledgeBase;
  docker(): DockerReader;
  logger: Logger;
}

/**
 * Runs one CLI invocation (`argv` without node and the script) and returns its exit code. Never
 * throws: a failure is one line on stderr, and an unexpected one is logged with its stack.
 */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const cli = new Cli(io, deps);
  try {
    return await cli.run(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      const t = strings(safeLang(deps)).cli;
      cli.fail(`${err.say(t)}\n${t.usage}`);
      return 2;
    }
    if (err instanceof UserError || err instanceof ConfigError) {
      cli.fail(err.message);
      return 1;
    }
    logUnexpected(err, deps.logger);
    cli.fail(userMessage(err, strings(safeLang(deps)).common.failed));
    return 1;
  }
}

/** DEFAULT_LANG, or English when that setting is itself what failed. */
function safeLang(deps: CliDeps): Lang {
  try {
    return deps.lang();
  } catch {
    return 'en';
  }
}

class Cli {
  constructor(
    private readonly io: CliIo,
    private readonly deps: CliDeps,
  ) {}

  async run(argv: string[]): Promise<number> {
    const [command, ...args] = argv;
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    switch (command) {
      case 'ask':
        return this.ask(rest, json);
      case 'topics': {
        const kb = this.deps.knowledge();
        this.print(
          json
            ? JSON.stringify(kb.entries.map((e) => ({ id: e.id, title: e.title, title_en: e.titleEn })))
            : renderTopicsText(kb, this.deps.lang()),
        );
        return 0;
      }
      case 'ps':
      case 'df':
        return this.docker(command, rest, json);
      case '--help':
      case '-h':
      case 'help':
        this.print(strings(this.deps.lang()).cli.usage);
        return 0;
      default:
        throw new UsageError((t) => (command ? t.unknownCommand(command) : t.noCommand));
    }
  }

  private async ask(args: string[], json: boolean): Promise<number> {
    const stdin = args.includes('--stdin');
    const words = args.filter((a) => a !== '--stdin');
    const unknown = words.find((a) => /^--?[a-z]/i.test(a));
    if (unknown) throw new UsageError((t) => t.unknownAskOption(unknown));
    if (stdin && words.length > 0) throw new UsageError((t) => t.questionTwice);
    const question = words.join(' ').trim();
    if (!stdin && !question) throw new UsageError((t) => t.noQuestion);

    const kb = this.deps.knowledge();
    const show = (q: string) =>
      json ? JSON.stringify(answerJson(kb.ask(q))) : renderAnswerText(kb.ask(q), kb, detectLang(q));
    if (!stdin) {
      this.print(show(question));
      return 0;
    }
    // One output line per input line, blank ones included, so callers can zip them.
    for await (const line of readline.createInterface({ input: this.io.stdin, terminal: false })) {
      this.print(show(line));
    }
    return 0;
  }

  private async docker(command: DockerCommand, args: string[], json: boolean): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      this.print(dockerUsage(command, this.deps.lang()));
      return 0;
    }
    // Re-quote words that had spaces, so the shared parser sees what the user typed.
    const typed = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
    const plan = planDockerCommand(command, typed, this.deps.lang());
    if (!plan.ok) {
      this.fail(`${plan.error}\n${plan.usage}`);
      return 2;
    }
    const result = await plan.read(this.deps.docker());
    if (json) {
      this.print(JSON.stringify(result.view, null, 2));
      return 0;
    }
    this.print(renderDockerText(result, this.deps.lang(), notesForDockerResult(result, this.notesIfAny())));
    return 0;
  }

  /** The notes for a Docker result's advice; none (a bad KNOWLEDGE_DIR) means no advice, not a failed command. */
  private notesIfAny(): KnowledgeBase | undefined {
    try {
      return this.deps.knowledge();
    } catch (err) {
      if (err instanceof UserError) return undefined;
      throw err;
    }
  }

  print(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  fail(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}

/** The JSON contract of `ask --json`: best match first, `text` is the entry's whole Markdown body. */
function answerJson(answer: Answer) {
  return {
    query: answer.query,
    answered: answer.answered,
    outcome: answer.outcome,
    ...(answer.partial ? { partial: answer.partial } : {}),
    ...(answer.chat ? { chat: answer.chat } : {}),
    matches: answer.matches.map((m) => ({ id: m.entry.id, title: m.entry.title, score: m.score, text: m.entry.body })),
  };
}
