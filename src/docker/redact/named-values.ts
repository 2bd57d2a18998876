/**
 * Values of names that say "secret" (keys.ts): `--password=x`, `--token x`, `DB_PASS=x`,
 * `-Dapp.password=x`, `?token=x`, `{"password": "x"}`, `password: x`, `Authorization: Bearer x`,
 * `Cookie: …`; and `user:pass` after -u/--user.
 */
import { isSensitiveKey, isUserFlag } from './keys.ts';
import {
  closingQuote,
  dashWordIsValue,
  isAlnum,
  isBlank,
  isCommandEnd,
  isQuote,
  isSpace,
  maskValue,
  referencedVariables,
  type Span,
  trimCommandEnd,
  valueEnd,
} from './scan.ts';

const COLON = 0x3a;
const COMMA = 0x2c;
const OPENING_PARENTHESIS = 0x28;
const CLOSING_BRACKET = 0x5d;
const OPENING_SQUARE = 0x5b;
const OPENING_BRACE = 0x7b;
const CLOSING_BRACE = 0x7d;
const EQUALS = 0x3d;
const AT = 0x40;
const DASH = 0x2d;
const GREATER = 0x3e;
const SLASH = 0x2f;
const LESS = 0x3c;
const QUESTION = 0x3f;
const PLUS = 0x2b;
const FULLWIDTH_EQUALS = 0xff1d;
const FULLWIDTH_COLON = 0xff1a;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
/** n, r and t: the letters of the escapes \n, \r and \t. */
const ESCAPED_BLANKS = new Set([0x6e, 0x72, 0x74]);

/** A letter, mark or digit of any script: 비밀번호, كلمة, รหัสผ่าน (whose vowels are marks), ｐａｓｓ. */
const NON_ASCII_WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

/**
 * Characters of a name: letters and digits of any script (beyond the first plane too), _ . - [ ] and invisible format
 * characters.
 */
function isKeyChar(c: number): boolean {
  return (
    isAlnum(c) ||
    (c >= 0x80 && NON_ASCII_WORD_CHAR.test(String.fromCharCode(c))) ||
    c === 0x5f ||
    c === 0x2e ||
    c === DASH ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0xad ||
    c === 0x180e ||
    // Half of a letter beyond the first plane (𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝, mathematical letters that fold to Latin ones).
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff
  );
}

/** The length of a JSON or C escape at `at` that stands for one character of a name (\u0070, \x77), else 0. */
function escapeLength(text: string, at: number): number {
  // A URL's or a form's percent-encoding of a name's letter (pass%77ord, %70assword): only of a letter, a digit, _ . -.
  if (text.charCodeAt(at) === PERCENT) return PERCENT_NAME_CHAR.test(text.slice(at, at + 3)) ? 3 : 0;
  if (text.charCodeAt(at) !== BACKSLASH) return 0;
  const found = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(text.slice(at, at + 6));
  return found ? found[0].length : 0;
}

const PERCENT = 0x25;
/** %41-%5A, %61-%7A, %30-%39, %2D, %2E, %5F. */
const PERCENT_NAME_CHAR = /^%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF])$/;

/** How far a quoted part of a name is looked for (--pass"word"). */
const NAME_PART_MAX = 64;

/**
 * Where a name that starts at `start` ends. Besides its characters, it goes on over what a shell or a JSON reader
 * joins into it: an escape (\u0070assword, pass\x77ord), a backslash before a letter (DB_PASS\WORD) or a newline, a quoted part
 * (--pass"word"=x, --pa'ss'word x).
 */
function nameEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isKeyChar(c)) {
      i++;
    } else if (escapeLength(text, i) > 0) {
      i += escapeLength(text, i);
    } else if (c === BACKSLASH && i > start && ((isAlnum(next) && !ESCAPED_BLANKS.has(next)) || next === NEWLINE)) {
      // A backslash and a newline continue the line: --pass\⏎word is --password.
      i += 2;
    } else if (isQuote(c) && i > start) {
      let close = i + 1;
      while (close < text.length && close - i <= NAME_PART_MAX && isKeyChar(text.charCodeAt(close))) close++;
      const after = text.charCodeAt(close + 1);
      if (close === i + 1 || text.charCodeAt(close) !== c || !(isKeyChar(after) || after === EQUALS)) break;
      i = close + 1;
    } else {
      break;
    }
  }
  return i;
}

