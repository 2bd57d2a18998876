import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toPsView } from '../../src/docker/ps.ts';
import {
  type LookAlikeCase,
  leakedSecrets,
  lookAlikeCases,
  lookAlikeCasesAfter,
  lookAlikesHidden,
  secretCases,
} from '../support/redact-corpus-r17.ts';

/**
 * Round 17's corpus (test/support/redact-corpus-r17.ts), written before reading the redaction code and checked
 * through /docker-ps's row (toPsView): a command, one allowlisted label, or the image. On first sight 4 of its 368
 * secret forms showed a part of a secret (a shell word of quoted parts side by side, a Windows /password: flag,
 * codecov -t, and a GCP private_key_id since judged no secret; 11 more showed only a vendor prefix, which is by
 * design) and 14 of its 142 look-alikes changed.
 */
const host = { name: 'local', kind: 'local' } as never;
const options = { all: true, filters: { name: [], label: [], ancestor: [], status: [] } } as never;

function shown(c: LookAlikeCase): string | undefined {
  const info = {
    Id: 'abcdef0123456789',
    Names: ['/app'],
    Image: c.where === 'image' ? c.text : 'app:1',
    State: 'running',
    Status: 'Up 2 hours',
    Ports: [],
    Command: c.where === 'command' ? c.text : 'run',
    Labels: c.where === 'label' ? { [c.key!]: c.text } : {},
    Created: 0,
  } as unknown as Docker.ContainerInfo;
  const row = toPsView([info], options, host, c.where === 'label' ? [c.key!] : []).rows[0]!;
  if (c.where === 'command') return row.command;
  if (c.where === 'image') return row.image;
  return row.labels[c.key!];
}

const title = (c: LookAlikeCase) => `${c.where}${c.key ? ` ${c.key}` : ''}: ${c.text}`;

describe('the round 17 corpus', () => {
  it('holds at least 200 secret forms and 80 look-alikes', () => {
    expect(secretCases.length).toBeGreaterThanOrEqual(200);
    expect(lookAlikeCases.length + lookAlikesHidden.length).toBeGreaterThanOrEqual(80);
  });

  it.each(secretCases.map((c) => [title(c), c] as const))('%s: no secret part shows', (_title, c) => {
    const out = shown(c) ?? '';
    expect(leakedSecrets(c.text, out, c.secrets), out).toEqual([]);
  });

  it.each([...lookAlikeCases, ...lookAlikeCasesAfter].map((c) => [title(c), c] as const))(
    'look-alike stays: %s',
    (_title, c) => {
      expect(shown(c)).toBe(c.text);
    },
  );

  it.each(lookAlikesHidden.map((c) => [title(c), c] as const))('left hidden on purpose: %s', (_title, c) => {
    expect(shown(c)).not.toBe(c.text);
  });
});
