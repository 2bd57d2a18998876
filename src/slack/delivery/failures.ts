import { RespondError } from '@slack/bolt';

/**
 * What a failed post to Slack says about trying again:
 * - `rate-limited`: Slack refused it for now and said when to come back (HTTP 429, Retry-After);
 * - `unavailable`: Slack (or a proxy before it) answered 5xx, or the connection was never made,
 *   so the message was not taken: another try cannot post it twice;
 * - `maybe-sent`: the request left and no answer came (reset, timeout): Slack may have posted it,
 *   and a second try could post it twice;
 * - `refused`: Slack answered and said no (not_in_channel, invalid_auth, 4xx): final.
 */
export type PostFailure =
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'maybe-sent'; reason: string }
  | { kind: 'refused'; reason: string };

/** Error codes of the Web API client (@slack/web-api ErrorCode). */
const RATE_LIMITED = 'slack_webapi_rate_limited_error';
const HTTP_ERROR = 'slack_webapi_http_error';
const REQUEST_ERROR = 'slack_webapi_request_error';

/** Socket errors raised before a request was written: nothing reached Slack. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A Retry-After the client could not read still means "later": wait this long. */
const UNREADABLE_RETRY_AFTER_MS = 1000;

export function classifyPostFailure(err: unknown): PostFailure {
  const coded = err as { code?: unknown; retryAfter?: unknown; statusCode?: unknown; original?: unknown } | undefined;
  if (coded?.code === RATE_LIMITED) {
    const seconds = typeof coded.retryAfter === 'number' && coded.retryAfter >= 0 ? coded.retryAfter : undefined;
    return { kind: 'rate-limited', retryAfterMs: seconds === undefined ? UNREADABLE_RETRY_AFTER_MS : seconds * 1000 };
  }
  if (coded?.code === HTTP_ERROR && typeof coded.statusCode === 'number') return fromStatus(coded.statusCode);
  if (err instanceof RespondError && err.statusCode !== undefined) return fromStatus(err.statusCode);
  // The Web API client wraps what fetch threw as `original`; Bolt's response_url posts let fetch's error through.
  const sent = coded?.code === REQUEST_ERROR ? coded.original : err;
  const socketCode = causeCode(sent);
  if (socketCode && NOT_CONNECTED.has(socketCode)) return { kind: 'unavailable', reason: socketCode };
  if (coded?.code === REQUEST_ERROR || isFetchFailure(err) || isAbort(sent)) {
    return { kind: 'maybe-sent', reason: socketCode ?? (isAbort(sent) ? 'timeout' : 'no answer') };
  }
  const slackCode = (err as { data?: { error?: unknown } } | undefined)?.data?.error;
  return { kind: 'refused', reason: typeof slackCode === 'string' ? slackCode : 'error' };
}

function fromStatus(status: number): PostFailure {
  if (status === 429) return { kind: 'rate-limited', retryAfterMs: UNREADABLE_RETRY_AFTER_MS };
  if (status >= 500) return { kind: 'unavailable', reason: `HTTP ${status}` };
  return { kind: 'refused', reason: `HTTP ${status}` };
}

/** The socket error code somewhere down an error's `cause` chain (fetch: TypeError → cause). */
function causeCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('UND_ERR'))) return code;
  }
  return undefined;
}

/** What fetch throws when the request itself failed (as opposed to a bug in the caller). */
function isFetchFailure(err: unknown): boolean {
  return err instanceof TypeError && err.message === 'fetch failed';
}

function isAbort(err: unknown): boolean {
  const name = (err as { name?: unknown } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
