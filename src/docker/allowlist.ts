import { UserError } from '../errors.ts';

/**
 * What the bot may ask a Docker engine: a fully anchored allowlist of method + path (+ query
 * keys). Checked twice for every request — on the request the guard builds (guard.ts) and again on
 * the bytes written to the connection (transport.ts) — so nothing else can reach an engine.
 */

/**
 * Allowed paths (after an optional /v1.NN prefix) and the query keys each may carry: only the keys
 * the reader sends. /_ping (GET and HEAD), /images/json and /volumes are not called by the reader;
 * they stay because they are the read-only allowlist the Docker issue specifies, all metadata reads.
 */
const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['/_ping', new Set<string>()],
  ['/version', new Set<string>()],
  ['/info', new Set<string>()],
  // No `size`: size=true makes the engine walk every container's filesystem.
  ['/containers/json', new Set(['all', 'filters'])],
  ['/system/df', new Set<string>()],
  ['/images/json', new Set<string>()],
  ['/volumes', new Set<string>()],
]);

const VERSIONED_PATH = /^(?:\/v1\.\d{1,2})?(\/[a-z_]+(?:\/[a-z]+)?)$/;

export class ReadOnlyRefusal extends UserError {}

/** Why the request is refused, or null when it is allowed. `target` is path plus query, as sent. */
export function refusalReason(method: string, target: string): string | null {
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  // Allowed paths contain no escapes, so any % is an attempt to smuggle ../ or // past the check.
  if (pathname.includes('%')) return 'encoded characters in the path';
  const match = VERSIONED_PATH.exec(pathname);
  const allowedKeys = match ? ALLOWED.get(match[1]!) : undefined;
  if (!match || !allowedKeys) return 'not a read-only endpoint';
  if (method !== 'GET' && !(method === 'HEAD' && match[1] === '/_ping')) return `${method} is not a read`;
  const seen = new Set<string>();
  for (const key of new URLSearchParams(query).keys()) {
    if (key === 'size') return 'size is never requested: it walks every container filesystem';
    if (!allowedKeys.has(key) || seen.has(key)) return `query parameter "${key}" is not allowed`;
    seen.add(key);
  }
  return null;
}

/** The refusal the caller gets: what was refused and why, in one line (the path only, never the query). */
export function readOnlyRefusal(method: string, target: string, reason: string): ReadOnlyRefusal {
  const path = target.split('?')[0]!;
  const shown = path.length > 120 ? `${path.slice(0, 119)}…` : path;
  return new ReadOnlyRefusal(`Refused ${method} ${shown} (${reason}): this bot only reads from Docker.`);
}
