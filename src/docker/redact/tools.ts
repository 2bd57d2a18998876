/**
 * Passwords given to common tools by a short flag or a position, which only the tool's name tells
 * apart from harmless arguments: `mysql -phunter2` (while `ssh -p 22` is a port), `sshpass -p pw`,
 * `redis-cli -a pw`, `htpasswd -b file user pw`. Commands are read as shell words, and quoted
 * scripts (`sh -c 'mysql -p pw'`) as command lines of their own, a few levels deep.
 */
import { closingQuote, isBlank, isCommandEnd, isQuote, isSpace, maskValue, type Span } from './scan.ts';

/** A flag whose value is a password: next word, or glued on when `attached` (`-phunter2`). */
interface PasswordFlag {
  flag: string;
  attached: boolean;
  /** Only what follows the first of this character is secret (curl -E cert.pem:password, lftp -u user,password). */
  after?: ':' | ',';
}

interface FlagTool {
  kind: 'flags';
  names: RegExp;
  flags: PasswordFlag[];
  /** Only after this word (`docker login -p`, not `docker run -p 80:80`). */
  after?: string;
}

interface PositionalTool {
  kind: 'positional';
  names: RegExp;
  /** Words that must come first (`mc alias set`); the positions count after them. */
  subcommand: string[];
  /** Index of the first positional argument that is a secret, given the flag letters seen; undefined: none. */
  secretFrom(flagLetters: string): number | undefined;
  /** Short flags that take the next word as their value (not a positional). */
  valueFlags?: string;
}

type Tool = FlagTool | PositionalTool;

const next = (flag: string): PasswordFlag => ({ flag, attached: false });
const glued = (flag: string): PasswordFlag => ({ flag, attached: true });
const colonPart = (flag: string): PasswordFlag => ({ flag, attached: false, after: ':' });
const commaPart = (flag: string): PasswordFlag => ({ flag, attached: false, after: ',' });

const TOOLS: Tool[] = [
  {
    kind: 'flags',
    names: /^(?:mysql\w*|mariadb(?:-\w+)?|mariabackup|xtrabackup|mydumper|myloader)$/,
    flags: [glued('-p')],
  },
  { kind: 'flags', names: /^sshpass$/, flags: [glued('-p')] },
  { kind: 'flags', names: /^(?:redis|keydb|valkey)-(?:cli|benchmark)$/, flags: [glued('-a')] },
  { kind: 'flags', names: /^mongo(?:sh|dump|restore|export|import|stat|top|files)?$/, flags: [glued('-p')] },
  {
    kind: 'flags',
    names: /^(?:docker|podman|nerdctl|buildah|skopeo|helm|oras|crane|regctl)$/,
    after: 'login',
    flags: [glued('-p')],
  },
  { kind: 'flags', names: /^openssl$/, flags: [next('-k'), next('-K')] },
  { kind: 'flags', names: /^curl$/, flags: [colonPart('-E'), colonPart('--cert'), colonPart('--proxy-cert')] },
  { kind: 'flags', names: /^ldap[a-z]+$/, flags: [glued('-w')] },
  { kind: 'flags', names: /^(?:sqlcmd|bcp|osql|isql)$/, flags: [glued('-P')] },
  { kind: 'flags', names: /^mosquitto_[a-z]+$/, flags: [glued('-P')] },
  { kind: 'flags', names: /^(?:zip|unzip|zipcloak)$/, flags: [glued('-P')] },
  { kind: 'flags', names: /^(?:7z[ar]?|unrar|rar)$/, flags: [glued('-p')] },
  { kind: 'flags', names: /^(?:useradd|usermod)$/, flags: [glued('-p')] },
  { kind: 'flags', names: /^(?:twine|cqlsh|mycli|rabbitmqadmin|pgcli)$/, flags: [glued('-p')] },
  { kind: 'flags', names: /^(?:ipmitool|mysqlsh)$/, flags: [glued('-P')] },
  { kind: 'flags', names: /^ssh-keygen$/, flags: [glued('-N'), glued('-P')] },
  { kind: 'flags', names: /^slappasswd$/, flags: [glued('-s')] },
  { kind: 'flags', names: /^snmp[a-z]+$/, flags: [glued('-A'), glued('-X'), glued('-c')] },
  ...['az', 'oc', 'cf', 'kubectl'].map(
    (name): FlagTool => ({ kind: 'flags', names: new RegExp(`^${name}$`), after: 'login', flags: [glued('-p')] }),
  ),
  { kind: 'flags', names: /^lftp$/, flags: [commaPart('-u'), commaPart('--user')] },
  // PowerShell: ConvertTo-SecureString 'pw' -AsPlainText, or -String 'pw'.
  { kind: 'flags', names: /^convertto-securestring$/i, flags: [next('-String'), next('-string')] },
  { kind: 'positional', names: /^convertto-securestring$/i, subcommand: [], secretFrom: () => 0 },
  { kind: 'flags', names: /^doctl$/, after: 'init', flags: [glued('-t')] },
  { kind: 'flags', names: /^gh$/, after: 'secret', flags: [glued('-b')] },
  // openssl passwd PASSWORD, mkpasswd PASSWORD, sqlplus user/password@host: the positionals are the secret.
  { kind: 'positional', names: /^openssl$/, subcommand: ['passwd'], secretFrom: () => 0 },
  { kind: 'positional', names: /^mkpasswd$/, subcommand: [], secretFrom: () => 0 },
  { kind: 'positional', names: /^sqlplus$/, subcommand: [], secretFrom: () => 0 },
  {
    // htpasswd -b[c…] file user password; with -n there is no file.
    kind: 'positional',
    names: /^htpasswd$/,
    subcommand: [],
    secretFrom: (letters) => (letters.includes('b') ? (letters.includes('n') ? 1 : 2) : undefined),
    valueFlags: 'Cr',
  },
  // redis-cli AUTH [user] password: both hidden.
  ...['AUTH', 'auth'].map(
    (sub): PositionalTool => ({
      kind: 'positional',
      names: /^(?:redis|keydb|valkey)-cli$/,
      subcommand: [sub],
      secretFrom: () => 0,
    }),
  ),
  ...['add_user', 'change_password', 'authenticate_user'].map(
    (sub): PositionalTool => ({ kind: 'positional', names: /^rabbitmqctl$/, subcommand: [sub], secretFrom: () => 1 }),
  ),
  // mc alias set NAME URL ACCESS_KEY SECRET_KEY (and the older mc config host add).
  ...[
    ['alias', 'set'],
    ['config', 'host', 'add'],
  ].map((subcommand): PositionalTool => ({ kind: 'positional', names: /^mc$/, subcommand, secretFrom: () => 2 })),
];