/** A name as its reader sees it: escapes decoded, the shell's quotes and backslashes gone. */
function nameOf(raw: string): string {
  if (!/["'`\\%]/.test(raw)) return raw;
  return raw
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_, u, x) => String.fromCharCode(Number.parseInt(u ?? x, 16)))
    .replace(/["'`]|\\(?=[A-Za-z0-9\n])|(?<=\\)\n/g, '');
}

/** Authorization schemes kept visible before the credential they introduce: `Authorization: Bearer ***`. */
const AUTH_SCHEMES = new Set([
  'bearer',
  'basic',
  'token',
  'digest',
  'negotiate',
  'ntlm',
  'apikey',
  'api-key',
  'key',
  'sso-key',
  'ssws',
  'hmac',
  'aws4-hmac-sha256',
  'dpop',
  'jwt',
  'oauth',
  'vapid',
]);

/** Schemes masked even with no header name before them, and the shortest credential that counts. */
const BARE_SCHEMES: Record<string, number> = { bearer: 1, basic: 8 };

type KeyKind = 'secret' | 'user' | 'attached-user';

/** BuildKit's secret spec (docker build --secret id=x,src=/path or id=x,env=NAME): a name and a source. */
const BUILD_SECRET_SPEC = /^id=[\w.-]+(?:,(?:src|source|env|type|required|target|uid|gid|mode)=[^\s,"'`]*)*$/;

function keyKind(key: string, separator: number): KeyKind | null {
  if (isSensitiveKey(key)) return 'secret';
  if (isUserFlag(key)) return 'user';
  // curl -uadmin:pw: the flag and the user run together, the password follows the colon.
  if (separator === COLON && /^-[uU][^-]/.test(key)) return 'attached-user';
  return null;
}

interface Scan {
  text: string;
  masks: Span[];
}

/** A quoted string at `at` that is a value, not the next key of an object ({"name":"API_TOKEN","value":…}). */
function isListedValue(text: string, at: number): boolean {
  const q = text.charCodeAt(at);
  if (!isQuote(q)) return false;
  const close = closingQuote(text, at + 1, q, Math.min(text.length, at + 1024));
  return close >= 0 && text.charCodeAt(skipBlanks(text, close + 1)) !== COLON;
}

function skipBlanks(text: string, from: number): number {
  let p = from;
  while (p < text.length && isBlank(text.charCodeAt(p))) p++;
  return p;
}

/** A key after a list's separator: `;UID=`, `; User Id=`, `,password=`, or a bare option after a comma (`,ro`). */
const NEXT_KEY_AFTER_SEMICOLON = /[ \t]*[A-Za-z_][\w .-]{0,40}=/y;
const NEXT_OPTION_AFTER_COMMA = /[A-Za-z_][\w.-]{0,40}(?:=|,|[\s"']|$)/y;

/**
 * Whether the name at `start` is one of a comma-separated option list's: after a comma, after `-o` (mount, sshfs) or
 * `o=` (a volume's options).
 */
function inOptionList(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === COMMA) return true;
  return /(?:^|[\s,])-o[ \t]*$|(?:^|[\s,=])o=$/.test(text.slice(Math.max(0, start - 6), start));
}

/**
 * Where an unquoted value that starts at `value` gives way to the next key of its list, or -1: a connection string's
 * `;Key=` (ODBC, ADO.NET, JDBC, where a shell would end the command at the `;` too), an option list's `,key`. Looks
 * no further than the value's first blank or quote, so that the scan stays linear.
 */
function listCut(text: string, value: number, region: number, commas: boolean): number {
  for (let p = value; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (isSpace(c) || isQuote(c) || c === region || c === BACKSLASH) return -1;
    if (c === 0x3b) {
      NEXT_KEY_AFTER_SEMICOLON.lastIndex = p + 1;
      if (p > value && NEXT_KEY_AFTER_SEMICOLON.test(text)) return p;
    } else if (c === COMMA && commas && text.charCodeAt(p + 1) === COMMA) {
      p++; // ,, is a comma of the value's own
    } else if (c === COMMA && commas) {
      NEXT_OPTION_AFTER_COMMA.lastIndex = p + 1;
      if (p > value && NEXT_OPTION_AFTER_COMMA.test(text)) return p;
    }
  }
  return -1;
}

/**
 * The end of a bracketed value at `start`, past its matching bracket: a JSON object or list given for a secret's
 * name ({"auth": {"token": "x"}}), ODBC's braced value (PWD={a b;c}). Strings inside are skipped whole; one that
 * never closes, or a bracket that never does, runs to the end (when in doubt, hide).
 */
function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let p = start; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === BACKSLASH) p++;
    else if (c === OPENING_BRACE || c === OPENING_SQUARE) depth++;
    else if (c === CLOSING_BRACE || c === CLOSING_BRACKET) {
      if (--depth === 0) return p + 1;
    } else if (c === 0x22) {
      const close = closingQuote(text, p + 1, c);
      if (close < 0) return text.length;
      p = close;
    }
  }
  return text.length;
}

/** How many quoted parts side by side one value is read as ('a'"'"'b' is three). */
const QUOTED_PARTS_MAX = 16;

/**
 * The end of the value that starts at `start`, inside the quoted region `region` (-1: none). A
 * value that starts with a quote is that quoted string (`"password": "a b", "user": …`).
 */
function localValueEnd(text: string, start: number, region: number): number {
  const q = text.charCodeAt(start);
  if (q === OPENING_BRACE || q === OPENING_SQUARE) return bracketEnd(text, start);
  if (q === BACKSLASH && isQuote(text.charCodeAt(start + 1))) {
    // \"x\": an escaped JSON string ends at the next escaped quote of its kind.
    const close = text.indexOf(`\\${text[start + 1]}`, start + 2);
    return close < 0 ? valueEnd(text, start, region) : close + 2;
  }
  if (isQuote(q) && q !== region) {
    // 'it'"'"'s-x: quoted parts side by side are one shell word, and the value is all of them.
    let end = start;
    for (
      let part = 0;
      part < QUOTED_PARTS_MAX && isQuote(text.charCodeAt(end)) && text.charCodeAt(end) !== region;
      part++
    ) {
      const close = closingQuote(text, end + 1, text.charCodeAt(end));
      if (close < 0) return text.length;
      end = close + 1;
    }
    // Past the cap, the rest of the word is still the value: hidden whole, never shown from its next part on.
    return isQuote(text.charCodeAt(end)) && text.charCodeAt(end) !== region ? valueEnd(text, end, region) : end;
  }
  return trimCommandEnd(text, start, valueEnd(text, start, region));
}

/**
 * Masks the value [start, end) of a name of `kind`; returns where the scan goes on. A value that
 * is an authorization scheme keeps the scheme and loses the credential, even when the credential
 * is the next word (`Authorization: Bearer x` unquoted).
 */
function maskNamedValue({ text, masks }: Scan, kind: KeyKind, start: number, end: number, region: number): number {
  // docker build --secret id=npm,src=/run/secrets/npmrc: BuildKit's spec of where a secret is read from, not the secret.
  if (BUILD_SECRET_SPEC.test(text.slice(start, Math.min(end, start + 300)))) return end;
  if (kind === 'user') {
    // A URL (redis-cli -u redis://…) is the URL pass's; user:pass or user%pass is hidden whole.
    const value = text.slice(start, end);
    if (/[:%]/.test(value) && !value.includes('://')) maskValue(text, start, end, masks);
    return end;
  }
  let word = start;
  while (word < end && (isAlnum(text.charCodeAt(word)) || text.charCodeAt(word) === DASH)) word++;
  if (word > start && isBlank(text.charCodeAt(word)) && AUTH_SCHEMES.has(text.slice(start, word).toLowerCase())) {
    const credential = skipBlanks(text, word);
    const credentialEnd = word >= end ? localValueEnd(text, credential, region) : end;
    maskValue(text, credential, credentialEnd, masks);
    return Math.max(credentialEnd, end);
  }
  maskValue(text, start, end, masks);
  return end;
}

/**
 * What follows the name text[start, end): a separator and a value, a flag's next word, or a bare
 * `Bearer x`. Returns where the scan goes on and the quoted region it is in then.
 */
function afterName(scan: Scan, start: number, end: number, region: number): { next: number; region: number } {
  const { text } = scan;
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  let p = end;
  let quotedName = false;
  if (isQuote(before) && text.charCodeAt(p) === before) {
    // "password": the name's closing quote ends the region its opening quote began.
    quotedName = true;
    if (region === before) region = -1;
    p++;
  } else if (
    isQuote(before) &&
    text.charCodeAt(start - 2) === BACKSLASH &&
    text.startsWith(`\\${text[start - 1]}`, p)
  ) {
    // {\"password\":\"x\"}: JSON written inside a quoted argument, its quotes escaped.
    quotedName = true;
    p += 2;
  }
  let separatorAt = skipBlanks(text, p);
  let separator = text.charCodeAt(separatorAt);
  if (quotedName) {
    // $cfg['db_pass'] = 'x': the name is an index; define('DB_PASSWORD', 'x'), ["--password", "x"]: a call's or a
    // list's next string is the value.
    if (separator === CLOSING_BRACKET) {
      separatorAt = skipBlanks(text, separatorAt + 1);
      separator = text.charCodeAt(separatorAt);
    } else if (separator === COMMA && isListedValue(text, skipBlanks(text, separatorAt + 1))) {
      separator = EQUALS;
    }
  }
  // Fullwidth ＝ and ：, typed with a Korean or Japanese input method, separate as = and : do.
  if (separator === FULLWIDTH_EQUALS) separator = EQUALS;
  else if (separator === FULLWIDTH_COLON) separator = COLON;
  // Make's and shell-like ?= and += assign as = does.
  else if ((separator === QUESTION || separator === PLUS) && text.charCodeAt(separatorAt + 1) === EQUALS) {
    separatorAt++;
    separator = EQUALS;
  }
  const name = nameOf(text.slice(start, end));

  if (separator === EQUALS || separator === COLON) {
    const isUrl = separator === COLON && text.startsWith('//', separatorAt + 1);
    // A host name is never a name: https://auth.example.com:8443, user@session-db:5432; nor is a path's last part
    // (-v /run/secrets:/run/secrets:ro, --tmpfs /run/secrets:size=1m), nor a part of an ARN (looked for only when
    // the name says secret).
    // A Windows flag is a name too: app.exe /password:x /user:admin, a slash at a word's start and no path after.
    const windowsFlag =
      before === SLASH &&
      (start < 2 || isSpace(text.charCodeAt(start - 2)) || isQuote(text.charCodeAt(start - 2))) &&
      text.charCodeAt(separatorAt + 1) !== SLASH &&
      text.charCodeAt(separatorAt + 1) !== BACKSLASH;
    const isHost = text.startsWith('://', start - 3) || before === AT || (before === SLASH && !windowsFlag);
    const kind =
      isUrl || isHost
        ? null
        : (keyKind(name, separator) ??
          siblingNamesSecret(text, start, name) ??
          (quotedName ? jwkPrivateMember(text, start, name) : null));
    if (kind === null || namesKeyOfSecret(text, start, name) || (before === COLON && inArn(text, start)))
      return { next: separatorAt + 1, region };
    let value = separatorAt + 1;
    const c = text.charCodeAt(value);
    if ((separator === COLON && c === EQUALS) || (separator === EQUALS && (c === EQUALS || c === GREATER))) value++;
    const afterBlanks = skipBlanks(text, value);
    // `--password= -v`: an empty value, not the next flag.
    if (afterBlanks > value && text.charCodeAt(afterBlanks) === DASH) return { next: afterBlanks, region };
    value = afterBlanks;
    // password:⏎  x in YAML: a plain value on the next line, indented further than the name's.
    if (separator === COLON && text.charCodeAt(value) === NEWLINE) {
      const line = nextLineValue(text, start, value);
      if (line) {
        maskValue(text, line[0], line[1], scan.masks);
        return { next: line[1], region };
      }
    }
    // password: | or >- in YAML: the value is the block of lines below it.
    const block = separator === COLON ? blockScalarEnd(text, value) : -1;
    if (block >= 0) {
      const lines = blockLines(text, block, region);
      maskValue(text, lines[0], lines[1], scan.masks);
      return { next: lines[1], region };
    }
    // KEY=) or KEY=; — the command ends there: the value is empty (base64 padding before a closing parenthesis).
    const first = text.charCodeAt(value);
    const after = text.charCodeAt(value + 1);
    const endsThere = value + 1 >= text.length || isSpace(after) || isCommandEnd(after);
    if (isCommandEnd(first) && first !== OPENING_PARENTHESIS && endsThere) return { next: value, region };
    // SESSION_COOKIE_SECURE=true, usePasswordFiles=true, PasswordAuthentication=no: a setting, not a secret.
    if (isSettingWord(text, value) && endsAfterSettingWord(text, value)) return { next: value, region };
    let valueStop: number;
    if (!quotedName && isQuote(before) && !opensShellScript(text, start - 1)) {
      // '--password=two words', "Authorization: Bearer x": the quotes hold the name and all of its value.
      const close = closingQuote(text, value, before);
      valueStop = close < 0 ? text.length : close;
    } else {
      // DSN=app;UID=u;PWD=x, -o username=u,password=x,uid=0: the value ends where the list's next key starts.
      const cut = listCut(text, value, region, inOptionList(text, start));
      valueStop =
        cut < 0 ? localValueEnd(text, value, region) : trimCommandEnd(text, value, valueEnd(text, value, region, cut));
    }
    // Authorization: Basic, with no credential after the scheme: nothing to hide.
    const schemeAlone = !isBlank(text.charCodeAt(valueStop)) && /authorization$/i.test(name);
    if (schemeAlone && AUTH_SCHEMES.has(text.slice(value, valueStop).toLowerCase())) return { next: valueStop, region };
    return { next: maskNamedValue(scan, kind, value, valueStop, region), region };
  }

  if (opensElement(text, start) && isSensitiveKey(name)) {
    if (separator === GREATER) {
      // <password>x</password> (Maven's settings.xml, a .NET config), <wsse:Password>x</wsse:Password> (SOAP): the
      // element's text up to the next tag.
      const close = maskElementText(text, separatorAt + 1, scan.masks);
      return { next: close, region };
    }
    if (isBlank(text.charCodeAt(end))) {
      // <wsse:Password Type="…">x</wsse:Password>: the text after the attributes, which are read as names of their own.
      const tagEnd = elementTagEnd(text, end);
      if (tagEnd >= 0 && text.charCodeAt(tagEnd - 1) !== SLASH) maskElementText(text, tagEnd + 1, scan.masks);
      return { next: end, region };
    }
  }

  if (name.charCodeAt(0) === DASH && isBlank(text.charCodeAt(p))) {
    // --password hunter2, "--password" "hunter2": the next word, unless it is another flag or the command ends; a
    // backslash that continues the line (--password \⏎ x) is a blank.
    const kind = keyKind(name, -1) ?? siblingNamesSecret(text, start, name);
    const value = skipContinuedBlanks(text, p);
    const c = text.charCodeAt(value);
    if (
      kind !== null &&
      value < text.length &&
      (c !== DASH || dashWordIsValue(text, value)) &&
      c !== LESS && // --with-token < /run/secrets/token: the input comes from a file
      c !== GREATER &&
      !isCommandEnd(c) &&
      !isSpace(c) &&
      !closesRegion(text, value, region) &&
      !isSettingWord(text, value)
    ) {
      return { next: maskNamedValue(scan, kind, value, localValueEnd(text, value, region), region), region };
    }
    return { next: end, region };
  }

  if (!quotedName && isBlank(text.charCodeAt(end))) {
    const value = skipBlanks(text, end);
    const c = text.charCodeAt(value);
    // `--auth-type=bearer --auth x`: a scheme named as a setting; the flag after it is no credential.
    const minimum = c === DASH ? undefined : BARE_SCHEMES[name.toLowerCase()];
    // SQL, config commands and prose: PASSWORD 'x', IDENTIFIED BY x, requirepass x, aws_secret_access_key x. A
    // name in a path (/run/secrets/db_password) names a file, not a value after it.
    const secretWord = isQuote(c)
      ? !closesRegion(text, value, region) && (isSensitiveKey(name) || isByAfterSecret(text, start, name))
      : isAlnum(c) && before !== SLASH && isPlainValueName(name, text, start, value);
    // Where the value ends is looked for only once it is to be masked: finding it may scan far, for every name.
    if (secretWord || minimum !== undefined) {
      const valueStop = localValueEnd(text, value, region);
      if (secretWord || (minimum !== undefined && valueStop - value >= minimum)) {
        maskValue(text, value, valueStop, scan.masks);
        return { next: valueStop, region };
      }
    }
  }
  return { next: end, region };
}

/** How much of an element's text, or of its start tag, is read. */
const ELEMENT_MAX = 4096;

/** Whether the name at `start` is an element's, after `<` or after `<prefix:` (<password>, <wsse:Password>). */
function opensElement(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === LESS) return true;
  if (before !== COLON) return false;
  let p = start - 1;
  while (p > 0 && start - p < 64 && isKeyChar(text.charCodeAt(p - 1))) p--;
  return p < start - 1 && text.charCodeAt(p - 1) === LESS;
}

/** The `>` that ends the start tag whose attributes start at `from`, or -1 (another tag opens first, or too far). */
function elementTagEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + ELEMENT_MAX);
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === GREATER) return p;
    if (c === LESS) return -1;
  }
  return -1;
}

