/**
 * Hides secrets in container command lines before anyone sees them. The word list follows the
 * spirit of Datadog's process scrubber; over-redacting a harmless value is the accepted cost.
 */

const SENSITIVE = String.raw`(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|credentials?|auth|private[_-]?key|client[_-]?secret)`;
const VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\s"';&|]+)`;

/** scheme://user:pass@host → scheme://user:***@host */
const URL_CREDENTIALS = /([a-z][\w+.-]*:\/\/[^\s:/@]+):[^\s/@]+@/gi;
/** --password=x, --db-password x, -api-key=x */
const FLAG = new RegExp(String.raw`(\s|^)(--?[\w.-]*${SENSITIVE}[\w.-]*)(=|\s+)${VALUE}`, 'gi');
/** PGPASSWORD=x, password=x, AWS_SECRET_ACCESS_KEY=x */
const ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|"'])([\w.-]*${SENSITIVE}[\w.-]*)=${VALUE}`, 'gi');
/** Authorization: Bearer x */
const BEARER = /\b(bearer|basic)\s+[\w.~+/=-]{8,}/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(URL_CREDENTIALS, '$1:***@')
    .replace(FLAG, (_m, lead: string, flag: string, sep: string) => `${lead}${flag}${sep.includes('=') ? '=' : ' '}***`)
    .replace(ASSIGNMENT, '$1$2=***')
    .replace(BEARER, '$1 ***');
}

/** Strips user:password@ from a URL-like string, for error messages. */
export function stripUrlCredentials(text: string): string {
  return text.replace(/([a-z][\w+.-]*:\/\/)[^\s/@]*@/gi, '$1');
}

/** Whether a label key is allowlisted: equal to an entry, or starting with one that ends in *. */
export function labelKeyAllowed(key: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => (entry.endsWith('*') ? key.startsWith(entry.slice(0, -1)) : key === entry));
}

/** Keeps only labels whose key is allowlisted (labelKeyAllowed), redacting their values too. */
export function allowlistedLabels(
  labels: Record<string, string> | null | undefined,
  allowlist: readonly string[],
): Record<string, string> {
  const kept: Record<string, string> = {};
  if (!labels) return kept;
  for (const [key, value] of Object.entries(labels)) {
    if (labelKeyAllowed(key, allowlist)) kept[key] = redactSecrets(value);
  }
  return kept;
}
