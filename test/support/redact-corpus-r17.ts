/**
 * Round 17's redaction corpus, written from how real containers carry secrets (not from the redaction
 * code or the older corpus). Each secret case names the exact substrings that must not reach a channel;
 * each look-alike must come out of /docker-ps exactly as the engine reported it.
 *
 * where: 'command' is a container's Command, 'label' one label (key, value) that the allowlist keeps,
 * 'image' the Image field (engine text shown as it is, token shapes hidden).
 *
 * Every value here is made up; none of them is, or was, a live credential.
 */

export type Where = 'command' | 'label' | 'image';

export interface SecretCase {
  where: Where;
  /** The command or image text, or the label value. */
  text: string;
  key?: string;
  secrets: string[];
}

/**
 * The vendor prefix the token-shape pass keeps in sight (`ghp_***`, `AKIA***`), so a reader knows what was hidden:
 * the kind of token, not a part of it.
 */
export const SHOWN_PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|glrt-|xox[a-z]-|xapp-|AKIA|ASIA|AIza|[sr]k_live_|sk-|npm_|pypi-AgE|dckr_pat_|hvs\.|dop_v1_|shpat_|SG\.|eyJ|squ_)/;

/**
 * The secrets of which a part shows in `shown`: a part is four characters (all of a shorter secret) that `shown`
 * holds and `text` holds nowhere but in a secret. A shown vendor prefix (SHOWN_PREFIX) is no part.
 */
export function leakedSecrets(text: string, shown: string, secrets: readonly string[]): string[] {
  let rest = text;
  for (const secret of secrets) rest = rest.split(secret).join('\u0000');
  return secrets.filter((secret) => {
    const chars = [...secret];
    const prefix = [...(SHOWN_PREFIX.exec(secret)?.[0] ?? '')].length;
    const width = Math.min(4, chars.length);
    for (let i = 0; i + width <= chars.length; i++) {
      if (i + width <= prefix) continue;
      const part = chars.slice(i, i + width).join('');
      if (shown.includes(part) && !rest.includes(part)) return true;
    }
    return false;
  });
}

export interface LookAlikeCase {
  where: Where;
  text: string;
  key?: string;
}

const c = (text: string, ...secrets: string[]): SecretCase => ({ where: 'command', text, secrets });
const l = (key: string, text: string, ...secrets: string[]): SecretCase => ({ where: 'label', key, text, secrets });
const i = (text: string, ...secrets: string[]): SecretCase => ({ where: 'image', text, secrets });
const C = (text: string): LookAlikeCase => ({ where: 'command', text });
const L = (key: string, text: string): LookAlikeCase => ({ where: 'label', key, text });
const I = (text: string): LookAlikeCase => ({ where: 'image', text });

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDphcHAifQ.Qz8xWm3pLt9vKd2rNb6yTf4hJ1sUqA7cE0gHiKlMnOpQ';
const GHP = 'ghp_sfO0z7XqzQHtpZHQBl3f8kpfSMuNKF49UWBZ';
const GH_FINE = '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';
const GHS = 'ghs_wZvpdnqyqt2X2xVq4EoOJkJ1jbwqXsZLvaMQ';
const GHO = 'gho_c9SJyILzN1wB2vry2M9owChgmTlCYAxfbQpz';
const GLPAT = 'glpat-x84So90zznCHU8KGzw7m';
const GLRT = 'glrt-dgwEqmfCzMM4icMXL1op';
const AKIA = 'AKIA134W2YV3255GLU36';
const ASIA = 'ASIAWN3Y8ZJAD7J86YJU';
const AWS_SECRET = 'Z2WKGh+bctCDtTafE8qso/UROzl2R5teybPpXRWl';
const XOXB = 'xoxb-15117029253-7545914323784-5IxBvcxl9zBCJQase2SZylGv';
const XOXP = 'xoxp-23104352856-189639741975-4153872313013-07be6aed02dbca1c59d00a8bf9f3fc26';
const XAPP = 'xapp-1-A22JWZXM65T-7648340238387-eaa10c00332e51ec80348a26d2b7a601731cdbc1d341169d0283342ebe1c5232';
const SK_LIVE = 'sk_live_ireYqow0Y9rEYqjTEQJa7wIO';
const RK_LIVE = 'rk_live_3dS7A5pOS9RDQc7q1My556IS';
const TWILIO_SID = 'ACeb5a9d7de24d86b34f15587ec7d76eea';
const TWILIO_TOKEN = '433aa5886f37a7f7bb758236e4f8608e';
const SG = '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';
const NPM = 'npm_f2qIOdNwSf12fTVAyqig3L71twzw4nglPZEj';
const PYPI = 'pypi-AgEIcHlwaS5vcmcBXpeDtTPEi2XOv56uJD3mo8kkhJIRnqE8aAFMENAofWfhcBzNh5cxYjpDsph';
const DCKR = 'dckr_pat_X6DuPtMb5IVsGW8pnMmeKGvQ8Ba';
const AIZA = 'AIzawUT9hWyQSAhdP4c2Exd0Ab8bAEO5rf7kXj5';
const HEX64 = '72cc2a961e280bf9b8316f681d6699635b6095dfc776e03929cdb82c5ac6789b';
const B64_44 = 'kI8VRDlX+IWp60d6qxSNm9/EJk/DA4f1UrDHsaF4ai07';
const HVS = 'hvs.Y1Ft3ivrOFI4Qdrw0OJ5lZqy';
const DOP = 'dop_v1_7c4f46b5f3ec016069c0121794d6c21143708da31fbbd76a088834d4ac3bdd3e';
const SHPAT = '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';
const OPENAI = 'sk-proj-q1l223DNdBJv2nCUvQXvXeAGe4y0FVcqEtt7BsGsWymukmF4Ju0GhyJEXW9iOPpAmiXm5';
const ANTHROPIC =
  'sk-ant-api03-3sUT55xZ7QXUuyCZ0WPHvTYSrB2QEOlGOIehVTT3-9TNSPM33vJre9pgEbwEsRIjUia3wQFP3QpinxeZa9XLDb2Q2AA';
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Urx7OUaZH1wY3yRZ6MY6ioL5ezElaiIiBfH1SrcKQaIU';
const OPENSSH_BODY =
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACCwOXdIP1LV8cpQU';
const SLACK_HOOK = 'Xq8wP2zLm9Kt4RvN6yBd1FhJ';

