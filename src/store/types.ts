import type { KnowledgeEntry } from '../knowledge/types.ts';

/**
 * What the bot keeps between requests and shares between replicas: feedback on answers, the questions
 * the notes could not answer, notes saved from Slack, and the little coordination state that must be
 * pooled when several replicas run (rate-limit counts, claims on retried events).
 *
 * One interface, two adapters (SQLite in a file, PostgreSQL), chosen by DATABASE_URL. Every method
 * may throw a StoreError (what went wrong and what to do); the BestEffortRecorder and ReplicaGuards
 * wrap the calls that sit on an answer's path so that a failing store never blocks or breaks one.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data is, for logs and messages: a file path, or postgres://user@host:port/db (never a password). */
  readonly location: string;
  /**
   * Connects and applies pending migrations (safe when several replicas start at once). Every other
   * method does this first if needed, so a store that was down at start-up recovers by itself.
   */
  open(): Promise<void>;
  readonly feedback: FeedbackRecords;
  readonly gaps: GapRecords;
  readonly notes: SavedNotes;
  readonly rateLimits: SharedRateLimits;
  readonly eventClaims: EventClaims;
  readonly botThreads: BotThreads;
  /**
   * Deletes feedback, gap and bot-thread records older than `olderThan`, and expired claims and
   * rate-limit hits.
   */
  purge(olderThan: Date): Promise<PurgedCounts>;
  close(): Promise<void>;
}

export type Vote = 'up' | 'down';

/** One click on 👍 / 👎, optionally with the "what was missing" text from the 👎 modal. */
export interface AnswerVote {
  /** Identifies the answer message, e.g. `${channelId}:${messageTs}`. */
  answerId: string;
  userId: string;
  vote: Vote;
  /** Kept while the vote stays 👎: a later 👎 without text keeps it, a 👍 clears it. */
  missing?: string;
  /** The note the answer showed, if any. */
  noteId?: string;
  /** The question that was answered (mentions removed and capped like a gap's). */
  question?: string;
  channelId?: string;
}

export interface AnswerFeedback {
  answerId: string;
  userId: string;
  vote: Vote;
  missing: string | null;
  noteId: string | null;
  question: string | null;
  channelId: string | null;
  firstVotedAt: Date;
  votedAt: Date;
}

export interface FeedbackRecords {
  /** One vote per user per answer: a second click replaces the first. */
  record(vote: AnswerVote): Promise<void>;
  forAnswer(answerId: string): Promise<AnswerFeedback[]>;
  /** Newest first. */
  list(options: { since: Date; vote?: Vote; limit?: number }): Promise<AnswerFeedback[]>;
}

export type GapOutcome = 'not-answered' | 'partial' | 'voted-down';
export type GapLanguage = 'ko' | 'en';

export interface NoteScore {
  noteId: string;
  score: number;
}

/** A question the notes could not answer well. A 👎 is a gap too: record it with outcome 'voted-down'. */
export interface GapInput {
  /** As asked: user mentions are removed and it is capped before it is stored. */
  question: string;
  lang: GapLanguage;
  outcome: GapOutcome;
  /** Best first; at most the first five are kept. */
  closest: NoteScore[];
  channelId?: string;
  /** Default: now. */
  askedAt?: Date;
}

/** Identical questions (after normalisation: NFKC, case, whitespace, punctuation) counted together. */
export interface GapSummary {
  questionKey: string;
  /** The latest wording of the question, and its language and closest notes. */
  question: string;
  lang: GapLanguage;
  closest: NoteScore[];
  count: number;
  outcomes: Record<GapOutcome, number>;
  firstAskedAt: Date;
  lastAskedAt: Date;
}

export interface GapRecords {
  record(gap: GapInput): Promise<void>;
  /** Most asked first (then most recent), counting records asked at or after `since`. Default limit 20. */
  top(options: { since: Date; limit?: number }): Promise<GapSummary[]>;
}

/** A note's content: the fields of a Markdown note file (front-matter and body), without the file. */
export type NoteDraft = Omit<KnowledgeEntry, 'file'>;

/** Who saved a note, and from where in Slack. */
export interface NoteOrigin {
  userId: string;
  channelId?: string;
  threadTs?: string;
}

export interface SavedNote extends NoteDraft {
  createdBy: string;
  createdAt: Date;
  sourceChannelId: string | null;
  sourceThreadTs: string | null;
  updatedBy: string;
  updatedAt: Date;
  /** The notes revision (see SavedNotes.revision) at this note's last change. */
  revision: number;
}

export type NoteWrite = { ok: true; note: SavedNote } | { ok: false; reason: 'exists' | 'not-found' };

export interface SavedNotes {
  /** Refused with 'exists' when a saved note already has this id. */
  create(note: NoteDraft, origin: NoteOrigin): Promise<NoteWrite>;
  /** Replaces the content of the note with `note.id`; refused with 'not-found' when there is none. */
  update(note: NoteDraft, editedBy: string): Promise<NoteWrite>;
  /** False when there was no such note. */
  delete(id: string): Promise<boolean>;
  get(id: string): Promise<SavedNote | undefined>;
  /** Sorted by id. */
  list(): Promise<SavedNote[]>;
  /**
   * A number that changes with every create, update and delete, one cheap read: replicas poll it and
   * reload the notes when it differs from the value they last saw (compare for inequality: a store
   * that was recreated starts again from 0).
   */
  revision(): Promise<number>;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** A sliding-window limit per key (e.g. a user id), counted across every replica sharing the store. */
export interface SharedRateLimits {
  /** Counts one use by `key` if fewer than `limit` happened in the last `windowMs`; otherwise says how long to wait. */
  take(key: string, limit: number, windowMs: number): Promise<RateDecision>;
}

/** At-most-once processing of an event that Slack may deliver more than once (retries), across replicas. */
export interface EventClaims {
  /** True for exactly one caller per `eventId` until `ttlMs` has passed. */
  claim(eventId: string, ttlMs: number): Promise<boolean>;
}

/** Threads where the bot answered, so a reply there is answered without a new mention, on any replica. */
export interface BotThreads {
  /** Remembers that the bot answered in the thread `threadTs` of `channelId`; remembering it again changes nothing. */
  remember(channelId: string, threadTs: string): Promise<void>;
  /** Whether the bot answered in that thread. */
  has(channelId: string, threadTs: string): Promise<boolean>;
}

export interface PurgedCounts {
  feedback: number;
  gaps: number;
  eventClaims: number;
  rateLimitHits: number;
  /** Threads the bot answered in longer ago than the retention: replies there are no longer followed. */
  botThreads: number;
}
