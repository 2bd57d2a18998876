import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR, ConfigError, readKnowledgeConfig, readSwitch } from '../../src/config.ts';

describe('knowledge settings', () => {
  it('defaults to the bundled notes, followed for changes', () => {
    expect(readKnowledgeConfig({})).toEqual({ knowledgeDir: BUNDLED_KNOWLEDGE_DIR, watch: true });
    expect(readKnowledgeConfig({ KNOWLEDGE_DIR: '/srv/notes', KNOWLEDGE_WATCH: '0' })).toEqual({
      knowledgeDir: '/srv/notes',
      watch: false,
    });
  });

  it('reads on/off switches and names a malformed one', () => {
    expect(readSwitch({ X: 'on' }, 'X', false)).toBe(true);
    expect(readSwitch({ X: 'No' }, 'X', true)).toBe(false);
    expect(readSwitch({}, 'X', true)).toBe(true);
    expect(() => readSwitch({ X: 'maybe' }, 'X', true)).toThrow(ConfigError);
    expect(() => readSwitch({ X: 'maybe' }, 'X', true)).toThrow(/^X=maybe is not on or off/);
  });
});
