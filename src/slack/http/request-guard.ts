/**
 * What HTTP mode checks before Bolt's HTTPReceiver sees a request to /slack/events.
 *
 * Bolt 5.1 reads the whole body (raw-body, 4 MB limit by default) before it looks at the timestamp,
 * accepts a timestamp any distance in the future, and lets the rest of an oversized request be read
 * and thrown away on a kept-alive connection; a signed body that parses to null (`payload=null`, a
 * JSON `null`) throws a TypeError outside any handler, which ends the process. So, in this order:
 * 1. the X-Slack-Request-Timestamp must be present and within 5 minutes of now either way, before a
 *    byte of the body is read (401);
 * 2. a declared Content-Length over the limit is refused before reading, and a body that grows past
 *    it while being read is refused at that point, the rest never read (413);
 * 3. the signature must match (401), and the body must be what Slack sends: an object, as JSON or as
 *    a form whose `payload` is one (400).
 * A refusal closes the connection, so nothing more of that request is read. What passes goes on with
 * its body already read (`rawBody`, which Bolt then uses instead of reading again) and is checked
 * once more by Bolt.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';
import { isValidSlackRequest, type Logger } from '@slack/bolt';

/**
 * The largest body accepted. Slack's own payloads stay far below it: a slash command is a few
 * hundred bytes of form, an event or an interaction a few kilobytes, and the largest (a modal
 * submission or a message action carrying a whole message with 50 blocks of 3,000 characters and
 * its attachments) some 200 KB. Twice that leaves headroom; Bolt's 4 MB would let one request hold
 * eight times as much memory for nothing Slack sends.
 */
export const MAX_BODY_BYTES = 512 * 1024;
/** Slack's own rule for replays, applied in both directions: a request dated ahead is no fresher. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  /** Paths Bolt serves events on (its default: /slack/events). */
  endpoints: readonly string[];
  logger: Logger;
  maxBodyBytes?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/** Wraps Bolt's request listener (HTTPReceiver.requestListener) with the checks above. */
export function guardSlackRequests(boltListener: RequestListener, options: RequestGuardOptions): RequestListener {
  const { signingSecret, endpoints, logger, maxBodyBytes = MAX_BODY_BYTES, now = Date.now } = options;
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, why: string) => {
    logger.warn(`Refused a request to the Slack endpoint (${status}): ${why}`);
    closeWithoutReading(req);
    res.writeHead(status, { connection: 'close' });
    res.end();
  };

  return (req, res) => {
    if (req.method?.toUpperCase() !== 'POST' || !endpoints.includes(pathOf(req))) {
      boltListener(req, res);
      return;
    }
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
      refuse(req, res, 401, 'no valid X-Slack-Request-Timestamp');
      return;
    }
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      refuse(req, res, 401, 'X-Slack-Request-Timestamp more than 5 minutes from now');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      refuse(req, res, 413, `Content-Length ${declared} over the limit of ${maxBodyBytes} bytes`);
      return;
    }
    readBody(req, maxBodyBytes).then(
      (rawBody) => {
        if (rawBody === undefined) {
          refuse(req, res, 413, `body over the limit of ${maxBodyBytes} bytes`);
          return;
        }
        const text = rawBody.toString();
        const contentType = req.headers['content-type'];
        if (!isSslCheck(text, contentType) && !isSigned(text, timestamp, req, signingSecret)) {
          refuse(req, res, 401, 'signature mismatch');
          return;
        }
        if (!isSlackShapedBody(text, contentType)) {
          refuse(req, res, 400, 'body is not a JSON object or a form with an object payload');
          return;
        }
        (req as IncomingMessage & { rawBody: Buffer }).rawBody = rawBody;
        boltListener(req, res);
      },
      () => {
        // The client went away mid-body: nobody is left to answer.
        req.destroy();
      },
    );
  };
}

/** How long a refused client has to read its answer before the connection is dropped. */
const LINGER_MS = 2000;

/**
 * Reads nothing more of a refused request. Node would, once the answer is out, read and discard the
 * rest of an unread body (at network speed, for as long as the client sends) and then destroy the
 * socket, which with unread data is a reset that can reach the client before the answer does. So the
 * request stays paused (its rest waits in the kernel's buffers, which then stop the sender), the
 * socket is half-closed after the answer, and dropped a moment later.
 */
function closeWithoutReading(req: IncomingMessage): void {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  req.pause();
  socket.pause();
  // Node's server calls destroySoon when an answer with Connection: close is finished.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  // Node's server "dumps" (reads to the end) a body nobody consumed; this one is consumed by nobody.
  (req as IncomingMessage & { _dump?: () => void })._dump = () => undefined;
}

/** The path as Bolt computes it, so both agree on which requests are the endpoint's. */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

/** The body, or undefined once it passes `limit` (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Slack's unsigned SSL check, which Bolt answers without a signature (and strips of anything else). */
function isSslCheck(text: string, contentType: string | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && parseQueryString(text).ssl_check === '1';
}

function isSigned(text: string, timestamp: string, req: IncomingMessage, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  if (typeof signature !== 'string') return false;
  return isValidSlackRequest({
    signingSecret,
    body: text,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
  });
}

/** Parsed as Bolt parses it (HTTPModuleFunctions.parseHTTPRequestBody), the result must be an object. */
function isSlackShapedBody(text: string, contentType: string | undefined): boolean {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseQueryString(text);
      return typeof payload === 'string' ? isPlainObject(JSON.parse(payload)) : true;
    }
    return isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
