/**
 * Passwords given to common tools by a short flag or a position, which only the tool's name tells
 * apart from harmless arguments: `mysql -phunter2` (while `ssh -p 22` is a port), `sshpass -p pw`,
 * `redis-cli -a pw`, `htpasswd -b file user pw`. Commands are read as shell words, and quoted
 * scripts (`sh -c 'mysql -p pw'`) as command lines of their own, a few levels deep.
 */
import { isSensitiveKey } from './keys.ts';
import { isSettingValue } from './named-values.ts';
import {
  closingQuote,
  dashWordIsValue,
  isBlank,
  isCommandEnd,
  isQuote,
  isSpace,
  maskValue,
  type Span,
} from './scan.ts';

/** A flag whose value is a password: next word, or glued on when `attached` (`-phunter2`). */
interface PasswordFlag {
  flag: string;
  attached: boolean;
  /** Only what follows the first of this character is secret (curl -E cert.pem:password, lftp -u user,password). */
  after?: ':' | ',';
  /** A number or a path is not this flag's secret: the tool takes a port or a path by the same letter in other modes (check_http -p 80, check_disk -p /). */
  notNumber?: boolean;
}

const allowed = (flag: PasswordFlag, value: string) => !flag.notNumber || !/^(?:\d+|\/.*)$/.test(value);

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
  /**
   * Index of the first positional argument that is a secret, given the flag letters, long flags and positionals
   * seen; undefined: none.
   */
  secretFrom(flagLetters: string, longFlags: readonly string[], positionals: readonly string[]): number | undefined;
  /** Short flags that take the next word as their value (not a positional). */
  valueFlags?: string;
  /**
   * Only this part of each secret positional is hidden: after user/ (sqlplus user/password@db), or after KEY= (vault kv
   * put path key=value, where words without = are not hidden, and key=- or key=@file name where the value comes from).
   */
  part?: 'after-slash' | 'after-equals';
  /** The first positional must be this (poetry config http-basic.REPO …, not virtualenvs.create). */
  firstPositional?: RegExp;
  /** Windows flags (`/add`, `/user:NAME`) are flags, not positionals. */
  slashFlags?: boolean;
  /** Words with `=` are parameters, not positionals (vault login username=u). */
  parameters?: boolean;
  /** A prefix that names the kind of secret and stays shown, as the token-shape pass shows it (hvs.***). */
  keepPrefix?: RegExp;
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
  // Nagios and Icinga check plugins: -p/-P is a password in most (a port, a number, in some); the other
  // letters mean a secret only in the plugins that say so.
  {
    kind: 'flags',
    names: /^check_(?!snmp)[a-z0-9_]+(?:\.(?:pl|py|sh|rb))?$/,
    flags: [
      { ...glued('-p'), notNumber: true },
      { ...glued('-P'), notNumber: true },
    ],
  },
  // check_snmp: -C the community, -A and -X the v3 passwords (-P and -x name protocols).
  { kind: 'flags', names: /^check_snmp(?:\.(?:pl|py|sh))?$/, flags: [glued('-C'), glued('-A'), glued('-X')] },
  { kind: 'flags', names: /^check_(?:http|curl)$/, flags: [colonPart('-a'), colonPart('--authorization')] },
  { kind: 'flags', names: /^check_redis(?:\.(?:pl|py|sh))?$/, flags: [glued('-x')] },
  { kind: 'flags', names: /^check_nt$/, flags: [glued('-s')] },
  ...['az', 'oc', 'cf', 'kubectl'].map(
    (name): FlagTool => ({ kind: 'flags', names: new RegExp(`^${name}$`), after: 'login', flags: [glued('-p')] }),
  ),
  { kind: 'flags', names: /^lftp$/, flags: [commaPart('-u'), commaPart('--user')] },
  // PowerShell: ConvertTo-SecureString 'pw' -AsPlainText, or -String 'pw'.
  { kind: 'flags', names: /^convertto-securestring$/i, flags: [next('-String'), next('-string')] },
  { kind: 'positional', names: /^convertto-securestring$/i, subcommand: [], secretFrom: () => 0 },
  { kind: 'flags', names: /^doctl$/, after: 'init', flags: [glued('-t')] },
  // PowerShell's -EncodedCommand, by any prefix (-e, -enc, -Encoded…) or -ec: a script no reader can check for what
  // it holds.
  {
    kind: 'flags',
    names: /^(?:powershell|pwsh)(?:\.exe)?$/i,
    flags: ['Ec', ...Array.from({ length: 14 }, (_, n) => 'EncodedCommand'.slice(0, n + 1))]
      .flatMap((prefix) => [prefix, prefix.toLowerCase(), prefix.toUpperCase()])
      .map((prefix) => next(`-${prefix}`)),
  },

  // macOS's keychain: security add-generic-password -w PASSWORD (find-generic-password's -w only prints it).
  ...['add-generic-password', 'add-internet-password'].map(
    (after): FlagTool => ({ kind: 'flags', names: /^security$/, after, flags: [next('-w')] }),
  ),
  { kind: 'flags', names: /^gh$/, after: 'secret', flags: [glued('-b')] },
  // openssl passwd PASSWORD, mkpasswd PASSWORD, sqlplus user/password@host: the positionals are the secret.
  { kind: 'positional', names: /^openssl$/, subcommand: ['passwd'], secretFrom: () => 0 },
  { kind: 'positional', names: /^mkpasswd$/, subcommand: [], secretFrom: () => 0 },
  // Oracle's tools take user/password@service; /nolog and script names stay.
  {
    kind: 'positional',
    names: /^(?:sqlplus|sqlcl|sql|expdp|impdp|exp|imp|sqlldr|rman|dgmgrl)$/,
    subcommand: [],
    secretFrom: () => 0,
    part: 'after-slash',
  },
  // vault operator unseal KEY, cargo login TOKEN, rclone obscure PASSWORD, wpa_passphrase SSID PASSPHRASE.
  { kind: 'positional', names: /^vault$/, subcommand: ['operator', 'unseal'], secretFrom: () => 0 },
  { kind: 'positional', names: /^cargo$/, subcommand: ['login'], secretFrom: () => 0 },
  // vault login TOKEN: the token is its positional; key=value pairs (username=u password=…) are a method's parameters.
  {
    kind: 'positional',
    names: /^vault$/,
    subcommand: ['login'],
    secretFrom: () => 0,
    parameters: true,
    keepPrefix: /^(?:hv[sbr]|[sbr])\./,
  },
  // wandb login API_KEY; Bitwarden's bw unlock PASSWORD and bw login EMAIL PASSWORD.
  { kind: 'positional', names: /^wandb$/, subcommand: ['login'], secretFrom: () => 0 },
  { kind: 'positional', names: /^bw$/, subcommand: ['unlock'], secretFrom: () => 0 },
  { kind: 'positional', names: /^bw$/, subcommand: ['login'], secretFrom: () => 1 },
  // vault kv put|patch PATH KEY=VALUE…: every value given to Vault's secret store is a secret, whatever its key.
  {
    kind: 'positional',
    names: /^vault$/,
    subcommand: ['kv'],
    secretFrom: (_letters, _long, positionals) => (/^(?:put|patch)$/.test(positionals[0] ?? '') ? 1 : undefined),
    part: 'after-equals',
  },
  // ZooKeeper's shell: addauth digest USER:PASSWORD.
  {
    kind: 'positional',
    names: /^(?:zkCli|zookeeper-shell)(?:\.sh|\.cmd)?$/,
    subcommand: ['addauth', 'digest'],
    secretFrom: () => 0,
  },
  { kind: 'positional', names: /^rclone$/, subcommand: ['obscure'], secretFrom: () => 0 },
  { kind: 'positional', names: /^wpa_passphrase$/, subcommand: [], secretFrom: () => 1 },
  // poetry config http-basic.REPO USER PASSWORD, composer config http-basic.HOST USER PASSWORD.
  ...['poetry', 'composer'].map(
    (name): PositionalTool => ({
      kind: 'positional',
      names: new RegExp(`^${name}$`),
      subcommand: ['config'],
      secretFrom: () => 2,
      valueFlags: '',
      firstPositional: /^(?:http-basic|github-oauth|gitlab-token|gitlab-oauth|bearer|bitbucket-oauth)\./,
    }),
  ),
  // pulumi config set --secret NAME VALUE.
  {
    kind: 'positional',
    names: /^pulumi$/,
    subcommand: ['config', 'set'],
    secretFrom: (_letters, long) => (long.includes('--secret') ? 1 : undefined),
  },
  // mosquitto_passwd -b FILE USER PASSWORD; mc admin user add ALIAS USER PASSWORD; emqx ctl admins add|passwd USER PASSWORD.
  {
    kind: 'positional',
    names: /^mosquitto_passwd$/,
    subcommand: [],
    secretFrom: (letters) => (letters.includes('b') ? 2 : undefined),
  },
  { kind: 'positional', names: /^mc$/, subcommand: ['admin', 'user', 'add'], secretFrom: () => 2 },
  ...['add', 'passwd'].map(
    (sub): PositionalTool => ({
      kind: 'positional',
      names: /^emqx$/,
      subcommand: ['ctl', 'admins', sub],
      secretFrom: () => 1,
    }),
  ),
  // isql DSN USER PASSWORD (unixODBC).
  { kind: 'positional', names: /^isql$/, subcommand: [], secretFrom: () => 2, valueFlags: 'dk' },
  // db2 connect to DB user NAME using PASSWORD.
  { kind: 'flags', names: /^db2$/, flags: [next('using'), next('USING')] },
  // File encryption with the key on the command line: ccrypt -K KEY, mcrypt -k KEY, aescrypt -p PASSWORD.
  { kind: 'flags', names: /^ccrypt$/, flags: [next('-K')] },
  { kind: 'flags', names: /^mcrypt$/, flags: [next('-k')] },
  { kind: 'flags', names: /^aescrypt$/, flags: [next('-p')] },
  // Windows containers' tools: schtasks /RP, sqlpackage /sp:, winrs -p:, signtool /p, certutil -p.
  { kind: 'flags', names: /^schtasks(?:\.exe)?$/i, flags: [next('/RP'), next('/rp')] },
  {
    kind: 'flags',
    names: /^sqlpackage(?:\.exe)?$/i,
    flags: [glued('/sp:'), glued('/SourcePassword:'), glued('/tp:'), glued('/TargetPassword:')],
  },
  { kind: 'flags', names: /^winrs(?:\.exe)?$/i, flags: [glued('-p:'), glued('-password:'), glued('/p:')] },
  { kind: 'flags', names: /^signtool(?:\.exe)?$/i, flags: [next('/p')] },
  { kind: 'flags', names: /^certutil(?:\.exe)?$/i, flags: [next('-p')] },
  // httpie and xh: -a user:password.
  { kind: 'flags', names: /^(?:https?|xhs?)$/, flags: [colonPart('-a'), colonPart('--auth')] },
  { kind: 'flags', names: /^(?:vsql|ldappasswd)$/, flags: [glued('-w'), glued('-s'), glued('-a')] },
  { kind: 'flags', names: /^memtier_benchmark$/, flags: [glued('-a')] },
  // caddy hash-password --plaintext PASSWORD; nuget push -k API_KEY.
  { kind: 'flags', names: /^caddy$/, after: 'hash-password', flags: [next('--plaintext'), next('-p')] },
  { kind: 'flags', names: /^(?:dotnet|nuget)(?:\.exe)?$/i, after: 'push', flags: [next('-k')] },
  // sendEmail -xu USER -xp PASSWORD.
  { kind: 'flags', names: /^sendemail(?:\.pl)?$/i, flags: [next('-xp')] },
  { kind: 'flags', names: /^influx$/, flags: [glued('-t')] },
  // Codecov's uploaders take the repository's upload token by -t.
  { kind: 'flags', names: /^(?:codecov|codecovcli)$/, flags: [glued('-t')] },
  // RDP clients: /p:password.
  {
    kind: 'flags',
    names: /^(?:xfreerdp\d?|wlfreerdp|sdl-freerdp|mstsc)$/i,
    flags: [glued('/p:'), glued('/password:')],
  },
  {
    // htpasswd -b[c…] file user password; with -n there is no file.
    kind: 'positional',
    names: /^htpasswd$/,
    subcommand: [],
    secretFrom: (letters) => (letters.includes('b') ? (letters.includes('n') ? 1 : 2) : undefined),
    valueFlags: 'Cr',
  },
  // net user NAME PASSWORD, net use [Z:] \\\\share PASSWORD /user:NAME (Windows).
  { kind: 'positional', names: /^net(?:\.exe)?$/i, subcommand: ['user'], secretFrom: () => 1, slashFlags: true },
  {
    kind: 'positional',
    names: /^net(?:\.exe)?$/i,
    subcommand: ['use'],
    secretFrom: (_letters, _long, positionals) => (/^(?:[a-z]:|\*)$/i.test(positionals[0] ?? '') ? 2 : 1),
    slashFlags: true,
  },
  // sentinel auth-pass MASTER PASSWORD, given to redis-sentinel (or redis-server --sentinel) on its command line.
  {
    kind: 'positional',
    names: /^(?:redis|keydb|valkey)-(?:sentinel|server)$/,
    subcommand: ['auth-pass'],
    secretFrom: () => 1,
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
  // ProxyCommand=sshpass -p …: an option whose value is the program a command runs.
  const bare = text
    .slice(word.start, word.end)
    .replace(/["'`\\]/g, '')
    .replace(/^[A-Za-z][\w.-]*=/, '');
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
  private readonly longFlags: string[] = [];

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
    if (
      pending &&
      (!raw.startsWith('-') || dashWordIsValue(this.text, word.start + quotedWhole)) &&
      allowed(pending, raw)
    ) {
      const cut = pending.after ? this.text.slice(word.start, word.end).indexOf(pending.after) : -1;
      if (!pending.after || cut >= 0) maskValue(this.text, word.start + cut + 1, word.end, this.masks);
      return true;
    }
    for (const flag of tool.flags) {
      if (raw === flag.flag) {
        this.pending = isBlank(this.text.charCodeAt(word.end)) ? flag : undefined;
        return true;
      }
      if (flag.attached && raw.startsWith(flag.flag) && allowed(flag, raw.slice(flag.flag.length))) {
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
    } else if (raw.startsWith('--')) {
      this.longFlags.push(raw);
    } else if (
      !raw.startsWith('-') &&
      !(tool.slashFlags && raw.startsWith('/')) &&
      !(tool.parameters && raw.includes('='))
    ) {
      this.positionals.push(word);
    }
    return true;
  }

  finish(): void {
    if (this.tool.kind !== 'positional' || this.subcommandMatched < this.tool.subcommand.length) return;
    const from = this.tool.secretFrom(
      this.flagLetters,
      this.longFlags,
      this.positionals.map((word) => this.text.slice(word.start, word.end)),
    );
    if (from === undefined) return;
    const first = this.positionals[0];
    if (
      this.tool.firstPositional &&
      !(first && this.tool.firstPositional.test(this.text.slice(first.start, first.end)))
    )
      return;
    const part = this.tool.part;
    for (const word of this.positionals.slice(from)) {
      // sqlplus u/p@db @script.sql ARG…: what follows the script is the script's.
      if (part === 'after-slash' && this.text.charCodeAt(word.start) === 0x40) break;
      if (part === 'after-equals') {
        const raw = this.text.slice(word.start, word.end);
        const equals = raw.indexOf('=');
        if (equals > 0 && !/^["']?(?:-|@)/.test(raw.slice(equals + 1))) {
          maskValue(this.text, word.start + equals + 1, word.end, this.masks);
        }
        continue;
      }
      if (!part) {
        const kept = this.tool.keepPrefix?.exec(this.text.slice(word.start, word.end))?.[0].length ?? 0;
        maskValue(this.text, word.start + kept, word.end, this.masks);
        continue;
      }
      const raw = this.text.slice(word.start, word.end);
      // exp userid=scott/tiger@db, imp userid="sys/pw as sysdba": the keyword's value is the login.
      const keyword = /^userid=["']?/i.exec(raw)?.[0].length ?? 0;
      const login = raw.slice(keyword);
      // user/password(@service) only: not /nolog, @script.sql, cmdfile=/x/y or a date like 2024/01.
      if (!/^[A-Za-z][\w$#]*\/[^\s/=]/.test(login) || login.includes('=')) continue;
      const cut = keyword + login.indexOf('/');
      // The last @: a password holding one is still hidden whole; without one, up to ` as sysdba` or the quote.
      const at = raw.lastIndexOf('@');
      const rest = raw.slice(cut + 1).search(/[\s"']/);
      const end = at > cut ? at : rest < 0 ? raw.length : cut + 1 + rest;
      maskValue(this.text, word.start + cut + 1, word.start + end, this.masks);
    }
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
/** Commands that print their arguments (yes repeats them): what they pipe to a reader of secrets is a secret. */
const PRINTERS = /^(?:echo|printf|yes)$/;
/**
 * A flag saying the command reads its secret from its input: docker login --password-stdin, gh auth
 * login --with-token, --passwd-on-stdin, --stdin-password, --token-from-stdin.
 */
const READS_SECRET =
  /^--?(?:[\w-]*(?:pass|token|secret|key|cred)[\w-]*stdin[\w-]*|[\w-]*stdin[\w-]*(?:pass|token|secret|key|cred)[\w-]*|with-token)$/i;
/** A secret's source given as the input (--key-file=-, --passphrase-fd 0, -pass stdin, --from-file=pw=/dev/stdin). */
const INPUT_AS_SOURCE = /^(?:-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0|stdin|fd:0|0)$/;
/** A flag's name that says it is about a secret: the three patterns below share it. */
const SECRET_FLAG_NAME = String.raw`[\w.-]*(?:pass|key|secret|token|cred|auth)[\w.-]*`;
const SECRET_SOURCE_FLAG = new RegExp(`^--?${SECRET_FLAG_NAME}$`, 'i');
/** The same, with or without dashes (wg set wg0 private-key <(…)), and not a public key. */
const SECRET_SOURCE_ARGUMENT = new RegExp(`^(?!(?:--?)?[\\w.-]*public)(?:--?)?${SECRET_FLAG_NAME}$`, 'i');
const SOURCE_IN_FLAG = new RegExp(`^--?${SECRET_FLAG_NAME}=(?:[\\w.-]+=)?(?:-|/dev/stdin|/dev/fd/0|stdin|fd:0)$`, 'i');
/** Programs that read a password from their input whatever their arguments (passwd, kinit) or with one flag. */
const READER_PROGRAMS = /^(?:passwd|kinit|kpasswd|smbpasswd|pdbedit|vncpasswd|x11vnc|openvpn)$/;
const READER_FLAGS: Record<string, RegExp> = {
  sudo: /^-\w*S\w*$|^--stdin$/,
  htpasswd: /^-\w*i\w*$/,
  passwd: /^--stdin$/,
  // cryptsetup luksFormat DEV -, cryptsetup open: the passphrase comes in.
  cryptsetup: /^(?:-|--key-file=-|luksFormat|luksOpen|luksAddKey|open)$/,
  heroku: /^(?:auth:)?login$/,
  'ansible-vault': /^(?:encrypt_string|--stdin-name)$/,
  'ansible-playbook': /^--ask-(?:vault-pass|pass|become-pass)$/,
  ansible: /^--ask-(?:vault-pass|pass|become-pass)$/,
  // Password managers and keyrings storing what comes in: pass insert -e, gopass insert, lpass add, keyring set.
  pass: /^(?:insert|add|edit)$/,
  gopass: /^(?:insert|set|create|new)$/,
  lpass: /^(?:add|edit)$/,
  keyring: /^set$/,
  // echo pw | su app -c id: whatever su is given comes in where its password prompt reads.
  su: /./,
};
/** Commands that pass their input on, changed: what a printer sends through them still reaches the reader. */
const FILTERS = /^(?:tr|head|tail|sed|cut|cat|base64|xargs|awk|sort|uniq|rev|iconv|dos2unix)$/;

/** chpasswd reads user:password lines: the user stays. */
const READS_USER_PASSWORDS = /^ch(?:g)?passwd$/;

/** One command of a pipeline, as commandLine reads it: what it prints, what comes in, whether it reads a secret. */
interface PipelineCommand {
  program: string;
  words: string[];
  /** The words it prints (echo pw), when it is a printer. */
  printed: Word[] | null;
  /** What comes in on its input: the printed words of the command piped into it, or a here-string (<<< pw). */
  input: Word[];
  reads: boolean;
  /** It writes what it prints, or what comes in, into a file whose path says secret (> /run/secrets/db, tee token). */
  writesSecretFile: boolean;
}

/** Shells whose -c starts a script: Docker shows `sh -c echo pw | docker login …` with the script's words unquoted. */
const SHELLS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh|busybox)$/;
const SCRIPT_FLAG = /^-[a-z]*c[a-z]*$/;

/** A path whose folder or file name says it holds a secret: /run/secrets/db, ~/.pgpass, /etc/app/token, private.key. */
function isSecretPath(path: string): boolean {
  const bare = path.replace(/["'`]/g, '');
  if (!bare.includes('/') && !bare.startsWith('.')) return false;
  // A log or status file about secrets (token-refresh.log) holds none; /etc/passwd and /etc/group hold no passwords.
  if (/\.(?:log|out|err|pid|lock|status|stat)$/i.test(bare) || /^\/etc\/(?:passwd|group)$/.test(bare)) return false;
  return bare
    .split('/')
    .filter(Boolean)
    .some(
      (part) =>
        isSensitiveKey(part.replace(/^\.+/, '')) || /^(?:\.?pgpass|\.netrc|\.git-credentials|passwd-s3fs)$/.test(part),
    );
}

function readsSecret(command: PipelineCommand, raw: string): boolean {
  const { program, words } = command;
  const previous = words.at(-1) ?? '';
  if (READS_USER_PASSWORDS.test(program) || READER_PROGRAMS.test(program)) return true;
  if (READER_FLAGS[program]?.test(raw)) return true;
  if (READS_SECRET.test(raw) || SOURCE_IN_FLAG.test(raw)) return true;
  // sshfs -o password_stdin, anydesk --set-password, wrangler secret put NAME, secret-tool store.
  if (/(?:^|,)pass(?:word|wd)_stdin(?:,|$)/.test(raw) || raw === '--set-password') return true;
  if (raw === 'put' && words.at(-1) === 'secret') return true;
  // vercel env add DB_PASSWORD production, doppler secrets set API_KEY: a command that adds or sets something it names
  // as a secret, with no value given, takes the value from its input.
  if (/^(?:add|set|put|create|insert)$/.test(previous)) {
    const name = raw.replace(/^["']|["']$/g, '');
    if (SECRET_NAME_SHAPE.test(name) && isSensitiveKey(name)) return true;
  }
  if (program === 'secret-tool' && raw === 'store') return true;
  // read -s PASSWORD <<< x, echo x | read -r API_TOKEN: what comes in is kept in a variable named as a secret.
  if (program === 'read' && !raw.startsWith('-') && SECRET_NAME_SHAPE.test(raw) && isSensitiveKey(raw)) return true;
  if (INPUT_AS_SOURCE.test(raw) && SECRET_SOURCE_FLAG.test(previous)) return true;
  // docker secret create NAME -, vault login -, vault kv put path key=-; gcloud secrets versions add NAME
  // --data-file=-, az keyvault secret set --file /dev/stdin, kubectl create secret … --from-file=pw=/dev/stdin.
  // Looked for only at such a word: a command of many words must not read them all at each one.
  const ofSecrets = () => words.some((w) => /^secrets?$/i.test(w));
  if ((raw === '-' || raw === '/dev/stdin') && (program === 'vault' || ofSecrets())) return true;
  if (/^--?[\w.-]+=(?:[\w.-]+=)?(?:-|\/dev\/stdin)$/.test(raw) && ofSecrets()) return true;
  // gh secret set NAME reads the value from its input when no --body is given.
  if (raw === 'set' && words.at(-1) === 'secret' && program === 'gh') return true;
  return program === 'vault' && /^[\w.-]+=-$/.test(raw);
}

/** Flags that name the user a command logs in as: `-u alice`, `--username=ci`, `/u:bob`. */
const USER_FLAG = /^(?:-[uUl]|--(?:user|username|login)|\/u:.+|\/user:.+)$/;
/** Programs that run a command as a user: their -u names who runs it. */
const RUNS_AS = /^(?:sudo|runuser|doas|gosu|su-exec|setpriv|chpst|s6-setuidgid|start-stop-daemon)$/;
/** The short password flags most tools take once a user is named: -p, -P, --pass, --passwd. */
const PASSWORD_AFTER_USER = /^(?:-[pP]|--pass|--passwd)$/;
/** A value that is a port, a port range or mapping, a number: ssh -l u -p 2222, docker run -u 1000 -p 8080:80. */
const PORT_LIKE = /^[\d.:/-]+(?:\/(?:tcp|udp|sctp))?$/;
/**
 * A value no password looks like, which tools give -p for other things: a level or a plugin in small
 * letters (journalctl -p err, pytest -p no:cacheprovider, celery -P eventlet), a file (gunicorn -p app.pid,
 * jmeter -p x.properties, wget -P artifacts/), a variable (-p ${PGPORT:-5432}).
 */
const NOT_A_PASSWORD = /^(?:[a-z][a-z0-9:_-]*|[\w.-]*\.[a-z]{1,12}|[\w./-]*\/[\w./-]*|\$.*)$/;

/**
 * Any tool given a user and then -p/-P: the value is that user's password (cypher-shell -u neo4j -p x,
 * evil-winrm -u a -p x, racadm -u root -p x), unless it is a port (ssh -l u -p 22) or a path.
 */
class UserThenPassword {
  private program = '';
  private userNext = false;
  private userSeen = false;
  private passwordNext = false;

  constructor(
    private readonly text: string,
    private readonly masks: Span[],
  ) {}

  take(word: Word, raw: string): void {
    if (!this.program) this.program = programName(this.text, word);
    if (this.passwordNext) {
      this.passwordNext = false;
      const value = raw.replace(/^["']|["']$/g, '');
      if (!raw.startsWith('-') && !PORT_LIKE.test(value) && !NOT_A_PASSWORD.test(value))
        maskValue(this.text, word.start, word.end, this.masks);
      return;
    }
    // runuser -u app -- node -p …: what follows -- is another command's arguments.
    if (raw === '--') {
      this.userSeen = this.userNext = false;
      return;
    }
    if (this.userNext) {
      this.userNext = false;
      this.userSeen = !raw.startsWith('-');
      return;
    }
    // sudo -u app node -p …, gosu app …: the user is who runs the command that follows, not a login.
    if (RUNS_AS.test(this.program)) return;
    if (USER_FLAG.test(raw)) {
      if (raw.startsWith('/')) this.userSeen = true;
      else this.userNext = isBlank(this.text.charCodeAt(word.end));
      return;
    }
    if (/^--(?:user|username|login)=./.test(raw)) this.userSeen = true;
    if (this.userSeen && PASSWORD_AFTER_USER.test(raw)) this.passwordNext = isBlank(this.text.charCodeAt(word.end));
  }
}

/** A flag whose value is the value of something named elsewhere in the command (--value, --body, --var-value). */
const VALUE_FLAG = /^--(?:[\w-]*-)?(?:value|values|body|secret-string|secret-value)$/;
const SECRET_NAME_SHAPE = /^(?=[A-Za-z/])(?:[A-Z0-9_]+|[\w.:/-]*[_:./][\w.:/-]*)$/;
/** A file or a path given as the value: the value comes from it and is not in the command. */
const FROM_FILE = /^(?:@|file:|[.~]?\/)|\.(?:ya?ml|json|toml|env|txt|ini|conf)$/i;

/**
 * What a command sets for something it names as a secret: `--var-name API_KEY --var-value x`, `gh secret set
 * DEPLOY_KEY --body x`, `copilot secret init --name DB_PASS --values prod=x`, and what it sets in a secret store
 * whatever the name (`az keyvault secret set --name db --value x`, `aws ssm put-parameter --type SecureString`). The
 * name may come before or after.
 */
class ValueOfNamedSecret {
  private named = false;
  private previous = '';
  private valueNext: Word | undefined;
  private pending: Word[] = [];

  constructor(
    private readonly text: string,
    private readonly masks: Span[],
  ) {}

  take(word: Word, raw: string): void {
    if (this.valueNext) {
      this.valueNext = undefined;
      if (raw.startsWith('-') || FROM_FILE.test(raw.replace(/^["']|["']$/g, '').replace(/^[\w.-]+=/, ''))) return;
      if (this.named) maskValue(this.text, word.start, word.end, this.masks);
      else this.pending.push(word);
      return;
    }
    if (VALUE_FLAG.test(raw) && isBlank(this.text.charCodeAt(word.end))) {
      this.valueNext = word;
      return;
    }
    if (this.named) return;
    const name = raw.replace(/^["']|["']$/g, '');
    // Named as a variable or a key is (DB_PASS, Smtp:Password, /prod/db/password), not in prose ('Rotate the API key');
    // or whatever its name, a secret store's entry (az keyvault secret set --name db --value x) or an SSM SecureString.
    const previous = this.previous;
    this.previous = name;
    const secret =
      (SECRET_NAME_SHAPE.test(name) && isSensitiveKey(name)) ||
      (/^secrets?$/i.test(previous) && /^(?:set|create|add|put|update)$/.test(name)) ||
      /^(?:--type=)?SecureString$/.test(name);
    if (secret) {
      this.named = true;
      for (const value of this.pending) maskValue(this.text, value.start, value.end, this.masks);
      this.pending = [];
    }
  }
}

/** A store's word for setting a key to the value after it: consul kv put, etcdctl put, redis-cli SET, zkCli set. */
const SETTER = /^(?:put|set|hset|setnx|setex|psetex)$/i;
/** ZooKeeper's shells, whose create sets a node's data as set does (zkCli.sh create /app/db/password x). */
const ZOOKEEPER_SHELL = /^(?:zkCli|zookeeper-shell)(?:\.sh|\.cmd)?$/;

/**
 * What a store is given for a key whose path names a secret: `consul kv put app/db/password x`, `etcdctl put
 * /app/secrets/stripe x`, `redis-cli SET session:token x`, `dotnet user-secrets set Smtp:Password x`, `npm config set
 * //registry/:_authToken x`. A key in a path is a path to the name-based pass, so its value was shown. The key is the
 * first word after the setter, its value the next (SETEX's seconds come between).
 */
class ValueOfSecretKey {
  private setter = '';
  private key: boolean | undefined;

  constructor(
    private readonly text: string,
    private readonly masks: Span[],
  ) {}

  take(word: Word, raw: string, program: string): void {
    if (this.key === undefined) {
      if (this.setter === '') {
        if (SETTER.test(raw) || (raw === 'create' && ZOOKEEPER_SHELL.test(program))) this.setter = raw.toLowerCase();
      } else if (this.setter === 'create' && /^\d+$/.test(raw)) {
        // create -t TTL path data: the number is the node's lifetime.
      } else if (!raw.startsWith('-')) {
        this.key = raw
          .replace(/["'`]/g, '')
          .split(/[/:]/)
          .some((part) => part !== '' && isSensitiveKey(part));
      }
      return;
    }
    // A flag, or a redirect (set API_KEY <<< x: the input is the readers' to hide).
    if (!this.key || raw.startsWith('-') || /^\d?[<>]/.test(raw)) return;
    // SETEX key seconds value: the number is the lifetime.
    if (this.setter.endsWith('setex') && /^\d+$/.test(raw)) return;
    this.key = false;
    const value = raw.replace(/^["']|["']$/g, '');
    // SQL's SET PASSWORD FOR u = …, SET password = …: the statement goes on; its password is the statements pass's.
    if (/^(?:=|for|to|from)$/i.test(value)) return;
    if (!FROM_FILE.test(value) && !isSettingValue(value)) maskValue(this.text, word.start, word.end, this.masks);
  }
}

function commandLine(text: string, from: number, to: number, depth: number, masks: Span[]): void {
  let running: ToolArguments[] = [];
  let command: PipelineCommand = newCommand([]);
  let credentials = new UserThenPassword(text, masks);
  let namedSecret = new ValueOfNamedSecret(text, masks);
  let secretKey = new ValueOfSecretKey(text, masks);
  let hereString = false;
  let redirect = false;
  // What the commands of each open ( … ) group print: `(echo pw; echo pw) | smbpasswd -s` pipes all of it. A
  // process substitution given to a secret's flag (--password-file <(echo pw), private-key <(printf …)) is the secret.
  const groups: Word[][] = [];
  const secretGroups = new Set<Word[]>();
  let groupPrinted: Word[] | null = null;
  const finish = () => {
    for (const tool of running) tool.finish();
    running = [];
    // printf's first word is its format when more follow (printf '%s\n' "$PW"): what it prints is the rest.
    if (command.printed && command.program === 'printf' && command.printed.length > 1) command.printed.shift();
    const { printed, input } = command;
    if (command.reads || command.writesSecretFile) {
      const byUser = READS_USER_PASSWORDS.test(command.program);
      const secrets = command.writesSecretFile ? [...input, ...(printed ?? [])] : input;
      for (const secret of secrets) maskInput(text, secret, byUser, masks);
    }
    if (printed && groups.length > 0) groups.at(-1)!.push(...printed);
  };
  for (const word of shellWords(text, from, to)) {
    if (typeof word === 'number') {
      finish();
      let printed = command.printed;
      if (word === 0x28) {
        const group: Word[] = [];
        groups.push(group);
        const [flag, arrow] = command.words.slice(-2);
        if (arrow === '<' && flag !== undefined && SECRET_SOURCE_ARGUMENT.test(flag)) secretGroups.add(group);
      } else if (word === 0x29) {
        groupPrinted = groups.pop() ?? null;
        if (groupPrinted && secretGroups.has(groupPrinted))
          for (const secret of groupPrinted) maskInput(text, secret, false, masks);
      }
      if (groupPrinted && word === PIPE) printed = groupPrinted;
      if (word !== 0x29) groupPrinted = null;
      // A filter in the middle (tr -d '\n', head -1, base64 -d) passes on what came in.
      const passedOn = FILTERS.test(command.program) && command.input.length > 0 ? command.input : printed;
      command = newCommand(word === PIPE && passedOn !== null ? passedOn : []);
      credentials = new UserThenPassword(text, masks);
      namedSecret = new ValueOfNamedSecret(text, masks);
      secretKey = new ValueOfSecretKey(text, masks);
      hereString = redirect = false;
      continue;
    }
    const raw = text.slice(word.start, word.end);
    const first = command.words.length === 0;
    if (first) command.program = programName(text, word);
    // sh -c echo pw | …: the script's first word starts a command of its own.
    if (SHELLS.test(command.program) && command.words.length === 2 && SCRIPT_FLAG.test(command.words[1]!)) {
      command = newCommand([]);
      command.program = programName(text, word);
    }
    // sudo chpasswd, doas passwd: what comes in is the wrapped program's.
    if (command.words.length === 1 && RUNS_AS.test(command.program) && !raw.startsWith('-'))
      command.program = programName(text, word);
    const starts = command.words.length === 0;
    if (redirect) command.writesSecretFile ||= isSecretPath(raw);
    else if (starts && PRINTERS.test(command.program)) command.printed = [];
    else if (hereString) command.input.push(word);
    else if (command.printed !== null && !/^-[neE]+$/.test(raw) && !/^\d?>/.test(raw)) command.printed.push(word);
    if (command.program === 'tee' && !starts && !raw.startsWith('-')) command.writesSecretFile ||= isSecretPath(raw);
    if (!command.reads && !hereString && !redirect) command.reads = readsSecret(command, raw);
    hereString = raw === '<<<';
    redirect = /^\d?>>?$/.test(raw);
    // >/run/secrets/x, glued to its path.
    if (/^\d?>>?./.test(raw)) command.writesSecretFile ||= isSecretPath(raw.replace(/^\d?>>?/, ''));
    command.words.push(raw);
    credentials.take(word, raw);
    namedSecret.take(word, raw);
    secretKey.take(word, raw, command.program);
    if (depth < MAX_DEPTH) {
      for (const [start, end] of word.quoted) {
        if (/[\s;|&()]/.test(text.slice(start, end))) commandLine(text, start, end, depth + 1, masks);
      }
    }
    const taken = running.map((tool) => tool.take(word)).some(Boolean);
    if (taken) continue;
    const tools = toolsFor(text, word);
    if (tools.length > 0) {
      for (const tool of running) tool.finish();
      running = tools.map((tool) => new ToolArguments(tool, text, masks));
    }
  }
  finish();
}

function newCommand(input: Word[]): PipelineCommand {
  return { program: '', words: [], printed: null, input, reads: false, writesSecretFile: false };
}

/** Hides a word that reaches a reader of secrets, inside its quotes; of a user:password line, the password. */
function maskInput(text: string, word: Word, byUser: boolean, masks: Span[]): void {
  const [start, end] =
    word.quoted.length === 1 && word.quoted[0]![0] === word.start + 1 ? word.quoted[0]! : [word.start, word.end];
  const colon = byUser ? text.slice(start, end).indexOf(':') : -1;
  maskValue(text, start + colon + 1, end, masks);
}

/**
 * Lines a program reads as commands from a here-document or here-string, where a secret stands in
 * a known place: ftp's `user NAME PASSWORD` and `pass PASSWORD`, sqlplus's `connect USER/PASSWORD@db`,
 * redis's `AUTH [USER] PASSWORD`. A here-document written into a file whose path says secret
 * (`cat > /etc/ppp/chap-secrets <<EOF`) is hidden whole.
 */
const SCRIPT_LINES: Array<{ programs: RegExp; line: RegExp }> = [
  { programs: /^(?:ftp|lftp|ncftp|tnftp|pftp|netkit-ftp)$/, line: /^\s*user\s+\S+\s+(\S+)/i },
  { programs: /^(?:ftp|lftp|ncftp|tnftp|pftp|netkit-ftp)$/, line: /^\s*(?:quote\s+)?pass\s+(\S+)/i },
  {
    programs: /^(?:sqlplus|sqlcl|sql|rman|dgmgrl)$/,
    line: /^\s*conn(?:ect)?\s+[^\s/]+\/(\S+?)(?:@\S*)?(?:\s+as\s+\w+)?\s*;?$/i,
  },
  { programs: /^(?:redis|keydb|valkey)-cli$|^(?:nc|ncat|telnet)$/, line: /^\s*auth\s+(?:\S+\s+)?(\S+?)\s*$/i },
];
// Bounded parts, so that a line of many unclosed `<<<"` or `<<EOF` costs linear time.
const HERE_DOCUMENT = /<<-?[ \t]*(["']?)([A-Za-z_][\w-]{0,32})\1[^\n]{0,200}\n/g;
const HERE_STRING = /<<<[ \t]*(["'])([^\n]{0,1000}?)\1/g;
/** How far back from a here-document or here-string its command is looked for. */
const LOOK_BACK = 300;
/** Bodies longer than this are not read line by line (a script's input of that size is data, not a login). */
const SCRIPT_MAX = 8192;

export function maskScriptInput(text: string, masks: Span[]): void {
  if (text.includes('send')) maskExpectAnswers(text, masks);
  HERE_DOCUMENT.lastIndex = 0;
  for (let m = HERE_DOCUMENT.exec(text); m; m = HERE_DOCUMENT.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const end = new RegExp(`^[ \\t]*${m[2]}[ \\t]*$`, 'm');
    const rest = text.slice(bodyStart, bodyStart + SCRIPT_MAX);
    const close = end.exec(rest);
    let bodyEnd = bodyStart + (close ? close.index : rest.length);
    if (text.charCodeAt(bodyEnd - 1) === 0x0a) bodyEnd--; // the newline before the closing line stays
    const lineStart = lineStartBefore(text, m.index);
    // The whole line of the command: a redirect may stand after the << too (cat <<EOF > /etc/ppp/chap-secrets).
    const line = text.slice(lineStart, bodyStart);
    const redirect = /\d?>>?[ \t]*([^\s<>|;&]+)/.exec(line.replace(/<<-?[ \t]*\S+/, ' '));
    const program = programBefore(text, lineStart, m.index);
    if ((redirect && isSecretPath(redirect[1]!)) || /\btee\s+(?:-a\s+)?(\S+)/.exec(line)?.slice(1).some(isSecretPath)) {
      masks.push([bodyStart, bodyEnd]);
    } else if (READS_USER_PASSWORDS.test(program)) {
      // chpasswd <<EOF: user:password lines, the users shown.
      maskAfterColons(text, bodyStart, bodyEnd, masks);
    } else if (READER_PROGRAMS.test(program)) {
      masks.push([bodyStart, bodyEnd]);
    } else {
      maskScriptLines(text, bodyStart, bodyEnd, program, masks);
    }
    HERE_DOCUMENT.lastIndex = bodyEnd;
  }
  HERE_STRING.lastIndex = 0;
  for (let m = HERE_STRING.exec(text); m; m = HERE_STRING.exec(text)) {
    const start = m.index + m[0].length - 1 - m[2]!.length;
    const lineStart = lineStartBefore(text, m.index);
    maskScriptLines(text, start, start + m[2]!.length, programBefore(text, lineStart, m.index), masks);
  }
}

/**
 * An expect script's answer to a prompt for a secret: `expect "assword:"; send "pw\r"`, `expect Passphrase send --
 * {pw}`. Bounded parts, so a script of many expects costs linear time.
 */
const EXPECT_SEND =
  /\bexpect[ \t]+(?:-[a-z]+[ \t]+)?("[^"\n]{0,80}"|\{[^}\n]{0,80}\}|[^\s;"{]{1,80})[ \t]*(?:;|\n|\\n)?\s{0,20}send[ \t]+(?:--?[a-z]*[ \t]+){0,3}(?:"((?:[^"\\\n]|\\.){1,200})"|\{([^}\n]{1,200})\}|([^\s;"{]{1,200}))/dg;
/** A prompt that asks for a secret: Password:, assword: (the first letter's case unknown), passphrase, token, PIN. */
const SECRET_PROMPT = /pass|assword|secret|token|\bpin\b|\bkey\b|otp|code/i;

function maskExpectAnswers(text: string, masks: Span[]): void {
  EXPECT_SEND.lastIndex = 0;
  for (let m = EXPECT_SEND.exec(text); m; m = EXPECT_SEND.exec(text)) {
    if (!SECRET_PROMPT.test(m[1]!)) continue;
    const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
    let [start, end] = m.indices![group]!;
    // The \r or \n that presses Enter is the script's, not the secret's.
    if (/\\[rn]$/.test(text.slice(start, end)) && end - start > 2) end -= 2;
    masks.push([start, end]);
  }
}

/** The program of the command that a here-document or here-string at `at` is given to. */
/**
 * Where the line holding `at` starts, looking back at most LOOK_BACK characters: a line of many
 * here-strings must not be read again back to its start at each one.
 */
function lineStartBefore(text: string, at: number): number {
  const from = Math.max(0, at - LOOK_BACK);
  const newline = text.slice(from, at).lastIndexOf('\n');
  return newline < 0 ? from : from + newline + 1;
}

function programBefore(text: string, lineStart: number, at: number): string {
  const command = text
    .slice(lineStart, at)
    .split(/[;|&()]/)
    .at(-1)!
    .trim();
  const first = command.split(/\s+/)[0] ?? '';
  return first.replace(/["'`\\]/g, '').replace(/^.*\//, '');
}

function maskAfterColons(text: string, from: number, to: number, masks: Span[]): void {
  let at = from;
  for (const line of text.slice(from, to).split('\n')) {
    const colon = line.indexOf(':');
    if (colon >= 0 && colon < line.length - 1) masks.push([at + colon + 1, at + line.length]);
    at += line.length + 1;
  }
}

function maskScriptLines(text: string, from: number, to: number, program: string, masks: Span[]): void {
  const patterns = SCRIPT_LINES.filter((p) => p.programs.test(program)).map((p) => p.line);
  if (patterns.length === 0) return;
  let at = from;
  for (const line of text.slice(from, to).split('\n')) {
    for (const pattern of patterns) {
      const found = pattern.exec(line);
      if (found?.[1]) {
        const start = at + found.index + found[0].lastIndexOf(found[1]);
        masks.push([start, start + found[1].length]);
        break;
      }
    }
    at += line.length + 1;
  }
}
