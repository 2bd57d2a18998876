import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/docker/redact.ts';
import {
  CORPUS_LOOKALIKES,
  CORPUS_LOOKALIKES_FOURTH,
  CORPUS_LOOKALIKES_SECOND,
  CORPUS_LOOKALIKES_THIRD,
  CORPUS_SECRETS,
  CORPUS_SECRETS_FOURTH,
  CORPUS_SECRETS_SECOND,
  CORPUS_SECRETS_THIRD,
  leakedParts,
} from '../support/redact-corpus.ts';

/**
 * Round 16's red-team corpus (test/support/redact-corpus.ts), written before reading the redaction code. On first
 * sight 15 of its 259 secret forms showed a secret part and 6 of its 90 look-alikes changed. Its second to fourth
 * batches, written after, are checked the same way.
 */
describe('the round 16 corpus', () => {
  it('holds at least 120 secret forms and 60 look-alikes', () => {
    expect(CORPUS_SECRETS.length).toBeGreaterThanOrEqual(120);
    expect(CORPUS_LOOKALIKES.length).toBeGreaterThanOrEqual(60);
  });

  it.each([...CORPUS_SECRETS, ...CORPUS_SECRETS_SECOND, ...CORPUS_SECRETS_THIRD, ...CORPUS_SECRETS_FOURTH])(
    '%s: no secret part shows',
    (_kind, text, secrets) => {
      const shown = redactSecrets(text);
      expect(leakedParts(text, shown, secrets), shown).toEqual([]);
    },
  );

  it.each([...CORPUS_LOOKALIKES, ...CORPUS_LOOKALIKES_SECOND, ...CORPUS_LOOKALIKES_THIRD, ...CORPUS_LOOKALIKES_FOURTH])(
    'look-alike stays: %s',
    (text) => {
      expect(redactSecrets(text)).toBe(text);
    },
  );
});
