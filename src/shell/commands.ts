/**
 * What a line typed in the shell does. The shell is a face over the same core as
 * Slack: knowledge answers, Docker views and their terminal rendering.
 */
import { notesForDockerResult } from '../commands/explain.ts';
import { type DockerCommand, planDockerCommand } from '../commands/index.ts';
import type { DockerReader } from '../docker/types.ts';
import { logUnexpected, userMessage } from '../errors.ts';
import { detectLang, type Lang } from '../i18n.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { renderAnswerText, renderTopicsText } from '../render/text/answers.ts';
import { renderDockerText } from '../render/text/docker.ts';

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
}

const HELP: Record<Lang, string> = {
  ko: [
    '도커 질문을 입력하면 팀 노트에서 답을 찾아 드려요. 예: 컨테이너 삭제 순서?',
    '  topics                 주제 목록',
    '  /docker-ps [-a] [name=…] [status=…]   컨테이너 목록 (읽기 전용)',
    '  /docker-df [-v]        디스크 사용량 (읽기 전용)',
    '  help                   이 도움말',
    '  exit                   종료',
  ].join('\n'),
  en: [
    'Type a Docker question and I answer from the team notes. E.g. how do I remove a container?',
    '  topics                 list the topics',
    '  /docker-ps [-a] [name=…] [status=…]   list containers (read-only)',
    '  /docker-df [-v]        disk usage (read-only)',
    '  help                   this help',
    '  exit                   quit',
  ].join('\n'),
};

export function shellHelp(lang: Lang): string {
  return HELP[lang];
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
      return { text: lang === 'ko' ? '안녕히 가세요.' : 'Bye.', exit: true };
    case 'help':
    case '/help':
    case '?':
    case '도움말':
      return { text: HELP[lang] };
    case 'topics':
    case '주제':
      return { text: renderTopicsText(deps.kb, lang) };
    case '/docker-ask':
      return rest ? { text: renderAnswerText(deps.kb.ask(rest), deps.kb, detectLang(rest)) } : { text: HELP[lang] };
    case '/docker-ps':
    case '/docker-df':
      return { text: await runDockerCommand(word.toLowerCase() === '/docker-ps' ? 'ps' : 'df', rest, deps) };
    default:
      if (word.startsWith('/')) {
        return {
          text:
            lang === 'ko' ? `모르는 명령이에요: ${word}. help를 입력해 보세요.` : `Unknown command ${word}. Type help.`,
        };
      }
      return { text: renderAnswerText(deps.kb.ask(text), deps.kb, detectLang(text)) };
  }
}

/** Parses what follows /docker-ps or /docker-df, runs it read-only and renders it for a terminal. */
export async function runDockerCommand(
  command: DockerCommand,
  args: string,
  { docker, kb, lang, logger }: ShellDeps,
): Promise<string> {
  const plan = planDockerCommand(command, args);
  if (!plan.ok) return `${plan.error}\n${plan.usage}`;
  try {
    const result = await plan.read(docker);
    return renderDockerText(result, lang, notesForDockerResult(result, kb));
  } catch (err) {
    logUnexpected(err, logger);
    return userMessage(err);
  }
}
