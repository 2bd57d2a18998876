/**
 * What the redaction passes share: character classes, quote-aware value extents and the masks
 * they collect. Every helper moves forward only, and callers resume where a helper stopped, so
 * each pass reads the text a bounded number of times: linear on any input.
 */

/** A half-open range [start, end) of the text to replace by the mask. */
export type Span = readonly [start: number, end: number];

export const MASK = '***';

const BACKSLASH = 0x5c;

export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * A space or tab between a name and its value; every other space that ends no line counts too (no-break, ideographic,
 * em and thin spaces: pasted text has them, and a name followed by one is still a name).
 */
export function isBlank(c: number): boolean {
  return isSpace(c) && !((c >= 0x0a && c <= 0x0d) || c === 0x2028 || c === 0x2029);
}

export function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x60; // " ' `
}

export function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Shell control characters that end a command: ; | & ( ) and a newline. */
export function isCommandEnd(c: number): boolean {
  return c === 0x3b || c === 0x7c || c === 0x26 || c === 0x28 || c === 0x29 || c === 0x0a;
}

/**
 * The closing quote `q` of a quoted segment whose content starts at `from`, or -1 when it does not
 * close before `limit`. A backslash escapes the next character, and a quote directly followed by a letter or a
 * digit is taken as part of the text (`'it's fine'`), so a secret never ends early at a stray quote.
 */
export function closingQuote(text: string, from: number, q: number, limit = text.length): number {
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === BACKSLASH) p++;
    else if (c === q && !isAlnum(text.charCodeAt(p + 1))) return p;
  }
  return -1;
}

/**
 * Where a value that starts at `start` ends: at unquoted whitespace, or where the quoted region
 * holding it (`enclosing`, a quote character, or -1) closes, at most at `limit`. Quoted segments
 * inside the value are skipped whole; one that never closes runs to `limit` (when in doubt, hide), unless it
 * reads as a closing quote.
 */
export function valueEnd(text: string, start: number, enclosing: number, limit = text.length): number {
  let p = start;
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (isSpace(c)) break;
    if (c === BACKSLASH) {
      p += 2;
    } else if (c === enclosing && !isAlnum(text.charCodeAt(p + 1))) {
      break;
    } else if (isQuote(c)) {
      const close = closingQuote(text, p + 1, c, limit);
      // A quote that closes nothing after it, and is no letter's (`it's`), closes a segment opened before the
      // value (printf "password=x" > file): the value ends there.
      if (close < 0 && !isAlnum(text.charCodeAt(p + 1))) break;
      p = close < 0 ? limit : close + 1;
    } else {
      p++;
    }
  }
  return Math.min(p, limit);
}

/** A trailing `;`, `&&`, `|` or `)` is the shell's, not the value's: `export KEY=k1; run`. */
export function trimCommandEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && isCommandEnd(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 0x0a) e--;
  return e;
}

/** Masks the value [start, end): inside the quotes when it is one quoted segment (`"***"`), else whole. */
/**
 * A value made only of shell variable references (`$DB_PASSWORD`, `"${TOKEN}"`, `"$USER:$PASS"`): the
 * shell puts the secret in later, so what is shown is its name. Only braced or capitalised names, since
 * a password may well start with `$` (`$ecret1` is a password, not a variable a shell would have).
 */
