import { describe, expect, it, vi } from 'vitest';
import { toPsView } from '../../src/docker/ps.ts';
import { COMMAND_MAX, LABEL_VALUE_MAX } from '../../src/docker/redact.ts';
import { containerInfo } from '../support/container-info.ts';

/**
 * Redaction time is bounded by what is shown: every redaction pass is wrapped here to record the
 * length of the text it is given, and a 200 kB command (or label value) must reach none of them.
 */
const seen = vi.hoisted(() => [] as { pass: string; length: number }[]);

function recording<T extends Record<string, unknown>>(module: T, names: (keyof T & string)[]): T {
  const wrapped = { ...module };
  for (const name of names) {
    const original = module[name] as (text: string, ...rest: unknown[]) => unknown;
    (wrapped as Record<string, unknown>)[name] = (text: string, ...rest: unknown[]) => {
      seen.push({ pass: name, length: [...text].length });
      return original(text, ...rest);
    };
  }
  return wrapped;
}

vi.mock('../../src/docker/redact/tokens.ts', async (load) =>
  recording(await load<typeof import('../../src/docker/redact/tokens.ts')>(), ['maskTokenShapes', 'maskPrivateKeys']),
);
vi.mock('../../src/docker/redact/urls.ts', async (load) =>
  recording(await load<typeof import('../../src/docker/redact/urls.ts')>(), ['maskUrlCredentials']),
);
vi.mock('../../src/docker/redact/named-values.ts', async (load) =>
  recording(await load<typeof import('../../src/docker/redact/named-values.ts')>(), ['maskNamedValues']),
);
vi.mock('../../src/docker/redact/tools.ts', async (load) =>
  recording(await load<typeof import('../../src/docker/redact/tools.ts')>(), ['maskToolPasswords', 'maskScriptInput']),
);

const PASSES = [
  'maskPrivateKeys',
  'maskTokenShapes',
  'maskUrlCredentials',
  'maskNamedValues',
  'maskToolPasswords',
  'maskScriptInput',
];
const OPTIONS = { all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } };

describe('redaction sees only what is shown', () => {
  it('cuts a 200 kB command to COMMAND_MAX before any pattern runs', () => {
    seen.length = 0;
    const command = `app --password=hunter2 ${'password '.repeat(25_000)}--token=hunter3`;
    expect(command.length).toBeGreaterThan(200_000);
    const view = toPsView([containerInfo({ Command: command })], OPTIONS, { name: 'h', endpoint: 'unix:///s' }, []);
    // Every pass ran; the token passes also see the other fields (name, image …), each cut shorter still.
    expect(new Set(seen.map((s) => s.pass))).toEqual(new Set(PASSES));
    for (const { length } of seen) expect(length).toBeLessThanOrEqual(COMMAND_MAX);
    const shown = view.rows[0]!.command;
    expect(shown.startsWith('app --password=*** password password ')).toBe(true);
    expect(shown.endsWith('password …')).toBe(true);
    expect([...shown].length).toBeLessThanOrEqual(COMMAND_MAX);
    expect(JSON.stringify(view)).not.toMatch(/hunter[23]/);
  });

  it('cuts a 200 kB label value to LABEL_VALUE_MAX before any pattern runs', () => {
    seen.length = 0;
    const value = 'x@ '.repeat(70_000);
    toPsView([containerInfo({ Labels: { team: value } })], OPTIONS, { name: 'h', endpoint: 'unix:///s' }, ['team']);
    // The label value is the one long text: the command ('run') and the other fields are short.
    const labelPasses = seen.filter((s) => s.length > 100);
    expect(labelPasses.map((s) => s.pass).sort()).toEqual([...PASSES].sort());
    for (const { length } of labelPasses) expect(length).toBeLessThanOrEqual(LABEL_VALUE_MAX);
  });
});
