import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../errors.ts';

/**
 * OpenSSH known_hosts, for checking the host key of ssh:// Docker hosts (DOCKER_SSH_KNOWN_HOSTS).
 * node:crypto only. What is understood, as in sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT":
 *   host1,host2,[host3]:2222  ssh-ed25519 AAAA…  comment
 *   |1|<salt b64>|<HMAC-SHA1 of the name b64>  ecdsa-sha2-nistp256 AAAA…   (HashKnownHosts)
 *   @revoked *  ssh-rsa AAAA…                                               (that key is never accepted)
 * Host patterns may use * and ? and be negated with !. A host on a port other than 22 is looked up
 * as [host]:port only, like ssh does. Skipped, never fatal: blank lines, # comments, @cert-authority
 * lines (host certificates are not supported: ssh2 does not hand us the certificate to check),
 * key types other than ssh-ed25519 / ecdsa-sha2-nistp{256,384,521} / ssh-rsa, and malformed lines.
 */

const SUPPORTED_KEY_TYPES: readonly string[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
];

type HostPattern = { kind: 'hashed'; salt: Buffer; hash: Buffer } | { kind: 'glob'; pattern: RegExp; negated: boolean };

export interface KnownHostEntry {
  /** 1-based line in the file, for messages ("line 3"). */
  line: number;
  /** Only @revoked is kept; @cert-authority lines are skipped. */
  revoked: boolean;
  patterns: HostPattern[];
  keyType: string;
  /** The public key blob, as the server sends it in the key exchange. */
  key: Buffer;
}

export interface ParsedKnownHosts {
  entries: KnownHostEntry[];
  /** Lines that were not comments or blank but could not be used, and why. */
  skipped: { line: number; reason: string }[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseKnownHosts(text: string): ParsedKnownHosts {
  const entries: KnownHostEntry[] = [];
  const skipped: { line: number; reason: string }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\r$/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/[ \t]+/);
    let revoked = false;
    if (fields[0]!.startsWith('@')) {
      const marker = fields.shift()!;
      if (marker === '@cert-authority') {
        skipped.push({ line, reason: '@cert-authority is not supported' });
        return;
      }
      if (marker !== '@revoked') {
        skipped.push({ line, reason: `unknown marker ${marker.slice(0, 20)}` });
        return;
      }
      revoked = true;
    }
    const [hosts, keyType, keyText] = fields;
    if (!hosts || !keyType || !keyText) {
      skipped.push({ line, reason: 'expected hosts, key type and key' });
      return;
    }
    if (!SUPPORTED_KEY_TYPES.includes(keyType)) {
      skipped.push({ line, reason: `key type ${keyType.slice(0, 40)} is not supported` });
      return;
    }
    const key = BASE64.test(keyText) ? Buffer.from(keyText, 'base64') : undefined;
    if (!key || blobKeyType(key) !== keyType) {
      skipped.push({ line, reason: 'the key is not a valid base64 key of that type' });
      return;
    }
    const patterns = hosts
      .split(',')
      .map(parsePattern)
      .filter((p): p is HostPattern => p !== undefined);
    if (patterns.length === 0) {
      skipped.push({ line, reason: 'no usable host name or pattern' });
      return;
    }
    entries.push({ line, revoked, patterns, keyType, key });
  });
  return { entries, skipped };
}

function parsePattern(text: string): HostPattern | undefined {
  if (text.startsWith('|')) {
    // |1|salt|hash — the only hashing scheme OpenSSH has; anything else cannot match.
    const parts = text.split('|');
    if (parts.length !== 4 || parts[1] !== '1' || !BASE64.test(parts[2]!) || !BASE64.test(parts[3]!)) return undefined;
    const salt = Buffer.from(parts[2]!, 'base64');
    const hash = Buffer.from(parts[3]!, 'base64');
    return salt.length === 20 && hash.length === 20 ? { kind: 'hashed', salt, hash } : undefined;
  }
  const negated = text.startsWith('!');
  const body = (negated ? text.slice(1) : text).toLowerCase();
  if (body === '') return undefined;
  const source = body
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return { kind: 'glob', pattern: new RegExp(`^${source}$`), negated };
}

/** The name ssh looks a host up by: `host` on port 22, `[host]:port` otherwise; lower case. */
export function lookupName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Whether the entry's host list covers `name` (from lookupName): a negated match wins, as in ssh. */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  let matched = false;
  for (const p of entry.patterns) {
    if (p.kind === 'hashed') {
      const digest = createHmac('sha1', p.salt).update(name).digest();
      if (timingSafeEqual(digest, p.hash)) matched = true;
    } else if (p.pattern.test(name)) {
      if (p.negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** The key type a public key blob names (its first length-prefixed string), if it is well formed. */
export function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length + 4) return undefined;
  const type = blob.toString('latin1', 4, 4 + length);
  return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}

/** SHA256:… as `ssh-keygen -l` and ssh print it. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export type HostKeyVerdict =
  | { ok: true }
  | {
      ok: false;
      /** unknown: no entry with this key; changed: an entry with this key type but another key; revoked: @revoked. */
      kind: 'unknown' | 'changed' | 'revoked';
      keyType: string;
      fingerprint: string;
      /** The entry that conflicts (changed) or revokes (revoked). */
      line?: number;
      /** unknown: the key types the file does list for this host, if any. */
      knownTypes?: string[];
    };

