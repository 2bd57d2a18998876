import type { DockerReader } from '../docker/types.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { NoteBook } from '../notebook/index.ts';
import type { BestEffortRecorder } from '../store/recorder.ts';
import type { Store } from '../store/types.ts';
import type { LogThrottle } from '../time/log-throttle.ts';
import type { RateLimiter } from './access.ts';
import type { SlackConfig } from './config.ts';
import type { Delivery } from './delivery/index.ts';
import type { NoteEditors } from './note-editors.ts';

/** What every listener may use; injected so tests run the real pieces without globals. */
export interface SlackDeps {
  config: SlackConfig;
  kb: KnowledgeBase;
  docker: DockerReader;
  /** Per-user limit on Docker commands (per process; see createRateLimiter). */
  dockerRateLimiter: RateLimiter;
  /** The bot's log with Slack secrets masked (slackLogger). */
  logger: Logger;
  /** Feedback, gaps, saved notes and replica-shared state (runtime.store()); absent in some tests. */
  store?: Store;
  /** Feedback and gap records, written to `store` in the background (present exactly when `store` is). */
  recorder?: BestEffortRecorder;
  /**
   * Store warnings on a request's path, each kind at most a line a minute (createLogThrottle);
   * createSlackApp makes it, and without it (some tests) every warning is a line.
   */
  storeWarnings?: LogThrottle;
  /** How answers reach channels: paced per channel, retried while useful, never twice (src/slack/delivery/). */
  delivery: Delivery;
  /** Notes saved from Slack, laid over the folder's (runtime.notebook()); absent in some tests. */
  notebook?: NoteBook;
  /** Who may save, edit and delete notes (NOTE_EDITORS); createSlackApp makes it, tests may leave it out (anyone). */
  noteEditors?: NoteEditors;
}

/** How many matches a question asks for: the answer plus enough for "Other matches". */
export const MATCH_LIMIT = 6;
