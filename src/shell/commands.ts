/**
 * What a line typed in the shell does. The shell is a face over the same core as
 * Slack: knowledge answers, Docker views and their terminal rendering.
 */
import { notesForDockerResult } from '../commands/explain.ts';
import { type DockerCommand, planDockerCommand } from '../commands/index.ts';
import type { DockerReader } from '../docker/types.ts';
import { logUnexpected, userMessage } from '../errors.ts';
import { detectLang, type Lang, strings } from '../i18n/index.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { renderAnswerText, renderTopicsText } from '../render/text/answers.ts';
import { renderDockerText } from '../render/text/docker.ts';
import type { TextStyle } from '../render/text/style.ts';

export interface ShellReply {
  text: string;
  exit?: boolean;
}

export interface ShellDeps {
  kb: KnowledgeBase;
  docker: DockerReader;
  /** The language of help and Docker results (DEFAULT_LANG); answers and Korean commands follow what was typed. */
  lang: Lang;
  logger: Logger;
  /** How answers are marked: ANSI on a terminal, plain (the default) elsewhere. */
  style?: TextStyle;
}

/** Handles one line of input; never throws (a failure becomes a readable reply). */
export async function handleShellLine(line: string, deps: ShellDeps): Promise<ShellReply> {
  const text = line.trim();
  const [word = '', ...restWords] = text.split(/\s+/);
  const rest = restWords.join(' ');
  // A command word typed in Korean (도움말, 주제, 종료) is answered in Korean, the others in DEFAULT_LANG.
  const lang = detectLang(word) === 'ko' ? 'ko' : deps.lang;
  switch (word.toLowerCase()) {
    case '':
      return { text: '' };
    case 'exit':
    case 'quit':
    case '/exit':
    case '종료':
      return { text: strings(lang).shell.bye, exit: true };
    case 'help':
    case '/help':
    case '?':
    case '도움말':
      return { text: strings(lang).shell.help };
    case 'topics':
    case '주제':
      return { text: renderTopicsText(deps.kb, lang, deps.style) };
    case '/docker-ask':
      return rest
        ? { text: renderAnswerText(deps.kb.ask(rest), deps.kb, detectLang(rest), deps.style) }
        : { text: strings(lang).shell.help };
    case '/docker-ps':
    case '/docker-df':
      return { text: await runDockerCommand(word.toLowerCase() === '/docker-ps' ? 'ps' : 'df', rest, deps) };
    default:
      if (word.startsWith('/')) {
        return { text: strings(lang).shell.unknownCommand(word) };
      }
      return { text: renderAnswerText(deps.kb.ask(text), deps.kb, detectLang(text), deps.style) };
  }
}

/** Parses what follows /docker-ps or /docker-df, runs it read-only and renders it for a terminal. */
export async function runDockerCommand(
  command: DockerCommand,
  args: string,
  { docker, kb, lang, logger }: ShellDeps,
): Promise<string> {
  const plan = planDockerCommand(command, args, lang);
  if (!plan.ok) return `${plan.error}\n${plan.usage}`;
  try {
    const result = await plan.read(docker);
    return renderDockerText(result, lang, notesForDockerResult(result, kb));
  } catch (err) {
    logUnexpected(err, logger);
    return userMessage(err, strings(lang).common.failed);
  }
}
