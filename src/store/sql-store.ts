import type { SqlDriver, SqlRow, SqlRunner } from './driver.ts';
import { StoreError } from './errors.ts';
import { migrate, readMigrations } from './migrations.ts';
import { questionKey, recordedMissing, recordedQuestion, storableText } from './text.ts';
import type {
  AnswerFeedback,
  AnswerVote,
  GapInput,
  GapOutcome,
  GapSummary,
  NoteDraft,
  NoteOrigin,
  NoteScore,
  NoteWrite,
  PurgedCounts,
  RateDecision,
  SavedNote,
  Store,
  Vote,
} from './types.ts';

export interface SqlStoreOptions {
  /** Clock for record times, rate-limit windows and claim expiry (ms). Replicas need synchronised clocks. */
  now?: () => number;
  /** Operator warnings from start-up (schema newer than the code, …). Default: stderr. */
  warn?: (message: string) => void;
}

/** After a failed open, calls fail at once with that error for this long before the next attempt. */
const REOPEN_AFTER_MS = 1000;
const CLOSEST_KEPT = 5;
const GAP_OUTCOMES: readonly GapOutcome[] = ['not-answered', 'partial', 'voted-down'];

/** The Store over either SQL driver: the queries are shared, so both adapters behave the same. */
export function createSqlStore(driver: SqlDriver, options: SqlStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => process.stderr.write(`store: ${message}\n`));
  let state: 'new' | 'open' | 'closed' = 'new';
  let opening: Promise<void> | undefined;
  let lastFailure: { at: number; error: StoreError } | undefined;

  const open = (): Promise<void> => {
    if (state === 'open') return Promise.resolve();
    if (state === 'closed')
      return Promise.reject(new StoreError('unknown', `The store at ${driver.location} is closed.`));
    if (opening) return opening;
    if (lastFailure && Date.now() - lastFailure.at < REOPEN_AFTER_MS) return Promise.reject(lastFailure.error);
    opening = (async () => {
      try {
        await driver.connect();
        for (const warning of await migrate(driver, readMigrations(), now())) warn(warning);
        state = 'open';
        lastFailure = undefined;
      } catch (err) {
        const error = driver.explain(err, 'open the store');
        lastFailure = { at: Date.now(), error };
        throw error;
      } finally {
        opening = undefined;
      }
    })();
    return opening;
  };

  /** Opens if needed, then runs `work`; any failure comes out as a StoreError about `doing`. */
  const run = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    await open();
    try {
      return await work();
    } catch (err) {
      throw driver.explain(err, doing);
    }
  };

  const bumpNotesRevision = async (tx: SqlRunner) => {
    await tx.execute("UPDATE store_counters SET value = value + 1 WHERE name = 'notes'");
  };
  const NEXT_NOTES_REVISION = "(SELECT value + 1 FROM store_counters WHERE name = 'notes')";

  return {
    kind: driver.dialect,
    location: driver.location,
    open,

    feedback: {
      record: (vote: AnswerVote) =>
        run('record feedback', async () => {
          checkVote(vote);
          const t = now();
          const missing = vote.vote === 'down' && vote.missing ? recordedMissing(vote.missing) || null : null;
          await driver.execute(
            `INSERT INTO answer_feedback
               (answer_id, user_id, vote, missing, note_id, question, channel_id, first_voted_at, voted_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
             ON CONFLICT (answer_id, user_id) DO UPDATE SET
               vote = excluded.vote,
               missing = CASE WHEN excluded.vote = 'up' THEN NULL
                              ELSE COALESCE(excluded.missing, answer_feedback.missing) END,
               note_id = COALESCE(excluded.note_id, answer_feedback.note_id),
               question = COALESCE(excluded.question, answer_feedback.question),
               channel_id = COALESCE(excluded.channel_id, answer_feedback.channel_id),
               voted_at = excluded.voted_at`,
            [
              storableText(vote.answerId),
              storableText(vote.userId),
              vote.vote,
              missing,
              optionalText(vote.noteId),
              vote.question ? recordedQuestion(vote.question) || null : null,
              optionalText(vote.channelId),
              t,
            ],
          );
        }),
      forAnswer: (answerId: string) =>
        run('read feedback', async () =>
          (
            await driver.query('SELECT * FROM answer_feedback WHERE answer_id = $1 ORDER BY first_voted_at, user_id', [
              storableText(answerId),
            ])
          ).map(toFeedback),
        ),
      list: ({ since, vote, limit = 100 }) =>
        run('read feedback', async () =>
          (
            await driver.query(
              `SELECT * FROM answer_feedback WHERE voted_at >= $1 AND ($2 = '' OR vote = $2)
               ORDER BY voted_at DESC, answer_id, user_id LIMIT $3`,
              [since.getTime(), vote ?? '', limit],
            )
          ).map(toFeedback),
        ),
    },

    gaps: {
      record: (gap: GapInput) =>
        run('record a gap', async () => {
          const question = recordedQuestion(gap.question);
          checkGap(gap, question);
          await driver.execute(
            `INSERT INTO gap_records (question, question_key, lang, outcome, closest, channel_id, asked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              question,
              questionKey(question),
              gap.lang,
              gap.outcome,
              JSON.stringify(
                gap.closest.slice(0, CLOSEST_KEPT).map((c) => ({ noteId: storableText(c.noteId), score: c.score })),
              ),
              optionalText(gap.channelId),
              gap.askedAt?.getTime() ?? now(),
            ],
          );
        }),
      top: ({ since, limit = 20 }) =>
        run('read the gaps', async () => {
          const per = 'OVER (PARTITION BY question_key)';
          const rows = await driver.query(
            `SELECT * FROM (
               SELECT question_key, question, lang, closest, asked_at,
                 row_number() OVER (PARTITION BY question_key ORDER BY asked_at DESC, question DESC) AS latest,
                 count(*) ${per} AS n,
                 min(asked_at) ${per} AS first_asked_at,
                 sum(CASE WHEN outcome = 'not-answered' THEN 1 ELSE 0 END) ${per} AS not_answered,
                 sum(CASE WHEN outcome = 'partial' THEN 1 ELSE 0 END) ${per} AS partial,
                 sum(CASE WHEN outcome = 'voted-down' THEN 1 ELSE 0 END) ${per} AS voted_down
               FROM gap_records WHERE asked_at >= $1
             ) ranked
             WHERE latest = 1
             ORDER BY n DESC, asked_at DESC, question_key
             LIMIT $2`,
            [since.getTime(), limit],
          );
          return rows.map(toGapSummary);
        }),
    },

    notes: {
      create: (note: NoteDraft, origin: NoteOrigin) =>
        run('save the note', () =>
          driver.transaction('docker-notes-bot:notes', async (tx): Promise<NoteWrite> => {
            const t = now();
            const [row] = await tx.query(
              `INSERT INTO saved_notes (id, title, title_en, aliases, tags, related, body, created_by, created_at,
                 source_channel_id, source_thread_ts, updated_by, updated_at, revision)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $8, $9, ${NEXT_NOTES_REVISION})
               ON CONFLICT (id) DO NOTHING
               RETURNING *`,
              [
                ...noteContent(note),
                storableText(origin.userId),
                t,
                optionalText(origin.channelId),
                optionalText(origin.threadTs),
              ],
            );
            if (!row) return { ok: false, reason: 'exists' };
            await bumpNotesRevision(tx);
            return { ok: true, note: toNote(row) };
          }),
        ),
      update: (note: NoteDraft, editedBy: string) =>
        run('save the note', () =>
          driver.transaction('docker-notes-bot:notes', async (tx): Promise<NoteWrite> => {
            const [row] = await tx.query(
              `UPDATE saved_notes SET title = $2, title_en = $3, aliases = $4, tags = $5, related = $6, body = $7,
                 updated_by = $8, updated_at = $9, revision = ${NEXT_NOTES_REVISION}
               WHERE id = $1
               RETURNING *`,
              [...noteContent(note), storableText(editedBy), now()],
            );
            if (!row) return { ok: false, reason: 'not-found' };
            await bumpNotesRevision(tx);
            return { ok: true, note: toNote(row) };
          }),
        ),
      delete: (id: string) =>
        run('delete the note', () =>
          driver.transaction('docker-notes-bot:notes', async (tx) => {
            const deleted = await tx.execute('DELETE FROM saved_notes WHERE id = $1', [storableText(id)]);
            if (deleted > 0) await bumpNotesRevision(tx);
            return deleted > 0;
          }),
        ),
      get: (id: string) =>
        run('read the note', async () => {
          const [row] = await driver.query('SELECT * FROM saved_notes WHERE id = $1', [storableText(id)]);
          return row ? toNote(row) : undefined;
        }),
      list: () =>
        run('read the saved notes', async () =>
          // Sorted here, not by the database: PostgreSQL's collation depends on its locale.
          (await driver.query('SELECT * FROM saved_notes')).map(toNote).sort((a, b) => (a.id < b.id ? -1 : 1)),
        ),
      revision: () =>
        run('read the notes revision', async () => {
          const [row] = await driver.query("SELECT value FROM store_counters WHERE name = 'notes'");
          return Number(row?.value ?? 0);
        }),
    },

    rateLimits: {
      take: (key: string, limit: number, windowMs: number) =>
        run('count a rate-limited use', () =>
          driver.transaction(`docker-notes-bot:rate:${key}`, async (tx): Promise<RateDecision> => {
            const t = now();
            await tx.execute('DELETE FROM rate_limit_hits WHERE key = $1 AND expires_at <= $2', [key, t]);
            // The newest `limit` uses in the window: when there are that many, the oldest of them says when one frees up.
            const recent = await tx.query(
              'SELECT at FROM rate_limit_hits WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
              [key, t - windowMs, limit],
            );
            if (recent.length >= limit) {
              const oldest = Number(recent[recent.length - 1]?.at ?? t);
              return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - t) };
            }
            await tx.execute('INSERT INTO rate_limit_hits (key, at, expires_at) VALUES ($1, $2, $3)', [
              key,
              t,
              t + windowMs,
            ]);
            return { ok: true };
          }),
        ),
    },

    eventClaims: {
      claim: (eventId: string, ttlMs: number) =>
        run('claim an event', async () => {
          const t = now();
          const claimed = await driver.query(
            `INSERT INTO event_claims (event_id, expires_at) VALUES ($1, $2)
             ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at
               WHERE event_claims.expires_at <= $3
             RETURNING event_id`,
            [storableText(eventId), t + ttlMs, t],
          );
          return claimed.length > 0;
        }),
    },

    botThreads: {
      remember: (channelId: string, threadTs: string) =>
        run('remember a thread', async () => {
          checkThread(channelId, threadTs);
          await driver.execute(
            `INSERT INTO bot_threads (channel_id, thread_ts, answered_at) VALUES ($1, $2, $3)
             ON CONFLICT (channel_id, thread_ts) DO NOTHING`,
            [storableText(channelId), storableText(threadTs), now()],
          );
        }),
      has: (channelId: string, threadTs: string) =>
        run('look up a thread', async () => {
          const rows = await driver.query(
            'SELECT 1 AS found FROM bot_threads WHERE channel_id = $1 AND thread_ts = $2',
            [storableText(channelId), storableText(threadTs)],
          );
          return rows.length > 0;
        }),
    },

    purge: (olderThan: Date) =>
      run('delete old records', async (): Promise<PurgedCounts> => {
        const t = now();
        const before = olderThan.getTime();
        return {
          feedback: await driver.execute('DELETE FROM answer_feedback WHERE voted_at < $1', [before]),
          gaps: await driver.execute('DELETE FROM gap_records WHERE asked_at < $1', [before]),
          eventClaims: await driver.execute('DELETE FROM event_claims WHERE expires_at <= $1', [t]),
          rateLimitHits: await driver.execute('DELETE FROM rate_limit_hits WHERE expires_at <= $1', [t]),
          botThreads: await driver.execute('DELETE FROM bot_threads WHERE answered_at < $1', [before]),
        };
      }),

    async close() {
      if (state === 'closed') return;
      state = 'closed';
      await opening?.catch(() => undefined);
      await driver.close();
    },
  };
}

function optionalText(value: string | undefined): string | null {
  return value ? storableText(value) : null;
}

/** $1…$7 of a note write: id, title, title_en, aliases, tags, related, body. */
function noteContent(note: NoteDraft): string[] {
  if (!note.id) throw new StoreError('rejected', 'A note needs an id.');
  const list = (items: string[]) => JSON.stringify(items.map(storableText));
  return [
    storableText(note.id),
    storableText(note.title),
    storableText(note.titleEn),
    list(note.aliases),
    list(note.tags),
    list(note.related),
    storableText(note.body),
  ];
}

function checkThread(channelId: string, threadTs: string): void {
  if (!channelId || !threadTs) throw new StoreError('rejected', 'A thread needs its channel id and its thread_ts.');
}

function checkVote(vote: AnswerVote): void {
  if (!vote.answerId || !vote.userId) throw new StoreError('rejected', 'A vote needs the answer id and the user id.');
  if (vote.vote !== 'up' && vote.vote !== 'down')
    throw new StoreError('rejected', `A vote is "up" or "down", not ${JSON.stringify(vote.vote)}.`);
}

function checkGap(gap: GapInput, question: string): void {
  if (!question) throw new StoreError('rejected', 'A gap needs a question; this one is empty without its mentions.');
  if (gap.lang !== 'ko' && gap.lang !== 'en')
    throw new StoreError('rejected', `A gap's language is "ko" or "en", not ${JSON.stringify(gap.lang)}.`);
  if (!GAP_OUTCOMES.includes(gap.outcome))
    throw new StoreError(
      'rejected',
      `A gap's outcome is one of ${GAP_OUTCOMES.join(', ')}, not ${JSON.stringify(gap.outcome)}.`,
    );
  if (!gap.closest.every((c) => c.noteId && Number.isFinite(c.score)))
    throw new StoreError('rejected', "A gap's closest notes each need a note id and a finite score.");
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
// PostgreSQL returns BIGINT and count(*) as strings; SQLite as numbers.
const date = (value: unknown): Date => new Date(Number(value));

function toFeedback(row: SqlRow): AnswerFeedback {
  return {
    answerId: String(row.answer_id),
    userId: String(row.user_id),
    vote: row.vote as Vote,
    missing: text(row.missing),
    noteId: text(row.note_id),
    question: text(row.question),
    channelId: text(row.channel_id),
    firstVotedAt: date(row.first_voted_at),
    votedAt: date(row.voted_at),
  };
}

function toGapSummary(row: SqlRow): GapSummary {
  return {
    questionKey: String(row.question_key),
    question: String(row.question),
    lang: row.lang as GapSummary['lang'],
    closest: JSON.parse(String(row.closest)) as NoteScore[],
    count: Number(row.n),
    outcomes: {
      'not-answered': Number(row.not_answered),
      partial: Number(row.partial),
      'voted-down': Number(row.voted_down),
    },
    firstAskedAt: date(row.first_asked_at),
    lastAskedAt: date(row.asked_at),
  };
}

function toNote(row: SqlRow): SavedNote {
  const list = (value: unknown) => JSON.parse(String(value)) as string[];
  return {
    id: String(row.id),
    title: String(row.title),
    titleEn: String(row.title_en),
    aliases: list(row.aliases),
    tags: list(row.tags),
    related: list(row.related),
    body: String(row.body),
    createdBy: String(row.created_by),
    createdAt: date(row.created_at),
    sourceChannelId: text(row.source_channel_id),
    sourceThreadTs: text(row.source_thread_ts),
    updatedBy: String(row.updated_by),
    updatedAt: date(row.updated_at),
    revision: Number(row.revision),
  };
}
