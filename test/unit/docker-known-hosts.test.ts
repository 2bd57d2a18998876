import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/docker/config.ts';
import { describeHostKeyRefusal } from '../../src/docker/errors.ts';
import {
  checkHostKey,
  entryMatches,
  fingerprint,
  type KnownHostEntry,
  KnownHostsFile,
  lookupName,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
  resolveKnownHostsPath,
} from '../../src/docker/known-hosts.ts';
import { ConfigError } from '../../src/errors.ts';

/** Public keys made with ssh-keygen; the hashed lines are `ssh-keygen -H` of build.example.com and [build.example.com]:2222. */
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJPa0pvyxT9mKylIWHC/bDjpbHvCVKKhrOjqG9ROf7L0';
const ED25519_FP = 'SHA256:4JMDws1lkSxDA2La2r8WiMlQzUmg5bacob0Frl2SV5w'; // ssh-keygen -lf
const ECDSA =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBH6kF4uXnCwM/oEbW5veswiTxB39JTAnhzI+kBWWu9E2mq4de4t7WRFoPykhl2hTB//vYQhl7HEcrS3at220xsQ=';
const RSA =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCqg5GZ5swGVl3TchKni9hsstz5MqdOJZourR+n9aXx21RyVoZfS6dfLlwLMlipZJAaegvMgCJ0xPRPW7KILWic1fqV0uZDoxW7Cpb6mW3qIts0VVuwZc7ErGKcHwVXhKUqWd3ot5DG82I53pdwHu0i+wt9218fuiqiqgwv+6eEBw==';
const HASHED_22 = `|1|AHkYR8OP1xTXDBG1JQGAgouZXBs=|vVCV7uQ5rCNw/4cLnghzUB5YIVo= ${ED25519}`;
const HASHED_2222 = `|1|+rhka9y/H3J8GipvrISKlzRHfNE=|2Yyots6P0243lIA183fDfeE1oZo= ${ED25519}`;

const blob = (line: string) => Buffer.from(line.split(' ')[1]!, 'base64');
const ed25519 = blob(ED25519);
const ecdsa = blob(ECDSA);
const rsa = blob(RSA);

/** Another Ed25519 key in the wire format: string "ssh-ed25519", string 32-byte public key. */
function otherEd25519(): Buffer {
  const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const sshString = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
}
const line = (key: Buffer, type = 'ssh-ed25519') => `${type} ${key.toString('base64')}`;

const entries = (text: string): KnownHostEntry[] => parseKnownHosts(text).entries;
const verdict = (text: string, host: string, port: number, key: Buffer) => checkHostKey(entries(text), host, port, key);

