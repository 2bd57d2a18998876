import { describe, expect, it } from 'vitest';
import { dockerUsage, parseDockerArgs } from '../../src/commands/index.ts';

const PS_USAGE = dockerUsage('ps', 'en');
const DF_USAGE = dockerUsage('df', 'en');

const none = { name: [], status: [], label: [], ancestor: [], health: [] };

describe('parseDockerArgs ps', () => {
  it('defaults to running containers on the default host', () => {
    expect(parseDockerArgs('ps', '', 'en')).toEqual({ ok: true, options: { all: false, filters: none } });
    expect(parseDockerArgs('ps', '   ', 'en')).toEqual({ ok: true, options: { all: false, filters: none } });
  });

  it('reads flags, every filter, repeats and the host, in docker and short forms', () => {
    const parsed = parseDockerArgs(
      'ps',
      '-a name=web status=Exited status=dead label=team=web label=tier ancestor=nginx:1.27 health=healthy host=prod -f name=api --filter=health=none',
      'en',
    );
    expect(parsed).toEqual({
      ok: true,
      options: {
        all: true,
        host: 'prod',
        filters: {
          name: ['web', 'api'],
          status: ['exited', 'dead'],
          label: ['team=web', 'tier'],
          ancestor: ['nginx:1.27'],
          health: ['healthy', 'none'],
        },
      },
    });
  });

  it.each([
    ['--all -H staging', { all: true, host: 'staging', filters: none }],
    ['--host=staging', { all: false, host: 'staging', filters: none }],
    ['--host staging', { all: false, host: 'staging', filters: none }],
    ['label="team=web dev"', { all: false, filters: { ...none, label: ['team=web dev'] } }],
    ['name=“web”', { all: false, filters: { ...none, name: ['web'] } }],
  ])('%s', (text, options) => {
    expect(parseDockerArgs('ps', text, 'en')).toEqual({ ok: true, options });
  });

  it.each([
    ['--size', 'Unknown option "--size".'],
    ['-q', 'Unknown option "-q".'],
    [
      'status=runing',
      'status=runing is not valid; use one of created, restarting, running, removing, paused, exited, dead.',
    ],
    ['health=sick', 'health=sick is not valid; use one of starting, healthy, unhealthy, none.'],
    ['network=host', 'Unknown filter "network"; use name, status, label, ancestor, health or host.'],
    ['web', '"web" is not an option; filters look like name=web.'],
    ['name=', 'name= needs a value.'],
    ['=x', '"=x" should look like KEY=VALUE.'],
    ['label==x', 'label= needs a key, as in label=team or label=team=web.'],
    ['host=a host=b', 'Name one host only.'],
    ['host=../etc', '"../etc" is not a host name (letters, digits, . _ -).'],
    ['-f', '-f needs a value.'],
    ['name="web', 'A quote is not closed.'],
    [`name=${'x'.repeat(300)}`, 'The value of name= is too long (max 256).'],
  ])('rejects %s with the usage', (text, error) => {
    expect(parseDockerArgs('ps', text, 'en')).toEqual({ ok: false, error, usage: PS_USAGE });
  });
});

describe('parseDockerArgs df', () => {
  it.each([
    ['', { verbose: false }],
    ['-v', { verbose: true }],
    ['--verbose host=prod', { verbose: true, host: 'prod' }],
    ['-H prod', { verbose: false, host: 'prod' }],
  ])('%s', (text, options) => {
    expect(parseDockerArgs('df', text, 'en')).toEqual({ ok: true, options });
  });

  it.each([
    ['-a', 'Unknown option "-a".'],
    ['name=web', 'docker df takes no filter "name"; only -v and host=.'],
  ])('rejects %s with the usage', (text, error) => {
    expect(parseDockerArgs('df', text, 'en')).toEqual({ ok: false, error, usage: DF_USAGE });
  });
});

describe('usage', () => {
  it.each(['en', 'ko'] as const)('documents every option the parser accepts (%s)', (lang) => {
    for (const word of ['-a', '--all', 'name=', 'status=', 'label=', 'ancestor=', 'health=', 'host=', '-H', '-f'])
      expect(dockerUsage('ps', lang)).toContain(word);
    for (const status of ['created', 'exited', 'dead', 'unhealthy']) expect(dockerUsage('ps', lang)).toContain(status);
    for (const word of ['-v', '--verbose', 'host=', '-H']) expect(dockerUsage('df', lang)).toContain(word);
  });

  it('refuses in the language it is asked in, with that usage', () => {
    expect(parseDockerArgs('ps', '--bogus', 'ko')).toEqual({
      ok: false,
      error: '모르는 옵션이에요: "--bogus".',
      usage: dockerUsage('ps', 'ko'),
    });
    expect(dockerUsage('ps', 'ko')).toMatch(/^사용법: \/docker-ps/);
  });
});
