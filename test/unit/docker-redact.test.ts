import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toPsView } from '../../src/docker/ps.ts';
import { allowlistedLabels, cutForDisplay, redactSecrets, stripUrlCredentials } from '../../src/docker/redact.ts';
import type { PsView } from '../../src/docker/types.ts';
import { renderPsBlocks } from '../../src/render/slack/docker.ts';
import { renderPsText } from '../../src/render/text/docker.ts';
import { containerInfo } from '../support/container-info.ts';

/**
 * Secret forms in container commands, each checked on the three renderings a user can see: the
 * JSON view model (`cli ps --json`), the terminal table (CLI and shell) and the Block Kit message
 * (Slack). Each asserts the exact visible command and that none of its secret parts shows anywhere.
 */

/** Token-shaped test values, made here so no realistic secret sits in the repository. */
const BODY = 'Zx9Qm2Lw7Vb4Tk8Rp3Hs6Nd1Yc5Gf0';
const fake = (prefix: string, length: number) => prefix + BODY.repeat(4).slice(0, length);

type SecretForm = [form: string, command: string, shown: string, secrets: string[]];

const SECRET_FORMS: SecretForm[] = [
  // Sensitive word forms, as whole words and inside flag names.
  ['--password=', 'app --password=hunter2 --port 80', 'app --password=*** --port 80', ['hunter2']],
  ['--password value', 'app --password hunter2 --port 80', 'app --password *** --port 80', ['hunter2']],
  ['quoted value with a space', 'app --db-password="two words" -v', 'app --db-password="***" -v', ['two', 'words']],
  ['--passwd', 'app --passwd=hunter2', 'app --passwd=***', ['hunter2']],
  ['--pwd', 'app --pwd hunter2', 'app --pwd ***', ['hunter2']],
  ['-pw', 'app -pw hunter2 -v', 'app -pw *** -v', ['hunter2']],
  ['--pass', 'app --pass hunter2', 'app --pass ***', ['hunter2']],
  [
    '--secret / --client-secret',
    'app --secret=s1x --client-secret s2x',
    'app --secret=*** --client-secret ***',
    ['s1x', 's2x'],
  ],
  ['--token / --api-token', 'app --token t1x --api-token=t2x', 'app --token *** --api-token=***', ['t1x', 't2x']],
  ['--key / --signing-key', 'app --key k1x --signing-key=k2x', 'app --key *** --signing-key=***', ['k1x', 'k2x']],
  ['--apikey / --x-api-key', 'app --apikey=k1x --x-api-key k2x', 'app --apikey=*** --x-api-key ***', ['k1x', 'k2x']],
  ['--auth / --auth-token', 'app --auth a1x --auth-token=a2x', 'app --auth *** --auth-token=***', ['a1x', 'a2x']],
  ['--credentials / --creds', 'app --credentials c1x --creds=c2x', 'app --credentials *** --creds=***', ['c1x', 'c2x']],
  ['--cookie', "app --cookie 'sid=hunter2'", "app --cookie '***'", ['hunter2']],
  ['--session-id', 'app --session-id hunter2', 'app --session-id ***', ['hunter2']],
  ['--signature / --salt', 'app --signature s1x --salt=s2x', 'app --signature *** --salt=***', ['s1x', 's2x']],
  ['--passphrase', "gpg --passphrase 'my phrase' -d f", "gpg --passphrase '***' -d f", ['my phrase']],
  [
    '--requirepass / --masterauth',
    'redis-server --requirepass r1x --masterauth r2x',
    'redis-server --requirepass *** --masterauth ***',
    ['r1x', 'r2x'],
  ],
  [
    'keytool -storepass / -keypass',
    'keytool -storepass s1x -keypass s2x',
    'keytool -storepass *** -keypass ***',
    ['s1x', 's2x'],
  ],
  [
    'camelCase names',
    'app --dbPassword=p1x --apiKey=p2x --authToken p3x',
    'app --dbPassword=*** --apiKey=*** --authToken ***',
    ['p1x', 'p2x', 'p3x'],
  ],
  [
    'Java -D…password',
    'java -Dspring.datasource.password=hunter2 -jar a.jar',
    'java -Dspring.datasource.password=*** -jar a.jar',
    ['hunter2'],
  ],
  [
    'Java -D…Password (camel)',
    'java -Djavax.net.ssl.keyStorePassword=hunter2 -jar a',
    'java -Djavax.net.ssl.keyStorePassword=*** -jar a',
    ['hunter2'],
  ],
  ['Java -Dcredentials', 'java -Dcredentials=hunter2 -jar app.jar', 'java -Dcredentials=*** -jar app.jar', ['hunter2']],
  ['invisible character in the name', 'app --pass\u200bword=hunter2', 'app --pass\\u200bword=***', ['hunter2']],
  // Environment assignments.
  ['DB_PASS= / MYSQL_PWD=', 'env DB_PASS=p1x MYSQL_PWD=p2x run', 'env DB_PASS=*** MYSQL_PWD=*** run', ['p1x', 'p2x']],
  ['PGPASSWORD=', 'PGPASSWORD=hunter2 psql -h db', 'PGPASSWORD=*** psql -h db', ['hunter2']],
  [
    'AWS_SECRET_ACCESS_KEY= with / and +',
    'AWS_SECRET_ACCESS_KEY=wJal/rXUtn+FEMI run',
    'AWS_SECRET_ACCESS_KEY=*** run',
    ['wJal', 'FEMI'],
  ],
  ['GITHUB_TOKEN=', 'GITHUB_TOKEN=hunter2 gh pr list', 'GITHUB_TOKEN=*** gh pr list', ['hunter2']],
  ['export in sh -c, ; kept', 'sh -c "export API_KEY=hunter2; run"', 'sh -c "export API_KEY=***; run"', ['hunter2']],
  ['value running on after ;', 'DB_PASS=abc;xyz run', 'DB_PASS=*** run', ['abc', 'xyz']],
  ['assignment opening a quoted script', "sh -c 'SECRET=hunter2 ./start'", "sh -c 'SECRET=*** ./start'", ['hunter2']],
  // Short password flags and positional passwords of common tools.
  ['mysql -p attached', 'mysql -uroot -phunter2 app', 'mysql -uroot -p*** app', ['hunter2']],
  ['mysql -p separate', 'mysql -u root -p hunter2', 'mysql -u root -p ***', ['hunter2']],
  ['mysqldump -p quoted', "mysqldump -p'hunter 2' app", "mysqldump -p'***' app", ['hunter']],
  ['sshpass -p', 'sshpass -p hunter2 ssh deploy@host', 'sshpass -p *** ssh deploy@host', ['hunter2']],
  ['sshpass -p attached', 'sshpass -phunter2 scp f h:', 'sshpass -p*** scp f h:', ['hunter2']],
  ['redis-cli -a', 'redis-cli -h redis -a hunter2 ping', 'redis-cli -h redis -a *** ping', ['hunter2']],
  [
    'openssl -passin pass:',
    'openssl enc -d -passin pass:hunter2 -in f',
    'openssl enc -d -passin pass:*** -in f',
    ['hunter2'],
  ],
  ['openssl -k', 'openssl enc -k hunter2 -in f', 'openssl enc -k *** -in f', ['hunter2']],
  [
    'curl -u user:pass',
    'curl -u admin:hunter2 https://api.example.com',
    'curl -u *** https://api.example.com',
    ['admin', 'hunter2'],
  ],
  [
    'curl -u token as user',
    'curl -u hunter2tok: https://api.example.com',
    'curl -u *** https://api.example.com',
    ['hunter2tok'],
  ],
  ['curl -uuser:pass', 'curl -uadmin:hunter2 https://x.example', 'curl -uadmin:*** https://x.example', ['hunter2']],
  ['curl --user=', 'curl --user=admin:hunter2 https://x.example', 'curl --user=*** https://x.example', ['hunter2']],
  [
    'curl -E cert:pass',
    'curl -E client.pem:hunter2 https://x.example',
    'curl -E client.pem:*** https://x.example',
    ['hunter2'],
  ],
  [
    'htpasswd -b',
    'htpasswd -bc /etc/nginx/htpasswd admin hunter2',
    'htpasswd -bc /etc/nginx/htpasswd admin ***',
    ['hunter2'],
  ],
  ['htpasswd -nb', 'htpasswd -nbB admin hunter2', 'htpasswd -nbB admin ***', ['hunter2']],
  ['mongosh -p', 'mongosh -u admin -p hunter2 mongodb://db', 'mongosh -u admin -p *** mongodb://db', ['hunter2']],
  [
    'docker login -p',
    'docker login -u ci -p hunter2 reg.example',
    'docker login -u ci -p *** reg.example',
    ['hunter2'],
  ],
  ['ldapsearch -w', 'ldapsearch -D cn=admin -w hunter2 -b dc=x', 'ldapsearch -D cn=admin -w *** -b dc=x', ['hunter2']],
  ['sqlcmd -P', "sqlcmd -S db -U sa -P 'Str0ng!pw'", "sqlcmd -S db -U sa -P '***'", ['Str0ng']],
  ['zip -P', 'zip -P hunter2 out.zip f', 'zip -P *** out.zip f', ['hunter2']],
  ['7z -p', '7z a -phunter2 out.7z f', '7z a -p*** out.7z f', ['hunter2']],
  ['mosquitto -P', 'mosquitto_sub -u u -P hunter2 -t t', 'mosquitto_sub -u u -P *** -t t', ['hunter2']],
  ['rabbitmqctl add_user', 'rabbitmqctl add_user admin hunter2', 'rabbitmqctl add_user admin ***', ['hunter2']],
  ['redis-cli AUTH', 'redis-cli -h r AUTH default hunter2', 'redis-cli -h r AUTH *** ***', ['hunter2']],
  [
    'SQL PASSWORD literal',
    `psql -c "ALTER USER app WITH PASSWORD 'hunter2'"`,
    `psql -c "ALTER USER app WITH PASSWORD '***'"`,
    ['hunter2'],
  ],
  [
    'SQL IDENTIFIED BY',
    `mysql -e "CREATE USER a IDENTIFIED BY 'hunter2'"`,
    `mysql -e "CREATE USER a IDENTIFIED BY '***'"`,
    ['hunter2'],
  ],
  [
    'SQL IDENTIFIED WITH … BY',
    `mysql -e "ALTER USER a IDENTIFIED WITH x_password BY 'hunter2'"`,
    `mysql -e "ALTER USER a IDENTIFIED WITH x_password BY '***'"`,
    ['hunter2'],
  ],
  [
    'mc alias set',
    'mc alias set s3 https://s3.example AKEY1 hunter2',
    'mc alias set s3 https://s3.example *** ***',
    ['AKEY1', 'hunter2'],
  ],
  ['smbclient -U user%pass', 'smbclient //srv/share -U bob%hunter2', 'smbclient //srv/share -U ***', ['hunter2']],
  ['useradd -p hash', "useradd -p '$6$abc$hunter2hunter2' bob", "useradd -p '***' bob", ['hunter2']],
  [
    'mysql inside sh -c',
    `sh -c "mysql -uroot -phunter2 -e 'select 1'"`,
    `sh -c "mysql -uroot -p*** -e 'select 1'"`,
    ['hunter2'],
  ],
  ['sshpass inside bash -c', `bash -c 'sshpass -p "hunter 2" ssh h'`, `bash -c 'sshpass -p "***" ssh h'`, ['hunter']],
  // URL userinfo, every shape.
  ['user:pass@', 'curl https://bob:hunter2@db.example.com/x', 'curl https://***@db.example.com/x', ['bob', 'hunter2']],
  ['empty user', 'redis-cli -u redis://:hunter2@redis:6379/0', 'redis-cli -u redis://***@redis:6379/0', ['hunter2']],
  [
    'token as user',
    'git clone https://hunter2tok@github.com/o/r.git',
    'git clone https://***@github.com/o/r.git',
    ['hunter2tok'],
  ],
  [
    'percent-encoded password',
    'psql postgresql://app:hun%40ter2@db/app',
    'psql postgresql://***@db/app',
    ['hun', 'ter2'],
  ],
  [
    'password with @ and /',
    'app --db postgres://app:hun@ter/2@db:5432/a',
    'app --db postgres://***@db:5432/a',
    ['hun', 'ter/2'],
  ],
  [
    'mongodb+srv',
    'mongo mongodb+srv://u:hunter2@c0.example.net/db',
    'mongo mongodb+srv://***@c0.example.net/db',
    ['hunter2'],
  ],
  ['rtsp camera', 'ffmpeg -i rtsp://admin:hunter2@cam.local/s', 'ffmpeg -i rtsp://***@cam.local/s', ['hunter2']],
  [
    'user:pass@ without a scheme (Go DSN)',
    'app root:hunter2@tcp(db:3306)/app',
    'app root:***@tcp(db:3306)/app',
    ['hunter2'],
  ],
  [
    'URL in a variable',
    'DATABASE_URL=mysql://u:hunter2@db/app run',
    'DATABASE_URL=mysql://***@db/app run',
    ['hunter2'],
  ],
  [
    'index URL token',
    'pip install -i https://__token__:hunter2@pypi.example/s x',
    'pip install -i https://***@pypi.example/s x',
    ['hunter2'],
  ],
  // Query-string secrets.
  [
    '?password=',
    "curl 'https://x.example/api?password=hunter2&page=2'",
    "curl 'https://x.example/api?password=***'",
    ['hunter2'],
  ],
  ['?token=', 'wget https://x.example/f?token=hunter2', 'wget https://x.example/f?token=***', ['hunter2']],
  [
    '&sig= (SAS)',
    'curl https://blob.example/c?sv=2020&sig=hunter2',
    'curl https://blob.example/c?sv=2020&sig=***',
    ['hunter2'],
  ],
  [
    'X-Amz-Signature',
    "curl 'https://s3.example/o?a=1&X-Amz-Signature=hunter2'",
    "curl 'https://s3.example/o?a=1&X-Amz-Signature=***'",
    ['hunter2'],
  ],
  // JSON and YAML.
  [
    'JSON, value with ; and a space',
    `echo '{"password":"hun;ter 2","user":"bob"}'`,
    `echo '{"password":"***","user":"bob"}'`,
    ['hun;ter', 'ter 2'],
  ],
  ['nested JSON', `app --config '{"db": {"pass": "hunter2"}}'`, `app --config '{"db": {"pass": "***"}}'`, ['hunter2']],
  [
    'JSON escaped quote',
    String.raw`app '{"token": "a\"hunter2", "x": 1}'`,
    `app '{"token": "***", "x": 1}'`,
    ['hunter2'],
  ],
  ['YAML in quotes', 'echo "password: hunter2 x" > /etc/app.yml', 'echo "password: ***" > /etc/app.yml', ['hunter2']],
  ['YAML bare', 'password: hunter2', 'password: ***', ['hunter2']],
  ['dotted key', 'app --set auth.secret_key=hunter2', 'app --set auth.secret_key=***', ['hunter2']],
  [
    'Python keyword argument',
    `python -c "connect(password='hunter2', host='db')"`,
    `python -c "connect(password='***', host='db')"`,
    ['hunter2'],
  ],
  ['spaces around =', `php -r "$password = 'hunter2';"`, `php -r "$password = '***';"`, ['hunter2']],
  [
    'libpq conninfo',
    'psql "host=db user=app password=hunter2 dbname=app"',
    'psql "host=db user=app password=*** dbname=app"',
    ['hunter2'],
  ],
  [
    'connection string',
    'app "Endpoint=sb://x/;SharedAccessKey=hunter2==;EntityPath=q"',
    'app "Endpoint=sb://x/;SharedAccessKey=***;EntityPath=q"',
    ['hunter2'],
  ],
  [
    'kubectl --from-literal',
    'kubectl create secret generic x --from-literal=password=hunter2',
    'kubectl create secret generic x --from-literal=***',
    ['hunter2'],
  ],
  // HTTP header forms.
  [
    'Authorization: Bearer',
    "curl -H 'Authorization: Bearer hunter2.tok' x",
    "curl -H 'Authorization: Bearer ***' x",
    ['hunter2'],
  ],
  [
    'Authorization: Basic',
    'curl -H "Authorization: Basic aHVudGVyMjpw" x',
    'curl -H "Authorization: Basic ***" x',
    ['aHVudGVyMjpw'],
  ],
  [
    'Authorization: token',
    "curl -H 'Authorization: token hunter2' x",
    "curl -H 'Authorization: token ***' x",
    ['hunter2'],
  ],
  [
    'Authorization unquoted',
    'app -H Authorization: Bearer hunter2 -v',
    'app -H Authorization: Bearer *** -v',
    ['hunter2'],
  ],
  [
    'X-API-Key:',
    "curl -H 'X-API-Key: hunter2' https://x.example",
    "curl -H 'X-API-Key: ***' https://x.example",
    ['hunter2'],
  ],
  [
    'PRIVATE-TOKEN:',
    "curl -H 'PRIVATE-TOKEN: hunter2' https://gl.example",
    "curl -H 'PRIVATE-TOKEN: ***' https://gl.example",
    ['hunter2'],
  ],
  ['Cookie:', "curl -H 'Cookie: sid=hunter2; theme=dark' x", "curl -H 'Cookie: ***' x", ['hunter2', 'dark']],
  [
    'header without a space',
    'curl -H X-Auth-Token:hunter2 https://x.example',
    'curl -H X-Auth-Token:*** https://x.example',
    ['hunter2'],
  ],
  [
    'Proxy-Authorization',
    "wget --header='Proxy-Authorization: Basic aHVudGVyMjpw' x",
    "wget --header='Proxy-Authorization: Basic ***' x",
    ['aHVudGVyMjpw'],
  ],
  ['bare Bearer', 'app --header Bearer hunter2tok', 'app --header Bearer ***', ['hunter2tok']],
  // Token shapes secret scanners know, wherever they stand.
  ['GitHub ghp_', `app ${fake('ghp_', 36)}`, 'app ghp_***', [BODY.slice(0, 8)]],
  ['GitHub gho_ / ghs_', `app ${fake('gho_', 36)} ${fake('ghs_', 36)}`, 'app gho_*** ghs_***', [BODY.slice(0, 8)]],
  ['GitHub fine-grained PAT', `app ${fake('github_pat_', 82)}`, 'app github_pat_***', [BODY.slice(0, 8)]],
  ['GitLab glpat-', `app x=${fake('glpat-', 20)}`, 'app x=glpat-***', [BODY.slice(0, 8)]],
  [
    'Slack xoxb- / xoxp-',
    `app ${fake('xoxb-123456789012-', 24)} ${fake('xoxp-1-', 30)}`,
    'app xoxb-*** xoxp-***',
    [BODY.slice(0, 8), '123456789012'],
  ],
  ['Slack xapp-', `app ${fake('xapp-1-A0123-', 30)}`, 'app xapp-***', [BODY.slice(0, 8)]],
  [
    'Slack webhook',
    `curl https://hooks.slack.com/services/T0/B0/${BODY}`,
    'curl https://hooks.slack.com/services/***',
    [BODY.slice(0, 8)],
  ],
  ['AWS AKIA / ASIA', 'app AKIAIOSFODNN7EXAMPL1 ASIAIOSFODNN7EXAMPL2', 'app AKIA*** ASIA***', ['IOSFODNN7']],
  ['Google AIza', `app --maps ${fake('AIza', 35)}`, 'app --maps AIza***', [BODY.slice(0, 8)]],
  ['Stripe sk_live_', `app ${fake('sk_live_', 24)}`, 'app sk_live_***', [BODY.slice(0, 8)]],
  ['OpenAI sk-proj-', `app ${fake('sk-proj-', 40)}`, 'app sk-***', [BODY.slice(0, 8)]],
  ['npm_', `app ${fake('npm_', 36)}`, 'app npm_***', [BODY.slice(0, 8)]],
  ['JWT', 'app eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'app eyJ***', ['eyJzdWIi', 'c2lnbmF0']],
  [
    'base64 JSON (docker auth)',
    'echo eyJhdXRocyI6eyJyIjp7fX19 | base64 -d',
    'echo eyJ*** | base64 -d',
    ['eyJhdXRocyI6'],
  ],
  [
    'PEM private key',
    '-----BEGIN PRIVATE KEY-----MIIEvQIBADAN-----END PRIVATE KEY-----',
    '-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----',
    ['MIIEvQIBADAN'],
  ],
  [
    'PEM key cut before its END',
    'echo "-----BEGIN OPENSSH PRIVATE KEY-----b3Blbn',
    'echo "-----BEGIN OPENSSH PRIVATE KEY-----***',
    ['b3Blbn'],
  ],
  ['Vault hvs.', `vault login ${fake('hvs.', 24)}`, 'vault login hvs.***', [BODY.slice(0, 8)]],
  ['SendGrid SG.', `app ${fake('SG.', 22)}.${BODY.slice(0, 22)}`, 'app SG.***', [BODY.slice(0, 8)]],
  ['bcrypt hash', 'app $2y$10$hunter2hunter2hunter2xx', 'app $2y$***', ['hunter2']],
  ['Telegram bot token', `app 123456789:${BODY}AAAAA`, 'app ***', [BODY.slice(0, 8)]],
  [
    'Docker Hub PAT',
    `echo ${fake('dckr_pat_', 27)} | docker login -u me --password-stdin`,
    'echo *** | docker login -u me --password-stdin',
    [BODY.slice(0, 8)],
  ],
  [
    'PyPI token',
    `twine upload -u __token__ ${fake('pypi-AgE', 40)}`,
    'twine upload -u __token__ pypi-AgE***',
    [BODY.slice(0, 8)],
  ],
];

const NOT_SECRETS = [
  'nginx -g daemon off;',
  'node server.js --port 8080',
  'postgres',
  'postgres -c max_connections=200',
  'redis-server --appendonly yes',
  'docker-entrypoint.sh mysqld --character-set-server=utf8mb4',
  'ssh -p 2222 deploy@host',
  'docker run -p 8080:80 nginx',
  'gunicorn -w 4 -b 0.0.0.0:8000 app:app',
  "sh -c 'while true; do echo hi; sleep 1; done'",
  'celery -A proj worker --loglevel=info',
  'traefik --entrypoints.web.address=:80 --api.insecure=true',
  'java -Xmx512m -Dspring.profiles.active=prod -jar app.jar',
  'curl -fsS http://localhost:8080/health',
  'git clone https://github.com/org/repo.git',
  'git clone git@github.com:org/repo.git',
  'mongod --auth --bind_ip_all',
  'prometheus --config.file=/etc/prom.yml --log.level=warn',
  'tail -f /dev/null',
  'app --max-keys 10 --keyboard us',
  'git commit --author "Jane Doe"',
  'psql -h db -U postgres -d app',
  'mysql -h db -u root app',
  'curl https://auth.example.com:8443/login',
  'supervisord -n -c /etc/supervisord.conf',
  'python -m http.server 8000 --bind 127.0.0.1',
  'echo "done; exit 0"',
];

const HOST = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };
const OPTIONS = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };

function container(over: Partial<Docker.ContainerInfo>): Docker.ContainerInfo {
  return containerInfo({ Id: 'a'.repeat(64), Names: ['/app'], ...over });
}

function viewOf(command: string): PsView {
  return toPsView([container({ Command: command })], OPTIONS, HOST, []);
}

/** How the Block Kit face writes a command: in `code`, backticks as ', & < > escaped for Slack. */
function asSlackCode(command: string): string {
  return `\`${command.replace(/`/g, "'").replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\``;
}

/** The command as each face shows it. */
function renderings(command: string): { json: string; text: string; blocks: string[]; all: string } {
  const view = viewOf(command);
  const text = renderPsText(view, 'en');
  const message = renderPsBlocks(view, 'en');
  const section = message.blocks.find((b) => b.type === 'section' && JSON.stringify(b).includes('aaaaaaaaaaaa'));
  const blocks = ((section as { text: { text: string } } | undefined)?.text.text ?? '').split('\n');
  return {
    json: view.rows[0]!.command,
    text,
    blocks,
    all: [JSON.stringify(view), text, JSON.stringify(message)].join('\n'),
  };
}

describe('secret forms in commands, on every rendering', () => {
  it('covers at least 40 forms, short enough for the terminal table to show whole', () => {
    expect(SECRET_FORMS.length).toBeGreaterThanOrEqual(40);
    for (const [, , shown] of SECRET_FORMS) expect(shown.length).toBeLessThanOrEqual(60);
  });

  it.each(SECRET_FORMS)('%s', (_form, command, shown, secrets) => {
    const { json, text, blocks, all } = renderings(command);
    expect(json).toBe(shown);
    expect(text.split('\n')[2]!.endsWith(`   ${shown}`)).toBe(true);
    expect(blocks).toContain(asSlackCode(shown));
    for (const secret of secrets) expect(all).not.toContain(secret);
    for (const secret of secrets) expect(command).toContain(secret); // the form really holds it
  });
});