/** Masks an element's text from `value` to the next tag, or a CDATA section's content whole; returns where it ends. */
function maskElementText(text: string, value: number, masks: Span[]): number {
  if (text.startsWith('<![CDATA[', value)) {
    const content = value + 9;
    const close = text.slice(content, content + ELEMENT_MAX).indexOf(']]>');
    const stop = close < 0 ? Math.min(text.length, content + ELEMENT_MAX) : content + close;
    maskValue(text, content, stop, masks);
    return stop;
  }
  let close = value;
  while (close < text.length && text.charCodeAt(close) !== LESS && close - value < ELEMENT_MAX) close++;
  maskValue(text, value, close, masks);
  return close;
}

/** Whether the name at `start` is a part of an ARN (arn:aws:secretsmanager:region:account:secret:db-AbCdEf). */
function inArn(text: string, start: number): boolean {
  let p = start;
  while (
    p > 0 &&
    start - p < 256 &&
    !isSpace(text.charCodeAt(p - 1)) &&
    !isQuote(text.charCodeAt(p - 1)) &&
    text.charCodeAt(p - 1) !== EQUALS
  )
    p--;
  return text.startsWith('arn:', p);
}

/** Blanks, and backslash-newlines that continue a shell's line, from `from`. */
function skipContinuedBlanks(text: string, from: number): number {
  let p = skipBlanks(text, from);
  while (text.charCodeAt(p) === BACKSLASH && text.charCodeAt(p + 1) === NEWLINE) {
    p += 2;
    while (p < text.length && isSpace(text.charCodeAt(p)) && text.charCodeAt(p) !== NEWLINE) p++;
  }
  return p;
}

