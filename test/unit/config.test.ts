import { describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR, readDefaultLang, readKnowledgeConfig, readSwitch } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

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

describe('the default language', () => {
  it('is DEFAULT_LANG, ko unless set, for every face', () => {
    expect(readDefaultLang({})).toBe('ko');
    expect(readDefaultLang({ DEFAULT_LANG: 'en' })).toBe('en');
  });

  it('still reads its old name SLACK_DEFAULT_LANG; the new name wins when both are set', () => {
    expect(readDefaultLang({ SLACK_DEFAULT_LANG: 'en' })).toBe('en');
    expect(readDefaultLang({ SLACK_DEFAULT_LANG: 'en', DEFAULT_LANG: 'ko' })).toBe('ko');
  });

  it('names the variable that holds a language it does not speak', () => {
    expect(() => readDefaultLang({ DEFAULT_LANG: 'jp' })).toThrow(/^DEFAULT_LANG=jp should be ko or en/);
    expect(() => readDefaultLang({ SLACK_DEFAULT_LANG: 'jp' })).toThrow(/^SLACK_DEFAULT_LANG=jp should be ko or en/);
  });
});
