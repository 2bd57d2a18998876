import { showControlChars, truncateCodePoints } from '../text/visible.ts';
import { redactTokenShapes } from './redact.ts';

/** Code points kept of a name, image, status, ports, label key or path; renderers cut further. */
const FIELD_MAX = 300;

/**
 * Engine text as every face shows it (terminal, Block Kit and the JSON view alike): bounded, with any
 * token shape or private key hidden, and with control and bidi characters as visible escapes, so none
 * of them can act on a screen. Tokens are looked for in a little more than is kept, so the cut cannot
 * make one too short to be seen.
 */
export function shownField(text: unknown): string {
  const bounded = truncateCodePoints(String(text ?? ''), 2 * FIELD_MAX);
  return showControlChars(truncateCodePoints(redactTokenShapes(bounded), FIELD_MAX));
}