/** How long a YAML value on the line after its name may be. */
const NEXT_LINE_MAX = 4096;

/**
 * A YAML plain or quoted value on the line after its name (`password:⏎  x`): [start, end) of that line's text when it
 * is indented further than the name's line and is no mapping key, list item, comment or block of its own; else null.
 */
function nextLineValue(text: string, nameStart: number, newline: number): [number, number] | null {
  let lineStart = nameStart;
  while (lineStart > 0 && nameStart - lineStart < 256 && text.charCodeAt(lineStart - 1) !== NEWLINE) lineStart--;
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
  let p = newline + 1;
  while (text.charCodeAt(p) === 0x20 && p - newline < 256) p++;
  if (p - newline - 1 <= indent) return null;
  let end = p;
  while (end < text.length && end - p < NEXT_LINE_MAX && text.charCodeAt(end) !== NEWLINE) end++;
  while (end > p && isSpace(text.charCodeAt(end - 1))) end--;
  const line = text.slice(p, Math.min(end, p + 256));
  if (end === p || /^(?:[-#|>{[&*!%@`]|[\w.-]+[ \t]*:(?:[ \t]|$))/.test(line)) return null;
  return [p, end];
}

/** After a YAML block indicator (|, >, |-, >+2) at `at`, where its first line starts (after a newline or \n); else -1. */
function blockScalarEnd(text: string, at: number): number {
  const indicator = /^[|>][-+]?\d?[ \t]*(?:\n|\\n)/.exec(text.slice(at, at + 8));
  return indicator ? at + indicator[0].length : -1;
}

/** How much of a block scalar is read: a secret's block is a few lines. */
const BLOCK_MAX = 4096;

/**
 * The block's lines from `from`: the first one and those after it indented as far, each ending at a newline or \n,
 * the block ending where the quoted region `region` closes. Returns [start, end) without the first line's indentation.
 */
function blockLines(text: string, from: number, region: number): [number, number] {
  const limit = Math.min(text.length, from + BLOCK_MAX);
  let p = from;
  while (p < limit && isBlank(text.charCodeAt(p))) p++;
  const start = p;
  const indent = start - from;
  let end = start;
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (c === region && region >= 0) break;
    const breakLength = c === NEWLINE ? 1 : c === BACKSLASH && text.charCodeAt(p + 1) === 0x6e ? 2 : 0;
    if (breakLength === 0) {
      p++;
      end = p;
      continue;
    }
    // The next line belongs to the block when it is indented at least as far as the first.
    let q = p + breakLength;
    while (q < limit && q - (p + breakLength) < indent && text.charCodeAt(q) === 0x20) q++;
    if (indent === 0 || q - (p + breakLength) < indent) break;
    p = q;
  }
  return [start, end];
}

/**
 * A flag's next word that is a setting, not a secret: --token-auth disabled, --auth none, -newkey rsa:4096,
 * --key ed25519, and the name of an authentication method (REGISTRY_AUTH=htpasswd, --auth ldap).
 */
const SETTING_WORD =
  /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|auto|required|optional|always|never|default|(?:rsa|dsa|ec|ed25519|ed448)(?::\d+)?|stdin|fd:\d+|env:[A-Za-z_]\w*|htpasswd|ldaps?|oidc|saml2?|kerberos|gssapi|scram-sha-(?:1|256)|md5|pam|x509)(?![\w.:/@=+-])/i;
/** After `=`, only a setting word alone counts: DB_PASSWORD=Default!2024 is a password that starts with one. */
function endsAfterSettingWord(text: string, at: number): boolean {
  const word = SETTING_WORD.exec(text.slice(at, at + 16));
  const next = text.charCodeAt(at + (word?.[0].length ?? 0));
  return Number.isNaN(next) || isSpace(next) || isQuote(next) || next === 0x3b || next === 0x29 || next === 0x7d;
}

/** A whole value that is a setting word (npm config set //registry/:always-auth true). */
export function isSettingValue(value: string): boolean {
  return SETTING_WORD.exec(value)?.[0].length === value.length;
}

function isSettingWord(text: string, at: number): boolean {
  return SETTING_WORD.test(text.slice(at, at + 16));
}

/** How far back a `value` looks for the name it belongs to. */
const SIBLING_WINDOW = 200;
/** The name given beside a `value`: {"name":"API_TOKEN","value":…}, --name /prod/db/password --value …. */
const SIBLING_NAME = /(?:["']?\b(?:name|key)["']?\s*[:=]\s*["']?|--(?:name|key)[\s=]+)([^\s"',}]+)/gi;

/**
 * A `value` whose sibling name, before it or after it in the same entry, says secret (a Kubernetes env entry, an
 * ECS task's environment, an SSM parameter, a Key Vault secret) is a secret's value, whatever the word `value` says itself.
 */
function siblingNamesSecret(text: string, start: number, name: string): KeyKind | null {
  if (!/^(?:--?)?value$/i.test(name)) return null;
  let sibling: string | undefined;
  // The entry the value is in: after the last brace or YAML list item before it.
  let back = text.slice(Math.max(0, start - SIBLING_WINDOW), start);
  let entryStart = Math.max(back.lastIndexOf('{'), back.lastIndexOf('}'));
  for (const item of back.matchAll(/\n[ \t]*-[ \t]/g)) entryStart = Math.max(entryStart, item.index);
  if (entryStart >= 0) back = back.slice(entryStart);
  for (const match of back.matchAll(SIBLING_NAME)) sibling = match[1];
  if (!sibling) {
    // {"value":"x","name":"API_TOKEN"}, - value: x⏎  name: DB_PASSWORD: the name given after, in the same entry.
    const ahead = text.slice(start, start + SIBLING_WINDOW);
    const entryEnd = ahead.search(/[{}]|\n\s*-/);
    const entry = entryEnd < 0 ? ahead : ahead.slice(0, entryEnd);
    sibling = [...entry.matchAll(SIBLING_NAME)][0]?.[1];
  }
  return sibling && isSensitiveKey(sibling.slice(sibling.lastIndexOf('/') + 1)) ? 'secret' : null;
}

/**
 * The key of a Kubernetes secretKeyRef or configMapKeyRef (valueFrom: secretKeyRef: {name: db, key: password}): which
 * of the secret's keys to read, not a secret.
 */
function namesKeyOfSecret(text: string, start: number, name: string): boolean {
  if (name !== 'key') return false;
  const before = text.slice(Math.max(0, start - SIBLING_WINDOW), start);
  const ref = [...before.matchAll(/(?:secret|configMap)KeyRef\\?["']?\s*:/g)].at(-1);
  if (!ref) return false;
  // In the reference's own entry: no brace closes it, and YAML's key is at most a few lines below.
  const entry = before.slice(ref.index + ref[0].length);
  return !entry.includes('}') && entry.split('\n').length <= 4;
}

/** A JSON Web Key's private members (RFC 7518: RSA's d, p, q, dp, dq, qi; EC's and OKP's d; a symmetric k). */
const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']);
/** How far from a private member a JWK's "kty" is looked for. */
const JWK_WINDOW = 4096;

/** "d": … is a private key only in a JWK, which says so by its "kty" (a one-letter name is nothing elsewhere). */
function jwkPrivateMember(text: string, start: number, name: string): KeyKind | null {
  if (!JWK_PRIVATE_MEMBERS.has(name)) return null;
  const around = text.slice(Math.max(0, start - JWK_WINDOW), start + JWK_WINDOW);
  return /\bkty\\?["']?\s*:/.test(around) ? 'secret' : null;
}

/**
 * A bare word whose next plain word is its value: requirepass x, mysqladmin password x, aws_secret_access_key x,
 * add-authtoken x, IDENTIFIED BY x, when the value is not a word of prose. Not a secret's plain noun (kubectl create secret generic, kubeadm token
 * create, vault auth enable), PEM armour (-----END PRIVATE KEY-----), or a word that introduces the value itself
 * (… _password BY 'x').
 */
function isPlainValueName(name: string, text: string, start: number, value: number): boolean {
  if (name.includes('---') || SECRET_NOUNS.has(name.toLowerCase())) return false;
  // openssl genrsa -out server.key 2048: a file's name is no name of what follows it.
  if (FILE_NAME.test(name)) return false;
  if (!isSensitiveKey(name) && !isByAfterSecret(text, start, name)) return false;
  let end = value;
  while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
  const word = text.slice(value, end);
  // A word of prose ("authentication methods failed", "token rotation") is all small letters; a value seldom is.
  return !VALUE_LEAD_INS.has(word.toLowerCase()) && !/^[a-z]+$/.test(word);
}
/** A file's name by its extension: a key's, a certificate's, a keystore's or a configuration file's. */
const FILE_NAME =
  /^[\w-][\w.-]*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|truststore|pub|csr|ppk|kdbx|json|ya?ml|toml|ini|conf|cfg|env|txt|properties|xml)$/i;
const SECRET_NOUNS = new Set(
  'secret secrets token tokens key keys session sessions cookie cookies auth credential credentials signature oauth jwt bearer sig salt otp pat dsn psk hmac cred creds sas secretsmanager'.split(
    ' ',
  ),
);
const VALUE_LEAD_INS = new Set('by with as to is for from of in on and or file env set'.split(' '));

/**
 * A shell's script after -c (sh -c '…', bash -euo pipefail -c '…'), which Docker quotes whole for having
 * spaces: an assignment that opens it ends at the first blank, as the shell reads it, and the rest is the
 * command it runs (sh -c 'DB_PASSWORD=x exec postgres' keeps `exec postgres`).
 */
const SHELL_SCRIPT_FLAG =
  /(?:^|[\s/])(?:ba|da|z|k|a|fi)?sh\s+(?:-[a-zA-Z]+\s+(?:pipefail\s+)?)*-[a-zA-Z]*c[a-zA-Z]*\s+$/;
function opensShellScript(text: string, quoteAt: number): boolean {
  return SHELL_SCRIPT_FLAG.test(text.slice(Math.max(0, quoteAt - 80), quoteAt));
}

/**
 * Whether the quote at `at` closes the quoted region the scan is in. Docker joins a script's words with the
 * same quote inside and out (sh -c 'mysql -e 'ALTER USER … BY 'pw''): one followed by a letter or digit opens
 * a value instead.
 */
function closesRegion(text: string, at: number, region: number): boolean {
  return text.charCodeAt(at) === region && !isAlnum(text.charCodeAt(at + 1));
}

/** `BY` after IDENTIFIED or a secret-looking word (MySQL's IDENTIFIED [WITH plugin] BY 'password'). */
function isByAfterSecret(text: string, start: number, name: string): boolean {
  if (name.toLowerCase() !== 'by') return false;
  let end = start;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let begin = end;
  while (begin > 0 && end - begin < 64 && isKeyChar(text.charCodeAt(begin - 1))) begin--;
  const previous = text.slice(begin, end);
  return previous.toLowerCase() === 'identified' || isSensitiveKey(previous);
}

/**
 * One forward scan over names (runs of name characters) and quotes. It follows the quoted region
 * it is in (one level: the shell's "…'…'…" nesting needs no more), so a value inside
 * `sh -c "… TOKEN=x"` ends where that region closes.
 */
export function maskNamedValues(text: string, masks: Span[]): void {
  const scan: Scan = { text, masks };
  let region = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      if (region < 0) region = c;
      else if (c === region && !isAlnum(text.charCodeAt(i + 1))) region = -1;
      i++;
    } else if (c === BACKSLASH && (isQuote(text.charCodeAt(i + 1)) || ESCAPED_BLANKS.has(text.charCodeAt(i + 1)))) {
      // An escaped quote opens and closes nothing ({\"token\":\"x\"} inside an argument); \n starts a line, so
      // the name after it is a name of its own (printf 'user=a\npassword=x\n').
      i += 2;
    } else if (isKeyChar(c) || escapeLength(text, i) > 0) {
      const start = i;
      i = nameEnd(text, start);
      ({ next: i, region } = afterName(scan, start, i, region));
    } else {
      i++;
    }
  }
}

/** A masked value that is only a variable's reference ($P, "${pw}"): the variable's name. */
const REFERENCE = /^"?\$\{?([A-Za-z_]\w{0,63})\}?"?$/;
/** An assignment at a word start: NAME=value. */
const ASSIGNMENT = /(?<![\w$.-])([A-Za-z_]\w{0,63})=/g;

/**
 * The value assigned to a variable that a secret's place refers to: sh -c 'P=x; mysql -p$P' showed x, since P names
 * nothing secret; so did s=x; sshpass -p ${s}, whose reference is shown as a name. Reads the masks once and the text
 * once, after every other pass.
 */
export function maskAssignedReferences(text: string, masks: Span[]): void {
  const names = new Set(referencedVariables.get(masks));
  for (const [start, end] of masks) {
    if (end - start > 70 || text.charCodeAt(start) !== 0x24) continue;
    const name = REFERENCE.exec(text.slice(start, end))?.[1];
    if (name) names.add(name);
  }
  if (names.size === 0) return;
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    if (!names.has(m[1]!)) continue;
    const value = m.index + m[0].length;
    const end = trimCommandEnd(text, value, valueEnd(text, value, -1));
    maskValue(text, value, end, masks);
    ASSIGNMENT.lastIndex = Math.max(end, ASSIGNMENT.lastIndex);
  }
}
