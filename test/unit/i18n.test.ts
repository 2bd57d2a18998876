import { describe, expect, it } from 'vitest';
import { detectLang, type Strings, strings } from '../../src/i18n/index.ts';

/** Every key path of a table, functions and arrays as leaves. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, v]) => paths(v, prefix ? `${prefix}.${key}` : key));
}

function leaf(table: Strings, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);
}

describe('the string tables', () => {
  it('a table without a key is not Strings: the compiler refuses it', () => {
    const { bye: _bye, ...shellWithoutBye } = strings('en').shell;
    // @ts-expect-error: shell.bye is missing (tsc fails on this file if the line compiles)
    const incomplete: Strings = { ...strings('en'), shell: shellWithoutBye };
    expect(incomplete.shell.bye).toBeUndefined();
  });

  it('ko and en have the same keys, each of the same kind', () => {
    const ko = strings('ko');
    const en = strings('en');
    expect(paths(ko)).toEqual(paths(en));
    for (const path of paths(en)) {
      const [k, e] = [leaf(ko, path), leaf(en, path)];
      expect(typeof k, path).toBe(typeof e);
      if (typeof e === 'function') expect((k as () => string).length, path).toBe((e as () => string).length);
      if (Array.isArray(e)) expect((k as unknown[]).length, path).toBe(e.length);
      if (typeof e === 'string') expect(k, path).not.toBe('');
    }
  });

  it('the Korean table is Korean: every sentence in it has Hangul', () => {
    const ko = strings('ko');
    const sentences = paths(ko)
      .map((path) => leaf(ko, path))
      .map((v) => (typeof v === 'function' ? (v as (...a: unknown[]) => string)('x', 1, 'y') : v))
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is string => typeof v === 'string' && /\s/.test(v));
    expect(sentences.length).toBeGreaterThan(40);
    for (const sentence of sentences) expect(detectLang(sentence), sentence).toBe('ko');
  });
});
