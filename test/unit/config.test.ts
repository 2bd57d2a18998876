import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR, ConfigError, readKnowledgeConfig, readSwitch } from '../../src/config.ts';

describe('knowledge settings', () => {
  it('defaults to the bundled notes, followed for changes', () => {
    expect(readKnowledgeConfig({})).toEqual({
      knowledgeDir: BUNDLED_KNOWLEDGE_DIR,
      watch: true,
      limits: { maxNoteBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 },
      rescanMs: 30_000,
    });
    expect(readKnowledgeConfig({ KNOWLEDGE_DIR: '/srv/notes', KNOWLEDGE_WATCH: '0' })).toMatchObject({
      knowledgeDir: '/srv/notes',
      watch: false,
    });
  });

  it('reads the size limits and the rescan interval, and names a malformed one', () => {
    const env = { KNOWLEDGE_MAX_NOTE_KB: '64', KNOWLEDGE_MAX_TOTAL_MB: '8', KNOWLEDGE_RESCAN_SECONDS: '5' };
    expect(readKnowledgeConfig(env)).toMatchObject({
      limits: { maxNoteBytes: 64 * 1024, maxTotalBytes: 8 * 1024 * 1024 },
      rescanMs: 5000,
    });
    expect(() => readKnowledgeConfig({ KNOWLEDGE_MAX_NOTE_KB: '1MB' })).toThrow(
      /^KNOWLEDGE_MAX_NOTE_KB=1MB is not a positive/,
    );
    expect(() => readKnowledgeConfig({ KNOWLEDGE_RESCAN_SECONDS: '0' })).toThrow(ConfigError);
  });

  it('reads on/off switches and names a malformed one', () => {
    expect(readSwitch({ X: 'on' }, 'X', false)).toBe(true);
    expect(readSwitch({ X: 'No' }, 'X', true)).toBe(false);
    expect(readSwitch({}, 'X', true)).toBe(true);
    expect(() => readSwitch({ X: 'maybe' }, 'X', true)).toThrow(ConfigError);
    expect(() => readSwitch({ X: 'maybe' }, 'X', true)).toThrow(/^X=maybe is not on or off/);
  });
});