/**
 * Forms a red-team pass found leaking (47 of 142 at first sight), one per class: the quote of the script
 * reused around the value, a secret word before a plain value, tools' own password flags and positionals,
 * names in other languages, and token shapes that were missing.
 */
const FOUND_BY_RED_TEAM: SecretForm[] = [
  [
    "sh -c '… BY 'pw''",
    "sh -c 'mysql -e 'CREATE USER a IDENTIFIED BY 'Pw9xQ2'''",
    "sh -c 'mysql -e 'CREATE USER a IDENTIFIED BY '***'''",
    ['Pw9xQ2'],
  ],
  [
    "bash -c '--api-key 'k''",
    "bash -c './app --api-key 'Zq81xPm2' -v'",
    "bash -c './app --api-key '***' -v'",
    ['Zq81xPm2'],
  ],
  ['requirepass x', 'redis-cli CONFIG SET requirepass cfNIew9', 'redis-cli CONFIG SET requirepass ***', ['cfNIew9']],
  ['mysqladmin password x', 'mysqladmin -u root password gFXPJw2', 'mysqladmin -u root password ***', ['gFXPJw2']],
  [
    'aws_secret_access_key x',
    'aws configure set aws_secret_access_key QAw9',
    'aws configure set aws_secret_access_key ***',
    ['QAw9'],
  ],
  [
    'IDENTIFIED BY x',
    'mysql -e "CREATE USER a IDENTIFIED BY E42Bq;"',
    'mysql -e "CREATE USER a IDENTIFIED BY ***;"',
    ['E42Bq'],
  ],
  ["'-pMy Pass' quoted whole", "mysql -uroot '-pMIOk Oaia' app", "mysql -uroot '-p*** app", ['MIOk', 'Oaia']],
  ['twine / az login -p', 'az login -u a@b.c -p AzPw99', 'az login -u a@b.c -p ***', ['AzPw99']],
  ['ssh-keygen -N', "ssh-keygen -N 'kEy9' -f id", "ssh-keygen -N '***' -f id", ['kEy9']],
  ['ipmitool -P', 'ipmitool -U admin -P Ipmi9 power status', 'ipmitool -U admin -P *** power status', ['Ipmi9']],
  ['openssl passwd x', 'openssl passwd -6 Plain9pw', 'openssl passwd -6 ***', ['Plain9pw']],
  ['sqlplus user/pw@db', 'sqlplus system/OraPw12@//db/XE', 'sqlplus system/***@//db/XE', ['OraPw12']],
  ['비밀번호= / --암호', 'app --암호 Hpw123 비밀번호=Kpw456', 'app --암호 *** 비밀번호=***', ['Hpw123', 'Kpw456']],
  ['DB_비밀번호= / 토큰:', 'env DB_비밀번호=Dpw1 토큰: Tok22', 'env DB_비밀번호=*** 토큰: ***', ['Dpw1', 'Tok22']],
  [
    'Telegram bot<id>:<token>',
    `curl https://api.telegram.org/bot123456789:${BODY}AAAA/getMe`,
    'curl https://api.telegram.org/***/getMe',
    [BODY],
  ],
  ['Vault s. token', `vault login s.${BODY.slice(0, 24)}`, 'vault login ***', [BODY.slice(0, 24)]],
  ['base64 of a PEM key', `echo LS0tLS1CRUdJTi${BODY} | base64 -d`, 'echo *** | base64 -d', [BODY]],
  ['a no-break space after =', 'app PASSWORD=\u00a0Nb9pw1', 'app PASSWORD=\u00a0***', ['Nb9pw1']],
  ['fullwidth ＝ and ：', 'app 비밀번호＝Fw9pw1 token：Fw9tk2', 'app 비밀번호＝*** token：***', ['Fw9pw1', 'Fw9tk2']],
  [
    'Make ?= and +=',
    'make DB_PASSWORD?=Mk9pw1 API_KEY+=Mk9k2',
    'make DB_PASSWORD?=*** API_KEY+=***',
    ['Mk9pw1', 'Mk9k2'],
  ],
  ['<password>x</password>', 'echo "<password>Xm9pw1</password>"', 'echo "<password>***</password>"', ['Xm9pw1']],
  ['a Cyrillic а in the name', 'app --p\u0430ssword Cy9pw1', 'app --p\u0430ssword ***', ['Cy9pw1']],
  [
    '--from-literal=ANY=x',
    'kubectl create secret generic a --from-literal=DB_URL=Lt9x',
    'kubectl create secret generic a --from-literal=***',
    ['Lt9x'],
  ],
  [
    'a value named by its sibling',
    'aws ssm put-parameter --name /db/password --value Sb9x',
    'aws ssm put-parameter --name /db/password --value ***',
    ['Sb9x'],
  ],
  [
    '{"name":"API_TOKEN","value":x}',
    'x [{"name":"LOG","value":"debug"},{"name":"API_TOKEN","value":"Sb9y"}]',
    'x [{"name":"LOG","value":"debug"},{"name":"API_TOKEN","value":"***"}]',
    ['Sb9y'],
  ],
];