describe('parseKnownHosts', () => {
  it('reads plain entries with their line numbers, key type and key blob; comments and blank lines are nothing', () => {
    const parsed = parseKnownHosts(
      [
        '# team hosts',
        '',
        '   ',
        `build.example.com ${ED25519} root@build`,
        `\t# indented comment`,
        `db.example.com ${ECDSA}\r`,
        `old.example.com ${RSA}`,
      ].join('\n'),
    );
    expect(parsed.skipped).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.keyType, e.revoked])).toEqual([
      [4, 'ssh-ed25519', false],
      [6, 'ecdsa-sha2-nistp256', false],
      [7, 'ssh-rsa', false],
    ]);
    expect(parsed.entries[0]!.key.equals(ed25519)).toBe(true);
  });

  it('matches hashed hostnames (HMAC-SHA1, as written by ssh-keygen -H), port form included', () => {
    const [port22, port2222] = entries(`${HASHED_22}\n${HASHED_2222}\n`);
    expect(entryMatches(port22!, 'build.example.com')).toBe(true);
    expect(entryMatches(port22!, '[build.example.com]:2222')).toBe(false);
    expect(entryMatches(port2222!, '[build.example.com]:2222')).toBe(true);
    expect(entryMatches(port2222!, 'build.example.com')).toBe(false);
    expect(verdict(HASHED_22, 'BUILD.Example.com', 22, ed25519)).toEqual({ ok: true }); // ssh lower-cases the name first
    expect(verdict(HASHED_2222, 'build.example.com', 2222, ed25519)).toEqual({ ok: true });
    expect(verdict(HASHED_22, 'other.example.com', 22, ed25519)).toMatchObject({ ok: false, kind: 'unknown' });
  });

  it('looks a host on another port up as [host]:port only, like ssh', () => {
    expect(lookupName('10.0.0.5', 22)).toBe('10.0.0.5');
    expect(lookupName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
    expect(lookupName('::1', 2222)).toBe('[::1]:2222');
    const text = `[10.0.0.5]:2222 ${ED25519}\n`;
    expect(verdict(text, '10.0.0.5', 2222, ed25519)).toEqual({ ok: true });
    expect(verdict(text, '10.0.0.5', 22, ed25519)).toMatchObject({ kind: 'unknown' });
    expect(verdict(`10.0.0.5 ${ED25519}`, '10.0.0.5', 2222, ed25519)).toMatchObject({ kind: 'unknown' });
    expect(verdict(`[::1]:2222 ${ED25519}`, '::1', 2222, ed25519)).toEqual({ ok: true });
  });

  it('reads comma-separated host lists, mixing names, addresses, port forms and hashes', () => {
    const text = `web1,web2.example.com,10.0.0.7,[10.0.0.7]:2200,${HASHED_22.split(' ')[0]} ${ED25519}\n`;
    for (const [host, port] of [
      ['web1', 22],
      ['web2.example.com', 22],
      ['10.0.0.7', 22],
      ['10.0.0.7', 2200],
      ['build.example.com', 22],
    ] as const) {
      expect(verdict(text, host, port, ed25519)).toEqual({ ok: true });
    }
    expect(verdict(text, 'web3', 22, ed25519)).toMatchObject({ kind: 'unknown' });
  });

  it('supports * and ? patterns and ! negation (a negated match wins)', () => {
    const text = `*.example.com,!evil.example.com,db?.internal ${ED25519}`;
    expect(verdict(text, 'ci.example.com', 22, ed25519)).toEqual({ ok: true });
    expect(verdict(text, 'db1.internal', 22, ed25519)).toEqual({ ok: true });
    expect(verdict(text, 'evil.example.com', 22, ed25519)).toMatchObject({ kind: 'unknown' });
    expect(verdict(text, 'db12.internal', 22, ed25519)).toMatchObject({ kind: 'unknown' });
    expect(verdict(text, 'example.com.attacker.net', 22, ed25519)).toMatchObject({ kind: 'unknown' }); // anchored
  });

  it('skips key types it does not support, and keeps reading', () => {
    const parsed = parseKnownHosts(
      [
        'a ssh-dss AAAAB3NzaC1kc3MAAACBAP==',
        'b sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t',
        'c ssh-ed448 AAAACXNzaC1lZDQ0OA==',
        `d ${ED25519}`,
      ].join('\n'),
    );
    expect(parsed.entries.map((e) => e.line)).toEqual([4]);
    expect(parsed.skipped.map((s) => s.line)).toEqual([1, 2, 3]);
    expect(parsed.skipped[0]!.reason).toBe('key type ssh-dss is not supported');
  });

  it('ignores malformed lines without crashing, and @cert-authority (not supported)', () => {
    const [, edKey] = ED25519.split(' ');
    const bad = [
      'just-a-host',
      'host ssh-ed25519',
      'host ssh-ed25519 not*base64!',
      `host ssh-rsa ${edKey}`, // blob says ssh-ed25519
      'host ssh-ed25519 AAAAC3NzaC1lZDI1NTE5', // truncated: the type and nothing else
      'host ssh-ed25519 AAAA',
      `|1|c2hvcnQ=|vVCV7uQ5rCNw/4cLnghzUB5YIVo= ${ED25519}`, // salt is not 20 bytes
      `|2|AHkYR8OP1xTXDBG1JQGAgouZXBs=|vVCV7uQ5rCNw/4cLnghzUB5YIVo= ${ED25519}`, // unknown hash scheme
      `|1|AHkYR8OP1xTXDBG1JQGAgouZXBs= ${ED25519}`,
      `,,! ${ED25519}`,
      `@cert-authority *.example.com ${ED25519}`,
      `@trusted host ${ED25519}`,
      '@revoked',
      '\u0000\u0001\uffff binary ssh-ed25519 \u0000',
    ];
    const parsed = parseKnownHosts([...bad, `good ${ED25519}`].join('\n'));
    expect(parsed.entries.map((e) => e.line)).toEqual([bad.length + 1]); // only "good"
    expect(parsed.skipped.map((s) => s.line)).toEqual(bad.map((_, i) => i + 1));
    expect(parsed.skipped.find((s) => s.line === 11)!.reason).toBe('@cert-authority is not supported');
    // A very long host name is a valid (if useless) pattern, not an error; binary noise is no crash.
    expect(parseKnownHosts(`${'x'.repeat(100_000)} ${ED25519}`).entries).toHaveLength(1);
    expect(() =>
      parseKnownHosts(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')),
    ).not.toThrow();
  });
});

