/** Credentials in URLs and `user:pass@host` targets: masked in commands, removed from error messages. */
import { isQuote, isSpace, type Span } from './scan.ts';

const COLON = 0x3a;
const AT = 0x40;

/**
 * scheme://userinfo@host: everything between :// and the last @ of the word is hidden, so a
 * password holding @, /, : or %-escapes, an empty user (redis://:pw@h) and a token as the user
 * (https://TOKEN@github.com) all go; in commands a plain user name alone (USER_NAME) stays, and so does an @ of a
 * path (HOST_THEN_PATH). Without a scheme, `user:pass@host` (Go DSNs, scp-like targets) loses what follows the first
 * colon.
 */
function credentialSpans(text: string, keepUserNames: boolean): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    let c = text.charCodeAt(i);
    if (isSpace(c) || isQuote(c)) {
      i++;
      continue;
    }
    const wordStart = i;
    let authority = -1;
    let firstColon = -1;
    let lastAt = -1;
    for (; i < text.length && !isSpace(c) && !isQuote(c); c = text.charCodeAt(++i)) {
      if (c === COLON) {
        if (authority < 0 && text.startsWith('//', i + 1)) authority = i + 3;
        else if (firstColon < 0 && authority < 0) firstColon = i;
      } else if (c === AT) {
        lastAt = i;
      }
    }
    if (authority >= 0 && lastAt > authority) {
      const userinfo = text.slice(authority, Math.min(lastAt, authority + 256));
      const scheme = /([a-z][a-z0-9+.-]*)$/i.exec(text.slice(wordStart, authority - 3))?.[1]?.toLowerCase() ?? '';
      const keep =
        keepUserNames && ((USER_SCHEMES.has(scheme) && USER_NAME.test(userinfo)) || HOST_THEN_PATH.test(userinfo));
      if (!keep) spans.push([authority, lastAt]);
    } else if (authority < 0 && firstColon >= 0 && firstColon < lastAt && !isDigestOrMail(text, wordStart, lastAt))
      spans.push([firstColon + 1, lastAt]);
  }
  return spans;
}

/**
 * A user name alone, with no password after it (ssh://git@github.com, rsync://backup@host/mod, postgres://app@db/app):
 * small letters in up to four parts. A token given as the user (https://TOKEN@github.com, a Sentry DSN's key) has
 * digits or capitals, or is longer, and stays hidden.
 */
const USER_NAME = /^(?=.{1,32}$)[a-z]+(?:[._-][a-z]+){0,3}$/;
/**
 * Schemes whose userinfo alone is a user name. Not redis (redis://secret@cache: a lone userinfo is the password) nor
 * one unknown: there it stays hidden.
 */
const USER_SCHEMES = new Set([
  'ssh',
  'git',
  'git+ssh',
  'ssh+git',
  'rsync',
  'sftp',
  'ftp',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'amqp',
  'amqps',
  'ldap',
  'ldaps',
  'smtp',
  'http',
  'https',
]);

/**
 * A host name, a port maybe, then a path: the @ is the path's (https://registry.npmjs.org/@types/node,
 * https://unpkg.com/@scope/pkg@1.0.0/x.js), since a user name or a password is not a dotted host with a number after
 * its colon.
 */
// The whole of it, with no colon after the port: "mirror.gcr.io/,https://ci:pw@registry" is another URL's userinfo.
const HOST_THEN_PATH = /^(?:localhost|(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24})(?::\d{1,5})?\/[^:]*$/;

/**
 * nginx:1.25@sha256:… is an image pinned by digest, mailto:ops@host an address, 12:30@daily a time: no password in
 * any of them.
 */
function isDigestOrMail(text: string, wordStart: number, at: number): boolean {
  return (
    /^sha(?:256|384|512):/.test(text.slice(at + 1, at + 8)) ||
    /^mailto:/i.test(text.slice(wordStart, wordStart + 7)) ||
    /^\d{1,2}:\d{2}$/.test(text.slice(wordStart, at))
  );
}

export function maskUrlCredentials(text: string, masks: Span[]): void {
  for (const span of credentialSpans(text, true)) masks.push(span);
}

/** For error messages: URLs lose their userinfo and its @ entirely (ssh://deploy:pw@h → ssh://h), a user name too. */
export function stripUrlCredentials(text: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of credentialSpans(text, false)) {
    out += text.slice(at, start);
    at = end + 1;
  }
  return out + text.slice(at);
}
