import { showControlChars, truncateCodePoints } from '../text/visible.ts';

/** Code points kept of a name, image, status, ports, label key or path; renderers cut further. */
const FIELD_MAX = 300;

/**
 * Engine text as every face shows it (terminal, Block Kit and the JSON view alike): bounded, and
 * with control and bidi characters as visible escapes, so none of them can act on a screen.
 */
export function shownField(text: unknown): string {
  return showControlChars(truncateCodePoints(String(text ?? ''), FIELD_MAX));
}
