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

/** What users type after /docker-ps and /docker-df; one parser for Slack, the shell and the CLI. */

export const PS_USAGE = [
  'Usage: /docker-ps [-a] [name=NAME] [status=STATUS] [label=KEY[=VALUE]] [ancestor=IMAGE] [health=HEALTH] [host=HOST]',
  '  -a, --all         include stopped containers (default: running only)',
  '  name=NAME         name matches (as in docker ps --filter name=)',
  `  status=STATUS     ${CONTAINER_STATUSES.join('|')}`,
  '  label=KEY[=VALUE] has the label; KEY must be in DOCKER_LABEL_ALLOWLIST',
  '  ancestor=IMAGE    created from IMAGE or an image built on it',
  `  health=HEALTH     ${HEALTH_STATUSES.join('|')}`,
  '  host=HOST         a configured Docker host (default: the first); -H HOST also works',
  'Filters may repeat; docker-style -f KEY=VALUE also works. Example: /docker-ps -a name=web status=exited',
].join('\n');

export const DF_USAGE = [
  'Usage: /docker-df [-v] [host=HOST]',
  '  -v, --verbose  also list the largest images, containers and volumes',
  '  host=HOST      a configured Docker host (default: the first); -H HOST also works',
  'Example: /docker-df -v host=prod',
].join('\n');

export type ParseResult<T> = { ok: true; options: T } | { ok: false; error: string; usage: string };

export type DockerCommand = 'ps' | 'df';

/**
 * The one flow every face follows: parse what the user typed now, read from Docker later (Slack
 * acks in between, since Docker can be slower than Slack's 3 s). Bad arguments never reach Docker.
 */
export function planDockerCommand(
  command: DockerCommand,
  text: string,
): { ok: true; read: (docker: DockerReader) => Promise<DockerResult> } | { ok: false; error: string; usage: string } {
  if (command === 'ps') {
    const parsed = parseDockerArgs('ps', text);
    return parsed.ok
      ? { ok: true, read: async (docker) => ({ kind: 'ps', view: await docker.ps(parsed.options) }) }
      : parsed;
  }
  const parsed = parseDockerArgs('df', text);
  return parsed.ok
    ? { ok: true, read: async (docker) => ({ kind: 'df', view: await docker.df(parsed.options) }) }
    : parsed;
}

const MAX_VALUE_LENGTH = 256;

export function parseDockerArgs(command: 'ps', text: string): ParseResult<PsOptions>;
export function parseDockerArgs(command: 'df', text: string): ParseResult<DfOptions>;
export function parseDockerArgs(command: 'ps' | 'df', text: string): ParseResult<PsOptions> | ParseResult<DfOptions>;
export function parseDockerArgs(command: 'ps' | 'df', text: string): ParseResult<PsOptions> | ParseResult<DfOptions> {
  const usage = command === 'ps' ? PS_USAGE : DF_USAGE;
  try {
    const tokens = tokenize(text);
    return command === 'ps' ? { ok: true, options: parsePs(tokens) } : { ok: true, options: parseDf(tokens) };
  } catch (err) {
    if (err instanceof ArgError) return { ok: false, error: err.message, usage };
    throw err;
  }
}

class ArgError extends Error {}

/** Splits on whitespace; "double" or 'single' quotes (also Slack's curly ones) keep spaces in a value. */
function tokenize(text: string): string[] {
  const normalized = text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const tokens: string[] = [];
  const pattern = /(?:[^\s"']+|"[^"]*"|'[^']*')+|["']/g;
  for (const match of normalized.matchAll(pattern)) {
    if (match[0] === '"' || match[0] === "'") throw new ArgError('A quote is not closed.');
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
      if (value === undefined) throw new ArgError(`${token} needs a value.`);
      return value;
    };
    if (token === '-f' || token === '--filter') yield keyValue(next());
    else if (token.startsWith('--filter=')) yield keyValue(token.slice('--filter='.length));
    else if (token === '-H' || token === '--host') yield ['host', next()];
    else if (token.startsWith('--host=')) yield ['host', token.slice('--host='.length)];
    else if (token.startsWith('-')) yield [token, undefined];
    else if (token.includes('=')) yield keyValue(token);
    else throw new ArgError(`"${shorten(token)}" is not an option; filters look like name=web.`);
  }
}

function keyValue(word: string): [string, string] {
  const eq = word.indexOf('=');
  if (eq <= 0) throw new ArgError(`"${shorten(word)}" should look like KEY=VALUE.`);
  return [word.slice(0, eq).toLowerCase(), word.slice(eq + 1)];
}

function parsePs(tokens: string[]): PsOptions {
  const filters: PsFilters = { name: [], status: [], label: [], ancestor: [], health: [] };
  const options: PsOptions = { all: false, filters };
  for (const [key, value] of words(tokens)) {
    if (value === undefined) {
      if (key === '-a' || key === '--all') options.all = true;
      else throw new ArgError(`Unknown option "${shorten(key)}".`);
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
        if (/\s/.test(v)) throw new ArgError('ancestor= takes an image name without spaces.');
        filters.ancestor.push(v);
        break;
      case 'label':
        if (v.startsWith('=')) throw new ArgError('label= needs a key, as in label=team or label=team=web.');
        filters.label.push(v);
        break;
      case 'status':
        filters.status.push(oneOf<ContainerStatus>('status', v, CONTAINER_STATUSES));
        break;
      case 'health':
        filters.health.push(oneOf<HealthStatus>('health', v, HEALTH_STATUSES));
        break;
      default:
        throw new ArgError(`Unknown filter "${shorten(key)}"; use name, status, label, ancestor, health or host.`);
    }
  }
  return options;
}

function parseDf(tokens: string[]): DfOptions {
  const options: DfOptions = { verbose: false };
  for (const [key, value] of words(tokens)) {
    if (value === undefined) {
      if (key === '-v' || key === '--verbose') options.verbose = true;
      else throw new ArgError(`Unknown option "${shorten(key)}".`);
    } else if (key === 'host') {
      setHost(options, checkedValue(key, value));
    } else {
      throw new ArgError(`docker df takes no filter "${shorten(key)}"; only -v and host=.`);
    }
  }
  return options;
}

function checkedValue(key: string, value: string): string {
  if (value === '') throw new ArgError(`${shorten(key)}= needs a value.`);
  if (value.length > MAX_VALUE_LENGTH)
    throw new ArgError(`The value of ${shorten(key)}= is too long (max ${MAX_VALUE_LENGTH}).`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new ArgError(`The value of ${shorten(key)}= has control characters.`);
  return value;
}

function setHost(options: { host?: string }, name: string): void {
  if (options.host !== undefined) throw new ArgError('Name one host only.');
  if (!HOST_NAME.test(name)) throw new ArgError(`"${shorten(name)}" is not a host name (letters, digits, . _ -).`);
  options.host = name;
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase();
  const found = allowed.find((a) => a === lower);
  if (!found) throw new ArgError(`${key}=${shorten(value)} is not valid; use one of ${allowed.join(', ')}.`);
  return found;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
