/**
 * A stand-in for Slack on loopback: the Web API (answers and records every call), response_url
 * endpoints (records what the bot posts to them), and, for Socket Mode, a WebSocket server that
 * apps.connections.open points to. The bot under test talks to it over real sockets.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | undefined;
  at: number;
}

export interface ResponseUrlPost {
  /** The id in /response/<id>. */
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * How a Web API call fails, each echoing what a misbehaving proxy or gateway might echo back: a 500
 * whose body repeats the request's Authorization header; invalid_auth with that header repeated in
 * response_metadata (which the Web API client logs itself); or no answer and then a reset connection.
 */
export type ApiFault = 'http_500_echo' | 'invalid_auth_echo' | 'reset' | TransientFault;

/**
 * Faults of a busy or broken Slack: a 429 with Retry-After (seconds), a plain 500, or a request
 * held without an answer until the stand-in stops.
 */
export type TransientFault = { status: 429; retryAfter: number } | { status: 500 } | 'hang';

/** What the stand-in sends back: an HTTP reply, a connection dropped after a while, or nothing. */
type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'reset' | 'hang';

/** How long a 'reset' fault holds the request before dropping the connection. */
const RESET_AFTER_MS = 200;

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export const BOT_USER_ID = 'UBOT';
export const TEAM_ID = 'T0TEST';
/** Bot tokens with this prefix fail auth.test with invalid_auth, as a revoked token would. */
export const REVOKED_TOKEN_PREFIX = 'xoxb-revoked';

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  /** The chat.postMessage calls the stand-in took (posted), without those it refused or held. */
  readonly posted: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Channels where chat.postMessage fails with not_in_channel, as for a bot not invited. */
  readonly channelsWithoutBot = new Set<string>();
  /** Channels where chat.postMessage fails with the given error code (e.g. is_archived, invalid_auth). */
  readonly postErrors = new Map<string, string>();
  /** Web API calls that fail (ApiFault), by method (`auth.test`) or by method and channel (`chat.postMessage C0X`). */
  readonly faults = new Map<string, ApiFault>();
  /** response_url ids that answer with this HTTP status, e.g. 404 or 410 once a response_url has expired. */
  readonly responseStatus = new Map<string, number>();
  /**
   * Faults used up one per call, before `faults`: by method and channel (`chat.postMessage C0X`),
   * by method, or `response <id>` for a response_url. E.g. two 500s, then the call goes through.
   */
  readonly faultsOnce = new Map<string, TransientFault[]>();
  /**
   * Slack's per-channel limit on chat.postMessage: at most this many posts a second in one
   * channel, more get a 429 with Retry-After 1. Off when undefined.
   */
  postsPerSecondPerChannel: number | undefined;
  /** Requests held open by a 'hang' fault right now. */
  hanging = 0;
  private recentPosts = new Map<string, number[]>();
  /** What conversations.replies gives, by channel and thread ts (`C0X 1700000000.000100`); others: thread_not_found. */
  readonly threads = new Map<string, Array<Record<string, unknown>>>();
  /** Web API methods answered this many milliseconds late, as a slow Slack would (e.g. `chat.postMessage`). */
  readonly delays = new Map<string, number>();
  /** The headers of every WebSocket upgrade request, as the Socket Mode client sent them. */
  readonly upgrades: IncomingMessage['headers'][] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets: WebSocket[] = [];
  private acks = new Map<string, (ack: SocketAck) => void>();
  private tsCounter = 1000;
  private envelopeCounter = 0;

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('stand-in not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What SLACK_API_URL should be. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (reply) => {
          if (reply === 'reset') {
            setTimeout(() => req.socket.destroy(), RESET_AFTER_MS);
            return;
          }
          if (reply === 'hang') {
            this.hanging += 1;
            req.socket.once('close', () => {
              this.hanging -= 1;
            });
            return;
          }
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(JSON.stringify(reply.body));
        },
        (err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket, request) => {
      this.upgrades.push(request.headers);
      this.sockets.push(socket);
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        this.acks.get(ack.envelope_id)?.(ack);
        this.acks.delete(ack.envelope_id);
      });
      socket.on('close', () => {
        this.sockets = this.sockets.filter((s) => s !== socket);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'standin' },
          connection_info: { app_id: 'A0TEST' },
        }),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/response/')) {
      const id = url.pathname.slice('/response/'.length);
      const once = this.faultsOnce.get(`response ${id}`)?.shift();
      if (once) return transientReply(once);
      const status = this.responseStatus.get(id);
      if (status !== undefined) return { status, body: { ok: false, error: 'expired_url' } };
      this.responses.push({ id, body: JSON.parse(raw) as Record<string, unknown>, at: Date.now() });
      return { status: 200, body: { ok: true } };
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    const token =
      req.headers.authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, token, at: Date.now() });
    const once = this.faultsOnce.get(`${method} ${args.channel}`)?.shift() ?? this.faultsOnce.get(method)?.shift();
    if (once) return transientReply(once);
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = this.faults.get(`${method} ${args.channel}`) ?? this.faults.get(method);
    const echoed = req.headers.authorization ?? '';
    if (typeof fault === 'object' || fault === 'hang') return transientReply(fault);
    if (method === 'chat.postMessage' && this.overChannelLimit(String(args.channel))) {
      return transientReply({ status: 429, retryAfter: 1 });
    }
    switch (fault) {
      case 'reset':
        return 'reset';
      case 'http_500_echo':
        return { status: 500, body: { error: 'upstream failed', request: { authorization: echoed } } };
      case 'invalid_auth_echo':
        return {
          status: 200,
          body: {
            ok: false,
            error: 'invalid_auth',
            response_metadata: { messages: [`[ERROR] not allowed: ${echoed}`], warnings: [`sent ${echoed}`] },
          },
        };
      default:
        return { status: 200, body: this.reply(method, args, token) };
    }
  }

  private reply(method: string, args: Record<string, unknown>, token: string | undefined): unknown {
    switch (method) {
      case 'auth.test':
        if (token?.startsWith(REVOKED_TOKEN_PREFIX)) return { ok: false, error: 'invalid_auth' };
        return {
          ok: true,
          url: 'https://standin.slack.test/',
          team: 'Test',
          user: 'docker-notes',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: 'BBOT',
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.baseUrl.replace('http:', 'ws:')}/socket` };
      case 'chat.postMessage':
        if (this.channelsWithoutBot.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
        if (this.postErrors.has(String(args.channel)))
          return { ok: false, error: this.postErrors.get(String(args.channel)) };
        this.posted.push({ method, args, token, at: Date.now() });
        return { ok: true, channel: args.channel, ts: `${++this.tsCounter}.000100`, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.tsCounter}.000200` };
      case 'conversations.replies': {
        const thread = this.threads.get(`${args.channel} ${args.ts}`);
        return thread ? { ok: true, messages: thread, has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${++this.tsCounter}` } };
      default:
        return { ok: true };
    }
  }

  /**
   * Sends an envelope over every open Socket Mode connection and resolves with the bot's ack.
   * `retry` marks it as Slack's resending of an earlier envelope (retry_attempt, retry_reason).
   */
  async sendEnvelope(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    retry: { attempt: number; reason: string } = { attempt: 0, reason: '' },
  ): Promise<SocketAck> {
    const socket = this.sockets[0];
    if (!socket) throw new Error('no Socket Mode connection');
    const envelopeId = `env-${++this.envelopeCounter}`;
    const acked = new Promise<SocketAck>((resolve) => this.acks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retry.attempt,
        retry_reason: retry.reason,
      }),
    );
    return acked;
  }

  /** Pings every open Socket Mode connection and resolves once each has answered with a pong. */
  async pingSockets(): Promise<void> {
    await Promise.all(
      this.sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('pong', () => resolve());
            socket.ping('standin');
          }),
      ),
    );
  }

  /** Drops every Socket Mode connection at once, as when Slack's side goes away. */
  dropSockets(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  get socketConnections(): number {
    return this.sockets.length;
  }

  /** Counts this post against its channel's limit; true when it is one too many for the last second. */
  private overChannelLimit(channel: string): boolean {
    if (this.postsPerSecondPerChannel === undefined) return false;
    const now = Date.now();
    const recent = (this.recentPosts.get(channel) ?? []).filter((at) => at > now - 1000);
    if (recent.length >= this.postsPerSecondPerChannel) return true;
    recent.push(now);
    this.recentPosts.set(channel, recent);
    return false;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.id === id);
  }
}

function transientReply(fault: TransientFault): Reply {
  if (fault === 'hang') return 'hang';
  if (fault.status === 429) {
    return {
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': String(fault.retryAfter) },
    };
  }
  return { status: 500, body: { ok: false, error: 'internal_error' } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Web API bodies are form-encoded with JSON-encoded nested values (blocks, view), or JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