/** Compares the raw key blob the server presented with the entries for host:port. */
export function checkHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  key: Buffer,
): HostKeyVerdict {
  const name = lookupName(host, port);
  const keyType = blobKeyType(key) ?? 'unknown';
  const fail = (
    kind: 'unknown' | 'changed' | 'revoked',
    extra: { line?: number; knownTypes?: string[] } = {},
  ): HostKeyVerdict => ({ ok: false, kind, keyType, fingerprint: fingerprint(key), ...extra });
  const forHost = entries.filter((e) => entryMatches(e, name));
  const revoked = forHost.find((e) => e.revoked && e.key.equals(key));
  if (revoked) return fail('revoked', { line: revoked.line });
  const trusted = forHost.filter((e) => !e.revoked);
  if (trusted.some((e) => e.key.equals(key))) return { ok: true };
  const sameType = trusted.find((e) => e.keyType === keyType);
  if (sameType) return fail('changed', { line: sameType.line });
  const knownTypes = [...new Set(trusted.map((e) => e.keyType))];
  return fail('unknown', knownTypes.length > 0 ? { knownTypes } : {});
}

/** ssh2's host key algorithms in its own order of preference, by the key type each one uses. */
const HOST_KEY_ALGORITHMS: readonly (readonly [algorithm: string, keyType: string])[] = [
  ['ssh-ed25519', 'ssh-ed25519'],
  ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp256'],
  ['ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp384'],
  ['ecdsa-sha2-nistp521', 'ecdsa-sha2-nistp521'],
  ['rsa-sha2-512', 'ssh-rsa'],
  ['rsa-sha2-256', 'ssh-rsa'],
  ['ssh-rsa', 'ssh-rsa'],
];

/**
 * Like ssh, ask the server first for the key types already known for this host: a host recorded by
 * an older ssh with only its ECDSA key would otherwise present Ed25519 (ssh2's first choice) and be
 * refused as unknown. Other types stay allowed after them. Undefined when nothing is known.
 */
export function preferredHostKeyAlgorithms(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
): string[] | undefined {
  const name = lookupName(host, port);
  const known = new Set(entries.filter((e) => !e.revoked && entryMatches(e, name)).map((e) => e.keyType));
  const preferred = HOST_KEY_ALGORITHMS.filter(([, type]) => known.has(type)).map(([algorithm]) => algorithm);
  return preferred.length > 0 ? preferred : undefined;
}

/** `~/.ssh/known_hosts` of the user the bot runs as. */
export function defaultKnownHostsPath(): string {
  return path.join(os.homedir(), '.ssh', 'known_hosts');
}

/** DOCKER_SSH_KNOWN_HOSTS as an absolute path (~/ expanded), or the default. */
export function resolveKnownHostsPath(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return defaultKnownHostsPath();
  return path.resolve(value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value);
}

/**
 * A known_hosts file read at start-up and read again when it changes (so a host added with
 * ssh-keyscan is trusted without a restart, and a line removed stops being trusted).
 */
export class KnownHostsFile {
  private stamp: string;
  private parsed: ParsedKnownHosts;

  private constructor(
    readonly path: string,
    stamp: string,
    parsed: ParsedKnownHosts,
  ) {
    this.stamp = stamp;
    this.parsed = parsed;
  }

  /** Reads the file now; a missing or unreadable file is a ConfigError naming DOCKER_SSH_KNOWN_HOSTS. */
  static open(file: string, example?: { hostname: string; port: number }): KnownHostsFile {
    try {
      const { stamp, parsed } = KnownHostsFile.read(file);
      return new KnownHostsFile(file, stamp, parsed);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      const which = file === defaultKnownHostsPath() ? `${file} (the default)` : file;
      const add = example ? ` (after checking the key: ${keyscanCommand(example.hostname, example.port, file)})` : '';
      throw new ConfigError(
        `DOCKER_SSH_KNOWN_HOSTS=${which}: cannot read it (${code}). ssh:// Docker hosts are only used when their host key is in that file: add them${add}, or point DOCKER_SSH_KNOWN_HOSTS at another known_hosts file.`,
      );
    }
  }

  /** The current entries; throws the file system error when the file cannot be read any more. */
  entries(): readonly KnownHostEntry[] {
    const stat = fs.statSync(this.path);
    if (statStamp(stat) !== this.stamp) {
      const { stamp, parsed } = KnownHostsFile.read(this.path);
      this.stamp = stamp;
      this.parsed = parsed;
    }
    return this.parsed.entries;
  }

  private static read(file: string): { stamp: string; parsed: ParsedKnownHosts } {
    const fd = fs.openSync(file, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile())
        throw Object.assign(new Error('not a file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
      return { stamp: statStamp(stat), parsed: parseKnownHosts(fs.readFileSync(fd, 'utf8')) };
    } finally {
      fs.closeSync(fd);
    }
  }
}

function statStamp(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/** The command that adds a host's keys to the file (the user is told to check the key first). */
export function keyscanCommand(hostname: string, port: number, file: string): string {
  return `ssh-keyscan -p ${port} ${shellWord(hostname)} >> ${shellWord(file)}`;
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