export const secretCases: SecretCase[] = [
  // ── databases ──
  c('psql postgresql://app:Wq9vLx2pRt7m@db:5432/app', 'Wq9vLx2pRt7m'),
  c('psql "host=db user=app password=Kd8fjQ2mZp dbname=app sslmode=require"', 'Kd8fjQ2mZp'),
  c("psql 'host=db port=5432 password=Kq7v-Zp2m dbname=app'", 'Kq7v-Zp2m'),
  c('PGPASSWORD=Tz4nYh8qWe psql -h db -U app', 'Tz4nYh8qWe'),
  c('mysql -uroot -pR00tPa55word -h db', 'R00tPa55word'),
  c('mysql --user=root --password=Xm3pQ9wLz db', 'Xm3pQ9wLz'),
  c('mysqladmin -uroot -p"Qw!rt9#zx" ping', 'Qw!rt9#zx'),
  c('mysqldump -u backup -pBkp2024secret --all-databases', 'Bkp2024secret'),
  c('mariadb --password=Mr4xQ9pLw -e "show databases"', 'Mr4xQ9pLw'),
  c('MYSQL_PWD=Mp6wQ2zLx mysql -uroot', 'Mp6wQ2zLx'),
  c('mongosh "mongodb+srv://admin:Mg7xP2qLw@cluster0.abc.mongodb.net/test"', 'Mg7xP2qLw'),
  c('mongo --username admin --password Hn5tRz8wQ --authenticationDatabase admin', 'Hn5tRz8wQ'),
  c('mongosh -u admin -p Mh3pQ8wLz --authenticationDatabase admin', 'Mh3pQ8wLz'),
  c('mongodump --uri=mongodb://backup:Pm2Wq8zLx@mongo:27017/?authSource=admin', 'Pm2Wq8zLx'),
  c('mongodb://root:Mr9pQ2wLx@m1:27017,m2:27017,m3:27017/app?replicaSet=rs0', 'Mr9pQ2wLx'),
  c('redis-server --requirepass Rd5pQ9wXz7', 'Rd5pQ9wXz7'),
  c('redis-server --masterauth Ms7xQ2pLw --masteruser repl', 'Ms7xQ2pLw'),
  c('redis-cli -a Lx8mQ2pWz -h cache ping', 'Lx8mQ2pWz'),
  c('redis-cli -u redis://:Jq4wP9xZm@cache:6379/0 ping', 'Jq4wP9xZm'),
  c('redis-cli -u rediss://default:Jr6wP2xZm@cache:6380 info', 'Jr6wP2xZm'),
  c('redis-cli --pass Nv3qW8zPx --no-auth-warning', 'Nv3qW8zPx'),
  c('redis-sentinel /etc/s.conf --sentinel auth-pass mymaster Se7nQ2pLw', 'Se7nQ2pLw'),
  c('java -jar app.jar --spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=Jd9pQ2wLx', 'Jd9pQ2wLx'),
  c('java -Ddb.url="jdbc:mysql://db:3306/app?user=root&password=My5qL8pWz&useSSL=false" -jar a.jar', 'My5qL8pWz'),
  c(
    'java -jar svc.jar --url "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Ms5ql!Pwz;encrypt=true"',
    'Ms5ql!Pwz',
  ),
  c('sqlplus scott/Tiger9Xq@//ora:1521/ORCL', 'Tiger9Xq'),
  c('java -jar etl.jar jdbc:oracle:thin:scott/Tg4rQ8wLx@ora:1521:ORCL', 'Tg4rQ8wLx'),
  c("/opt/mssql-tools/bin/sqlcmd -S db -U sa -P 'Yuk0n!Str0ng' -Q 'SELECT 1'", 'Yuk0n!Str0ng'),
  c('sqlcmd -S localhost -U SA -P Sql2022Pass! -d master', 'Sql2022Pass!'),
  c('cqlsh -u cassandra -p Cs8pQ2wLz cass 9042', 'Cs8pQ2wLz'),
  c('clickhouse-client --password Ch7xQ2pLw --query "select 1"', 'Ch7xQ2pLw'),
  c('clickhouse-client --user=default --password=Cp4xQ9pLw', 'Cp4xQ9pLw'),
  c('influx write --token Qz8xWm3pLt9vKd2rNb6yTf4h== --bucket metrics', 'Qz8xWm3pLt9vKd2rNb6yTf4h=='),
  c('influx setup --username admin --password If5pQ2wLx --org o --bucket b --force', 'If5pQ2wLx'),
  c('env NEO4J_AUTH=neo4j/Ne04jPass99 neo4j console', 'Ne04jPass99'),
  c('pg_dump "postgres://u:Pd8qW2xLz@db/app" -Fc -f /backup/app.dump', 'Pd8qW2xLz'),
  c('etcdctl --user root:Et5cQ2wLx get / --prefix', 'Et5cQ2wLx'),
  c('etcdctl --user=root --password=Et7dQ2wLx member list', 'Et7dQ2wLx'),
  c(`consul agent -server -encrypt=${B64_44} -data-dir /consul`, B64_44),
  c('vault login s.Xq8wP2zLm9Kt4RvN6yBd1FhJ', 's.Xq8wP2zLm9Kt4RvN6yBd1FhJ'),
  c(`vault login -method=token token=${HVS}`, HVS),
  c(`VAULT_TOKEN=${HVS} vault kv get secret/app`, HVS),
  c('elasticsearch -Ebootstrap.password=El5qW8pLz -Ediscovery.type=single-node', 'El5qW8pLz'),
  c('curl -s -u elastic:Es9xQ2pLw http://es:9200/_cluster/health', 'Es9xQ2pLw'),
  c('curl http://admin:Cd7pQ2wLx@couch:5984/_all_dbs', 'Cd7pQ2wLx'),
  c('psql -c "ALTER USER app WITH PASSWORD \'Al7xQ2pLw\'"', 'Al7xQ2pLw'),
  c("mysql -e \"CREATE USER 'app'@'%' IDENTIFIED BY 'Cu5pQ2wLx'\"", 'Cu5pQ2wLx'),
  c('mysql -e "ALTER USER root@localhost IDENTIFIED WITH mysql_native_password BY \'An8xQ2pLw\';"', 'An8xQ2pLw'),
  c("mysql -e \"SET PASSWORD FOR 'root'@'%' = PASSWORD('Sp4qW8xLz')\"", 'Sp4qW8xLz'),
  c('mongosh --eval \'db.createUser({user:"app",pwd:"Mo7xQ2pLw",roles:["readWrite"]})\'', 'Mo7xQ2pLw'),
  c('psql -c "CREATE ROLE ro LOGIN PASSWORD \'Ro6pQ2wLx\'"', 'Ro6pQ2wLx'),

  // ── message brokers ──
  c('python worker.py --broker amqp://guest:Rb8qW2xLz@rabbit:5672/vhost', 'Rb8qW2xLz'),
  c('celery -A app worker --broker=amqps://svc:Cl7pQ2wLx@mq.internal:5671//', 'Cl7pQ2wLx'),
  c('rabbitmqctl add_user admin Rm5xQ2pLw9', 'Rm5xQ2pLw9'),
  c('rabbitmqctl change_password app Rc3wQ8pLz', 'Rc3wQ8pLz'),
  c(
    `kafka-console-producer --bootstrap-server k:9092 --producer-property sasl.jaas.config='org.apache.kafka.common.security.plain.PlainLoginModule required username="svc" password="Kf7xQ2pLw9";'`,
    'Kf7xQ2pLw9',
  ),
  c(
    'kafka-topics --command-config /dev/stdin <<< "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=svc password=Ks3xQ9pLw;"',
    'Ks3xQ9pLw',
  ),
  c('kcat -b k:9092 -X sasl.username=svc -X sasl.password=Kc5xQ2pLw -L', 'Kc5xQ2pLw'),
  c('nats-server --user app --pass Nt5qW2xLz', 'Nt5qW2xLz'),
  c('nats sub -s nats://app:Ns8pQ2wLx@nats:4222 orders.>', 'Ns8pQ2wLx'),
  c('nats pub --creds /c.creds --user app --password Np4qW8xLz foo bar', 'Np4qW8xLz'),
  c('mosquitto_pub -h broker -u iot -P Mq9xQ2pLw -t t -m hi', 'Mq9xQ2pLw'),
  c("mosquitto_sub -u iot --pw Mq3wQ8pLz -t '#'", 'Mq3wQ8pLz'),
  c('python bridge.py stomp://user:Am6qW2xLz@broker:61613', 'Am6qW2xLz'),
  c(`pulsar-client --auth-plugin AuthenticationToken --auth-params token:${JWT} produce t`, JWT),

  // ── cloud CLIs and infra tools ──
  c(`aws configure set aws_secret_access_key ${AWS_SECRET}`, AWS_SECRET),
  c(`env AWS_ACCESS_KEY_ID=${AKIA} AWS_SECRET_ACCESS_KEY=${AWS_SECRET} aws s3 ls`, AKIA, AWS_SECRET),
  c(
    `sh -c "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx8wP2zLm9Kt4RvN6yBd1FhJ aws sts get-caller-identity"`,
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx8wP2zLm9Kt4RvN6yBd1FhJ',
  ),
  c(`aws configure set aws_access_key_id ${ASIA}`, ASIA),
  c(`s3cmd --access_key=${AKIA} --secret_key=${AWS_SECRET} ls s3://b`, AKIA, AWS_SECRET),
  c(`rclone copy /data s3:bucket --s3-access-key-id ${AKIA} --s3-secret-access-key ${AWS_SECRET}`, AKIA, AWS_SECRET),
  c(`rclone config create r s3 provider AWS access_key_id ${AKIA} secret_access_key ${AWS_SECRET}`, AKIA, AWS_SECRET),
  c(
    'gsutil -o Credentials:gs_oauth2_refresh_token=1//0gXq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE cp a gs://b',
    '1//0gXq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE',
  ),
  c(`curl "https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${AIZA}"`, AIZA),
  c(`node geo.js ${AIZA}`, AIZA),
  c(
    `sh -c 'echo {"type":"service_account","project_id":"p","private_key_id":"${TWILIO_TOKEN}","private_key":"-----BEGIN PRIVATE KEY-----\\n${KEY_BODY}\\n-----END PRIVATE KEY-----\\n"} > /tmp/sa.json'`,
    // private_key_id was listed here at first sight; it is the key's public id (IAM lists it, every JWT the key
    // signs carries it as kid), so only the key itself is secret.
    KEY_BODY,
  ),
  c(
    'az login --service-principal -u 5f0e9c1a-7b2d-4e8f-9a3c-6d1b2e4f8a7c -p Az8Q~xW2pLz.k9Rt4VnM6yBd1FhJ3sUq --tenant t',
    'Az8Q~xW2pLz.k9Rt4VnM6yBd1FhJ3sUq',
  ),
  c(
    'az login --service-principal --username app --password=Az3Q~yW8pLz.k2Rt7VnM4yBd9FhJ1sUq --tenant t',
    'Az3Q~yW8pLz.k2Rt7VnM4yBd9FhJ1sUq',
  ),
  c(
    `func start --connection "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${B64_44}Zq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQ==;EndpointSuffix=core.windows.net"`,
    `${B64_44}Zq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQ==`,
  ),
  c(
    `python app.py "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${B64_44}"`,
    B64_44,
  ),
  c(
    "azcopy copy 'https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01&sig=Xq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE%2BfGh%3D' /data",
    'Xq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE%2BfGh%3D',
  ),
  c(`az storage blob upload --account-name acct --account-key ${B64_44} -f f -c c`, B64_44),
  c(`doctl auth init -t ${DOP}`, DOP),
  c(
    'env HCLOUD_TOKEN=Hc7xQ2pLw9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxYz0123456789ab hcloud server list',
    'Hc7xQ2pLw9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxYz0123456789ab',
  ),
  c("terraform apply -auto-approve -var 'db_password=Tf7xQ2pLw9'", 'Tf7xQ2pLw9'),
  c('terraform plan -var="api_token=Tt5qW2xLz8" -out plan', 'Tt5qW2xLz8'),
  c('pulumi config set --secret dbPassword Pl5qW2xLz', 'Pl5qW2xLz'),
  c(`kubectl --token=${JWT} get pods -A`, JWT),
  c(`kubectl --server https://k8s:6443 --token ${JWT} get ns`, JWT),
  c('kubectl create secret generic db --from-literal=password=Kb8pQ2wLx', 'Kb8pQ2wLx'),
  c('kubectl create secret docker-registry reg --docker-username=ci --docker-password=Kd5xQ2pLw', 'Kd5xQ2pLw'),
  c('helm install x bitnami/postgresql --set auth.postgresPassword=Hm7xQ2pLw9', 'Hm7xQ2pLw9'),
  c('helm upgrade app ./chart --set-string secrets.apiKey=Ha4qW8xLz --atomic', 'Ha4qW8xLz'),
  c('helm repo add priv https://charts.ex.com --username ci --password Hr5qW2xLz', 'Hr5qW2xLz'),
  c(`docker login -u ci -p ${DCKR} registry.ex.com`, DCKR),
  c('docker login --username ci --password Dl8pQ2wLx ghcr.io', 'Dl8pQ2wLx'),
  c("sh -c 'echo Xy7pQ2wLz9 | docker login --password-stdin -u ci registry.ex.com'", 'Xy7pQ2wLz9'),
  c('skopeo copy --src-creds ci:Sk6xQ2pLw docker://a/b:1 docker://c/b:1', 'Sk6xQ2pLw'),
  c('skopeo inspect --creds=ci:Sk9qW2xLz docker://reg/app', 'Sk9qW2xLz'),
  c('crane auth login reg.ex.com -u ci -p Cr5qW2xLz', 'Cr5qW2xLz'),
  c('buildah push --creds ci:Bu8pQ2wLx reg/app:1', 'Bu8pQ2wLx'),
  c('podman login --password Po7xQ2pLw --username ci quay.io', 'Po7xQ2pLw'),
  c('docker run -e POSTGRES_PASSWORD=Dr5pQ2wLx -d postgres:16', 'Dr5pQ2wLx'),
  c('docker run --env MYSQL_ROOT_PASSWORD=Dm8xQ2pLw mysql:8', 'Dm8xQ2pLw'),
  c('docker run -e "GF_SECURITY_ADMIN_PASSWORD=Gf4qW8xLz" grafana/grafana', 'Gf4qW8xLz'),

  // ── CI runners ──
  c(`gitlab-runner register --non-interactive --url https://gitlab.com --token ${GLRT} --executor docker`, GLRT),
  c(
    'gitlab-runner register --non-interactive --url https://gitlab.ex.com --registration-token GR1348941xQ8wP2zLm9Kt4Rv',
    'GR1348941xQ8wP2zLm9Kt4Rv',
  ),
  c(
    './config.sh --url https://github.com/org --token AXQ8WP2ZLM9KT4RVN6YBD1FHJ3SU --unattended --replace',
    'AXQ8WP2ZLM9KT4RVN6YBD1FHJ3SU',
  ),
  c('env DRONE_RPC_SECRET=Dr7xQ2pLw9Tm4RvN6yBd1FhJ drone-runner-docker', 'Dr7xQ2pLw9Tm4RvN6yBd1FhJ'),
  c(
    'buildkite-agent start --token Bk7xQ2pLw9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOp',
    'Bk7xQ2pLw9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOp',
  ),
  c(
    `java -jar agent.jar -jnlpUrl http://jenkins:8080/computer/a1/jenkins-agent.jnlp -secret ${HEX64} -workDir /w`,
    HEX64,
  ),
  c('env WOODPECKER_AGENT_SECRET=Wp5qW2xLz9Tm4RvN6yBd woodpecker-agent', 'Wp5qW2xLz9Tm4RvN6yBd'),
  c(
    'sonar-scanner -Dsonar.host.url=http://sonar:9000 -Dsonar.token=squ_9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c',
    'squ_9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c',
  ),
  c('sonar-scanner -Dsonar.login=admin -Dsonar.password=So7xQ2pLw', 'So7xQ2pLw'),
  c('codecov -t 5f0e9c1a-7b2d-4e8f-9a3c-6d1b2e4f8a7c -f coverage.xml', '5f0e9c1a-7b2d-4e8f-9a3c-6d1b2e4f8a7c'),
  c('./codecov --token=8a7c6d1b-2e4f-4e8f-9a3c-5f0e9c1a7b2d', '8a7c6d1b-2e4f-4e8f-9a3c-5f0e9c1a7b2d'),
  c(`sh -c "GITHUB_TOKEN=${GHS} gh release upload v1 dist/*"`, GHS),
  c(`gh auth login --with-token <<< ${GHO}`, GHO),
  c('argocd login argocd:443 --username admin --password Ar6pQ2wLx --insecure', 'Ar6pQ2wLx'),

  // ── JVM -D flags and Spring arguments ──
  c('java -Djavax.net.ssl.keyStorePassword=Ks8pQ2wLx -jar app.jar', 'Ks8pQ2wLx'),
  c('java -Djavax.net.ssl.trustStorePassword=changeit -jar app.jar', 'changeit'),
  c('java -Dapp.api.key=Ak5xQ2pLw9Tm -jar app.jar', 'Ak5xQ2pLw9Tm'),
  c('java -Dhttp.proxyUser=proxy -Dhttp.proxyPassword=Px7qW2xLz -jar app.jar', 'Px7qW2xLz'),
  c('java -DDB_PASS=Dp4xQ9pLw -jar app.jar', 'Dp4xQ9pLw'),
  c('java -Dkeycloak.clientSecret=Kc3xQ8pLw7Tm -jar app.jar', 'Kc3xQ8pLw7Tm'),
  c('java -Dspring.rabbitmq.password=Sr9pQ2wLx -jar app.jar', 'Sr9pQ2wLx'),
  c('java -Djasypt.encryptor.password=Je6xQ2pLw -jar app.jar', 'Je6xQ2pLw'),
  c('java -Doauth.client-secret=Oc5qW2xLz -jar app.jar', 'Oc5qW2xLz'),
  c('java -jar app.jar --spring.mail.password=Sm2pQ8wLx --spring.mail.host=smtp', 'Sm2pQ8wLx'),
  c('java -Dsonar.jdbc.password=Sj7xQ2pLw -jar sonar.jar', 'Sj7xQ2pLw'),
  c(
    'java -Dkafka.ssl.key.password=Kp8qW2xLz -Dkafka.ssl.keystore.password=Kk5pQ2wLx -jar c.jar',
    'Kp8qW2xLz',
    'Kk5pQ2wLx',
  ),
  c('java -Dspring.security.oauth2.client.registration.gh.client-secret=Gc8xQ2pLw -jar app.jar', 'Gc8xQ2pLw'),
  c('java -DSECRET_KEY=Sk4pQ9wLx -Xmx1g -jar app.jar', 'Sk4pQ9wLx'),
  c('java -Dmail.smtp.password="Ms4x Q2pLw" -jar app.jar', 'Ms4x Q2pLw'),
  c('/opt/keycloak/bin/kc.sh start --db-password Kc9pQ2wLx --hostname auth.ex.com', 'Kc9pQ2wLx'),
  c('/opt/keycloak/bin/kc.sh start --db-url=jdbc:postgresql://db/kc --db-password=Kd2xQ7pLw', 'Kd2xQ7pLw'),
  c('java -jar app.jar --server.ssl.key-store-password=Ss3qW9xLz', 'Ss3qW9xLz'),

  // ── Python, Node, Go, PHP, Ruby apps ──
  c("gunicorn app:app --env 'SECRET_KEY=django-insecure-8x#q2w!p7v@zl^m3r'", 'django-insecure-8x#q2w!p7v@zl^m3r'),
  c(`python app.py --api-key ${OPENAI}`, OPENAI),
  c(`python agent.py --anthropic-key=${ANTHROPIC}`, ANTHROPIC),
  c(`OPENAI_API_KEY=${OPENAI} python bot.py`, OPENAI),
  c('node server.js --jwt-secret=Jw7xQ2pLw9Tm4RvN', 'Jw7xQ2pLw9Tm4RvN'),
  c(`node -e "require('./app').start({password:'Nd8pQ2wLx'})"`, 'Nd8pQ2wLx'),
  c(`npm config set //registry.npmjs.org/:_authToken ${NPM}`, NPM),
  c(`npm publish --//registry.npmjs.org/:_authToken=${NPM}`, NPM),
  c(`yarn config set npmAuthToken ${NPM}`, NPM),
  c(`twine upload -u __token__ -p ${PYPI} dist/*`, PYPI),
  c(`sh -c 'TWINE_PASSWORD=${PYPI} twine upload dist/*'`, PYPI),
  c('pip install --index-url https://ci:Pi7xQ2pLw@pypi.ex.com/simple app', 'Pi7xQ2pLw'),
  c('./app -token=Gt8xQ2pLw9Tm4RvN -listen :8080', 'Gt8xQ2pLw9Tm4RvN'),
  c('./app --db-dsn "user:Gd5qW2xLz@tcp(db:3306)/app?parseTime=true"', 'Gd5qW2xLz'),
  c("./server -dsn 'sqlserver://sa:Ss7p%40Q2wLx@db?database=app'", 'Ss7p%40Q2wLx'),
  c('./app --config \'{"db":{"host":"db","password":"Js8pQ2wLx"}}\'', 'Js8pQ2wLx'),
  c('./app --config=\'{ "secret" : "Js7xQ2pLw", "port": 80 }\'', 'Js7xQ2pLw'),
  c('./app --settings "{\\"apiToken\\":\\"Je5qW2xLz9\\"}"', 'Je5qW2xLz9'),
  c('./app --inline "{password: Yf5pQ2wLx, user: a}"', 'Yf5pQ2wLx'),
  c("python -c \"import os; os.environ['API_KEY']='Py5qW2xLz9'; import app\"", 'Py5qW2xLz9'),
  c('celery -A proj flower --basic_auth=admin:Fl8pQ2wLx', 'Fl8pQ2wLx'),
  c('airflow users create --username admin --password Af7xQ2pLw --role Admin --email a@ex.com', 'Af7xQ2pLw'),
  c('superset fab create-admin --username admin --password Su5qW2xLz --email a@ex.com', 'Su5qW2xLz'),
  c('sh -c "DJANGO_SUPERUSER_PASSWORD=Dj6pQ2wLx python manage.py createsuperuser --noinput"', 'Dj6pQ2wLx'),
  c(`sh -c "SECRET_KEY_BASE=${HEX64}${HEX64.slice(0, 64)} bundle exec rails s"`, `${HEX64}${HEX64.slice(0, 64)}`),
  c(`env APP_KEY=base64:${B64_44} php artisan serve`, B64_44),
  c('deno run --allow-net app.ts --token Dn4qW8xLz9Tm', 'Dn4qW8xLz9Tm'),
  c('grafana-server cfg:default.security.admin_password=Gf5qW2xLz', 'Gf5qW2xLz'),
  c('grafana cli admin reset-admin-password Gr7xQ2pLw', 'Gr7xQ2pLw'),
  c('mc alias set s3 http://minio:9000 minioadmin Mn8pQ2wLx9', 'Mn8pQ2wLx9'),
  c('sh -c "RESTIC_PASSWORD=Re7xQ2pLw restic -r /repo backup /data"', 'Re7xQ2pLw'),
  c('sh -c \'BORG_PASSPHRASE="Bo6q W2xLz" borg create ::x /data\'', 'Bo6q W2xLz'),
  c('php -d smtp_password=Ph5pQ2wLx artisan queue:work', 'Ph5pQ2wLx'),
  c('bundle exec sidekiq -r ./app.rb -e production --redis redis://:Sq7xQ2pLw@redis:6379/1', 'Sq7xQ2pLw'),
  c('uvicorn main:app --host 0.0.0.0 --header x-api-key:Uv8qW2xLz9Tm', 'Uv8qW2xLz9Tm'),

  // ── crypto and archive tools ──
  c('openssl enc -aes-256-cbc -d -k Os7xQ2pLw -in f.enc', 'Os7xQ2pLw'),
  c('openssl enc -aes-256-cbc -pass pass:Op5qW2xLz -in f -out f.enc', 'Op5qW2xLz'),
  c('openssl pkcs12 -export -passout pass:P12xQ8wLz -in c.pem -inkey k.pem -out c.p12', 'P12xQ8wLz'),
  c('openssl rsa -in k.pem -passin pass:Pi4qW8xLz -out plain.pem', 'Pi4qW8xLz'),
  c('keytool -importcert -noprompt -storepass Kt6pQ2wLx -keystore ks.jks -file c.crt', 'Kt6pQ2wLx'),
  c('keytool -genkeypair -alias a -keypass Kp3xQ9pLw -storepass:env KS -keystore k.jks', 'Kp3xQ9pLw'),
  c('gpg --batch --pinentry-mode loopback --passphrase Gp8xQ2pLw -d f.gpg', 'Gp8xQ2pLw'),
  c('7z x -pZp7qW2xLz archive.7z -o/out', 'Zp7qW2xLz'),
  c('zip -P Zi5pQ2wLx out.zip f.txt', 'Zi5pQ2wLx'),
  c('unzip -P Uz8xQ2pLw a.zip -d /out', 'Uz8xQ2pLw'),
  c('htpasswd -b -c /etc/nginx/.htpasswd admin Ht7qW2xLz', 'Ht7qW2xLz'),
  c('htpasswd -Bbn admin Hb4pQ8wLx', 'Hb4pQ8wLx'),
  c(`sh -c 'echo "root:Ch5pQ2wLx" | chpasswd'`, 'Ch5pQ2wLx'),
  c('sh -c "useradd -m -p $(openssl passwd -1 Us8xQ2pLw) bob"', 'Us8xQ2pLw'),
  c("ssh-keygen -t ed25519 -N 'Sk7xQ2pLw' -f /keys/id", 'Sk7xQ2pLw'),
  c('ssh-keygen -p -P OldPs5qW2 -N NewPs8xQ2 -f key', 'OldPs5qW2', 'NewPs8xQ2'),

  // ── file sharing, LDAP, mail, VNC ──
  c('smbclient //srv/share -U user%Sm7qW2xLz -c ls', 'Sm7qW2xLz'),
  c('mount -t cifs //srv/s /mnt -o username=u,password=Mc5pQ2wLx,vers=3.0', 'Mc5pQ2wLx'),
  c('mount.cifs //nas/b /b -o user=u,pass=Mb8xQ2pLw', 'Mb8xQ2pLw'),
  c('lftp -u user,Lf8xQ2pLw ftp.ex.com -e "mirror /a /b; quit"', 'Lf8xQ2pLw'),
  c('lftp ftp://user:Lg5qW2xLz@ftp.ex.com', 'Lg5qW2xLz'),
  c('wget --ftp-user=u --ftp-password=Wf7pQ2wLx ftp://ftp.ex.com/f', 'Wf7pQ2wLx'),
  c('x11vnc -forever -passwd Vn7qW2xLz -display :0', 'Vn7qW2xLz'),
  c('ldapsearch -x -H ldap://ldap -D "cn=admin,dc=ex,dc=com" -w Ld5pQ2wLx -b dc=ex,dc=com', 'Ld5pQ2wLx'),
  c("ldapwhoami -x -D cn=admin,dc=ex,dc=com -w 'Lw8x Q2pLw'", 'Lw8x Q2pLw'),
  c('ldapadd -x -D cn=admin,dc=ex -w"Lq4pQ8wLx" -f users.ldif', 'Lq4pQ8wLx'),
  c('ldappasswd -x -D cn=admin,dc=ex -w Lp3xQ9pLw -s Ls6qW2xLz uid=bob,dc=ex', 'Lp3xQ9pLw', 'Ls6qW2xLz'),
  c('python sync.py --ldap-bind-dn cn=svc,dc=ex --ldap-bind-password Lb5pQ2wLx', 'Lb5pQ2wLx'),
  c('sssd -i --ldap_default_authtok=Lt7xQ2pLw', 'Lt7xQ2pLw'),
  c('gitea admin auth add-ldap --bind-dn cn=svc --bind-password Gb6qW2xLz --name corp', 'Gb6qW2xLz'),
  c('swaks --to a@ex.com --server smtp --auth-user u --auth-password Sw5pQ2wLx', 'Sw5pQ2wLx'),
  c('python notify.py --smtp smtp://mailer:Sm8xQ2pLw@smtp.gmail.com:587', 'Sm8xQ2pLw'),
  c('sendemail -f a@ex.com -t b@ex.com -s smtp:587 -xu u -xp Se7qW2xLz -m hi', 'Se7qW2xLz'),
  c(
    "curl --url smtps://smtp.ex.com:465 --user 'a@ex.com:Cs5pQ2wLx' --mail-from a@ex.com --mail-rcpt b@ex.com",
    'Cs5pQ2wLx',
  ),
  c('watchtower --notification-url "smtp://u:Wn5pQ2wLx@smtp:587/?from=a@ex.com&to=b@ex.com"', 'Wn5pQ2wLx'),
  c(`watchtower --notification-url slack://hook:T0123ABCD/B0456EFGH/${SLACK_HOOK}`, SLACK_HOOK),
  c(`watchtower --http-api-update --http-api-token Wt7xQ2pLw9Tm4Rv`, 'Wt7xQ2pLw9Tm4Rv'),

  // ── curl and wget ──
  c(`curl -H "Authorization: Bearer ${JWT}" https://api.ex.com/v1/me`, JWT),
  c("curl -H 'Authorization: Basic YWRtaW46U2VjcjN0UGFzcw==' https://api.ex.com", 'YWRtaW46U2VjcjN0UGFzcw=='),
  c('curl -H "authorization:bearer Ab8pQ2wLx9Tm4RvN6y" https://api', 'Ab8pQ2wLx9Tm4RvN6y'),
  c('curl -H "X-API-Key: Xk8pQ2wLx9Tm4Rv" https://api.ex.com/data', 'Xk8pQ2wLx9Tm4Rv'),
  c(`curl --header "PRIVATE-TOKEN: ${GLPAT}" https://gitlab.com/api/v4/projects`, GLPAT),
  c('curl --user admin:Cu7xQ2pLw http://jenkins:8080/api/json', 'Cu7xQ2pLw'),
  c('curl -uadmin:Cu3qW8pLz http://nexus:8081/service/rest/v1/status', 'Cu3qW8pLz'),
  c('curl --oauth2-bearer Ob5pQ2wLx9Tm https://api.ex.com', 'Ob5pQ2wLx9Tm'),
  c("curl -d 'grant_type=client_credentials&client_id=app&client_secret=Cs8xQ2pLw' https://auth/token", 'Cs8xQ2pLw'),
  c('curl "https://api.ex.com/v1?api_key=Ak7qW2xLz9&format=json"', 'Ak7qW2xLz9'),
  c('curl "https://api.ex.com/v1/items?access_token=At4pQ8wLx9Tm&limit=10"', 'At4pQ8wLx9Tm'),
  c('curl -b "session=Sx5pQ2wLx9Tm4Rv" https://app.ex.com/admin', 'Sx5pQ2wLx9Tm4Rv'),
  c('curl -H "Cookie: sessionid=Sc8xQ2pLw9Tm; csrftoken=Ct5qW2xLz" https://app', 'Sc8xQ2pLw9Tm', 'Ct5qW2xLz'),
  c('wget --http-user=u --http-password=Wg8xQ2pLw https://files.ex.com/a.tgz', 'Wg8xQ2pLw'),
  c(`wget --header="Authorization: token ${GHP}" https://api.github.com/repos/o/r/tarball`, GHP),
  c("wget -O- 'https://user:Wp7qW2xLz@repo.ex.com/f.tgz'", 'Wp7qW2xLz'),
  c('curl -k --cert client.pem:Cp5pQ2wLx https://mtls.ex.com', 'Cp5pQ2wLx'),
  c('curl --proxy-user p:Pu8xQ2pLw -x proxy:3128 https://ex.com', 'Pu8xQ2pLw'),
  c('sh -c "http_proxy=http://u:Hp7qW2xLz@proxy:3128 apt-get update"', 'Hp7qW2xLz'),
  c('curl -x http://proxyuser:Hx4qW8xLz@proxy:8080 https://ex.com', 'Hx4qW8xLz'),
  c(`curl -H "X-Vault-Token: ${HVS}" http://vault:8200/v1/secret/data/app`, HVS),
  c(`curl -X POST https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SLACK_HOOK} -d '{"text":"up"}'`, SLACK_HOOK),
  c(
    'curl -X POST https://discord.com/api/webhooks/123456789012345678/Dw8pQ2wLx9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxYz-_0123 -d x',
    'Dw8pQ2wLx9Tm4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxYz-_0123',
  ),
  c(
    'curl https://api.telegram.org/bot123456789:AAHx8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE/sendMessage?chat_id=1',
    'AAHx8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE',
  ),
  c(`curl -H "Authorization: Bearer ${SK_LIVE}" https://api.stripe.com/v1/charges`, SK_LIVE),
  c(`curl -u ${TWILIO_SID}:${TWILIO_TOKEN} https://api.twilio.com/2010-04-01/Accounts.json`, TWILIO_TOKEN),
  c(`curl --request POST https://api.sendgrid.com/v3/mail/send --header "Authorization: Bearer ${SG}"`, SG),
  c(`curl -H "X-Shopify-Access-Token: ${SHPAT}" https://shop.myshopify.com/admin/api/2024-01/shop.json`, SHPAT),
  c(`curl -H "Authorization: Bot ${XOXB}" https://slack.com/api/auth.test`, XOXB),
  c('curl -H "X-Auth-Token:Xa5pQ2wLx9Tm4R" https://api', 'Xa5pQ2wLx9Tm4R'),
  c('curl -H "Api-Key: Ak3xQ8pLw9Tm" https://api', 'Ak3xQ8pLw9Tm'),
  c('httpie POST api.ex.com/x Authorization:"Token Ht5qW2xLz9Tm4Rv"', 'Ht5qW2xLz9Tm4Rv'),
  c('http -a admin:He8pQ2wLx api.ex.com/x', 'He8pQ2wLx'),

  // ── ssh, sshpass, rsync ──
  c("sshpass -p 'Ss8pQ2wLx' ssh -o StrictHostKeyChecking=no user@host uptime", 'Ss8pQ2wLx'),
  c('sshpass -pSp7xQ2pLw ssh u@h', 'Sp7xQ2pLw'),
  c('sshpass -p "Sq4 x!Q2pLw" scp f u@h:/tmp', 'Sq4 x!Q2pLw'),
  c('sh -c "SSHPASS=Se5qW2xLz sshpass -e ssh u@h"', 'Se5qW2xLz'),
  c('plink -ssh -pw Pl8pQ2wLx user@host', 'Pl8pQ2wLx'),
  c('pscp -pw Ps4xQ9pLw f user@host:/tmp', 'Ps4xQ9pLw'),
  c('sh -c "RSYNC_PASSWORD=Rs5qW2xLz rsync -av rsync://backup@host/mod /data"', 'Rs5qW2xLz'),
  c('rsync -av rsync://backup:Ry8pQ2wLx@host/mod/ /data', 'Ry8pQ2wLx'),
  c("sh -c 'echo Rp7xQ2pLw > /tmp/pw && rsync --password-file=/tmp/pw rsync://b@h/m /d'", 'Rp7xQ2pLw'),

  // ── git with tokens ──
  c(`git clone https://x-access-token:${GHS}@github.com/org/repo.git /src`, GHS),
  c(`git clone https://oauth2:${GLPAT}@gitlab.com/g/r.git`, GLPAT),
  c(`git clone https://${GHP}@github.com/o/r`, GHP),
  c(`git clone https://ci:${GH_FINE}@github.com/o/r.git`, GH_FINE),
  c(
    'git -c http.extraHeader="Authorization: Basic eC1hY2Nlc3MtdG9rZW46Z2hzX3d6dnBkbnE=" fetch origin',
    'eC1hY2Nlc3MtdG9rZW46Z2hzX3d6dnBkbnE=',
  ),
  c('git remote set-url origin https://user:Gt7xQ2pLw@bitbucket.org/o/r.git', 'Gt7xQ2pLw'),
  c('git config --global url."https://ci:Gc5qW2xLz@git.ex.com/".insteadOf "https://git.ex.com/"', 'Gc5qW2xLz'),
  c(
    'sh -c "printf \'protocol=https\\nhost=github.com\\nusername=ci\\npassword=Gp8pQ2wLx\\n\' | git credential approve"',
    'Gp8pQ2wLx',
  ),
  c(`sh -c 'git clone https://$(echo ci):${GHP}@github.com/o/r && make'`, GHP),
  c(
    `go env -w GOPRIVATE=git.ex.com && git config --global url.https://${GHP}@github.com/.insteadOf https://github.com/`,
    GHP,
  ),

  // ── env-like strings and config files written by the command ──
  c("sh -c 'export DB_PASSWORD=Ex8pQ2wLx && ./run'", 'Ex8pQ2wLx'),
  c('env API_TOKEN=At5xQ2pLw9 ./run', 'At5xQ2pLw9'),
  c('sh -c "SECRET=Sc7qW2xLz exec app"', 'Sc7qW2xLz'),
  c(`sh -c "STRIPE_SECRET_KEY=${SK_LIVE} node app.js"`, SK_LIVE),
  c(`env STRIPE_RESTRICTED=${RK_LIVE} node billing.js`, RK_LIVE),
  c(`sh -c 'export TWILIO_AUTH_TOKEN=${TWILIO_TOKEN}; exec ./sms'`, TWILIO_TOKEN),
  c(`env SENDGRID_API_KEY=${SG} ./mailer`, SG),
  c(`env SLACK_BOT_TOKEN=${XOXB} SLACK_APP_TOKEN=${XAPP} node bot.js`, XOXB, XAPP),
  c(`python bot.py --user-token ${XOXP}`, XOXP),
  c('sh -c "cat > /app/config.yml <<EOF\ndb:\n  host: db\n  password: Yb7xQ2pLw\nEOF\nexec app"', 'Yb7xQ2pLw'),
  c('sh -c \'printf "client_secret: Ym3xQ8pLw\\n" > c.yaml && app\'', 'Ym3xQ8pLw'),
  c('sh -c \'printf "[db]\\npass = \\"Tm5qW2xLz\\"\\n" > app.toml && app\'', 'Tm5qW2xLz'),
  c('sh -c \'printf "[client]\\nuser=root\\npassword=In7pQ2wLx\\n" > ~/.my.cnf && mysql\'', 'In7pQ2wLx'),
  c("sh -c 'echo db:5432:app:app:Pg7xQ2pLw > ~/.pgpass && chmod 600 ~/.pgpass && psql -h db app'", 'Pg7xQ2pLw'),
  c('sh -c \'echo "machine github.com login ci password Nr5pQ2wLx" > ~/.netrc\'', 'Nr5pQ2wLx'),
  c(`sh -c 'echo //npm.pkg.github.com/:_authToken=${GHP} >> .npmrc && npm ci'`, GHP),
  c(`sh -c 'printf "[pypi]\\nusername = __token__\\npassword = ${PYPI}\\n" > ~/.pypirc'`, PYPI),
  c(
    'sh -c \'echo {"auths":{"ghcr.io":{"auth":"Y2k6Z2hwX3NmTzB6N1hxelFIdHBaSFFCbDNmOGtwZlNNdU5LRjQ5VVdCWg=="}}} > ~/.docker/config.json\'',
    'Y2k6Z2hwX3NmTzB6N1hxelFIdHBaSFFCbDNmOGtwZlNNdU5LRjQ5VVdCWg==',
  ),
  c('./app --secret-b64=c2VjcmV0UGFzc3dvcmQxMjM=', 'c2VjcmV0UGFzc3dvcmQxMjM='),
  c(`./app --encryption-key ${HEX64}`, HEX64),
  c(`./app --id-token ${JWT}`, JWT),
  c(`./app ${JWT}`, JWT),
  c(`./cli verify ${GHP}`, GHP),
  c(`./cli --registry-token=${DCKR}`, DCKR),
  c(`node deploy.js ${NPM}`, NPM),
  c('./app --xml "<config><user>a</user><password>Xm7pQ2wLx</password></config>"', 'Xm7pQ2wLx'),
  c('./app "https://api.ex.com/login?user=a&password=Pw%21Q2wLx%40"', 'Pw%21Q2wLx%40'),
  c('./app --header=Authorization=Bearer%20Ab5xQ2pLw9Tm4Rv', 'Ab5xQ2pLw9Tm4Rv'),
  c('./app passwd=Pa5sW2xLz pwd2=x', 'Pa5sW2xLz'),
  c('./app --pwd Pd7qW2xLz --user a', 'Pd7qW2xLz'),
  c('./app --pass=Ps8pQ2wLx', 'Ps8pQ2wLx'),
  c('./app --apikey Ak9xQ2pLw9T', 'Ak9xQ2pLw9T'),
  c('./app --api_key=Ak6qW2xLz9T', 'Ak6qW2xLz9T'),
  c('./app --auth-token Au5pQ2wLx9Tm', 'Au5pQ2wLx9Tm'),
  c('./app --access-token=Ac8xQ2pLw9Tm', 'Ac8xQ2pLw9Tm'),
  c('./app --refresh_token Rf4qW8xLz9Tm', 'Rf4qW8xLz9Tm'),
  c('./app --client-secret Cl5pQ2wLx9Tm', 'Cl5pQ2wLx9Tm'),
  c('./app --private-key=Pk7xQ2pLw9Tm', 'Pk7xQ2pLw9Tm'),
  c('./app --credentials ci:Cr8qW2xLz', 'Cr8qW2xLz'),
  c('./app --signing-secret Sg5pQ2wLx9Tm', 'Sg5pQ2wLx9Tm'),
  c('./app --webhook-secret=Wh7xQ2pLw9Tm', 'Wh7xQ2pLw9Tm'),
  c('./app --hmac-key Hk4qW8xLz9Tm', 'Hk4qW8xLz9Tm'),
  c('./app --master-key=Mk6pQ2wLx9Tm', 'Mk6pQ2wLx9Tm'),
  c('./app --license-key Lk8xQ2pLw9Tm', 'Lk8xQ2pLw9Tm'),
  c('./app --session-secret Ss5qW2xLz9Tm', 'Ss5qW2xLz9Tm'),
  c('./app --cookie-secret=Cs7pQ2wLx9Tm', 'Cs7pQ2wLx9Tm'),
  c('./app --passphrase "Pp4x Q2pLw9 Tm"', 'Pp4x Q2pLw9 Tm'),
  c('oauth2-proxy --client-secret=Op8qW2xLz9Tm --cookie-secret=Oc3pQ2wLx9Tm4RvN', 'Op8qW2xLz9Tm', 'Oc3pQ2wLx9Tm4RvN'),
  c('./app --dbpassword Db5xQ2pLw', 'Db5xQ2pLw'),
  c('./app --adminPassword=Ad7qW2xLz', 'Ad7qW2xLz'),
  c('./app --root_pw Rw4pQ8wLx', 'Rw4pQ8wLx'),

  // ── private keys inline ──
  c(
    `sh -c 'echo "-----BEGIN OPENSSH PRIVATE KEY-----\\n${OPENSSH_BODY}\\n-----END OPENSSH PRIVATE KEY-----" > ~/.ssh/id_ed25519'`,
    OPENSSH_BODY,
  ),
  c(`./app --key "-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----"`, KEY_BODY),
  c(
    `./app --key "-----BEGIN EC PRIVATE KEY-----\n${KEY_BODY.slice(10)}\n-----END EC PRIVATE KEY-----"`,
    KEY_BODY.slice(10),
  ),
  c(
    `./app --key "-----BEGIN ENCRYPTED PRIVATE KEY-----\n${KEY_BODY.slice(5)}\n-----END ENCRYPTED PRIVATE KEY-----"`,
    KEY_BODY.slice(5),
  ),
  c(
    `gpg --import <<< "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGXq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE\n-----END PGP PRIVATE KEY BLOCK-----"`,
    'lQOYBGXq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cE',
  ),
  c(`./app --key "-----BEGIN PRIVATE KEY-----${KEY_BODY}"`, KEY_BODY),
  c(
    './app --ppk "PuTTY-User-Key-File-3: ssh-ed25519\\nEncryption: none\\nPrivate-Lines: 1\\nAAAAIPq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cEfGhIjKlMn\\nPrivate-MAC: 9f1c2b"',
    'AAAAIPq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cEfGhIjKlMn',
  ),

  // ── quotes, shell escapes, separators ──
  c('./app --password=P\\@ss\\ w0rd\\!x', 'P\\@ss\\ w0rd\\!x'),
  c('./app --password "Qu0te\\"d Pa55"', 'Qu0te\\"d Pa55'),
  c("./app --password=$'Ans1\\x21Cq8w'", 'Ans1\\x21Cq8w'),
  c("./app --password 'it'\"'\"'s-S3cr3t'", "it'\"'\"'s-S3cr3t"),
  c('./app --password\tTb5qW2xLz', 'Tb5qW2xLz'),
  c('./app --password  Tw8pQ2wLx', 'Tw8pQ2wLx'),
  c('./app -password:Tc4xQ9pLw', 'Tc4xQ9pLw'),
  c('app.exe /password:Tw7qW2xLz /user:admin', 'Tw7qW2xLz'),
  c('./app --password="Pa ss  w0rd 9"', 'Pa ss  w0rd 9'),
  c("./app --token='Tq5p;Q2&wLx|9'", 'Tq5p;Q2&wLx|9'),
  c('./app --password=`cat /dev/null`Tk8xQ2pLw', 'Tk8xQ2pLw'),

  // ── mixed case and unicode ──
  c('./app --PASSWORD=Mx5pQ2wLx', 'Mx5pQ2wLx'),
  c('./app --Db-Password Mc8qW2xLz', 'Mc8qW2xLz'),
  c('java -DDB.PASSWORD=Md4pQ8wLx -jar a.jar', 'Md4pQ8wLx'),
  c('./app --ApiKey=Ma7xQ2pLw9T', 'Ma7xQ2pLw9T'),
  c('sh -c "Db_Pass=Mp6qW2xLz ./run"', 'Mp6qW2xLz'),
  c('./app --password=Пароль2024секрет', 'Пароль2024секрет'),
  c('./app --password pässwörd-Üml8', 'pässwörd-Üml8'),
  c('./app --token=秘密トークン123abcXYZ', '秘密トークン123abcXYZ'),
  c('./app --password=密码Zq8wP2zL', '密码Zq8wP2zL'),
  c('./app --secret=🔑Emo7xQ2pLw', '🔑Emo7xQ2pLw'),
  c('./app --password=비밀번호Kr5qW2', '비밀번호Kr5qW2'),

  // ── labels (allowlisted keys whose values carry secrets) ──
  l(
    'traefik.http.middlewares.auth.basicauth.users',
    'admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/',
    'H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/',
  ),
  l(
    'traefik.http.middlewares.auth.basicauth.users',
    'admin:$2y$05$Xq8wP2zLm9Kt4RvN6yBd1.FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxY,ops:$apr1$Zq8wP2zL$Lm9Kt4RvN6yBd1FhJ3sUq.',
    'Xq8wP2zLm9Kt4RvN6yBd1.FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxY',
    'Lm9Kt4RvN6yBd1FhJ3sUq.',
  ),
  l(
    'traefik.http.middlewares.auth.basicauth.users',
    'admin:$$2y$$05$$Yq8wP2zLm9Kt4RvN6yBd1.FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxZ',
    'Yq8wP2zLm9Kt4RvN6yBd1.FhJ3sUqA7cEfGhIjKlMnOpQrStUvWxZ',
  ),
  l(
    'traefik.http.middlewares.auth.basicauth.users',
    'admin:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
    'W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
  ),
  l(
    'traefik.http.middlewares.auth.digestauth.users',
    'admin:traefik:a2688e031edb4be6a3797f3882655c05',
    'a2688e031edb4be6a3797f3882655c05',
  ),
  l(
    'caddy.basicauth./admin/*.admin',
    'JDJhJDE0JFhxOHdQMnpMbTlLdDRSdk42eUJkMS5GaEozc1VxQTdjRWZHaElqS2xNbk9wUXJTdFV2V3hZ',
    'JDJhJDE0JFhxOHdQMnpMbTlLdDRSdk42eUJkMS5GaEozc1VxQTdjRWZHaElqS2xNbk9wUXJTdFV2V3hZ',
  ),
  l(
    'com.centurylinklabs.watchtower.lifecycle.pre-update',
    "curl -H 'Authorization: Bearer Wt7xQ2pLw9Tm4Rv' http://hook:8080/pre",
    'Wt7xQ2pLw9Tm4Rv',
  ),
  l('com.example.db.url', 'postgres://u:Lb7xQ2pLw@db/app', 'Lb7xQ2pLw'),
  l(
    'traefik.http.middlewares.hdr.headers.customrequestheaders.Authorization',
    'Bearer Th5pQ2wLx9Tm4RvN6y',
    'Th5pQ2wLx9Tm4RvN6y',
  ),
  l('com.datadoghq.ad.instances', '[{"host":"%%host%%","port":"6379","password":"Dd5pQ2wLx"}]', 'Dd5pQ2wLx'),
  l('ofelia.job-exec.backup.command', 'pg_dump postgres://u:Of7xQ2pLw@db/app', 'Of7xQ2pLw'),
  l(
    'ofelia.job-run.notify.command',
    `curl -X POST https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SLACK_HOOK}`,
    SLACK_HOOK,
  ),
  l('com.example.app.secret', 'Lk5qW2xLz', 'Lk5qW2xLz'),
  l('com.example.api-token', 'Lt8pQ2wLx9Tm', 'Lt8pQ2wLx9Tm'),
  l('com.example.config', 'db:\n  host: db\n  password: Lc7xQ2pLw\n', 'Lc7xQ2pLw'),
  l('com.example.tls.key', `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`, KEY_BODY),
  l('org.example.notify', `${XOXB}`, XOXB),
  l('traefik.http.middlewares.ff.forwardauth.address', 'http://auth:Lf5pQ2wLx@authsvc:4181', 'Lf5pQ2wLx'),
  l('swarm.cronjob.command', 'mysqldump -uroot -pLs9xQ2pLw app', 'Ls9xQ2pLw'),
  l('diun.regopt', 'user=ci;password=Ld3qW8xLz', 'Ld3qW8xLz'),
  l('com.example.env', 'API_KEY=La4pQ8wLx9Tm', 'La4pQ8wLx9Tm'),
  l('com.example.aws', `${AKIA}:${AWS_SECRET}`, AKIA, AWS_SECRET),
  l('backup.restic.repository', 's3:https://ak:Lr6xQ2pLw@s3.ex.com/bucket', 'Lr6xQ2pLw'),

  // ── image references ──
  i('ci:Ir5qW2xLz@registry.ex.com/app:latest', 'Ir5qW2xLz'),
  i('https://ci:Ih8pQ2wLx@registry.ex.com/team/app:1.2', 'Ih8pQ2wLx'),
  i(`${GHP}@ghcr.io/o/app:1`, GHP),
  i(`registry.ex.com/app:${JWT.slice(0, 100)}`, JWT.slice(0, 100)),
];

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const GIT_SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