const VARIABLE_REFERENCES =
  /^("?)(?:\$\{[A-Za-z_]\w*(?::?\?[^\n}'"`$\\]{0,80})?\}|\$[A-Z_][A-Z0-9_]+)(?:[:@/](?:\$\{[A-Za-z_]\w*\}|\$[A-Z_][A-Z0-9_]+))*\1$/;

/**
 * A value that is a file's path or a file: reference (--tls-key /etc/ssl/private/server.key,
 * --from-file=password=./pw.txt, --authkey=file:/run/secrets/ts), or a key's or certificate's file by its
 * extension (openssl req -key k.pem, --key certs/tls.key, --tls-key /k.pem): where a secret is kept, shown. An `@`
 * before the path reads the file, as curl's -d @file and Jenkins' -secret @/run/secrets/agent do.
 */
const FILE_REFERENCE =
  /^(["']?)@?(?:(?:file:\/{0,2})?\/(?:run|etc|var|opt|home|usr|srv|tmp|data|secrets?|app|mnt|config|certs?|keys?|root|vault|conf|dev|proc)\/[\w./@-]*|(?:~|\.{1,2})\/[\w./@-]*\/[\w./@-]*|(?:~|\.{1,2})\/[\w.@-]*\.[a-z]{1,5}|\/?[\w-][\w.-]*(?:\/[\w-][\w.-]*)*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|truststore|pub|csr|ppk|kdbx))\1$/;

/**
 * A value that stands for a secret kept elsewhere, filled in by whatever reads it: a template's expression (Helm and
 * Go's {{ .Values.db.password }}, Ansible's "{{ vault_db_password }}", GitHub Actions' ${{ secrets.TOKEN }}), a
 * Kubernetes $(DB_PASSWORD) or a Windows %DB_PASSWORD%, and a secret store's reference (argocd-vault-plugin's
 * <path:secret/data/db#password>, vals' ref+vault://…, 1Password's op://…, an AWS Secrets Manager or SSM ARN, an Azure
 * Key Vault reference), a file the shell reads ($(cat /run/secrets/x)), a Datadog %%env_NAME%%. A `)` that ends the command is trimmed from a value before it gets here.
 */
const SECRET_REFERENCE = new RegExp(
  `^(["']?)(?:` +
    [
      String.raw`\$?\{\{-?\s*[A-Za-z_.$][\w.$\[\]'"]*(?:\s*\|\s*[\w ."'()-]*)*\s*-?\}\}`,
      String.raw`\$\([A-Z_][A-Z0-9_]*\)?`,
      '%[A-Z_][A-Z0-9_]*%',
      String.raw`<path:[^<>\s]+>`,
      String.raw`ref\+[a-z0-9]+:\/\/\S+`,
      String.raw`op:\/\/[\w .\/-]+`,
      String.raw`arn:aws[\w-]*:(?:secretsmanager|ssm|kms):[\w:\/.+=@-]+`,
      String.raw`@Microsoft\.KeyVault\([^()\s]+\)?`,
      // The shell reads the secret from a file when it runs: --requirepass "$(cat /run/secrets/redis)", $(< /pw).
      String.raw`\$\((?:cat[ \t]+|<[ \t]*)[\w./@~-]{1,200}\)`,
      // Datadog Autodiscovery's template variable: the agent fills in the container's environment variable.
      '%%env_[A-Za-z_][A-Za-z0-9_]*%%',
    ].join('|') +
    String.raw`)\1$`,
);

/**
 * The variables whose references stood where a secret goes and were shown as names, by the masks they were found
 * for: the value assigned to one is a secret too (maskAssignedReferences).
 */
export const referencedVariables = new WeakMap<Span[], Set<string>>();

/**
 * An OpenSSH public key's type and base64 (its one group), read up to 8 kB (an RSA key of 16384 bits is less): the
 * source both the value check here and the random-run pass (tokens.ts) build on.
 */
export const OPENSSH_PUBLIC_KEY = String.raw`(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)[ \t]+(AAAA[A-Za-z0-9+/]{16,8192}={0,3})`;

/**
 * An OpenSSH public key line as a whole value (--ssh-key "ssh-ed25519 AAAA… ops@host", an authorized_keys entry):
 * published, whatever its name says. Up to 8 kB of base64 and a short comment.
 */
const PUBLIC_KEY_VALUE = new RegExp(String.raw`^(["']?)${OPENSSH_PUBLIC_KEY}(?:[ \t]+[\w.@-]{1,64})?\1$`);

export function maskValue(text: string, start: number, end: number, masks: Span[]): void {
  // Not under a password's name (DB_PASSWORD="ssh-rsa … hunter2"): there the comment may be the secret.
  if (end - start <= 8400 && /^["']?(?:ssh-|ecdsa-|sk-)/.test(text.slice(start, start + 8))) {
    const name = /([\w.-]{1,64})[=:\s]+["']?$/.exec(text.slice(Math.max(0, start - 80), start))?.[1] ?? '';
    if (!/pass|pwd|secret/i.test(name) && PUBLIC_KEY_VALUE.test(text.slice(start, end))) return;
  }
  if (end - start <= 200) {
    const value = text.slice(start, end);
    if (VARIABLE_REFERENCES.test(value)) {
      const names = referencedVariables.get(masks) ?? new Set<string>();
      for (const reference of value.matchAll(/\$\{?(\w+)/g)) names.add(reference[1]!);
      referencedVariables.set(masks, names);
      return;
    }
    if (FILE_REFERENCE.test(value) || SECRET_REFERENCE.test(value)) return;
  }
  const q = text.charCodeAt(start);
  if (end - start >= 2 && isQuote(q) && closingQuote(text, start + 1, q) === end - 1) {
    if (end - start > 2) masks.push([start + 1, end - 1]);
  } else if (end > start) {
    masks.push([start, end]);
  }
}

/** The text with every span replaced by one mask; overlapping or touching spans become one. */
export function applyMasks(text: string, masks: Span[]): string {
  if (masks.length === 0) return text;
  const sorted = [...masks].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < sorted.length) {
    let [start, end] = sorted[i]!;
    for (i++; i < sorted.length && sorted[i]![0] <= end; i++) end = Math.max(end, sorted[i]![1]);
    if (start < at) start = at;
    out += text.slice(at, start) + MASK;
    at = Math.max(at, end);
  }
  return out + text.slice(at);
}

/**
 * Whether a word after a secret flag that starts with `-` is its value rather than the next flag
 * (`--password -Xq7!z`, `sshpass -p -K3y`): flags are small letters, digits, dashes and underscores
 * (`-v`, `--no-color`, `--bind_ip_all`, `--ipv6`, `--opt=x`) or one character (`-H`); a capital or
 * punctuation makes it a value.
 */
export function dashWordIsValue(text: string, at: number): boolean {
  let p = at;
  while (p < text.length && !isSpace(text.charCodeAt(p)) && !isCommandEnd(text.charCodeAt(p))) p++;
  const word = text.slice(at, Math.min(p, at + 256));
  if (/^-.$/.test(word) || word === '--') return false;
  const name = word.split('=', 1)[0]!;
  // --keyFile, --authenticationDatabase, --bind_ip_all: a long flag, camel case or not; -BNe: short ones bundled.
  if (/^--[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/.test(name) || /^-[A-Za-z]{1,4}$/.test(name)) return false;
  return /[^a-z0-9_-]/.test(name);
}
