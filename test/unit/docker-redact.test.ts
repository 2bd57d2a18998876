import { describe, expect, it } from 'vitest';
import { allowlistedLabels, redactSecrets, stripUrlCredentials } from '../../src/docker/redact.ts';

describe('redactSecrets', () => {
  it.each([
    ['app --password=hunter2 --port 80', 'app --password=*** --port 80'],
    ['app --password hunter2 --port 80', 'app --password *** --port 80'],
    ['app --db-password="two words" -v', 'app --db-password=*** -v'],
    ['PGPASSWORD=s3cret psql -h db', 'PGPASSWORD=*** psql -h db'],
    ['env MYSQL_PWD=x AWS_SECRET_ACCESS_KEY=abc/def sh', 'env MYSQL_PWD=*** AWS_SECRET_ACCESS_KEY=*** sh'],
    ['sh -c "export API_KEY=k1; run"', 'sh -c "export API_KEY=***; run"'],
    ['curl https://bob:pw@db.example.com/x', 'curl https://bob:***@db.example.com/x'],
    ['redis-server --requirepass foo', 'redis-server --requirepass foo'], // not in the word list: shown
    [
      'app --token abc --apikey=1 --access_key 2 --private-key=k --client-secret s',
      'app --token *** --apikey=*** --access_key *** --private-key=*** --client-secret ***',
    ],
    ['app -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload"', 'app -H "Authorization: Bearer ***"'],
    ['java -Dcredentials=abc -jar app.jar', 'java -Dcredentials=*** -jar app.jar'],
    ['sleep 3600', 'sleep 3600'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});

describe('stripUrlCredentials', () => {
  it('drops user and password', () => {
    expect(stripUrlCredentials('ssh://deploy:pw@host:22 and tcp://a@b')).toBe('ssh://host:22 and tcp://b');
  });
});

describe('allowlistedLabels', () => {
  it('keeps exact and prefix matches only, redacting their values too', () => {
    const labels = {
      team: 'web',
      'com.example.owner': 'ana',
      'com.examplex': 'no',
      secret: 'x',
      'com.example.dsn': 'postgres://u:p@db',
    };
    expect(allowlistedLabels(labels, ['team', 'com.example.*'])).toEqual({
      team: 'web',
      'com.example.owner': 'ana',
      'com.example.dsn': 'postgres://u:***@db',
    });
    expect(allowlistedLabels(labels, [])).toEqual({});
    expect(allowlistedLabels(null, ['team'])).toEqual({});
  });
});
