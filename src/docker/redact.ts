/**
 * Hides secrets in container command lines and label values before anyone sees them. Fail-safe:
 * when a value might be a secret it is hidden, and hiding a harmless value is the accepted cost.
 * Linear in the input whatever it holds: each pass is a forward scan (no backtracking patterns
 * over unbounded input), and callers cut text to what is shown before any pass runs
 * (redactCommand, allowlistedLabels).
 *
 * The passes, each collecting spans to mask (redact/):
 * - tokens.ts: PEM private key blocks and the token shapes secret scanners know;
 * - urls.ts: URL userinfo in every shape, and `user:pass@host` without a scheme;
 * - named-values.ts: values whose name says "secret" (keys.ts), in flags, variables, JSON, YAML,
 *   query strings and HTTP headers;
 * - tools.ts: short password flags and positional passwords of common tools;
 * - statements.ts: passwords in SQL, Cypher and Redis ACL statements that no name stands before.
 */
import { truncateCodePoints } from '../text/visible.ts';
import { maskCredentialCalls } from './redact/calls.ts';
import { isSensitiveKey } from './redact/keys.ts';
import { maskAssignedReferences, maskNamedValues } from './redact/named-values.ts';
import { applyMasks, isSpace, MASK, type Span } from './redact/scan.ts';
import { maskStatementPasswords } from './redact/statements.ts';
import { maskPrivateKeys, maskTokenShapes } from './redact/tokens.ts';
import { maskScriptInput, maskToolPasswords } from './redact/tools.ts';
import { maskUrlCredentials } from './redact/urls.ts';

export { isSensitiveKey } from './redact/keys.ts';
export { MASK } from './redact/scan.ts';
export { stripUrlCredentials } from './redact/urls.ts';

/** Code points of a command kept for display (the JSON view included); renderers cut further. */
export const COMMAND_MAX = 1000;
/** Code points of a label value kept for display. */
export const LABEL_VALUE_MAX = 300;

/** $IFS and ${IFS}, which a shell splits words at as it does at a space (sh -c "mysql${IFS}-ppw"). */
const IFS = /\$\{IFS\}|\$IFS(?![\w])/g;

export function redactSecrets(text: string): string {
  // The passes read the text with each $IFS as blanks of its length, so the masks fall on the text as it is.
  const view = text.includes('$') ? text.replace(IFS, (ifs) => ' '.repeat(ifs.length)) : text;
  const masks: Span[] = [];
  maskPrivateKeys(view, masks);
  maskTokenShapes(view, masks);
  maskUrlCredentials(view, masks);
  maskNamedValues(view, masks);
  maskToolPasswords(view, masks);
  maskScriptInput(view, masks);
  maskCredentialCalls(view, masks);
  maskStatementPasswords(view, masks);
  maskAssignedReferences(view, masks);
  return applyMasks(text, masks);
}

/**
 * The token shapes, private keys and URL passwords of `text` hidden, and nothing else: for names, images, label keys and paths,
 * where a name-based rule would hide harmless parts (an image tag) but a token is a token wherever it is
 * (a runner named runner-glrt-…, a volume named vault-hvs.…).
 */
export function redactTokenShapes(text: string): string {
  const masks: Span[] = [];
  maskPrivateKeys(text, masks);
  maskTokenShapes(text, masks);
  // An image pulled as user:password@registry/app keeps the registry and loses the password.
  maskUrlCredentials(text, masks);
  return masks.length === 0 ? text : applyMasks(text, masks);
}

/**
 * At most `max` code points of `text`, ending with `…` when cut. A word the cut goes through is
 * dropped whole: its start could be a token too short to be recognised as one.
 */
export function cutForDisplay(text: string, max: number): string {
  const cut = truncateCodePoints(text, max);
  if (cut === text) return text;
  const kept = cut.slice(0, -1);
  if (isSpace(text.charCodeAt(kept.length))) return cut;
  let end = kept.length;
  while (end > 0 && !isSpace(kept.charCodeAt(end - 1))) end--;
  return `${kept.slice(0, end)}…`;
}

/** A container command as shown: cut to COMMAND_MAX first, then redacted. */
export function redactCommand(command: string): string {
  return redactSecrets(cutForDisplay(command, COMMAND_MAX));
}

/** Whether a label key is allowlisted: equal to an entry, or starting with one that ends in *. */
export function labelKeyAllowed(key: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => (entry.endsWith('*') ? key.startsWith(entry.slice(0, -1)) : key === entry));
}

/**
 * Keeps only labels whose key is allowlisted (labelKeyAllowed). A key that looks secret
 * (`com.example.db_password`) has its value hidden whole; other values are cut to
 * LABEL_VALUE_MAX and redacted like commands.
 */
export function allowlistedLabels(
  labels: Record<string, string> | null | undefined,
  allowlist: readonly string[],
): Record<string, string> {
  const kept: Record<string, string> = {};
  if (!labels) return kept;
  for (const [key, value] of Object.entries(labels)) {
    if (!labelKeyAllowed(key, allowlist)) continue;
    kept[key] = isSensitiveKey(key) ? MASK : redactSecrets(cutForDisplay(String(value), LABEL_VALUE_MAX));
  }
  return kept;
}
