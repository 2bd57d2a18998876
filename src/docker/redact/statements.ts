/**
 * Passwords in statements a database reads, where no name stands just before them: MySQL's `SET PASSWORD FOR u =
 * 'x'`, Cypher's `SET PASSWORD FROM 'old' TO 'new'`, and Redis ACL rules (`ACL SETUSER app on >x`, `user app on >x`
 * in redis.conf or a line printed into it, `redis-server --user "app on >x"`), where `>` adds a password and `<` removes one.
 */
import { isBlank, isQuote, maskValue, type Span } from './scan.ts';

/** Each statement's literals that are passwords: the groups after the first (each a quote and its content). */
const STATEMENTS: RegExp[] = [
  /\bpassword\s+from\s+(['"])([^'"\n]{1,200})\1\s+to\s+(['"])([^'"\n]{1,200})\3/dgi,
  /\bset\s+password\s+for\s+[^=;\n]{1,200}=\s*(?:password\s*\(\s*)?(['"])([^'"\n]{1,200})\1/dgi,
];

/** Where a Redis ACL rule list starts: after the user's name. Bounded, and each start is read once. */
const ACL_USER = /(?:\bacl\s+setuser|(?:^|\n|\\n|["'])[ \t]*user|--user)[ \t]+["']?[^\s"'<>]{1,128}/gi;
/** How many rules after a user's name are read. */
const ACL_RULES_MAX = 64;

export function maskStatementPasswords(text: string, masks: Span[]): void {
  for (const pattern of STATEMENTS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      for (let group = 2; group < m.length; group += 2) {
        const [start, end] = m.indices![group]!;
        masks.push([start, end]);
      }
    }
  }
  ACL_USER.lastIndex = 0;
  for (let m = ACL_USER.exec(text); m; m = ACL_USER.exec(text)) {
    ACL_USER.lastIndex = maskAclPasswords(text, m.index + m[0].length, masks);
  }
}

/** Hides what follows `>` and `<` in the rules from `from` to the end of the command; returns where they end. */
function maskAclPasswords(text: string, from: number, masks: Span[]): number {
  let p = from;
  for (let rules = 0; rules < ACL_RULES_MAX && p < text.length; rules++) {
    while (p < text.length && isBlank(text.charCodeAt(p))) p++;
    const start = p;
    while (p < text.length && !isBlank(text.charCodeAt(p)) && !/[\n;|&]/.test(text[p]!)) p++;
    const rule = text.slice(start, p);
    if (rule === '') break;
    // The list ends where the quotes holding it close ("app on >x ~*"): the quote is not the password's.
    const closes = isQuote(rule.charCodeAt(rule.length - 1));
    if (/^[<>][^<>]/.test(rule)) maskValue(text, start + 1, closes ? p - 1 : p, masks);
    if (closes || !isBlank(text.charCodeAt(p))) break;
  }
  return p;
}
