import {
  CONTAINER_STATUSES,
  type ContainerStatus,
  type DfOptions,
  type DockerReader,
  type DockerResult,
  HEALTH_STATUSES,
  type HealthStatus,
  HOST_NAME,
  type PsFilters,
  type PsOptions,
} from '../docker/types.ts';
import { type Lang, type Strings, strings } from '../i18n/index.ts';

/**
 * What users type after /docker-ps and /docker-df; one parser for Slack, the shell and the CLI.
 * Refusals and usage are in the face's language (DEFAULT_LANG), from src/i18n/.
 */

/** The usage of a Docker command, in `lang`. */
export function dockerUsage(command: DockerCommand, lang: Lang): string {
  const t = strings(lang).dockerArgs;
  return command === 'ps' ? t.psUsage(CONTAINER_STATUSES.join('|'), HEALTH_STATUSES.join('|')) : t.dfUsage;
}

export type ParseResult<T> = { ok: true; options: T } | { ok: false; error: string; usage: string };

export type DockerCommand = 'ps' | 'df';

/** A parsed command, ready to read from Docker. */
export interface DockerPlan {
  read: (docker: DockerReader) => Promise<DockerResult>;
}

/**
 * The one flow every face follows: parse what the user typed now, read from Docker later (Slack
 * acks in between, since Docker can be slower than Slack's 3 s). Bad arguments never reach Docker.
 */
export function planDockerCommand(
  command: DockerCommand,
  text: string,
  lang: Lang,
): ({ ok: true } & DockerPlan) | { ok: false; error: string; usage: string } {
  if (command === 'ps') {
    const parsed = parseDockerArgs('ps', text, lang);
    return parsed.ok
      ? { ok: true, read: async (docker) => ({ kind: 'ps', view: await docker.ps(parsed.options) }) }
      : parsed;
  }
  const parsed = parseDockerArgs('df', text, lang);
  return parsed.ok
    ? { ok: true, read: async (docker) => ({ kind: 'df', view: await docker.df(parsed.options) }) }
    : parsed;
}

const MAX_VALUE_LENGTH = 256;

export function parseDockerArgs(command: 'ps', text: string, lang: Lang): ParseResult<PsOptions>;
export function parseDockerArgs(command: 'df', text: string, lang: Lang): ParseResult<DfOptions>;
export function parseDockerArgs(
  command: DockerCommand,
  text: string,
  lang: Lang,
): ParseResult<PsOptions> | ParseResult<DfOptions>;
export function parseDockerArgs(
  command: DockerCommand,
  text: string,
  lang: Lang,
): ParseResult<PsOptions> | ParseResult<DfOptions> {
  try {
    const tokens = tokenize(text);
    return command === 'ps' ? { ok: true, options: parsePs(tokens) } : { ok: true, options: parseDf(tokens) };
  } catch (err) {
    if (err instanceof ArgError) {
      return { ok: false, error: err.say(strings(lang).dockerArgs), usage: dockerUsage(command, lang) };
    }
    throw err;
  }
}

/** Why the arguments were refused, said in the face's language once it is known. */
class ArgError extends Error {
  constructor(readonly say: (t: Strings['dockerArgs']) => string) {
    super(say(strings('en').dockerArgs));
  }
}

/** Splits on whitespace; "double" or 'single' quotes (also Slack's curly ones) keep spaces in a value. */
function tokenize(text: string): string[] {
  const normalized = text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const tokens: string[] = [];
  const pattern = /(?:[^\s"']+|"[^"]*"|'[^']*')+|["']/g;
  for (const match of normalized.matchAll(pattern)) {
    if (match[0] === '"' || match[0] === "'") throw new ArgError((t) => t.quoteNotClosed);
    tokens.push(match[0].replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
  }
  return tokens;
}

/** Yields [key, value] for KEY=VALUE words, and flags as [flag, undefined], consuming -f/-H arguments. */
function* words(tokens: string[]): Generator<[string, string | undefined]> {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = () => {
      const value = tokens[++i];
      if (value === undefined) throw new ArgError((t) => t.needsValue(token));
      return value;
    };
    if (token === '-f' || token === '--filter') yield keyValue(next());
    else if (token.startsWith('--filter=')) yield keyValue(token.slice('--filter='.length));
    else if (token === '-H' || token === '--host') yield ['host', next()];
    else if (token.startsWith('--host=')) yield ['host', token.slice('--host='.length)];
    else if (token.startsWith('-')) yield [token, undefined];
    else if (token.includes('=')) yield keyValue(token);
    else throw new ArgError((t) => t.notAnOption(shorten(token)));
  }
}

function keyValue(word: string): [string, string] {
  const eq = word.indexOf('=');
  if (eq <= 0) throw new ArgError((t) => t.notKeyValue(shorten(word)));
  return [word.slice(0, eq).toLowerCase(), word.slice(eq + 1)];
}

function parsePs(tokens: string[]): PsOptions {
  const filters: PsFilters = { name: [], status: [], label: [], ancestor: [], health: [] };
  const options: PsOptions = { all: false, filters };
  for (const [key, value] of words(tokens)) {
    if (value === undefined) {
      if (key === '-a' || key === '--all') options.all = true;
      else throw new ArgError((t) => t.unknownOption(shorten(key)));
      continue;
    }
    const v = checkedValue(key, value);
    switch (key) {
      case 'host':
        setHost(options, v);
        break;
      case 'name':
        filters.name.push(v);
        break;
      case 'ancestor':
        if (/\s/.test(v)) throw new ArgError((t) => t.ancestorSpaces);
        filters.ancestor.push(v);
        break;
      case 'label':
        if (v.startsWith('=')) throw new ArgError((t) => t.labelNeedsKey);
        filters.label.push(v);
        break;
      case 'status':
        filters.status.push(oneOf<ContainerStatus>('status', v, CONTAINER_STATUSES));
        break;
      case 'health':
        filters.health.push(oneOf<HealthStatus>('health', v, HEALTH_STATUSES));
        break;
      default:
        throw new ArgError((t) => t.unknownFilter(shorten(key)));
    }
  }
  return options;
}

function parseDf(tokens: string[]): DfOptions {
  const options: DfOptions = { verbose: false };
  for (const [key, value] of words(tokens)) {
    if (value === undefined) {
      if (key === '-v' || key === '--verbose') options.verbose = true;
      else throw new ArgError((t) => t.unknownOption(shorten(key)));
    } else if (key === 'host') {
      setHost(options, checkedValue(key, value));
    } else {
      throw new ArgError((t) => t.dfNoFilter(shorten(key)));
    }
  }
  return options;
}

function checkedValue(key: string, value: string): string {
  if (value === '') throw new ArgError((t) => t.emptyValue(shorten(key)));
  if (value.length > MAX_VALUE_LENGTH) throw new ArgError((t) => t.valueTooLong(shorten(key), MAX_VALUE_LENGTH));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new ArgError((t) => t.controlCharacters(shorten(key)));
  return value;
}

function setHost(options: { host?: string }, name: string): void {
  if (options.host !== undefined) throw new ArgError((t) => t.oneHost);
  if (!HOST_NAME.test(name)) throw new ArgError((t) => t.badHostName(shorten(name)));
  options.host = name;
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase();
  const found = allowed.find((a) => a === lower);
  if (!found) throw new ArgError((t) => t.notOneOf(key, shorten(value), allowed.join(', ')));
  return found;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
