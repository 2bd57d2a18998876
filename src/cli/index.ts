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
import { renderGapsText } from '../render/text/gaps.ts';
import type { GapSummary, Store } from '../store/types.ts';
import { exportNotes, exportReport } from './notes.ts';

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
  /**
   * What `ask` and `topics` answer from: the folder with the notes saved from Slack, once the store's
   * notes were read or a short bound passed (src/runtime.ts). Without it, the folder's notes alone.
   */
  answerKnowledge?(): Promise<KnowledgeBase>;
  docker(): DockerReader;
  logger: Logger;
  /** Feedback, the questions the notes could not answer and the notes saved from Slack (DATABASE_URL); for `gaps` and `notes`. */
  store?(): Store;
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
        const kb = await this.answering();
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
      case 'gaps':
        return this.gaps(rest, json);
      case 'notes':
        return this.notes(rest, json);
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

    const kb = await this.answering();
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

  /** `gaps [--since 30d] [--json]`: the most asked questions the notes could not answer, since then. */
  private async gaps(args: string[], json: boolean): Promise<number> {
    let since = DEFAULT_GAPS_SINCE;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--since' || arg.startsWith('--since=')) {
        since = arg === '--since' ? (args[++i] ?? '') : arg.slice('--since='.length);
      } else if (arg === '--help' || arg === '-h') {
        this.print(strings(this.deps.lang()).gaps.cliUsage);
        return 0;
      } else {
        throw new UsageError(() => strings(this.deps.lang()).gaps.unknownOption(arg));
      }
    }
    const ms = durationMs(since);
    if (ms === undefined) throw new UsageError(() => strings(this.deps.lang()).gaps.badSince(since));
    if (!this.deps.store) throw new Error('cli gaps was started without a store');
    const from = new Date(Date.now() - ms);
    const gaps = await this.deps.store().gaps.top({ since: from, limit: CLI_GAPS_LIMIT });
    this.print(json ? JSON.stringify(gapsJson(from, gaps)) : renderGapsText(gaps, this.deps.lang(), since));
    return 0;
  }

  private async notes(args: string[], json: boolean): Promise<number> {
    const t = strings(this.deps.lang()).cli;
    const [sub, ...options] = args;
    const store = this.deps.store?.();
    if (!store || (sub !== 'list' && sub !== 'export')) {
      this.fail(t.notesUsage);
      return 2;
    }
    if (sub === 'list') {
      const notes = await store.notes.list();
      if (json) {
        this.print(JSON.stringify(notes, null, 2));
        return 0;
      }
      this.print(
        notes.length
          ? notes
              .map((n) => `${n.id}  ${n.title}  (${n.createdBy}, ${n.updatedAt.toISOString().slice(0, 10)})`)
              .join('\n')
          : t.noSavedNotes,
      );
      return 0;
    }
    const dirAt = options.indexOf('--dir');
    const dir = dirAt >= 0 ? options[dirAt + 1] : undefined;
    const unknown = options.filter((o, i) => o !== '--overwrite' && i !== dirAt && i !== dirAt + 1);
    if (!dir || unknown.length > 0) {
      this.fail(t.notesUsage);
      return 2;
    }
    const outcomes = exportNotes(await store.notes.list(), dir, { overwrite: options.includes('--overwrite') });
    const { problems, summary } = exportReport(outcomes, dir, t);
    for (const problem of problems) this.fail(problem);
    this.print(json ? JSON.stringify(outcomes, null, 2) : summary);
    return problems.length ? 1 : 0;
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

  /** The notes questions are answered from, as Slack and the shell answer them. */
  private answering(): Promise<KnowledgeBase> {
    return this.deps.answerKnowledge ? this.deps.answerKnowledge() : Promise.resolve(this.deps.knowledge());
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

const DEFAULT_GAPS_SINCE = '30d';
const CLI_GAPS_LIMIT = 100;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** 30d, 12h, 2w as milliseconds; undefined for anything else. */
function durationMs(text: string): number | undefined {
  const match = /^(\d{1,5})([hdw])$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}

/** The JSON contract of `gaps --json`: most asked first; times as ISO 8601. */
function gapsJson(since: Date, gaps: readonly GapSummary[]) {
  return {
    since: since.toISOString(),
    gaps: gaps.map((g) => ({
      question: g.question,
      lang: g.lang,
      count: g.count,
      outcomes: {
        not_answered: g.outcomes['not-answered'],
        partial: g.outcomes.partial,
        voted_down: g.outcomes['voted-down'],
      },
      closest: g.closest.map((c) => ({ id: c.noteId, score: c.score })),
      first_asked_at: g.firstAskedAt.toISOString(),
      last_asked_at: g.lastAskedAt.toISOString(),
    })),
  };
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