/** How deep quoted scripts are read as command lines (`sh -c "su -c 'mysql -p …'"`). */
const MAX_DEPTH = 4;

interface Word {
  start: number;
  end: number;
  /** Quoted segments inside the word: [start, end) of their content. */
  quoted: Span[];
}

/** Shell words of text[from, to), and the character where a command ends (; | & ( ) newline). */
function* shellWords(text: string, from: number, to: number): Generator<Word | number> {
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    if (isCommandEnd(c)) {
      yield c;
      p++;
      continue;
    }
    if (isSpace(c)) {
      p++;
      continue;
    }
    const start = p;
    const quoted: Span[] = [];
    while (p < to) {
      const d = text.charCodeAt(p);
      if (isSpace(d) || isCommandEnd(d)) break;
      if (d === 0x5c) {
        p += 2;
      } else if (isQuote(d)) {
        const close = closingQuote(text, p + 1, d, to);
        quoted.push([p + 1, close < 0 ? to : close]);
        p = close < 0 ? to : close + 1;
      } else {
        p++;
      }
    }
    p = Math.min(p, to);
    yield { start, end: p, quoted };
  }
}

/** The word as a program name: without quotes and directories (`"/usr/bin/mysql"` → mysql). */
function programName(text: string, word: Word): string {
  const bare = text.slice(word.start, word.end).replace(/["'`\\]/g, '');
  return bare.slice(bare.lastIndexOf('/') + 1);
}

/** One tool's arguments, as they come; `finish` at the end of its command. */
class ToolArguments {
  private active: boolean;
  private pending: PasswordFlag | undefined;
  private subcommandMatched = 0;
  private flagLetters = '';
  private skipNext = false;
  private readonly positionals: Word[] = [];

  constructor(
    private readonly tool: Tool,
    private readonly text: string,
    private readonly masks: Span[],
  ) {
    this.active = tool.kind === 'positional' || tool.after === undefined;
  }

  /** True when the word was one of the tool's arguments (so it cannot start another tool). */
  take(word: Word): boolean {
    return this.tool.kind === 'flags' ? this.takeFlag(this.tool, word) : this.takePositional(this.tool, word);
  }

  private takeFlag(tool: FlagTool, word: Word): boolean {
    // Docker quotes an argument that holds a space whole ('-pMy Pass'): the flag is read inside the quotes.
    const quotedWhole = isQuote(this.text.charCodeAt(word.start)) ? 1 : 0;
    const raw = this.text.slice(word.start + quotedWhole, word.end - quotedWhole);
    if (!this.active) {
      this.active = programName(this.text, word) === tool.after;
      return false;
    }
    const pending = this.pending;
    this.pending = undefined;
    if (pending && !raw.startsWith('-')) {
      const cut = pending.after ? this.text.slice(word.start, word.end).indexOf(pending.after) : -1;
      if (!pending.after || cut >= 0) maskValue(this.text, word.start + cut + 1, word.end, this.masks);
      return true;
    }
    for (const flag of tool.flags) {
      if (raw === flag.flag) {
        this.pending = isBlank(this.text.charCodeAt(word.end)) ? flag : undefined;
        return true;
      }
      if (flag.attached && raw.startsWith(flag.flag)) {
        maskValue(this.text, word.start + quotedWhole + flag.flag.length, word.end, this.masks);
        return true;
      }
    }
    return false;
  }

  private takePositional(tool: PositionalTool, word: Word): boolean {
    const raw = this.text.slice(word.start, word.end);
    if (this.subcommandMatched < tool.subcommand.length) {
      if (programName(this.text, word) === tool.subcommand[this.subcommandMatched]) this.subcommandMatched++;
      return true;
    }
    if (this.skipNext) {
      this.skipNext = false;
    } else if (raw.length > 1 && raw.startsWith('-') && !raw.startsWith('--')) {
      this.flagLetters += raw.slice(1);
      this.skipNext = tool.valueFlags?.includes(raw.at(-1)!) ?? false;
    } else if (!raw.startsWith('-')) {
      this.positionals.push(word);
    }
    return true;
  }

  finish(): void {
    if (this.tool.kind !== 'positional' || this.subcommandMatched < this.tool.subcommand.length) return;
    const from = this.tool.secretFrom(this.flagLetters);
    if (from === undefined) return;
    for (const word of this.positionals.slice(from)) maskValue(this.text, word.start, word.end, this.masks);
  }
}

/** One test for "is this any tool at all", so most words cost a single match. */
const ANY_TOOL = new RegExp(TOOLS.map((tool) => `(?:${tool.names.source})`).join('|'), 'i');
/** Longer words are never a tool's name (and are not worth unquoting to find out). */
const NAME_MAX = 256;

function toolsFor(text: string, word: Word): Tool[] {
  if (word.end - word.start > NAME_MAX) return [];
  const name = programName(text, word);
  return ANY_TOOL.test(name) ? TOOLS.filter((tool) => tool.names.test(name)) : [];
}

export function maskToolPasswords(text: string, masks: Span[]): void {
  commandLine(text, 0, text.length, 0, masks);
}

const PIPE = 0x7c;
/** Commands that print their arguments: what they pipe to a reader of secrets is a secret. */
const PRINTERS = /^(?:echo|printf)$/;
/** What reads a secret from its input: docker login --password-stdin, gh auth login --with-token, passwd --stdin. */
const READS_SECRET = /^--?(?:(?:password|pass|token|secret)-?(?:from-)?stdin|with-token)$/i;
/** chpasswd reads user:password lines. */
const READS_USER_PASSWORDS = /^ch(?:g)?passwd$/;

function commandLine(text: string, from: number, to: number, depth: number, masks: Span[]): void {
  let running: ToolArguments[] = [];
  // The printed words of this command (echo pw), and of the command piped into this one.
  let printed: Word[] | null = null;
  let pipedIn: Word[] | null = null;
  let first = true;
  let program = '';
  const finish = () => {
    for (const tool of running) tool.finish();
    running = [];
  };
  for (const word of shellWords(text, from, to)) {
    if (typeof word === 'number') {
      finish();
      pipedIn = word === PIPE && printed !== null && printed.length > 0 ? printed : null;
      printed = null;
      first = true;
      continue;
    }
    const raw = text.slice(word.start, word.end);
    if (first) program = programName(text, word);
    if (first && PRINTERS.test(program)) printed = [];
    else if (printed !== null && !/^-[neE]+$/.test(raw)) printed.push(word);
    if (pipedIn !== null) {
      const readsUserPasswords = first && READS_USER_PASSWORDS.test(program);
      if (readsUserPasswords || READS_SECRET.test(raw) || (program === 'passwd' && raw === '--stdin')) {
        for (const secret of pipedIn) {
          const colon = readsUserPasswords ? text.slice(secret.start, secret.end).indexOf(':') : -1;
          maskValue(text, secret.start + colon + 1, secret.end, masks);
        }
        pipedIn = null;
      }
    }
    first = false;
    if (depth < MAX_DEPTH) {
      for (const [start, end] of word.quoted) {
        if (/[\s;|&()]/.test(text.slice(start, end))) commandLine(text, start, end, depth + 1, masks);
      }
    }
    const taken = running.map((tool) => tool.take(word)).some(Boolean);
    if (taken) continue;
    const tools = toolsFor(text, word);
    if (tools.length > 0) {
      finish();
      running = tools.map((tool) => new ToolArguments(tool, text, masks));
    }
  }
  finish();
}
