/**
 * The command-line face: the same answers and Docker views as Slack and the shell,
 * for scripts (`--json`) and people. Exit codes: 0 done, 1 failed (reason on stderr), 2 bad usage.
 */
import readline from 'node:readline';
import { DF_USAGE, type DockerCommand, PS_USAGE, planDockerCommand } from './commands/index.ts';
import { ConfigError, loadDotenv, readKnowledgeConfig } from './config.ts';
import { createDockerReader, readDockerConfig } from './docker/index.ts';
import { logUnexpected, UserError, userMessage } from './errors.ts';
import { detectLang } from './i18n.ts';
import { type Answer, type KnowledgeBase, loadKnowledgeBase } from './knowledge/index.ts';
import { renderAnswerText, renderTopicsText } from './render/answer-text.ts';
import { renderDockerText } from './render/docker-text.ts';

const USAGE = `Usage:
  cli ask [--json] "<question>"     answer a question from the notes
  cli ask --json --stdin            one question per line in, one JSON object per line out
  cli topics [--json]               list the topics
  cli ps [ps arguments] [--json]    docker ps, read-only (see: cli ps --help)
  cli df [-v] [--json]              docker system df, read-only`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  loadDotenv();
  const [command, ...args] = argv;
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  switch (command) {
    case 'ask':
      return ask(rest, json);
    case 'topics': {
      const kb = loadKb();
      print(
        json
          ? JSON.stringify(kb.entries.map((e) => ({ id: e.id, title: e.title, title_en: e.titleEn })))
          : renderTopicsText(kb, 'en'),
      );
      return 0;
    }
    case 'ps':
    case 'df':
      return docker(command, rest, json);
    case '--help':
    case '-h':
    case 'help':
      print(USAGE);
      return 0;
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

async function ask(args: string[], json: boolean): Promise<number> {
  const stdin = args.includes('--stdin');
  const words = args.filter((a) => a !== '--stdin');
  const unknown = words.find((a) => /^--?[a-z]/i.test(a));
  if (unknown) throw new UsageError(`Unknown option "${unknown}" for ask.`);
  if (stdin && words.length > 0) throw new UsageError('Give the question as an argument or with --stdin, not both.');
  const question = words.join(' ').trim();
  if (!stdin && !question) throw new UsageError('ask needs a question.');

  const kb = loadKb();
  const show = (q: string) =>
    json ? JSON.stringify(answerJson(kb.ask(q))) : renderAnswerText(kb.ask(q), kb, detectLang(q));
  if (!stdin) {
    print(show(question));
    return 0;
  }
  // One output line per input line, blank ones included, so callers can zip them.
  for await (const line of readline.createInterface({ input: process.stdin, terminal: false })) {
    print(show(line));
  }
  return 0;
}

/** The JSON contract of `ask --json`: best match first, `text` is the entry's whole Markdown body. */
function answerJson(answer: Answer) {
  return {
    query: answer.query,
    answered: answer.answered,
    matches: answer.matches.map((m) => ({ id: m.entry.id, title: m.entry.title, score: m.score, text: m.entry.body })),
  };
}

async function docker(command: DockerCommand, args: string[], json: boolean): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    print(command === 'ps' ? PS_USAGE : DF_USAGE);
    return 0;
  }
  // Re-quote words that had spaces, so the shared parser sees what the user typed.
  const plan = planDockerCommand(command, args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' '));
  if (!plan.ok) {
    process.stderr.write(`${plan.error}\n${plan.usage}\n`);
    return 2;
  }
  const result = await plan.read(createDockerReader(readDockerConfig(process.env)));
  print(json ? JSON.stringify(result.view, null, 2) : renderDockerText(result, 'en', { hasEntry: noteExists }));
  return 0;
}

/** Whether the notes have an entry, for df's disk advice; no notes (a bad KNOWLEDGE_DIR) means no advice, not a failed df. */
function noteExists(id: string): boolean {
  try {
    return loadKnowledgeBase(readKnowledgeConfig(process.env).knowledgeDir).kb.byId(id) !== undefined;
  } catch {
    return false;
  }
}

function loadKb(): KnowledgeBase {
  const { kb, warnings } = loadKnowledgeBase(readKnowledgeConfig(process.env).knowledgeDir);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  return kb;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (err instanceof UserError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else {
      logUnexpected(err);
      process.stderr.write(`${userMessage(err)}\n`);
      process.exitCode = 1;
    }
  },
);