describe('checkHostKey', () => {
  const other = otherEd25519();

  it('a different key of the same type for that host is a changed key, with the offending line', () => {
    expect(verdict(`# x\n[h]:2222 ${line(other)}\n`, 'h', 2222, ed25519)).toEqual({
      ok: false,
      kind: 'changed',
      keyType: 'ssh-ed25519',
      fingerprint: ED25519_FP,
      line: 2,
    });
  });

  it('accepts the key when any entry for the host has it, even next to an outdated one', () => {
    expect(verdict(`h ${line(other)}\nh ${ED25519}\n`, 'h', 22, ed25519)).toEqual({ ok: true });
  });

  it('a host known only by keys of other types is unknown for this one, and says which types it has', () => {
    expect(verdict(`h ${ECDSA}\nh ${RSA}\n`, 'h', 22, ed25519)).toEqual({
      ok: false,
      kind: 'unknown',
      keyType: 'ssh-ed25519',
      fingerprint: ED25519_FP,
      knownTypes: ['ecdsa-sha2-nistp256', 'ssh-rsa'],
    });
    expect(verdict(`h ${ECDSA}\n`, 'h', 22, ecdsa)).toEqual({ ok: true });
    expect(verdict(`h ${RSA}\n`, 'h', 22, rsa)).toEqual({ ok: true });
  });

  it('@revoked refuses that key, also when it is listed as trusted', () => {
    expect(verdict(`h ${ED25519}\n@revoked * ${ED25519}\n`, 'h', 22, ed25519)).toMatchObject({
      ok: false,
      kind: 'revoked',
      line: 2,
    });
    expect(verdict(`h ${ED25519}\n@revoked * ${line(other)}\n`, 'h', 22, ed25519)).toEqual({ ok: true });
    expect(verdict(`@revoked other ${ED25519}\nh ${ED25519}\n`, 'h', 22, ed25519)).toEqual({ ok: true });
  });

  it('fingerprints like ssh-keygen -l', () => {
    expect(fingerprint(ed25519)).toBe(ED25519_FP);
    expect(fingerprint(ecdsa)).toBe('SHA256:48CDLNxpdnOusL2zRzby6JVYaRJuLhzX+6iTQDxlpWg');
  });
});