export const lookAlikeCases: LookAlikeCase[] = [
  // ── commands that mention secrets but carry none ──
  C('postgres -c max_connections=200 -c password_encryption=scram-sha-256'),
  C('psql -h db -U app -d app -W'),
  C('psql -h db -p 5432 -U postgres -d app'),
  C('mysql -h db -P 3306 -u app -p'),
  C('mysql -uroot -p'),
  C('redis-cli -h cache -p 6379 ping'),
  C('redis-server --appendonly yes --maxmemory 256mb --port 6380'),
  C('redis-cli --askpass -h cache'),
  C('mongod --auth --keyFile /etc/mongo/keyfile --bind_ip_all'),
  C('mongosh mongodb://mongo:27017/app'),
  C('psql postgres://app@db:5432/app'),
  C('psql "host=db port=5432 dbname=app user=app sslmode=require"'),
  C('celery -A app worker --broker=amqp://rabbit:5672//'),
  C('java -jar app.jar --spring.datasource.url=jdbc:postgresql://db:5432/app?sslmode=require'),
  C('java -Xmx2g -Dfile.encoding=UTF-8 -Dspring.profiles.active=prod -jar app.jar'),
  C('java -Djava.security.egd=file:/dev/./urandom -Dhttp.proxyHost=proxy -Dhttp.proxyPort=3128 -jar a.jar'),
  C(
    'java -Djavax.net.ssl.trustStore=/etc/ssl/ts.jks -Dcom.sun.management.jmxremote.password.file=/etc/jmx.pw -jar a.jar',
  ),
  C('kafka-console-consumer --bootstrap-server kafka:9092 --topic orders --from-beginning'),
  C('kafka-topics --bootstrap-server k:9092 --command-config /etc/kafka/client.properties --list'),
  C('kcat -b k:9092 -X security.protocol=SASL_SSL -X sasl.mechanism=PLAIN -L'),
  C('mongod --auth-mechanism=SCRAM-SHA-256 --tlsMode requireTLS'),
  C('valkey-server --requirepass "$(cat /run/secrets/redis)"'),
  C('./app --password-file=/run/secrets/db_password'),
  C('./app --password=$DB_PASSWORD'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, as a container's command shows it
  C('./app --password "${PGPASSWORD}"'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, as a container's command shows it
  C('./app --token=${API_TOKEN:?missing}'),
  C('sh -c \'exec app --secret "$(cat /run/secrets/app_secret)"\''),
  C('./app --token-ttl=3600 --token-auth-file=/etc/tokens.csv'),
  C('./app --secret-name=db-creds --password-min-length=12'),
  C('./app --api-key-header=X-Api-Key --auth=none'),
  C('./app --max-tokens 4096 --tokenizer bert-base-uncased'),
  C('./app --secrets-dir /run/secrets --password-reset-url https://app.ex.com/reset'),
  C('./app --keyspace app --key-prefix cache: --api-url https://api.ex.com/v1'),
  C('./app --no-auth --require-password --passwordless-login'),
  C('./app --key-file /etc/ssl/private/key.pem --tls-key=/certs/tls.key --ssl-cert /certs/tls.crt'),
  C('gcloud auth activate-service-account --key-file=/secrets/sa.json'),
  C('ssh -i /keys/id_ed25519 -p 2222 deploy@host.ex.com'),
  C('scp -P 2222 -i ~/.ssh/id_rsa a.txt user@host:/tmp/'),
  C('rsync -av --password-file=/run/secrets/rsync rsync://backup@host/mod /data'),
  C('rsync -avz -e "ssh -p 2222" user@host:/src/ /dst/'),
  C('ldapsearch -x -H ldaps://ldap.ex.com -D cn=ro,dc=ex,dc=com -y /run/secrets/ldap -b dc=ex,dc=com'),
  C('git clone https://github.com/org/repo.git /src'),
  C('git clone git@github.com:org/repo.git'),
  C('git -c credential.helper=store fetch origin'),
  C('git checkout 3f786850e387550fdab836ed7e6dc881de23001b'),
  C('curl -fsSL https://get.docker.com -o get-docker.sh'),
  C('curl -H "Accept: application/json" -H "Content-Type: application/json" https://api.ex.com'),
  C('curl -u admin http://jenkins:8080/api/json'),
  C('curl -H "Authorization: Bearer $TOKEN" https://api.ex.com'),
  C('curl --retry 5 --max-time 10 http://localhost:8080/healthz'),
  C('wget -q -O - http://localhost/health'),
  C('curl "https://api.ex.com/search?q=password+reset&page=2"'),
  C('psql -U postgres -d app -c "SELECT count(*) FROM users WHERE password_hash IS NULL"'),
  C('grep -ri "password" /etc/app/'),
  C('echo "Forgot your password? Reset it at /reset"'),
  C('nginx -g "daemon off;"'),
  C("/bin/sh -c 'until pg_isready -h db -p 5432; do sleep 1; done'"),
  C('tail -f /dev/null'),
  C('sleep infinity'),
  C('node --max-old-space-size=4096 dist/main.js'),
  C('python -m http.server 8000'),
  C('gunicorn -w 4 -b 0.0.0.0:8000 app:app'),
  C('uvicorn main:app --env-file .env --port 8000'),
  C('python manage.py createsuperuser --noinput --username admin'),
  C('traefik --api.insecure=true --providers.docker --entrypoints.web.address=:80'),
  C('traefik --certificatesresolvers.le.acme.email=ops@ex.com --certificatesresolvers.le.acme.storage=/acme.json'),
  C('vault server -dev -dev-listen-address=0.0.0.0:8200'),
  C('consul agent -dev -client 0.0.0.0'),
  C('docker run -p 8080:80 -e TZ=UTC nginx:1.25'),
  C('mkdir -p /data/db && cp -p a b'),
  C('nc -l -p 1234'),
  C('docker login ghcr.io --username ci --password-stdin'),
  C('aws s3 sync s3://bucket/path /data --region us-east-1 --profile prod'),
  C('aws secretsmanager get-secret-value --secret-id arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'),
  C('aws sts assume-role --role-arn arn:aws:iam::123456789012:role/app --role-session-name ci'),
  C('gsutil cp gs://bucket/a.tgz /tmp/'),
  C('az storage blob list --account-name acct --container-name c --auth-mode login'),
  C('kubectl get secret db -o jsonpath="{.data.password}"'),
  C('helm install pg bitnami/postgresql --set auth.existingSecret=pg-creds'),
  C('./app --instance-id 123e4567-e89b-12d3-a456-426614174000'),
  C('kafka-storage format --cluster-id MkU3OEVBNTcwNTJENDM2Qk --config server.properties'),
  C('./app --public-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq8wP2zLm9Kt4RvN6yBd1FhJ3sUqA7cEfGhIjKlMnOp ops@host"'),
  C('./app --image app@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
  C('./app --checksum sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
  C('./app --mail-from=ops@ex.com --reply-to mailto:help@ex.com'),
  C('nats-server --jetstream --store_dir /data -m 8222'),
  C('mosquitto -c /mosquitto/config/mosquitto.conf'),
  C('prometheus --config.file=/etc/prometheus/prometheus.yml --web.enable-lifecycle'),
  C('grafana-server --homepath=/usr/share/grafana cfg:default.paths.data=/var/lib/grafana'),
  C('./app --passes 3 --pass-through --compass north'),
  C('./app --author "Jane Doe" --keyboard us --monkey-patch'),
  C('./app --log-level=debug --format json --timeout 30s'),
  C('./app --password-policy=strong --token-endpoint https://auth.ex.com/token'),
  C('echo 안녕하세요 && echo こんにちは && echo Привет'),
  C('./app --name "Émile Zola" --city Zürich'),
  C('./app --ratio 3:2 --time 12:30:45 --range 10.0.0.1:8080'),
  C('openssl req -x509 -nodes -newkey rsa:2048 -keyout /certs/k.pem -out /certs/c.pem -subj /CN=app'),
  C('openssl rand -hex 32'),
  C('gpg --batch --passphrase-file /run/secrets/gpg -d f.gpg'),
  C('htpasswd -c /etc/nginx/.htpasswd admin'),
  C('sshpass -f /run/secrets/ssh ssh u@h'),
  C('cosign verify --key cosign.pub ghcr.io/o/app:1'),
  C('./app --commit 3f786850e387550fdab836ed7e6dc881de23001b --build 1234'),
  C(`java -jar agent.jar -url http://jenkins:8080/ -secret @/run/secrets/s -name a2 ${HEX64.slice(0, 8)}x`),
  C('n8n start --tunnel'),
  C('flux bootstrap github --owner=o --repository=r --token-auth --personal'),

  // ── labels ──
  L('traefik.http.middlewares.auth.basicauth.usersfile', '/etc/traefik/users'),
  L('traefik.http.middlewares.auth.basicauth.realm', 'Admin area'),
  L('traefik.http.routers.api.middlewares', 'auth@docker'),
  L('traefik.http.routers.app.rule', 'Host(`app.ex.com`) && PathPrefix(`/api`)'),
  L('traefik.http.routers.app.tls.certresolver', 'le'),
  L('traefik.http.services.app.loadbalancer.server.port', '8080'),
  L('traefik.http.middlewares.ff.forwardauth.address', 'http://authsvc:4181'),
  L('com.docker.compose.project', 'notes'),
  L('com.docker.compose.service', 'db'),
  L('com.docker.compose.version', '2.24.0'),
  L('com.docker.compose.config-hash', SHA256),
  L('com.docker.compose.image', `sha256:${SHA256}`),
  L('com.docker.compose.container-number', '1'),
  L('com.docker.compose.project.config_files', '/srv/notes/compose.yml,/srv/notes/compose.override.yml'),
  L('com.docker.compose.project.working_dir', '/srv/notes'),
  L('org.opencontainers.image.revision', GIT_SHA),
  L('org.opencontainers.image.source', 'https://github.com/o/r'),
  L('org.opencontainers.image.created', '2024-01-01T00:00:00Z'),
  L('org.opencontainers.image.version', '1.2.3'),
  L('org.opencontainers.image.description', 'Stores password hashes securely; never logs a token'),
  L('maintainer', 'ops@ex.com'),
  L('com.centurylinklabs.watchtower.enable', 'true'),
  L('com.centurylinklabs.watchtower.scope', 'prod'),
  L('com.centurylinklabs.watchtower.lifecycle.pre-update', '/scripts/backup.sh'),
  L('com.datadoghq.ad.instances', '[{"host":"%%host%%","port":"6379","password":"%%env_REDIS_PASSWORD%%"}]'),
  L('prometheus.io/scrape', 'true'),
  L('ofelia.job-exec.backup.schedule', '@every 6h'),
  L('com.example.db.url', 'postgres://db:5432/app'),

  // ── image references ──
  I('registry.ex.com/team/app:1.2'),
  I(`nginx@sha256:${SHA256}`),
  I(`docker.io/library/postgres:16-alpine@sha256:${SHA256}`),
  I('ghcr.io/o/app:sha-3f78685'),
  I(`localhost:5000/app:${GIT_SHA}`),
  I('quay.io/prometheus/node-exporter:v1.7.0'),
];

/**
 * Look-alikes written after reading the code, while fixing the classes the first ones found: a path's @ after a
 * host, a user name alone in more URL shapes, ids and public keys beside those of the first batch.
 */
export const lookAlikeCasesAfter: LookAlikeCase[] = [
  C('./app --tls-key /k.pem --tls-cert /c.pem'),
  C('npm install https://registry.npmjs.org/@types/node/-/node-20.1.0.tgz'),
  C('curl -fsSLO https://unpkg.com/@scope/pkg@1.0.0/dist/a.js'),
  C('git clone ssh://git@github.com/o/r.git'),
  C('git clone https://ci@git.ex.com/o/r.git'),
  C('./app --client-id Xq8wP2zLm9Kt4RvN6yBdQ --app_id=Kd8fjQ2mZpWq9vLx2pRt'),
  C(
    './app --authorized-key "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBq8wP2z/Lm9Kt4+RvN6yBd1= ops@h"',
  ),
  C('./app --token-prefix Bearer --tokenizers-parallelism false'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, as a container's command shows it
  C('./app --secret "${APP_SECRET?APP_SECRET is not set}"'),
  C('./app --jwt-public-key=/certs/jwt.pub --vapid-public-key BNq8wP2zLm9Kt4RvN6yBd'),
  L('traefik.http.middlewares.auth.digestauth.usersfile', '/etc/traefik/digest'),
];

/**
 * First-sight look-alikes that stay changed on purpose, as the fail-safe rule has it: msmtp's --passwordeval is a
 * command whose output is the password (`echo pw` as well as `cat file`), and `auth:4181` reads as a name and its
 * value (a numeric PIN after `auth:` is as likely as a port).
 */
export const lookAlikesHidden: LookAlikeCase[] = [
  C('msmtp --passwordeval="cat /run/secrets/smtp" -t'),
  C('nsqd --auth-http-address auth:4181 --tls-key /k.pem --broadcast-address nsq'),
];