describe('forms a red-team pass found, on every rendering', () => {
  it.each(FOUND_BY_RED_TEAM)('%s', (_form, command, shown, secrets) => {
    const { json, blocks, all } = renderings(command);
    expect(json).toBe(shown);
    expect(blocks).toContain(asSlackCode(shown));
    for (const secret of secrets) expect(all).not.toContain(secret);
    for (const secret of secrets) expect(command).toContain(secret);
  });

  it('a token in a container name, an image or a label key is hidden too', () => {
    const token = fake('glrt-', 24);
    const view = toPsView(
      [
        container({
          Names: [`/runner-${token}-42`],
          Image: `app-${token}:1`,
          Labels: { [`com.example.${token}`]: 'x' },
        }),
      ],
      OPTIONS,
      HOST,
      ['com.example.*'],
    );
    expect(JSON.stringify(view)).not.toContain(token.slice(5));
    expect(view.rows[0]!.name).toBe('runner-glrt-***');
  });

  it('an image pulled with user:password@registry shows the registry only', () => {
    const view = toPsView([container({ Image: 'ci:Rg9pw1@registry.example.com/app:1' })], OPTIONS, HOST, []);
    expect(view.rows[0]!.image).toBe('ci:***@registry.example.com/app:1');
  });

  it('an image pinned by digest and a mailto address keep what looked like a password', () => {
    expect(redactSecrets('docker pull nginx:1.25.3@sha256:abcdef01')).toBe('docker pull nginx:1.25.3@sha256:abcdef01');
    expect(redactSecrets('notify mailto:ops@acme.io')).toBe('notify mailto:ops@acme.io');
  });

  it('a second fresh pass: bootstrap and join tokens, SNMP communities, gossip keys', () => {
    expect(redactSecrets('kubeadm token create abcdef.0123456789abcdef')).toBe('kubeadm token create ***');
    expect(redactSecrets('snmpd --community=c0mm9')).toBe('snmpd --community=***');
    expect(redactSecrets('consul agent -encrypt pUqJrVyVRj5=')).toBe('consul agent -encrypt ***');
  });

  it('prose after a secret word stays: "All configured authentication methods failed"', () => {
    expect(redactSecrets('refused (All configured authentication methods failed)')).toBe(
      'refused (All configured authentication methods failed)',
    );
  });

  it('a name about the secret (its file, its lifetime, its name) keeps its value', () => {
    expect(redactSecrets("sh -c 'POSTGRES_PASSWORD_FILE=/run/secrets/pg docker-entrypoint.sh'")).toBe(
      "sh -c 'POSTGRES_PASSWORD_FILE=/run/secrets/pg docker-entrypoint.sh'",
    );
    expect(redactSecrets('vault server --token-ttl=24h --secret-name db')).toBe(
      'vault server --token-ttl=24h --secret-name db',
    );
  });

  it("a shell script that opens with an assignment keeps the command it runs (sh -c 'PASSWORD=x exec app')", () => {
    expect(redactSecrets("sh -c 'DB_PASSWORD=hunter2 exec postgres -c max_connections=100'")).toBe(
      "sh -c 'DB_PASSWORD=*** exec postgres -c max_connections=100'",
    );
    expect(redactSecrets("bash -euo pipefail -c 'API_TOKEN=t0k3n ./run --port 8080'")).toBe(
      "bash -euo pipefail -c 'API_TOKEN=*** ./run --port 8080'",
    );
    // Not a shell's script: the quotes hold the name and all of its value.
    expect(redactSecrets("app '--password=two words' -v")).toBe("app '--password=***' -v");
    expect(redactSecrets("tool -c 'password=two words'")).toBe("tool -c 'password=***'");
  });

  it('forms left from round 10: escaped JSON, JWK private members, printf lines, lftp, PowerShell', () => {
    expect(redactSecrets(`app --config '{\\"password\\":\\"Esc4ped\\",\\"user\\":\\"bob\\"}'`)).toBe(
      `app --config '{\\"password\\":***,\\"user\\":\\"bob\\"}'`,
    );
    expect(redactSecrets(`app --jwk '{"kty":"RSA","e":"AQAB","d":"X4cTteJY_gn4FY","p":"83i-7IvMGX"}'`)).toBe(
      `app --jwk '{"kty":"RSA","e":"AQAB","d":"***","p":"***"}'`,
    );
    // One-letter names are nothing outside a JWK.
    expect(redactSecrets(`app --json '{"d":"2024-01-01","p":3}'`)).toBe(`app --json '{"d":"2024-01-01","p":3}'`);
    expect(redactSecrets(`sh -c 'printf "user=a\\ntoken=Hunter2x\\n" > /etc/app.conf && app'`)).toBe(
      `sh -c 'printf "user=a\\ntoken=***" > /etc/app.conf && app'`,
    );
    expect(redactSecrets('lftp -u deploy,S3cretPw ftp.example.com')).toBe('lftp -u deploy,*** ftp.example.com');
    expect(redactSecrets(`pwsh -c "ConvertTo-SecureString 'Sup3r!' -AsPlainText -Force"`)).toBe(
      `pwsh -c "ConvertTo-SecureString '***' -AsPlainText -Force"`,
    );
  });

  it('what is printed into a reader of secrets (--password-stdin, --with-token, chpasswd) is hidden', () => {
    expect(redactSecrets('echo Pw1234xyz | docker login -u me --password-stdin r.example.com')).toBe(
      'echo *** | docker login -u me --password-stdin r.example.com',
    );
    expect(redactSecrets("sh -c 'echo root:Chp4sswd | chpasswd && exec sshd -D'")).toBe(
      "sh -c 'echo root:*** | chpasswd && exec sshd -D'",
    );
    expect(redactSecrets("printf '%s' Tok3nVal | gh auth login --with-token")).toBe(
      "printf '%s' *** | gh auth login --with-token",
    );
    expect(redactSecrets('echo -n S3cr3tPw | passwd --stdin deploy')).toBe('echo -n *** | passwd --stdin deploy');
    // Printed into anything else, or after ||, it stays.
    expect(redactSecrets('echo hello | git hash-object --stdin')).toBe('echo hello | git hash-object --stdin');
    expect(redactSecrets('echo done || docker login --password-stdin')).toBe(
      'echo done || docker login --password-stdin',
    );
  });

  it("what a secret is like, or where it is kept, keeps its value (a third red-team pass's over-masking)", () => {
    for (const command of [
      'app --jwt-expiry 3600 --token-refresh-interval 5m',
      'app --key-size 2048 --key-algorithm RSA --key-type ecdsa',
      'app --auth-method oauth2 --auth-url https://a.example/auth --token-url https://a.example/t',
      'app --secret-region eu-west-1 --token-bucket-size 100 --secret-store vault --api-key-header X-API-Key',
      'mysqld --default-authentication-plugin=mysql_native_password',
      'postgres -c password_encryption=scram-sha-256',
      'app --token-auth disabled --auth none',
      'openssl req -newkey rsa:4096 -keyout k.pem',
      "crond -f -c '12:30@daily'",
      'aws secretsmanager get-secret-value',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    // A setting word with more after it is no setting.
    expect(redactSecrets('app --token true1x --auth noneXy9')).toBe('app --token *** --auth ***');
    expect(redactSecrets('app --token-url https://u:pw@a.example/t')).toBe('app --token-url https://***@a.example/t');
  });

  it('a secret noun before a subcommand, a path to a secret file and PEM armour stay', () => {
    expect(redactSecrets('kubectl create secret generic app')).toBe('kubectl create secret generic app');
    expect(redactSecrets('cat /run/secrets/db_password | app')).toBe('cat /run/secrets/db_password | app');
    expect(redactSecrets('kubeadm token create --ttl 1h')).toBe('kubeadm token create --ttl 1h');
  });
});

describe('forms a fifth red-team pass found (round 13)', () => {
  it('a secret word in more languages and scripts', () => {
    for (const name of [
      'CYFRINAIR',
      'PASAHITZA',
      'SEGREDO',
      'GEHEIMSCHLUESSEL',
      '凭证',
      'APIキー',
      'கடவுச்சொல்',
      'ҚҰПИЯ_СӨЗ',
      'КОД_ДОСТУПА',
      'මුරපදය',
    ]) {
      expect(redactSecrets(`env ${name}=Wq4zTn8r app`)).toBe(`env ${name}=*** app`);
    }
  });

  it('a scheme named as a setting does not take the next flag for its credential', () => {
    expect(redactSecrets('http --auth-type=bearer --auth Jt5kPq9wLm3vXc7b GET https://api.example/me')).toBe(
      'http --auth-type=bearer --auth *** GET https://api.example/me',
    );
    expect(redactSecrets("curl -H 'Authorization: Bearer Jt5kPq9wLm3vXc7b' https://api.example")).toBe(
      "curl -H 'Authorization: Bearer ***' https://api.example",
    );
  });

  it("Windows containers' tools: net user and net use, schtasks, sqlpackage, winrs, signtool, certutil", () => {
    expect(redactSecrets('net user svc_ci Kq7wPz3m /add /domain')).toBe('net user svc_ci *** /add /domain');
    expect(redactSecrets('net use \\\\nas01\\bk Kq7wPz3m /user:CORP\\bk')).toBe(
      'net use \\\\nas01\\bk *** /user:CORP\\bk',
    );
    expect(redactSecrets('net use Y: \\\\nas01\\bk Kq7wPz3m /user:CORP\\bk')).toBe(
      'net use Y: \\\\nas01\\bk *** /user:CORP\\bk',
    );
    expect(redactSecrets('net use Y: \\\\nas01\\bk /persistent:yes')).toBe('net use Y: \\\\nas01\\bk /persistent:yes');
    expect(redactSecrets('net user svc_ci /delete')).toBe('net user svc_ci /delete');
    expect(redactSecrets('schtasks /Create /TN sync /RU CORP\\svc /RP Kq7wPz3m')).toBe(
      'schtasks /Create /TN sync /RU CORP\\svc /RP ***',
    );
    expect(redactSecrets('sqlpackage /a:Export /su:sa /sp:Kq7wPz3m /tf:x.bacpac')).toBe(
      'sqlpackage /a:Export /su:sa /sp:*** /tf:x.bacpac',
    );
    expect(redactSecrets('winrs -r:web01 -u:CORP\\ops -p:Kq7wPz3m hostname')).toBe(
      'winrs -r:web01 -u:CORP\\ops -p:*** hostname',
    );
    expect(redactSecrets('signtool sign /f code.pfx /p Kq7wPz3m app.exe')).toBe(
      'signtool sign /f code.pfx /p *** app.exe',
    );
    expect(redactSecrets('certutil -p Kq7wPz3m -importpfx site.pfx')).toBe('certutil -p *** -importpfx site.pfx');
  });

  it('more readers of a piped secret: cryptsetup, heroku login, ansible-vault, ansible --ask-vault-pass, sudo chpasswd', () => {
    expect(redactSecrets('echo -n Lx8pw | cryptsetup luksFormat /dev/vdb -')).toBe(
      'echo -n *** | cryptsetup luksFormat /dev/vdb -',
    );
    expect(redactSecrets('echo Hk2pw | heroku login')).toBe('echo *** | heroku login');
    expect(redactSecrets("printf '%s' Av3pw | ansible-vault encrypt_string --stdin-name api_key")).toBe(
      "printf '%s' *** | ansible-vault encrypt_string --stdin-name api_key",
    );
    expect(redactSecrets('echo Ap4pw | ansible-playbook deploy.yml --ask-vault-pass')).toBe(
      'echo *** | ansible-playbook deploy.yml --ask-vault-pass',
    );
    expect(redactSecrets('echo app:Cp5pw | sudo chpasswd -c SHA512')).toBe('echo app:*** | sudo chpasswd -c SHA512');
    // What a wrapped program that reads no secret is given stays.
    expect(redactSecrets('echo ready | sudo tee /run/app/state')).toBe('echo ready | sudo tee /run/app/state');
  });

  it('the value a command sets for something it names as a secret, the name before or after', () => {
    expect(redactSecrets('app --var-name STRIPE_KEY --var-value Zt6wQm2p')).toBe(
      'app --var-name STRIPE_KEY --var-value ***',
    );
    expect(redactSecrets('app --var-value Zt6wQm2p --var-name STRIPE_KEY')).toBe(
      'app --var-value *** --var-name STRIPE_KEY',
    );
    expect(redactSecrets('gh secret set NPM_TOKEN --body Zt6wQm2p')).toBe('gh secret set NPM_TOKEN --body ***');
    expect(redactSecrets('aws ssm put-parameter --name /prod/api/secret --value Zt6wQm2p --type SecureString')).toBe(
      'aws ssm put-parameter --name /prod/api/secret --value *** --type SecureString',
    );
    // Not a value from a file, not another thing's value, not prose that mentions a key.
    expect(redactSecrets('helm secrets upgrade web ./chart --values secrets.yaml')).toBe(
      'helm secrets upgrade web ./chart --values secrets.yaml',
    );
    expect(redactSecrets('app --name color --value blue')).toBe('app --name color --value blue');
    expect(redactSecrets("gh issue create --title 'Rotate the API key' --body 'see the runbook'")).toBe(
      "gh issue create --title 'Rotate the API key' --body 'see the runbook'",
    );
  });

  it('credentials passed to a call in code on the command line', () => {
    expect(redactSecrets(`python -c "s.login('ops', 'Mp7kQz2w')"`)).toBe(`python -c "s.login('ops', '***')"`);
    expect(redactSecrets(`python -c "requests.post(u, auth=('svc', 'Mp7kQz2w'))"`)).toContain("'***'))");
    expect(redactSecrets(`python -c "pika.PlainCredentials('app', 'Mp7kQz2w')"`)).toBe(
      `python -c "pika.PlainCredentials('app', '***')"`,
    );
    expect(redactSecrets(`perl -e 'DBI->connect("dbi:Pg:app", "web", "Mp7kQz2w")'`)).toBe(
      `perl -e 'DBI->connect("dbi:Pg:app", "***", "***")'`,
    );
    expect(redactSecrets(`node -e "jwt.sign({id: 1}, 'Mp7kQz2w')"`)).toBe(`node -e "jwt.sign({id: 1}, '***')"`);
    expect(redactSecrets(`ruby -e 'r.basic_auth("ops", "Mp7kQz2w")'`)).toBe(`ruby -e 'r.basic_auth("ops", "***")'`);
    // A call whose name only holds such a word, another's arguments, and a keyword argument that names no secret stay.
    expect(redactSecrets(`python -c "design('a', 'b'); assign('c', 'd'); fn.bind(this, 'ready')"`)).toBe(
      `python -c "design('a', 'b'); assign('c', 'd'); fn.bind(this, 'ready')"`,
    );
    expect(redactSecrets(`python -c "connect(password='Mp7kQz2w', host='db')"`)).toBe(
      `python -c "connect(password='***', host='db')"`,
    );
  });

  it('file encryption tools with the key on the command line', () => {
    expect(redactSecrets('ccrypt -e -K Vn3qRt8w db.dump')).toContain('-K ***');
    expect(redactSecrets('mcrypt -k Vn3qRt8w db.dump')).toContain('-k ***');
    expect(redactSecrets('aescrypt -e -p Vn3qRt8w db.dump')).toContain('-p ***');
    expect(redactSecrets('openssl enc -aes-256-cbc -k Vn3qRt8w -in db.dump -out db.enc')).toBe(
      'openssl enc -aes-256-cbc -k *** -in db.dump -out db.enc',
    );
  });
});

describe('forms a fourth red-team pass found (round 12)', () => {
  it('a secret word in many more languages, accents and fullwidth letters folded; a word about it keeps its value', () => {
    for (const name of [
      'HESLO',
      'KATA_LALUAN',
      'ЛОЗИНКА',
      'ПАРОЛА',
      'LYKILORÐ',
      'ŞİFRE',
      'JELSZÓ',
      'LOZINKA',
      'MẬT_KHẨU',
      'كلمة_المرور',
      'סיסמה',
      'पासवर्ड',
      'รหัสผ่าน',
      'ΚΩΔΙΚΟΣ',
      'PASSORD',
      'KATA_SANDI',
      '密钥',
      'トークン',
      'ＰＡＳＳＷＯＲＤ',
      'API_CLÉ',
    ]) {
      expect(redactSecrets(`env ${name}=Qx7vLm2p app`)).toBe(`env ${name}=*** app`);
    }
    // Not parts of English words, and not a path or a length named in another language.
    expect(redactSecrets('env ENCLAVE_MODE=sgx CYCLE=3 PASSWORT_DATEI=/run/s/pw SENHA_ARQUIVO=/run/s/x app')).toBe(
      'env ENCLAVE_MODE=sgx CYCLE=3 PASSWORT_DATEI=/run/s/pw SENHA_ARQUIVO=/run/s/x app',
    );
  });

  it('what echo, printf, yes or a ( … ) group sends to any reader of secrets, a here-string and a shell script included', () => {
    expect(redactSecrets('yes Rt5pw | passwd app')).toBe('yes *** | passwd app');
    expect(redactSecrets('(echo Sm8pw; echo Sm8pw) | smbpasswd -s -a app')).toBe(
      '(echo ***; echo ***) | smbpasswd -s -a app',
    );
    expect(redactSecrets('echo Kr9pw | kinit svc@CORP.EXAMPLE')).toBe('echo *** | kinit svc@CORP.EXAMPLE');
    expect(redactSecrets('echo Su7pw | sudo -S systemctl restart app')).toBe(
      'echo *** | sudo -S systemctl restart app',
    );
    expect(redactSecrets("podman login --password-stdin -u me q.example <<< 'Hs4pw'")).toBe(
      "podman login --password-stdin -u me q.example <<< '***'",
    );
    expect(redactSecrets('echo Ds3pw | docker secret create api_pw -')).toBe(
      'echo *** | docker secret create api_pw -',
    );
    expect(redactSecrets('echo Lk2pw | cryptsetup open /dev/vdb data --key-file=-')).toBe(
      'echo *** | cryptsetup open /dev/vdb data --key-file=-',
    );
    expect(redactSecrets('sh -c echo Sc1pw | oras login --password-stdin -u me r.example')).toBe(
      'sh -c echo *** | oras login --password-stdin -u me r.example',
    );
    // The input's source is shown (a descriptor, stdin, an env variable), and what goes to other programs stays.
    expect(redactSecrets('echo Gp0pw | gpg --batch --passphrase-fd 0 -d x.gpg')).toBe(
      'echo *** | gpg --batch --passphrase-fd 0 -d x.gpg',
    );
    expect(redactSecrets('openssl rsa -passin env:KEY_PW -in k.pem')).toBe('openssl rsa -passin env:KEY_PW -in k.pem');
    expect(redactSecrets('echo rows | tar -xf - && echo hi | grep h')).toBe(
      'echo rows | tar -xf - && echo hi | grep h',
    );
  });

  it('what is printed into a file whose path says secret', () => {
    expect(redactSecrets('sh -c echo Fw1pw > /run/secrets/api_token && exec app')).toBe(
      'sh -c echo *** > /run/secrets/api_token && exec app',
    );
    expect(redactSecrets("echo 'db:5432:*:app:Pg5pw' >> ~/.pgpass")).toBe("echo '***' >> ~/.pgpass");
    expect(redactSecrets('echo Te3pw | tee /etc/app/secret.key > /dev/null')).toBe(
      'echo *** | tee /etc/app/secret.key > /dev/null',
    );
    expect(redactSecrets('echo started > /var/log/app.log')).toBe('echo started > /var/log/app.log');
  });

  it('a value that starts with a dash after a secret flag; a flag after it stays a flag', () => {
    expect(redactSecrets('app --api-token -Zq4!xT -v')).toBe('app --api-token *** -v');
    expect(redactSecrets('sshpass -p -Wq3Rt ssh host')).toBe('sshpass -p *** ssh host');
    expect(redactSecrets('app --password --no-echo')).toBe('app --password --no-echo');
  });

  it('check plugins: -p/-P unless a port, -x, -C, and -a user:password', () => {
    expect(redactSecrets('/usr/lib/nagios/plugins/check_pgsql -H db -l mon -p Mn7pw')).toBe(
      '/usr/lib/nagios/plugins/check_pgsql -H db -l mon -p ***',
    );
    expect(redactSecrets('check_http -H web -p 8443 -a mon:Ht6pw')).toBe('check_http -H web -p 8443 -a mon:***');
    expect(redactSecrets('check_snmp -H sw1 -C Cm5ty -o ifInOctets.1')).toBe(
      'check_snmp -H sw1 -C *** -o ifInOctets.1',
    );
  });

  it('newer vendors’ tokens, and an AWS secret key beside its key id', () => {
    const tokens = [
      `xai-${'Ab1'.repeat(20)}`,
      `tvly-${'Zx9'.repeat(10)}`,
      `xkeysib-${'0f'.repeat(32)}-${'Qw'.repeat(8)}`,
      `CFPAT-${'Kd7'.repeat(12)}`,
      `lsv2_pt_${'a1'.repeat(16)}_${'b2'.repeat(5)}`,
      `bkua_${'c3'.repeat(20)}`,
      `dp.st.prod.${'Dp4'.repeat(14)}`,
      `pat${'Ab'.repeat(7)}.${'e5'.repeat(32)}`,
      `pk_8675309_${'QWERTY1234'.repeat(3)}`,
    ];
    for (const token of tokens) expect(redactSecrets(`sync ${token} now`)).not.toContain(token.slice(-12));
    expect(redactSecrets('s3sync AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY b')).toBe(
      's3sync AKIA*** *** b',
    );
  });

  it('a password after a named user for any tool (-p/-P), unless a port; a client’s /p:; httpie’s -a', () => {
    expect(redactSecrets('neo4j-admin-tool -u graph -p Gr4ph!pw --db main')).toBe(
      'neo4j-admin-tool -u graph -p *** --db main',
    );
    expect(redactSecrets('winrm-shell --username=ops -p W9rm! host')).toBe('winrm-shell --username=ops -p *** host');
    for (const command of ['ssh -l ops -p 2222 host', 'docker run -u 1000 -p 8080:80 web', 'rsync -u -p src dst']) {
      expect(redactSecrets(command)).toBe(command);
    }
    expect(redactSecrets('xfreerdp3 /v:desk /u:ops /p:Rdp#77 +clipboard')).toBe(
      'xfreerdp3 /v:desk /u:ops /p:*** +clipboard',
    );
    expect(redactSecrets('xh -a ops:Xh55pw https://api.example')).toBe('xh -a ops:*** https://api.example');
  });

  it('tools that take the secret as a positional word, and Oracle’s user/password@service for each of its tools', () => {
    expect(redactSecrets('vault operator unseal Qm8vUnseal')).toBe('vault operator unseal ***');
    expect(redactSecrets('cargo login Cg7tok')).toBe('cargo login ***');
    expect(redactSecrets('poetry config http-basic.corp ci Po6pw')).toBe('poetry config http-basic.corp ci ***');
    expect(redactSecrets('poetry config virtualenvs.create false')).toBe('poetry config virtualenvs.create false');
    expect(redactSecrets('pulumi config set --secret apiKey Pl5val')).not.toContain('Pl5val');
    expect(redactSecrets('pulumi config set aws:region eu-west-1')).toBe('pulumi config set aws:region eu-west-1');
    expect(redactSecrets('mosquitto_passwd -b /etc/mq/passwd dev Mq4pw')).toBe(
      'mosquitto_passwd -b /etc/mq/passwd dev ***',
    );
    expect(redactSecrets('db2 connect to APP user inst using Db3#pw')).toBe('db2 connect to APP user inst using ***');
    expect(redactSecrets('impdp scott/Ti2@ger@//db:1521/ORCL dumpfile=x.dmp')).toBe(
      'impdp scott/***@//db:1521/ORCL dumpfile=x.dmp',
    );
    expect(redactSecrets('sqlplus -s /nolog @setup.sql')).toBe('sqlplus -s /nolog @setup.sql');
  });

  it('secrets where a here-document or here-string gives a program its commands', () => {
    expect(redactSecrets('ftp -inv files.example <<EOT\nuser deploy Fp9pw\nput app.tgz\nbye\nEOT')).toBe(
      'ftp -inv files.example <<EOT\nuser deploy ***\nput app.tgz\nbye\nEOT',
    );
    expect(redactSecrets("sqlplus -s /nolog <<'SQL'\nconn app/Sp8pw@//db/APP\n@migrate.sql\nSQL")).toBe(
      "sqlplus -s /nolog <<'SQL'\nconn app/***@//db/APP\n@migrate.sql\nSQL",
    );
    expect(redactSecrets("valkey-cli <<< 'AUTH ops Vk7pw'")).toBe("valkey-cli <<< 'AUTH ops ***'");
    expect(redactSecrets('cat > /etc/app/credentials <<EOF\napp Cr6pw\nEOF')).toBe(
      'cat > /etc/app/credentials <<EOF\n***\nEOF',
    );
    expect(redactSecrets('cat > /etc/motd <<EOF\nwelcome to user land\nEOF')).toBe(
      'cat > /etc/motd <<EOF\nwelcome to user land\nEOF',
    );
  });

  it('a string after a secret’s name in code: a call’s or a list’s next argument, an indexed assignment', () => {
    expect(redactSecrets(`php -r "define('AUTH_KEY', 'Wp4Salt');"`)).toBe(`php -r "define('AUTH_KEY', '***');"`);
    expect(redactSecrets(`node -e 'spawn("cli", ["--api-token", "Nd3tok"])'`)).toBe(
      `node -e 'spawn("cli", ["--api-token", "***"])'`,
    );
    expect(redactSecrets(`php -r "$settings['smtp_password'] = 'Sm2pw';"`)).toBe(
      `php -r "$settings['smtp_password'] = '***';"`,
    );
    // An object's next key is not a value.
    expect(redactSecrets('x [{"name":"MODE","value":"a"},{"name":"SESSION_SECRET","value":"Ss1x"}]')).toBe(
      'x [{"name":"MODE","value":"a"},{"name":"SESSION_SECRET","value":"***"}]',
    );
  });

  it('what a process substitution prints for a secret’s flag', () => {
    expect(redactSecrets('restic backup /data --password-file <(printf %s Rs5pw)')).toBe(
      'restic backup /data --password-file <(printf %s ***)',
    );
    expect(redactSecrets('wg set wg1 private-key <(echo Wg6KeyBase64=) listen-port 51820')).toBe(
      'wg set wg1 private-key <(echo ***) listen-port 51820',
    );
    expect(redactSecrets('diff <(echo left) <(echo right)')).toBe('diff <(echo left) <(echo right)');
  });

  it('what a review of this round found: flags that mean something else stay, passwords that look like something else are hidden', () => {
    for (const command of [
      'journalctl -u nginx -p err --since today',
      'celery -A app worker -l INFO -P eventlet',
      'gunicorn -u www-data -p /run/app.pid app:wsgi',
      'pytest -l tests/ -p no:cacheprovider',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, as a container's command shows it
      'pg_isready -U postgres -p ${PGPORT:-5432}',
      'sudo -u node node -p "process.version"',
      'mongod --auth --keyFile /etc/mongo/keyfile --bind_ip_all',
      'mysql -u root -p -BNe "select 1"',
      'check_http -H web -C 30 -p 443',
      'check_snmp -H sw1 -P 2c -x AES -o sysUpTime.0',
      'nginx -c /etc/nginx.conf <<EOF\nuser nginx nginx;\nEOF',
      'echo refreshed | tee -a /var/log/token-refresh.log',
      'rman target / cmdfile=/scripts/backup.rman log=/logs/rman.log',
      'composer config repositories.local path ../packages/*',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    expect(redactSecrets('env DB_PASSWORD=Default!2024 REDIS_PASSWORD=never,again app')).toBe(
      'env DB_PASSWORD=*** REDIS_PASSWORD=*** app',
    );
    expect(redactSecrets('env JWT_SECRET=/9j4kQw+Zx/Ab3 app --db-password=~/Xk9q.Zw')).toBe(
      'env JWT_SECRET=*** app --db-password=***',
    );
    expect(redactSecrets("app --token '$UPERS3CRET' --existing-password Ex1pw")).toBe(
      "app --token '***' --existing-password ***",
    );
    expect(redactSecrets('app --spring.cloud.vault.app-role.secret-id=1b2c-3d4e')).toBe(
      'app --spring.cloud.vault.app-role.secret-id=***',
    );
    expect(redactSecrets('cat <<EOF > /etc/ppp/chap-secrets\nalice * Ch4p *\nEOF')).toBe(
      'cat <<EOF > /etc/ppp/chap-secrets\n***\nEOF',
    );
  });

  it('what a printer sends through a filter, or a here-document gives, to a reader of secrets; a secret store’s input', () => {
    expect(redactSecrets("echo Ft1pw | tr -d '\\n' | podman login -u me --password-stdin q.example")).toBe(
      "echo *** | tr -d '\\n' | podman login -u me --password-stdin q.example",
    );
    expect(redactSecrets('printf %s Gc2pw | gcloud secrets create api --data-file=-')).toBe(
      'printf %s *** | gcloud secrets create api --data-file=-',
    );
    expect(redactSecrets('echo Kb3pw | kubectl create secret generic api --from-file=token=/dev/stdin')).toBe(
      'echo *** | kubectl create secret generic api --from-file=token=/dev/stdin',
    );
    expect(redactSecrets('chpasswd <<EOF\nops:Ch4pw\nEOF')).toBe('chpasswd <<EOF\nops:***\nEOF');
    expect(redactSecrets("echo '{}' | kubectl apply -f - && echo rows | sort | uniq -c")).toBe(
      "echo '{}' | kubectl apply -f - && echo rows | sort | uniq -c",
    );
  });

  it('what only names or points at a secret stays: ids, references, paths, variables, settings', () => {
    for (const command of [
      'aws secretsmanager get-secret-value --secret-id prod/app/db',
      'app --key-id alias/app-key --tls-key /etc/ssl/private/app.key',
      'helm install db chart --set auth.existingSecret=db-creds --set auth.passwordSecretRef=db-pw',
      "mongosh 'mongodb://h/app?authSource=admin&authMechanism=SCRAM-SHA-256'",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, as a container's command shows it
      'curl -H "Authorization: Bearer ${API_TOKEN}" -u "$CI_USER:$CI_PASS" https://x.example',
      'env SESSION_COOKIE_SECURE=true app --from-file=password=./secrets/pw.txt',
      'gh auth login --with-token < /run/secrets/gh',
      'check_disk -w 20% -c 10% -p /',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    // A password may start with $: only a braced or capitalised name is a variable.
    expect(redactSecrets('env DB_PASSWORD=$ecret99 app')).toBe('env DB_PASSWORD=*** app');
    expect(redactSecrets('vault write auth/approle/login role_id=r1 secret_id=Sx8pw')).toBe(
      'vault write auth/approle/login role_id=r1 secret_id=***',
    );
  });
});

describe('forms a sixth red-team pass found (round 15)', () => {
  it('a run of letters and digits that reads as random is hidden without a prefix; names, digests and ids stay', () => {
    expect(redactSecrets('b2 authorize-account 000a1b2c3d4e0000000002 K003Fz8Lq2Vx6Nc4Rp1Tw9Yb7Hm5')).toBe(
      'b2 authorize-account *** ***',
    );
    expect(redactSecrets('curl https://app.example/invite/Hb7Kp2Wq9Lz4Mn6T/accept')).toBe(
      'curl https://app.example/invite/***/accept',
    );
    for (const command of [
      'java -cp app.jar com.example.X509Certificate2Loader --profile Python3Dot11Slim',
      'app --digest sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      'app --run 6f1c2a9e-0b7d-4c55-9e21-3a8f0c6d2b14 --commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'app --build HTTP2SERVERPUSH2024 --stage ReleaseCandidate',
      'app --integrity sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it('what a store is given for a key whose path names a secret; other keys and settings stay', () => {
    expect(redactSecrets('consul kv put -cas service/web/api_key Kv7qPz2m')).toBe(
      'consul kv put -cas service/web/api_key ***',
    );
    expect(redactSecrets('etcdctl put /prod/credentials/smtp Kv7qPz2m')).toBe('etcdctl put /prod/credentials/smtp ***');
    expect(redactSecrets('redis-cli -n 2 SETEX reset:token 900 Kv7qPz2m')).toBe(
      'redis-cli -n 2 SETEX reset:token 900 ***',
    );
    expect(redactSecrets('dotnet user-secrets set "Mail:SmtpPassword" Kv7qPz2m')).toBe(
      'dotnet user-secrets set "Mail:SmtpPassword" ***',
    );
    for (const command of [
      'consul kv put service/web/replicas 4',
      'etcdctl put /prod/feature/dark_mode on',
      'npm config set //npm.example/:always-auth false',
      'consul kv put app/api_key @/run/secrets/key',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it("Oracle's userid= keyword and sentinel auth-pass give a password", () => {
    expect(redactSecrets('impdp userid=hr/Or9kTq2w@pdb1 directory=DP dumpfile=hr.dmp')).toBe(
      'impdp userid=hr/***@pdb1 directory=DP dumpfile=hr.dmp',
    );
    expect(redactSecrets('exp USERID="system/Or9kTq2w as sysdba" full=y')).toBe(
      'exp USERID="system/*** as sysdba" full=y',
    );
    expect(
      redactSecrets(
        'redis-server /etc/s.conf --sentinel monitor cache 10.0.0.5 6379 2 --sentinel auth-pass cache Or9kTq2w',
      ),
    ).toBe('redis-server /etc/s.conf --sentinel monitor cache 10.0.0.5 6379 2 --sentinel auth-pass cache ***');
    expect(redactSecrets('exp file=hr.dmp owner=hr')).toBe('exp file=hr.dmp owner=hr');
  });

  it('passwords in SQL, Cypher and Redis ACL statements with no name just before them', () => {
    expect(redactSecrets(`mariadb -e "SET PASSWORD FOR 'web'@'localhost' = PASSWORD('Sq7mWz3k')"`)).toBe(
      `mariadb -e "SET PASSWORD FOR 'web'@'localhost' = PASSWORD('***')"`,
    );
    expect(redactSecrets(`cypher-shell -d system "ALTER USER neo SET PASSWORD FROM 'Sq7mWz3k' TO 'Sq8nXa4l'"`)).toBe(
      `cypher-shell -d system "ALTER USER neo SET PASSWORD FROM '***' TO '***'"`,
    );
    expect(redactSecrets('valkey-cli acl setuser ci reset on >Sq7mWz3k <Sq8nXa4l ~ci:* +get')).toBe(
      'valkey-cli acl setuser ci reset on >*** <*** ~ci:* +get',
    );
    expect(redactSecrets(`sh -c 'printf "user ci on >Sq7mWz3k ~* +@all\\n" > /etc/redis/users.acl'`)).not.toContain(
      'Sq7mWz3k',
    );
    // A redirect after a user's name in prose, and a rule list with no password, stay.
    for (const command of ['sh -c "echo user ci on >/tmp/who"', 'redis-cli ACL SETUSER ro on nopass ~* +@read']) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it('a name the shell or a JSON reader joins from parts, and a value after an unusual blank or in a YAML block', () => {
    expect(redactSecrets(`app --api"_"key=Zq3wEr5t --se'cr'et Zq3wEr5t`)).toBe(`app --api"_"key=*** --se'cr'et ***`);
    expect(redactSecrets('env GITHUB_TO\\KEN=Zq3wEr5t app')).toBe('env GITHUB_TO\\KEN=*** app');
    expect(redactSecrets('app --to\\\nken=Zq3wEr5t')).toBe('app --to\\\nken=***');
    expect(redactSecrets(`app --json '{"api\\u005fkey":"Zq3wEr5t","acc\\x65ss_token":"Zq3wEr5t"}'`)).toBe(
      `app --json '{"api\\u005fkey":"***","acc\\x65ss_token":"***"}'`,
    );
    expect(redactSecrets('app "--token" "Zq3wEr5t" "--port" "80"')).toBe('app "--token" "***" "--port" "80"');
    const ifs = '$' + '{IFS}';
    expect(redactSecrets(`sh -c "redis-cli$IFS-a${ifs}Zq3wEr5t${ifs}ping"`)).toBe(
      `sh -c "redis-cli$IFS-a${ifs}***${ifs}ping"`,
    );
    expect(redactSecrets('app --secret\u2002Zq3wEr5t')).toBe('app --secret\u2002***');
    expect(redactSecrets("app --values 'auth:\n  token: >-\n    Zq3wEr5t\n    Zq3wEr5t\n  user: ci'")).toBe(
      "app --values 'auth:\n  token: >-\n    ***\n  user: ci'",
    );
    expect(redactSecrets(`printf 'db:\\n  password: |\\n    Zq3wEr5t\\n  port: 5432\\n'`)).toBe(
      `printf 'db:\\n  password: |\\n    ***\\n  port: 5432\\n'`,
    );
    for (const command of [`app --label "tier"=front --name 'it's'`, `app --json '{"a":"b","c":"d"}'`]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it('what a password manager or a command naming a secret takes from its input, and an expect script’s answer', () => {
    expect(redactSecrets('printf %s Pm4xQ8wz | gopass insert -f ops/db')).toBe(
      'printf %s *** | gopass insert -f ops/db',
    );
    expect(redactSecrets('echo Pm4xQ8wz | keyring set ci-registry deploy')).toBe(
      'echo *** | keyring set ci-registry deploy',
    );
    expect(redactSecrets('netlify env:set x && doppler secrets set STRIPE_SECRET <<< Pm4xQ8wz')).toBe(
      'netlify env:set x && doppler secrets set STRIPE_SECRET <<< ***',
    );
    expect(redactSecrets('security add-internet-password -a ci -s git.example -w Pm4xQ8wz')).toBe(
      'security add-internet-password -a ci -s git.example -w ***',
    );
    expect(redactSecrets(`expect -c 'spawn sftp ops@h; expect "*Passphrase*"; send -- "Pm4xQ8wz\\r"; interact'`)).toBe(
      `expect -c 'spawn sftp ops@h; expect "*Passphrase*"; send -- "***\\r"; interact'`,
    );
    expect(redactSecrets('lnd --macaroonpath=/root/.lnd/admin.macaroon --rpc.macaroon 0201036c6e6402f80103')).toBe(
      'lnd --macaroonpath=/root/.lnd/admin.macaroon --rpc.macaroon ***',
    );
    // A prompt for something else, a command that only names a secret, a header with no credential: shown.
    for (const command of [
      `expect -c 'spawn ftp h; expect "Name*"; send "anonymous\\r"'`,
      'echo done | vercel env ls DB_PASSWORD',
      'security find-generic-password -s ci -w',
      `curl -H 'Authorization: Bearer' https://x.example`,
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it('the value of a variable that a secret’s place refers to', () => {
    expect(redactSecrets(`sh -c 'k=Vr6tNq3p; redis-cli -a "$k" ping'`)).toBe(`sh -c 'k=***; redis-cli -a "***" ping'`);
    // A braced reference is shown as the variable's name, and the value assigned to it is hidden all the same.
    const s = '$' + '{s}';
    expect(redactSecrets(`sh -c "export s=Vr6tNq3p && sshpass -p ${s} ssh ops@h"`)).toBe(
      `sh -c "export s=*** && sshpass -p ${s} ssh ops@h"`,
    );
    // A variable no secret's place refers to keeps its value.
    expect(redactSecrets(`sh -c 'k=web; redis-cli -h "$k" ping'`)).toBe(`sh -c 'k=web; redis-cli -h "$k" ping'`);
  });

  it('base64 of a login anywhere, an encoded PowerShell command, and what is piped into su', () => {
    expect(redactSecrets('app --proxy-header=Basic:b3BzOlpxOHdS')).toBe('app --proxy-header=Basic:***');
    expect(redactSecrets(`app --config '{"registries":{"r.example":{"b64":"Y2k6WnE4d1I="}}}'`)).toBe(
      `app --config '{"registries":{"r.example":{"b64":"***"}}}'`,
    );
    expect(redactSecrets('pwsh -NoProfile -ec ZQBjAGgAbwAgAGgAaQA= -NonInteractive')).toBe(
      'pwsh -NoProfile -ec *** -NonInteractive',
    );
    expect(redactSecrets('echo Zq8wR | su deploy -c whoami')).toBe('echo *** | su deploy -c whoami');
    // base64 of something else, a PowerShell script file, su's own command: shown.
    for (const command of [
      'app --greeting aGVsbG8gd29ybGQ= --mode dGVzdA==',
      'pwsh -NoProfile -File ./deploy.ps1 -Environment prod',
      'su - postgres -c "pg_ctl start"',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('commands without secrets stay readable', () => {
  it('are short enough for the terminal table to show whole', () => {
    for (const command of NOT_SECRETS) expect(command.length).toBeLessThanOrEqual(60);
  });

  it.each(NOT_SECRETS)('%s', (command) => {
    const { json, text, blocks } = renderings(command);
    expect(json).toBe(command);
    expect(text.split('\n')[2]!.endsWith(`   ${command}`)).toBe(true);
    expect(blocks).toContain(asSlackCode(command));
  });
});

describe('redactSecrets', () => {
  it.each([
    ['no value after a sensitive flag', 'app --password --port 80', 'app --password --port 80'],
    ['stdin as the value', 'app --password - --port 80', 'app --password - --port 80'],
    ['empty value', 'app --password= -v', 'app --password= -v'],
    ['a quoted value that never closes hides the rest', 'app --password "abc def ghi', 'app --password ***'],
    ['a URL host is not a name', 'curl https://token.example.com:8443/x', 'curl https://token.example.com:8443/x'],
    ['a plain user name stays', 'mysql -u root -h db', 'mysql -u root -h db'],
    [
      'a PEM key with no END hides to the end',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE\nabc',
      '-----BEGIN RSA PRIVATE KEY-----***',
    ],
    ['ssh -p is a port', 'ssh -p 22 host', 'ssh -p 22 host'],
    ['docker -p outside login is a port', 'docker run -p 5432:5432 postgres', 'docker run -p 5432:5432 postgres'],
  ])('%s', (_what, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});

describe('cutForDisplay', () => {
  it('drops the word the cut goes through: its start could be a token too short to recognise', () => {
    const token = fake('ghp_', 36);
    const command = `app --flag ${token}`;
    expect(cutForDisplay(command, 20)).toBe('app --flag …');
    expect(redactSecrets(cutForDisplay(command, 20))).not.toContain('ghp_');
    expect(cutForDisplay('app --flag value next', 16)).toBe('app --flag …');
    expect(cutForDisplay('short', 10)).toBe('short');
  });

  it('never splits a surrogate pair', () => {
    expect(cutForDisplay('😀'.repeat(10), 5)).toBe('…');
    expect(cutForDisplay(`a ${'😀'.repeat(10)}`, 5)).toBe('a …');
  });
});

describe('stripUrlCredentials', () => {
  it('drops user and password whatever they hold', () => {
    expect(stripUrlCredentials('ssh://deploy:pw@host:22 and tcp://a@b')).toBe('ssh://host:22 and tcp://b');
    expect(stripUrlCredentials('ssh://deploy:p/w@x@host')).toBe('ssh://host');
    expect(stripUrlCredentials('redis://:p%40ss@h:6379')).toBe('redis://h:6379');
  });
});

describe('allowlistedLabels', () => {
  it('keeps exact and prefix matches only; a key that looks secret hides its value whole', () => {
    const labels = {
      team: 'web',
      'com.example.owner': 'ana',
      'com.examplex': 'no',
      secret: 'x',
      'com.example.dsn': 'postgres://u:p@db',
      'com.example.db_password': 'hunter2',
      'com.example.apiKey': '',
      'com.example.url': 'https://bob:hunter3@db.example.com',
    };
    expect(allowlistedLabels(labels, ['team', 'com.example.*'])).toEqual({
      team: 'web',
      'com.example.owner': 'ana',
      'com.example.dsn': '***',
      'com.example.db_password': '***',
      'com.example.apiKey': '***',
      'com.example.url': 'https://***@db.example.com',
    });
    expect(allowlistedLabels(labels, [])).toEqual({});
    expect(allowlistedLabels(null, ['team'])).toEqual({});
  });

  it('shows masked label values the same way on every rendering', () => {
    const view = toPsView(
      [container({ Labels: { 'com.example.db_password': 'hunter2', team: 'web' } })],
      OPTIONS,
      HOST,
      ['team', 'com.example.*'],
    );
    expect(view.rows[0]!.labels).toEqual({ 'com.example.db_password': '***', team: 'web' });
    expect(renderPsText(view, 'en')).toContain('labels app: com.example.db_password=*** team=web');
    expect(JSON.stringify(renderPsBlocks(view, 'en'))).toContain('com.example.db_password=*** team=web');
    expect(JSON.stringify(renderPsBlocks(view, 'en')) + renderPsText(view, 'en')).not.toContain('hunter2');
  });
});

describe('forms a seventh red-team pass found (round 16)', () => {
  it('a Greek or capital Cyrillic look-alike in a name; a name that counts or issues secrets keeps its value', () => {
    expect(redactSecrets('t\u03bfken=Un5tok app')).toBe('t\u03bfken=*** app');
    expect(redactSecrets('app --\u0391PI_KEY Un6key')).toBe('app --\u0391PI_KEY ***');
    expect(redactSecrets('app --\u043c\u0430ster-k\u0435y=Un7key')).toBe('app --\u043c\u0430ster-k\u0435y=***');
    for (const command of [
      'app --max-tokens 4096',
      'llm --num-tokens 512 --token-limit 100',
      'app --jwt-issuer https://auth.example.com --jwt-audience api',
      'JWT_ISSUER=https://auth.example.com app',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('round 16: XML elements', () => {
  it('a namespaced element, one with attributes and a CDATA section hide their text', () => {
    expect(redactSecrets('<wsse:Password>Xm1pw</wsse:Password>')).toBe('<wsse:Password>***</wsse:Password>');
    expect(redactSecrets('<ns2:apiKey>Xm3key</ns2:apiKey>')).toBe('<ns2:apiKey>***</ns2:apiKey>');
    expect(redactSecrets('<wsse:Password Type="#PasswordText">Xm2pw</wsse:Password>')).toBe(
      '<wsse:Password Type="#PasswordText">***</wsse:Password>',
    );
    expect(redactSecrets('<Password><![CDATA[Xm7 pw]]></Password>')).toBe('<Password><![CDATA[***]]></Password>');
    expect(
      redactSecrets(
        "curl -d '<wsse:UsernameToken><wsse:Username>u</wsse:Username><wsse:Password>Sp1pw</wsse:Password>'",
      ),
    ).toBe("curl -d '<wsse:UsernameToken><wsse:Username>u</wsse:Username><wsse:Password>***</wsse:Password>'");
  });

  it('an empty element, a closing tag and a prefix that is no element stay', () => {
    for (const command of [
      '<wsse:Password/>',
      '<password type="x"/>',
      'echo </wsse:Password> done',
      'app --ns ns:password',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('round 16: bracketed values and lists of keys', () => {
  it('a JSON object or list given for a secret name, and an ODBC braced value, hide whole', () => {
    expect(redactSecrets('{"auth": {"token": "Js2 tok"}}')).toBe('{"auth": ***}');
    expect(redactSecrets('{"tokens": ["t1x", "t2x"], "user": "u"}')).toBe('{"tokens": ***, "user": "u"}');
    expect(redactSecrets('Driver={ODBC 18};UID=sa;PWD={Jd9 pw;x};Server=db')).toBe(
      'Driver={ODBC 18};UID=sa;PWD=***;Server=db',
    );
    expect(redactSecrets('app --password={a b')).toBe('app --password=***');
  });

  it("a value ends at its connection string's next key, or its option list's", () => {
    expect(redactSecrets('DSN=app;UID=u;PWD={Jd9 pw;x};')).toBe('DSN=***;UID=u;PWD=***;');
    expect(redactSecrets('Data Source=db;Password=Jd3pw; User ID=sa')).toBe('Data Source=db;Password=***; User ID=sa');
    expect(redactSecrets('mount -t cifs //h/s /mnt -o username=u,password=Sb2pw,uid=1000,ro')).toBe(
      'mount -t cifs //h/s /mnt -o username=u,password=***,uid=1000,ro',
    );
    expect(redactSecrets('--mount type=volume,"volume-opt=o=addr=h,username=u,password=Mt1pw"')).toBe(
      '--mount type=volume,"volume-opt=o=addr=h,username=u,password=***"',
    );
    // A comma is a password's own outside an option list; mount.cifs doubles one that is.
    expect(redactSecrets('app --password=a,b=c')).toBe('app --password=***');
    expect(redactSecrets('mount -o password=a,,b=c,ro /x')).toBe('mount -o password=***,ro /x');
    const credentials = 'mount -t cifs //h/s /mnt -o credentials=/root/.smbcred,uid=1000';
    expect(redactSecrets(credentials)).toBe(credentials);
  });
});

describe('round 16: percent-encoded names', () => {
  it("a query's or a form's name with percent-encoded letters names what it decodes to", () => {
    expect(redactSecrets('curl "https://x.example/a?pass%77ord=Pe1pw&x=1"')).toBe(
      'curl "https://x.example/a?pass%77ord=***"',
    );
    expect(redactSecrets('https://x.example/a?%70assword=Pe2pw')).toBe('https://x.example/a?%70assword=***');
    expect(redactSecrets("curl -d 'user=u&%74oken=Pe3tok' https://x.example")).toBe(
      "curl -d 'user=u&%74oken=***' https://x.example",
    );
    for (const command of ['curl "https://x.example/a?q=100%25&page=2"', "printf '%5d %s\\n' 3 token"]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('round 16: a value named after it', () => {
  it("an entry's value whose name comes after it is the secret's when the name says so, in the same entry only", () => {
    expect(redactSecrets('{"value":"Ja6pw","name":"API_TOKEN"}')).toBe('{"value":"***","name":"API_TOKEN"}');
    expect(redactSecrets('env:\n- value: Ja3pw\n  name: DB_PASSWORD\n- value: db\n  name: HOST')).toBe(
      'env:\n- value: ***\n  name: DB_PASSWORD\n- value: db\n  name: HOST',
    );
    const entries = '[{"name":"DB_PASSWORD","value":"x1"},{"value":"db","name":"HOST"}]';
    expect(redactSecrets(entries)).toBe('[{"name":"DB_PASSWORD","value":"***"},{"value":"db","name":"HOST"}]');
  });
});

describe("round 16: tools' positional and short-flag secrets", () => {
  it("ZooKeeper's create and addauth, vault login's token, sendEmail's -xp", () => {
    expect(redactSecrets('zkCli.sh -server zk:2181 create /app/db/password Zk1pw')).toBe(
      'zkCli.sh -server zk:2181 create /app/db/password ***',
    );
    expect(redactSecrets('zookeeper-shell.sh zk:2181 create -e -t 3600 /app/api/token Zk2tok')).toBe(
      'zookeeper-shell.sh zk:2181 create -e -t 3600 /app/api/token ***',
    );
    expect(redactSecrets('zkCli.sh -server zk:2181 addauth digest admin:Zk3pw')).toBe(
      'zkCli.sh -server zk:2181 addauth digest ***',
    );
    expect(redactSecrets('vault login Vt1tok')).toBe('vault login ***');
    expect(redactSecrets('vault login -no-print Vt1tok')).toBe('vault login -no-print ***');
    expect(redactSecrets('sendemail -f a@b.c -s smtp:587 -xu u -xp Sm3pw -m hi')).toBe(
      'sendemail -f a@b.c -s smtp:587 -xu u -xp *** -m hi',
    );
    for (const command of [
      'zkCli.sh -server zk:2181 create /app/config/replicas 3',
      'zkCli.sh -server zk:2181 get /app/db/password',
      'kubectl create secret generic db --from-file=password=./pw.txt',
      'vault login -method=oidc role=dev',
      'vault login -method=userpass username=bob',
      'vault login -',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe("round 16: a key's file is no key", () => {
  it("a key's or certificate's file by its extension stays, and a file's name is no name of what follows it", () => {
    for (const command of [
      'openssl req -new -key k.pem -passin env:KEY_PW -out r.csr',
      'kubectl create secret tls web --cert=certs/tls.crt --key=certs/tls.key',
      'openssl genrsa -out server.key 2048',
      'openssl genrsa -out key.pem 4096',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    expect(redactSecrets('app --key Kq7pw.x')).toBe('app --key ***');
  });
});

describe('round 16: what a name says about the secret, not the secret', () => {
  it("where its checker runs, what it is kept with, a switch, an authentication method's name, a path's part", () => {
    for (const command of [
      'teleport start --roles=node --auth-server=proxy.example.com:443',
      'AUTH_HOST=auth.example.com app --auth-port 9000',
      'COOKIE_DOMAIN=.example.com SESSION_DRIVER=redis',
      'OAUTH2_PROXY_HTTP_ADDRESS=0.0.0.0:4180 OAUTH2_PROXY_UPSTREAMS=http://app:8080',
      'mongo --username u --authenticationDatabase admin',
      'java -jar app.jar --server.ssl.key-alias=tomcat',
      'redis-cli -h redis --no-auth-warning ping',
      'REGISTRY_AUTH=htpasswd',
      'docker run --rm -v /run/secrets:/run/secrets:ro app',
      'docker run --tmpfs /run/secrets:size=1m app',
      'docker buildx build --secret id=npm,src=/run/secrets/npmrc --secret=id=gh,env=GH_TOKEN .',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    // A method's name alone is a setting; a value that only starts with one is a password.
    expect(redactSecrets('REGISTRY_AUTH=htpasswd1x')).toBe('REGISTRY_AUTH=***');
    expect(redactSecrets('app --secret id=x,src=/p,extra=Sx1pw')).toBe('app --secret ***');
    expect(redactSecrets('app --no-auth-warning --auth Ax1pw')).toBe('app --no-auth-warning --auth ***');
    expect(redactSecrets('netmiko --enable-password En1pw ENABLE_SECRET=En2pw')).toBe(
      'netmiko --enable-password *** ENABLE_SECRET=***',
    );
  });
});

describe('round 16: a second pass over common containers', () => {
  it("caddy's --plaintext, nuget's -k, wandb and bw's positionals, SonarQube's sonar.login", () => {
    expect(redactSecrets('caddy hash-password --plaintext Cd1pw')).toBe('caddy hash-password --plaintext ***');
    expect(redactSecrets('dotnet nuget push p.nupkg -k Ng1key -s https://api.nuget.org')).toBe(
      'dotnet nuget push p.nupkg -k *** -s https://api.nuget.org',
    );
    expect(redactSecrets('wandb login Wb1key')).toBe('wandb login ***');
    expect(redactSecrets('bw unlock Bw1pw --raw')).toBe('bw unlock *** --raw');
    expect(redactSecrets('bw login me@example.com Bw2pw')).toBe('bw login me@example.com ***');
    expect(redactSecrets('sonar-scanner -Dsonar.login=Sn1tok -Dsonar.host.url=http://s')).toBe(
      'sonar-scanner -Dsonar.login=*** -Dsonar.host.url=http://s',
    );
    for (const command of ['grpcurl -plaintext localhost:50051 list', 'caddy run --config /etc/caddy/Caddyfile']) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('round 16: a third pass', () => {
  it('a name in letters beyond the first plane or with a Mongolian vowel separator; a PuTTY key', () => {
    expect(redactSecrets('\u{1d429}\u{1d41a}\u{1d42c}\u{1d42c}\u{1d430}\u{1d428}\u{1d42b}\u{1d41d}=Mb1pw')).toBe(
      '\u{1d429}\u{1d41a}\u{1d42c}\u{1d42c}\u{1d430}\u{1d428}\u{1d42b}\u{1d41d}=***',
    );
    expect(redactSecrets('pass\u180eword=Mv1pw')).toBe('pass\u180eword=***');
    expect(redactSecrets('echo "Private-Lines: 2\\nAAAAIPk1\\nAAAAIPk2\\nPrivate-MAC: ab12" > k.ppk')).toBe(
      'echo "Private-Lines: 2\\n***\\nPrivate-MAC: ab12" > k.ppk',
    );
    expect(redactSecrets('Private-Lines: 1\nAAAAIPk3')).toBe('Private-Lines: 1\n***');
    const emoji = 'echo "\u{1f511} done" && app --port 80';
    expect(redactSecrets(emoji)).toBe(emoji);
  });
});

describe("round 16: what a secret store is given, and what a secret's reference names", () => {
  it("a secret store's value whatever its name: Key Vault, SSM SecureString, vault kv put and patch", () => {
    expect(redactSecrets('az keyvault secret set --vault-name v --name db --value Kv1pw')).toBe(
      'az keyvault secret set --vault-name v --name db --value ***',
    );
    expect(redactSecrets('aws ssm put-parameter --name /prod/db/host --value Ss1pw --type SecureString')).toBe(
      'aws ssm put-parameter --name /prod/db/host --value *** --type SecureString',
    );
    expect(redactSecrets('vault kv patch -mount=secret app stripe=Vk2 host=db cfg=@c.json in=-')).toBe(
      'vault kv patch -mount=secret app stripe=*** host=*** cfg=@c.json in=-',
    );
    expect(redactSecrets('BUNDLE_GEMS__EXAMPLE__COM=u:Bd1pw bundle install')).toBe(
      'BUNDLE_GEMS__EXAMPLE__COM=*** bundle install',
    );
    for (const command of [
      'aws ssm put-parameter --name /prod/db/host --value db.internal --type String',
      'az keyvault secret show --vault-name v --name db',
      'BUNDLE_BUILD__NOKOGIRI=--use-system-libraries BUNDLE_PATH=vendor',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it("a secretKeyRef's key names which of the secret's keys to read; a key after it, in another entry, is hidden", () => {
    for (const command of [
      'valueFrom:\n  secretKeyRef:\n    name: db\n    key: password',
      '{"valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}',
      '{"valueFrom":{"configMapKeyRef":{"name":"app","key":"api-token"}}}',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    expect(redactSecrets('{"secretKeyRef":{"name":"db","key":"password"}},{"key":"Kx9real"}')).toBe(
      '{"secretKeyRef":{"name":"db","key":"password"}},{"key":"***"}',
    );
  });
});

describe('round 16: a fourth pass', () => {
  it("PHP's PDO, a variable read as a secret, a program given as an option's value", () => {
    expect(redactSecrets(`php -r 'new PDO("mysql:host=db", "root", "Ph1pw");'`)).toBe(
      `php -r 'new PDO("mysql:host=db", "***", "***");'`,
    );
    expect(redactSecrets('read -s PASSWORD <<< Rd1pw')).toBe('read -s PASSWORD <<< ***');
    expect(redactSecrets('echo Rd2tok | read -r API_TOKEN')).toBe('echo *** | read -r API_TOKEN');
    expect(redactSecrets('scp -o "ProxyCommand=sshpass -p Sc1pw ssh -W %h:%p j" f h:/x')).toBe(
      'scp -o "ProxyCommand=sshpass -p *** ssh -W %h:%p j" f h:/x',
    );
    for (const command of ['echo hello | read -r LINE', 'read -r -p "Password: " PW']) {
      expect(redactSecrets(command)).toBe(command);
    }
  });
});

describe('round 16: values on the next line, and ARNs', () => {
  it("a YAML value on the line below its name, a flag's value after a line continuation", () => {
    expect(redactSecrets('password:\n  Ym9pw\nuser: u')).toBe('password:\n  ***\nuser: u');
    expect(redactSecrets('app --password \\\n  Bk1pw --port 80')).toBe('app --password \\\n  *** --port 80');
    for (const command of [
      'db:\n  password:\n    nested: x',
      'password:\nuser: u',
      'secrets:\n  - db_password',
      'app --password \\\n  --port 80',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
  });

  it("an ARN's parts are no names; a password after one still is hidden", () => {
    const arn = 'app --db arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
    expect(redactSecrets(arn)).toBe(arn);
    expect(redactSecrets('app --password arn:x:token:Zz9')).toBe('app --password ***');
  });
});

describe('round 16: references to a secret kept elsewhere', () => {
  it("templates, Kubernetes' and Windows' variable references, and secret stores' references are shown", () => {
    for (const command of [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, as a workflow's command shows it
      'curl -H "Authorization: token ${{ secrets.GITHUB_TOKEN }}" https://api.github.com',
      'password: {{ .Values.db.password }}',
      'ansible_password: "{{ vault_db_password }}"',
      'app --password=$(DB_PASSWORD)',
      'app --password %DB_PASSWORD%',
      'password: <path:secret/data/db#password>',
      'DB_PASSWORD=ref+vault://secret/db#/password',
      'DB_PASSWORD=op://prod/db/password',
      'DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
      '--secret-arn arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
      'DB_PASSWORD=@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/db/)',
      'git config --global credential.helper "cache --timeout=3600"',
    ]) {
      expect(redactSecrets(command)).toBe(command);
    }
    // What only looks like one is a password.
    expect(redactSecrets('app --password %secret1%')).toBe('app --password ***');
    expect(redactSecrets('app --password "{{ literal pw }}"')).toBe('app --password "***"');
    expect(redactSecrets('git -c credential.helper=\'!f() { echo "password=Gc1pw"; }; f\' fetch')).toBe(
      'git -c credential.helper=\'!f() { echo "password=***"; }; f\' fetch',
    );
  });
});

describe('round 17 review: what the round-17 pass showed that may be a secret', () => {
  it.each([
    [
      'a second URL in the same word',
      'MIRRORS=https://mirror.gcr.io/,https://ci:Hunter2pass@registry.corp.local',
      'Hunter2pass',
    ],
    ['a URL inside a query', 'curl https://x.io/?u=https://admin:pw9Secret@db', 'pw9Secret'],
    ["redis's lone userinfo, its password", 'redis-cli -u redis://changeme@cache:6379', 'changeme'],
    ["a password's suffix", 'PASSWORD_SUFFIX=hunter2pass', 'hunter2pass'],
    ['a profile is no file', '--secret-profile hunter2pass', 'hunter2pass'],
    [
      'a public key line under a password name',
      'DB_PASSWORD="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ hunter2pass"',
      'hunter2pass',
    ],
  ])('%s is hidden', (_what, command, secret) => {
    expect(redactSecrets(command)).not.toContain(secret);
  });

  it.each([
    'git clone ssh://git@github.com/x/y',
    'npm i https://registry.npmjs.org/@types/node',
    'curl https://unpkg.com/@scope/pkg@1.0.0/x.js',
    'psql postgres://app@db/app',
    'TOKEN_PREFIX=Bearer',
    '--ssh-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx ops@host"',
    'traefik.http.middlewares.a.basicauth.usersfile=/etc/users',
  ])('%s stays shown', (command) => {
    expect(redactSecrets(command)).toBe(command);
  });
});

describe('round 17 review: a value of many quoted parts', () => {
  it('is hidden whole past the cap on parts', () => {
    const value = Array.from({ length: 20 }, (_, i) => (i === 18 ? "'hunter2pass'" : "'a'")).join('');
    expect(redactSecrets(`app --password ${value} next`)).toBe('app --password *** next');
  });
});
