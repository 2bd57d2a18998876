/**
 * Credentials passed to a call in code run from a command line (`python -c`, `perl -e`, `node -e`, `php -r`):
 * `s.login('ops', 'pw')`, `DBI->connect(dsn, 'root', 'pw')`, `PlainCredentials('app', 'pw')`,
 * `requests.get(url, auth=('svc', 'pw'))`, `jwt.sign(payload, 'secret')`, `new PDO(dsn, 'root', 'pw')`.
 */
import { MASK, maskValue, type Span } from './scan.ts';

/**
 * A call, or a keyword argument (`auth=(…)`), whose name says it takes credentials. Its string arguments after the
 * first argument are hidden (the first is a host, a DSN or a user); of one whose name says password, secret or
 * sign, every string argument is.
 */
const CREDENTIAL_CALL =
  /(?<![\w$])([A-Za-z_][\w$]*?)??(login|auth|credentials?|connect|connection|ldap_?bind|simple_bind(?:_s)?|password|passwd|secret|sign|mysqli|pdo)\s*(?:=\s*)?[([]/gi;
const EVERY_STRING = /password|passwd|secret|sign/i;
/** How far into a call's arguments strings are looked for: code on a command line is short. */
const MAX_ARGUMENTS_CHARS = 600;
const OPENERS = '([{';
const CLOSERS = ')]}';

export function maskCredentialCalls(text: string, masks: Span[]): void {
  if (!/[([]/.test(text)) return;
  const calls = new RegExp(CREDENTIAL_CALL.source, CREDENTIAL_CALL.flags);
  for (let m = calls.exec(text); m !== null; m = calls.exec(text)) {
    const [, prefix = '', word = ''] = m;
    // The word starts the name or one of its parts (basic_auth, PlainCredentials), not inside another (design).
    const startsPart = prefix === '' || prefix.endsWith('_') || (/[a-z]$/.test(prefix) && /^[A-Z]/.test(word));
    if (!startsPart) continue;
    // Calls inside these arguments are read with them: the search goes on after them, so no text is read twice.
    calls.lastIndex = maskStringArguments(text, m.index + m[0].length, EVERY_STRING.test(word), masks);
  }
}

/**
 * Hides the string literals of the arguments that start at `from` (just after the opening bracket); returns where
 * they end, or where the reading stopped.
 */
function maskStringArguments(text: string, from: number, every: boolean, masks: Span[]): number {
  const limit = Math.min(text.length, from + MAX_ARGUMENTS_CHARS);
  let depth = 0;
  let argument = 0;
  // connect(password='x', host='db'): a keyword argument's value is named; the named-value pass judges it.
  let keyword = false;
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (c === ',' && depth === 0) {
      argument++;
      keyword = false;
    } else if (c === '=' && depth === 0 && text[i + 1] !== '=' && /\w\s*$/.test(text.slice(Math.max(from, i - 40), i)))
      keyword = true;
    else if (c === "'" || c === '"' || (c === '\\' && (text[i + 1] === '"' || text[i + 1] === "'"))) {
      // A quote, or one escaped inside the shell's own quotes (\"pw\"): the literal ends at the same form.
      const quote = c === '\\' ? `\\${text[i + 1]}` : c;
      const start = i + quote.length;
      const end = text.slice(start, limit).indexOf(quote);
      if (end < 0) return limit;
      if (!keyword && (every || argument > 0) && end > 0 && text.slice(start, start + end) !== MASK)
        maskValue(text, start, start + end, masks);
      i = start + end + quote.length - 1;
    }
  }
  return limit;
}