describe('preferredHostKeyAlgorithms', () => {
  it('asks for the key types known for the host first, in ssh2 order; nothing known, no preference', () => {
    expect(preferredHostKeyAlgorithms(entries(`h ${ECDSA}`), 'h', 22)).toEqual(['ecdsa-sha2-nistp256']);
    expect(preferredHostKeyAlgorithms(entries(`h ${RSA}\nh ${ED25519}`), 'h', 22)).toEqual([
      'ssh-ed25519',
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(preferredHostKeyAlgorithms(entries(`h ${RSA}`), 'h', 2222)).toBeUndefined();
    expect(preferredHostKeyAlgorithms(entries(`@revoked h ${RSA}`), 'h', 22)).toBeUndefined();
  });
});

describe('the known_hosts file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'known-hosts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('DOCKER_SSH_KNOWN_HOSTS: default ~/.ssh/known_hosts, ~/ expanded, relative paths made absolute', () => {
    expect(resolveKnownHostsPath(undefined)).toBe(path.join(os.homedir(), '.ssh', 'known_hosts'));
    expect(resolveKnownHostsPath('  ')).toBe(path.join(os.homedir(), '.ssh', 'known_hosts'));
    expect(resolveKnownHostsPath('~/kh')).toBe(path.join(os.homedir(), 'kh'));
    expect(resolveKnownHostsPath('conf/kh')).toBe(path.resolve('conf/kh'));
  });

  it('is set on ssh:// hosts only, and reading the settings never opens it', () => {
    const config = readDockerConfig({
      DOCKER_HOSTS: 'a=ssh://deploy@a.example,b=tcp://b.example:2375,c=unix:///run/d.sock',
      DOCKER_SSH_KNOWN_HOSTS: path.join(dir, 'missing'),
    });
    expect(config.hosts.map((h) => h.sshKnownHosts)).toEqual([path.join(dir, 'missing'), undefined, undefined]);
  });

  it('a missing or unreadable file is a ConfigError naming DOCKER_SSH_KNOWN_HOSTS and how to fill it', () => {
    const missing = path.join(dir, 'missing');
    expect(() => KnownHostsFile.open(missing, { hostname: '10.0.0.5', port: 22 })).toThrow(ConfigError);
    expect(() => KnownHostsFile.open(missing, { hostname: '10.0.0.5', port: 22 })).toThrow(
      `DOCKER_SSH_KNOWN_HOSTS=${missing}: cannot read it (ENOENT). ssh:// Docker hosts are only used when their host key is in that file: add them (after checking the key: ssh-keyscan -p 22 10.0.0.5 >> ${missing}), or point DOCKER_SSH_KNOWN_HOSTS at another known_hosts file.`,
    );
    expect(() => KnownHostsFile.open(dir)).toThrow(`DOCKER_SSH_KNOWN_HOSTS=${dir}: cannot read it (EISDIR).`);
  });

  it('is read again when it changes, and fails once it is gone', () => {
    const file = path.join(dir, 'known_hosts');
    fs.writeFileSync(file, `h ${ECDSA}\n`);
    const known = KnownHostsFile.open(file);
    expect(checkHostKey(known.entries(), 'h', 22, ed25519)).toMatchObject({ kind: 'unknown' });
    fs.appendFileSync(file, `h ${ED25519}\n`);
    expect(checkHostKey(known.entries(), 'h', 22, ed25519)).toEqual({ ok: true });
    fs.rmSync(file);
    expect(() => known.entries()).toThrow(/ENOENT/);
  });
});

describe('describeHostKeyRefusal', () => {
  const endpoint = readDockerConfig({ DOCKER_HOST: 'ssh://deploy:pw@10.0.0.5' }).hosts[0]!;
  const file = '/root/.ssh/known_hosts';

  it('one line per case, with the fingerprint and never the key or the password', () => {
    const unknown = describeHostKeyRefusal(
      { ok: false, kind: 'unknown', keyType: 'ssh-ed25519', fingerprint: ED25519_FP },
      endpoint,
      file,
    ).message;
    expect(unknown).toBe(
      `Docker host ssh://10.0.0.5 presented an ssh-ed25519 host key (${ED25519_FP}) that is not in /root/.ssh/known_hosts (DOCKER_SSH_KNOWN_HOSTS), so the bot did not connect. Check the host (on it: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then add it: ssh-keyscan -p 22 10.0.0.5 >> /root/.ssh/known_hosts`,
    );
    const changed = describeHostKeyRefusal(
      { ok: false, kind: 'changed', keyType: 'ssh-ed25519', fingerprint: ED25519_FP, line: 7 },
      endpoint,
      file,
    ).message;
    expect(changed).toMatch(
      /^WARNING: Docker host ssh:\/\/10\.0\.0\.5 presented a different ssh-ed25519 host key \(SHA256:\S+\) than the one \/root\/\.ssh\/known_hosts \(DOCKER_SSH_KNOWN_HOSTS\) has for it on line 7, so the bot did not connect\. Someone may be intercepting/,
    );
    const others = describeHostKeyRefusal(
      { ok: false, kind: 'unknown', keyType: 'ecdsa-sha2-nistp384', fingerprint: ED25519_FP, knownTypes: ['ssh-rsa'] },
      endpoint,
      file,
    ).message;
    expect(others).toContain('(it only has ssh-rsa keys for this host)');
    expect(others).toContain('ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub');
    const gone = describeHostKeyRefusal({ ok: false, kind: 'unreadable', code: 'ENOENT' }, endpoint, file).message;
    expect(gone).toBe(
      'Did not connect to Docker host ssh://10.0.0.5: its host key cannot be checked because /root/.ssh/known_hosts (DOCKER_SSH_KNOWN_HOSTS) cannot be read any more (ENOENT). Restore that file.',
    );
    for (const message of [unknown, changed, others, gone]) {
      expect(message).not.toContain('\n');
      expect(message).not.toContain('AAAA');
      expect(message).not.toContain('pw');
    }
  });

  it('quotes a file name the shell would split', () => {
    const message = describeHostKeyRefusal(
      { ok: false, kind: 'unknown', keyType: 'ssh-rsa', fingerprint: ED25519_FP },
      endpoint,
      "/srv/bot's keys/known_hosts",
    ).message;
    expect(message).toMatch(/ssh-keyscan -p 22 10\.0\.0\.5 >> '\/srv\/bot'\\''s keys\/known_hosts'$/);
  });
});
