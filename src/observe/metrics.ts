/**
 * What GET /metrics serves, in Prometheus' text format: one private registry per process (never
 * prom-client's global one, so two bots in one test process count apart), the process's own
 * metrics included. prom-client lives only here; the faces and the runtime record through `Metrics`.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The kinds of Slack request, as Bolt delivers them. */
export type RequestKind = 'command' | 'event' | 'action' | 'shortcut' | 'view';
/** How a request ended, for the log line and the counters. */
export type RequestOutcome =
  | 'answered'
  | 'partial'
  | 'not answered'
  | 'help'
  | 'ran'
  | 'refused'
  | 'rate limited'
  | 'failed'
  | 'handled';
export type RefusalReason = 'access' | 'rate_limit' | 'read_only';

export interface Metrics {
  /** One handled Slack request; a question's outcome is counted as answered or not, with its latency. */
  request(kind: RequestKind, outcome: RequestOutcome, seconds: number): void;
  /** One Docker read (`endpoint` ps or df) and how it ended. */
  dockerCall(endpoint: string, host: string, result: 'ok' | 'error' | 'refused', seconds: number): void;
  refusal(reason: RefusalReason): void;
  /** A Slack Web API call that failed, by its error code (or the HTTP failure's kind). */
  slackApiError(code: string): void;
  /** Slack answered a Web API call with 429; the client waits and retries. */
  slackRateLimited(): void;
  noteReload(ok: boolean): void;
  /** The notes served now, read when /metrics is asked. */
  countNotes(count: () => number): void;
  /** The text /metrics answers with, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

const PREFIX = 'docker_notes_bot_';
/** From a fast note search (well under a millisecond) to a slow engine over ssh (seconds). */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const QUESTION_OUTCOMES: ReadonlySet<RequestOutcome> = new Set(['answered', 'partial', 'not answered']);

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: `${PREFIX}slack_requests_total`,
    help: 'Slack requests handled, by kind (command, event, action, shortcut, view) and outcome',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const questions = new Counter({
    name: `${PREFIX}questions_total`,
    help: 'Questions asked in Slack, by result: answered, partial or not_answered',
    labelNames: ['result'],
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: `${PREFIX}answer_seconds`,
    help: 'From a question reaching the bot to its answer being sent, in seconds',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const dockerSeconds = new Histogram({
    name: `${PREFIX}docker_call_seconds`,
    help: 'Docker reads (/docker-ps, /docker-df) by endpoint, configured host and result, in seconds',
    labelNames: ['endpoint', 'host', 'result'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const refusals = new Counter({
    name: `${PREFIX}refusals_total`,
    help: 'Docker commands refused, by reason: access (DOCKER_ALLOWED_*), rate_limit, read_only (the guard)',
    labelNames: ['reason'],
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: `${PREFIX}slack_api_errors_total`,
    help: 'Slack Web API calls that failed, by error code',
    labelNames: ['code'],
    registers: [registry],
  });
  const slackRateLimits = new Counter({
    name: `${PREFIX}slack_rate_limited_total`,
    help: 'Slack Web API calls answered with 429 (rate limited)',
    registers: [registry],
  });
  const reloads = new Counter({
    name: `${PREFIX}note_reloads_total`,
    help: 'Reloads of the notes folder, by result: ok (the new notes are served) or failed (the previous kept)',
    labelNames: ['result'],
    registers: [registry],
  });
  let notes: () => number = () => 0;
  new Gauge({
    name: `${PREFIX}notes`,
    help: 'Notes served now',
    registers: [registry],
    collect() {
      this.set(notes());
    },
  });
  // Every label value exists from the start, so a rate over a counter never sees it appear.
  for (const result of ['answered', 'partial', 'not_answered']) questions.inc({ result }, 0);
  for (const reason of ['access', 'rate_limit', 'read_only']) refusals.inc({ reason }, 0);
  for (const result of ['ok', 'failed']) reloads.inc({ result }, 0);

  return {
    request(kind, outcome, seconds) {
      requests.inc({ kind, outcome: outcome.replace(' ', '_') });
      if (!QUESTION_OUTCOMES.has(outcome)) return;
      questions.inc({ result: outcome.replace(' ', '_') });
      answerSeconds.observe(seconds);
    },
    dockerCall(endpoint, host, result, seconds) {
      dockerSeconds.observe({ endpoint, host, result }, seconds);
    },
    refusal: (reason) => refusals.inc({ reason }),
    slackApiError: (code) => slackErrors.inc({ code }),
    slackRateLimited: () => slackRateLimits.inc(),
    noteReload: (ok) => reloads.inc({ result: ok ? 'ok' : 'failed' }),
    countNotes(count) {
      notes = count;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
