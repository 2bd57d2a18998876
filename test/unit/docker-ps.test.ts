import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { checkLabelFilters, engineFilters, toPsView } from '../../src/docker/ps.ts';
import { UserError } from '../../src/errors.ts';
import { containerInfo } from '../support/container-info.ts';

const HOST = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };

describe('toPsView', () => {
  const options = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };

  it('shapes rows like docker ps and sorts running first, then by name', () => {
    const view = toPsView(
      [
        containerInfo({ Id: `b${'0'.repeat(63)}`, Names: ['/zeta'], State: 'exited', Status: 'Exited (1) 1 hour ago' }),
        containerInfo({ Id: `a${'0'.repeat(63)}`, Names: ['/web/db-alias', '/db'], Image: `sha256:${'9'.repeat(64)}` }),
        containerInfo({ Id: `c${'0'.repeat(63)}`, Names: ['/alpha'], State: 'created', Status: 'Created' }),
        containerInfo({
          Id: `d${'0'.repeat(63)}`,
          Names: ['/beta'],
          Ports: [
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { PrivatePort: 443, Type: 'tcp' } as Docker.Port,
          ],
        }),
      ],
      options,
      HOST,
      [],
    );
    expect(view.rows.map((r) => [r.name, r.state])).toEqual([
      ['beta', 'running'],
      ['db', 'running'],
      ['alpha', 'created'],
      ['zeta', 'exited'],
    ]);
    expect(view.rows[0]!.ports).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 443/tcp');
    expect(view.rows[1]!.image).toBe('999999999999');
    expect(view.rows[1]!.id).toBe(`a${'0'.repeat(11)}`);
    expect(view.countsByState).toEqual({ running: 2, created: 1, exited: 1 });
  });

  it('redacts commands and hides labels that are not allowlisted', () => {
    const view = toPsView(
      [containerInfo({ Command: 'app --token=abc', Labels: { team: 'web', 'db.password': 'x' } })],
      options,
      HOST,
      ['team'],
    );
    expect(view.rows[0]).toMatchObject({ command: 'app --token=***', labels: { team: 'web' } });
  });
});

describe('engineFilters', () => {
  it('sends only the filters the user gave', () => {
    expect(engineFilters({ name: ['a'], status: [], label: ['x=y'], ancestor: [], health: [] })).toEqual({
      name: ['a'],
      label: ['x=y'],
    });
  });
});

describe('checkLabelFilters', () => {
  const allowlist = ['team', 'com.example.*'];

  it.each([['team'], ['team=web'], ['team=a=b'], ['com.example.owner=ana'], ['com.example.']])(
    'allows label=%s',
    (filter) => {
      expect(() => checkLabelFilters([filter], allowlist)).not.toThrow();
    },
  );

  it.each([
    ['secret'],
    ['secret=hunter2'],
    ['teams=web'],
    ['com.example=x'],
    ['com.examplex'],
    ['Team=web'],
    ['team!=web'],
  ])('refuses label=%s', (filter) => {
    expect(() => checkLabelFilters(['team', filter], allowlist)).toThrow(UserError);
  });

  it('names the key and what to use, never the value, so right and wrong guesses read the same', () => {
    const message = (filter: string, list: string[]) => {
      try {
        checkLabelFilters([filter], list);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('not refused');
    };
    const right = message('db.password=hunter2', allowlist);
    expect(right).toBe(
      'label=db.password: only label keys in DOCKER_LABEL_ALLOWLIST can be filtered on (other labels are hidden; they may hold secrets). Keys you can use: team, com.example.*.',
    );
    expect(message('db.password=wrong', allowlist)).toBe(right);
    expect(message('db.password', allowlist)).toBe(right);
    expect(message('team', [])).toBe(
      'label=team: only label keys in DOCKER_LABEL_ALLOWLIST can be filtered on (other labels are hidden; they may hold secrets). It lists none, so label= cannot be used here.',
    );
  });
});
