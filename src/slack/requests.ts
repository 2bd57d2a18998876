/**
 * One log line and the counters per handled Slack request. A global middleware, the first to run,
 * times each request from its arrival to the end of its listeners (Bolt's next() resolves then,
 * a Docker read and the posted answer included) and reads the outcome the listener recorded in
 * the request's context with `recordOutcome`. It also counts the requests in flight, which a
 * graceful shutdown waits for.
 */
import { type AnyMiddlewareArgs, type Context, type Middleware, webApi } from '@slack/bolt';
import type { LogFields, Logger } from '../logger.ts';
import type { Metrics, RefusalReason, RequestKind, RequestOutcome } from '../observe/metrics.ts';
import { withTimeout } from '../time/timeout.ts';
import type { AskedQuestion } from './post-answer.ts';

/** What a listener says of how its request ended; unset means it was handled with nothing to count. */
export interface RecordedOutcome {
  outcome: RequestOutcome | 'ignored';
  /** The note that answered (answered, partial). */
  note?: string;
  /** An unanswered question, capped and without mentions: what the team's notes lack. */
  question?: string;
  /** Why a Docker command was refused. */
  refusal?: Exclude<RefusalReason, 'read_only'>;
}

const OUTCOME_KEY = 'docker-notes-bot:outcome';
/** Enough of an unanswered question to see what the notes lack, not a whole pasted log. */
const QUESTION_CAP = 200;

export function recordOutcome(context: Context, outcome: RecordedOutcome): void {
  context[OUTCOME_KEY] = outcome;
}

/** A question's outcome: the note that answered, or the question itself when none did. */
export function recordAnswer(context: Context, asked: AskedQuestion | undefined): void {
  const note = asked?.answer.matches[0]?.entry.id;
  if (!asked) recordOutcome(context, { outcome: 'help' });
  else if (asked.answer.answered && note) recordOutcome(context, { outcome: 'answered', note });
  else if (asked.answer.outcome === 'partial' && note) {
    recordOutcome(context, { outcome: 'partial', note, question: loggableQuestion(asked.question) });
  } else recordOutcome(context, { outcome: 'not answered', question: loggableQuestion(asked.question) });
}

/** The question without anyone's handle (Slack's <@U…> are gone already; a typed @name too), capped. */
export function loggableQuestion(question: string): string {
  const plain = question
    .replace(/<[@!][^>]*>/g, ' ')
    .replace(/(^|\s)@[\w.-]+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].length > QUESTION_CAP ? `${[...plain].slice(0, QUESTION_CAP - 1).join('')}…` : plain;
}

export interface InFlight {
  readonly count: number;
  /** Resolves once no request is in flight, or after `ms` with how many still are. */
  settle(ms: number): Promise<number>;
}

export function observeRequests(
  logger: Logger,
  metrics: Metrics,
): { middleware: Middleware<AnyMiddlewareArgs>; inFlight: InFlight } {
  let count = 0;
  const idle: Array<() => void> = [];
  const watched = new WeakSet<webApi.WebClient>();
  const middleware: Middleware<AnyMiddlewareArgs> = async ({ body, context, client, next }) => {
    if (!watched.has(client)) {
      // Bolt keeps one client per token, so each is watched once.
      watched.add(client);
      client.on(webApi.WebClientEvent.RATE_LIMITED, () => metrics.slackRateLimited());
    }
    const started = performance.now();
    const request = describe(body as RequestBody);
    count += 1;
    let failed = false;
    try {
      await next();
    } catch (err) {
      failed = true;
      const code = (err as { code?: string; data?: { error?: string } }).code;
      if (code?.startsWith('slack_webapi_')) {
        metrics.slackApiError((err as { data?: { error?: string } }).data?.error ?? code);
      }
      throw err;
    } finally {
      count -= 1;
      const seconds = (performance.now() - started) / 1000;
      const recorded = failed
        ? { outcome: 'failed' as const }
        : ((context[OUTCOME_KEY] as RecordedOutcome | undefined) ?? { outcome: 'handled' as const });
      // The name under its kind's key (command: '/docker-ask', event: 'app_mention'): `name` is the log's source.
      const fields: LogFields = {
        kind: request.kind,
        [request.kind]: request.name,
        user: request.user,
        channel: request.channel,
        outcome: recorded.outcome,
        note: recorded.note,
        question: recorded.question,
        refusal: recorded.refusal,
        latencyMs: Math.round(seconds * 1000),
      };
      if (recorded.outcome === 'ignored') {
        logger.debug(fields, 'slack request');
      } else {
        metrics.request(request.kind, recorded.outcome, seconds);
        if (recorded.refusal) metrics.refusal(recorded.refusal);
        if (recorded.outcome === 'rate limited') metrics.refusal('rate_limit');
        logger.info(fields, `slack ${request.kind} ${request.name}: ${summary(recorded)}`);
      }
      if (count === 0) for (const resolve of idle.splice(0)) resolve();
    }
  };
  const inFlight: InFlight = {
    get count() {
      return count;
    },
    async settle(ms) {
      if (count === 0) return 0;
      // keepAlive: a shutdown waits for this even when nothing else holds the process open.
      await withTimeout(new Promise<void>((resolve) => idle.push(resolve)), ms, () => undefined, { keepAlive: true });
      return count;
    },
  };
  return { middleware, inFlight };
}

function summary({ outcome, note, refusal }: RecordedOutcome): string {
  if (outcome === 'answered') return `answered with ${note}`;
  if (outcome === 'partial') return `partial, with ${note}`;
  return refusal ? `${outcome} (${refusal})` : outcome;
}

interface RequestBody {
  type?: string;
  command?: string;
  user_id?: string;
  channel_id?: string;
  event?: { type?: string; user?: string; channel?: string };
  actions?: Array<{ action_id?: string }>;
  callback_id?: string;
  view?: { callback_id?: string };
  user?: { id?: string };
  channel?: { id?: string };
  container?: { channel_id?: string };
}

/** Kind, name, user and channel of a request, whatever its shape. */
function describe(body: RequestBody): { kind: RequestKind; name: string; user?: string; channel?: string } {
  if (body.command) return { kind: 'command', name: body.command, user: body.user_id, channel: body.channel_id };
  if (body.event) {
    return { kind: 'event', name: body.event.type ?? 'unknown', user: body.event.user, channel: body.event.channel };
  }
  const user = body.user?.id;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (body.type === 'shortcut' || body.type === 'message_action') {
    return { kind: 'shortcut', name: body.callback_id ?? 'unknown', user, channel };
  }
  if (body.type === 'view_submission' || body.type === 'view_closed') {
    return { kind: 'view', name: body.view?.callback_id ?? 'unknown', user, channel };
  }
  return { kind: 'action', name: body.actions?.[0]?.action_id ?? body.type ?? 'unknown', user, channel };
}
