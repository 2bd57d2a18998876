/**
 * Worst-case redaction time: redactSecrets on 100 kB inputs of the shapes that hurt backtracking
 * patterns (repeated sensitive words, long and unclosed quotes, many = @ : and quotes, nested
 * scripts, token prefixes without a body), and toPsView on a 200 kB command, which is cut first.
 * Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type Docker from 'dockerode';
import { toPsView } from '../src/docker/ps.ts';
import { redactSecrets } from '../src/docker/redact.ts';

const SIZE = 100_000;
const ROUNDS = 5;

const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const SHAPES: Record<string, string> = {
  'password repeated': fill('password'),
  'password= repeated': fill('password='),
  'password: repeated': fill('password: '),
  'password: | block repeated (YAML)': fill('password: |\n  a\n  '),
  '\\u0070 and quoted name parts': fill('\\u0070a"s"s\\'),
  '${IFS} repeated': fill('$' + '{IFS}-p'),
  '--password repeated': fill('--password '),
  'mysql -p repeated': `mysql ${fill('-p ')}`,
  'mysql -p x repeated': fill('mysql -p x '),
  'htpasswd -b flags': `htpasswd ${fill('-b x ')}`,
  'mc alias set repeated': fill('mc alias set a b c d '),
  'many =': fill('='),
  'many @': fill('@'),
  'many :': fill(':'),
  'a:a@ repeated': fill('a:a@'),
  ':// then many @': `https://${fill('@')}`,
  'many "': fill('"'),
  "many '": fill("'"),
  '"a repeated': fill('"a'),
  'one unclosed quote': `"${fill('a')}`,
  'key=" then words': `password="${fill('a b ')}`,
  'nested sh -c': fill(`sh -c "sh -c 'sh -c \\"x\\"'" `),
  // Each credential call's arguments are read up to 600 characters: unclosed calls one after another.
  "login(' repeated (unclosed calls)": fill("login('a', "),
  '"password": repeated': fill('"password":'),
  "password ' repeated (SQL)": fill("password '"),
  "by 'x' repeated (SQL)": fill("identified by 'x' "),
  'set password for repeated (SQL)': fill('set password for a '),
  'acl setuser >x repeated (Redis)': fill('acl setuser a >x '),
  '<<<" repeated (here-strings)': fill('<<<"'),
  '<<EOF repeated (here-documents)': fill('<<EOF '),
  '<<EOF and lines': fill('<<EOF\nuser a b\n'),
  'expect "pass" send repeated': fill('expect "pass" send "'),
  '(echo x; repeated': fill('(echo x; '),
  'echo x > secret path repeated': fill('echo x > /run/secrets/a '),
  '-u a -p repeated': fill('-u a -p '),
  '"password", " repeated': fill('"password", "'),
  '--key-file <( repeated': fill('--key-file <('),
  'Authorization: repeated': fill('Authorization: '),
  'Bearer repeated': fill('Bearer '),
  'ghp_ without body': fill('ghp_'),
  'sk- repeated': fill('sk-'),
  'eyJ- repeated': fill('eyJ-'),
  'base64 logins repeated': fill('YWRtaW46YWRtaW4= '),
  'random-looking run': fill('Qx7Lm2Vb9Kt4Rp8Hs3'),
  'AKIA repeated': fill('AKIA '),
  'digits: (Telegram)': fill('1234567:'),
  'BEGIN PRIVATE KEY repeated': fill('-----BEGIN RSA PRIVATE KEY-----'),
  'BEGIN without KEY': fill('-----BEGIN AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA '),
  backslashes: fill('\\'),
  'a=a= repeated': fill('a=a='),
  'p=x -p$p repeated (references)': fill('p=x -p$p '),
  '-u a:b repeated': fill('-u a:b '),
  semicolons: fill(';'),
  'plain words': fill('hello world '),
  // Round 16's passes: XML elements and start tags, bracketed values, option lists, names percent-encoded.
  '<ns:password attr repeated (XML)': fill('<ns:password a="'),
  '<password><![CDATA[ repeated': fill('<password><![CDATA['),
  'password={ repeated (unclosed braces)': fill('password={'),
  '"auth": {"a":[ repeated': fill('"auth": {"a":['),
  'pw=x;pw=x; repeated (connection strings)': fill('pw=x;pw=x;'),
  '-o pass=a,pass=b, repeated (option lists)': `-o ${fill('pass=a,')}`,
  // Round 17's: quoted parts side by side, Windows flags, public keys, values named as ids, paths' @ after a host.
  '--password \'a\'"b" repeated (quoted parts)': `--password ${fill(`'a'"b"`)}`,
  "--password 'a' repeated (one word of parts)": `--password ${fill("'a'")}`,
  '/password:x repeated (Windows flags)': fill(' /password:x'),
  'ssh-ed25519 AAAA repeated (public keys)': fill('ssh-ed25519 AAAA'),
  'ssh-rsa AAAA+ long (one public key)': `ssh-rsa AAAA${fill('Qx7Lm2Vb9Kt4Rp8H+')}`,
  '--cluster-id X repeated (ids)': fill('--cluster-id Qx7Lm2Vb9Kt4Rp8Hs3 '),
  "https://a.b/@ repeated (a path's @)": fill('https://a.io/@'),
  '$(cat /x) repeated (files read)': fill('--secret "$(cat /run/secrets/x)" '),
  '{"value": repeated (names beside a value)': fill('{"value":"x","name":"a",'),
  'astral letters and = repeated': fill('\u{1d429}\u{1d41a}\u{1d42c}\u{1d42c}='),
  'Private-Lines: repeated (PuTTY)': fill('Private-Lines: 1\nA\n'),
  "vault kv put a b=c repeated (a store's values)": fill('vault kv put a b=c '),
  'secret set --value x repeated': fill('secret set --value x '),
  'secretKeyRef: key: repeated': fill('secretKeyRef: key: '),
  '%70 repeated (percent-encoded names)': fill('%70a%73s%77ord=%70'),
};

/** Median and slowest of ROUNDS runs, after one warm-up; the slowest is what a waiting user would feel. */
function timed(run: () => unknown): { median: number; max: number } {
  run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

export async function runRedactBench(): Promise<void> {
  console.log(
    `Redaction, ${SIZE / 1000} kB inputs of ${Object.keys(SHAPES).length} hostile shapes, ${ROUNDS} runs each:`,
  );
  const times = Object.entries(SHAPES).map(([name, input]) => ({ name, ...timed(() => redactSecrets(input)) }));
  times.sort((a, b) => b.max - a.max);
  for (const { name, median, max } of times.slice(0, 6)) {
    console.log(
      `  ${name.padEnd(28)} median ${median.toFixed(1).padStart(6)} ms   max ${max.toFixed(1).padStart(6)} ms`,
    );
  }
  const slowestMedian = times.reduce((a, b) => (b.median > a.median ? b : a));
  console.log(
    `  worst case: max ${times[0]!.max.toFixed(1)} ms (${times[0]!.name}); worst median ${slowestMedian.median.toFixed(1)} ms (${slowestMedian.name})`,
  );

  const command = fill('--password ', 200_000);
  const container = { Id: 'a'.repeat(64), Names: ['/x'], Image: 'x', Command: command, State: 'running' };
  const options = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };
  const view = timed(() =>
    toPsView([container as Docker.ContainerInfo], options, { name: 'default', endpoint: 'unix:///s' }, []),
  );
  console.log(
    `  toPsView with a 200 kB command (cut to what is shown first): median ${view.median.toFixed(2)} ms, max ${view.max.toFixed(2)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runRedactBench();
