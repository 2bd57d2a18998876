-- The store's first schema. Migrations are SQL that SQLite and PostgreSQL both accept, so one file
-- serves both adapters: BIGINT (integer affinity in SQLite), TEXT, CHECK, composite keys. Times are
-- milliseconds since the epoch, lists are JSON text.

-- 👍 / 👎 on answers: one row per user per answer, a second click updates it.
CREATE TABLE answer_feedback (
  answer_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  missing TEXT,
  note_id TEXT,
  question TEXT,
  channel_id TEXT,
  first_voted_at BIGINT NOT NULL,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX answer_feedback_voted_at ON answer_feedback (voted_at);

-- Questions the notes did not answer (well); question_key groups identical ones.
CREATE TABLE gap_records (
  question TEXT NOT NULL,
  question_key TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ko', 'en')),
  outcome TEXT NOT NULL CHECK (outcome IN ('not-answered', 'partial', 'voted-down')),
  closest TEXT NOT NULL,
  channel_id TEXT,
  asked_at BIGINT NOT NULL
);
CREATE INDEX gap_records_asked_at ON gap_records (asked_at);

-- Notes saved from Slack, with who saved them, from where and when.
CREATE TABLE saved_notes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL,
  aliases TEXT NOT NULL,
  tags TEXT NOT NULL,
  related TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  source_channel_id TEXT,
  source_thread_ts TEXT,
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  revision BIGINT NOT NULL
);

-- Change counters; 'notes' changes with every saved-note write so replicas can poll one row.
CREATE TABLE store_counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO store_counters (name, value) VALUES ('notes', 0);

-- Sliding-window rate limits shared by replicas: one row per counted use.
CREATE TABLE rate_limit_hits (
  key TEXT NOT NULL,
  at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_key_at ON rate_limit_hits (key, at);
CREATE INDEX rate_limit_hits_expires_at ON rate_limit_hits (expires_at);

-- Events already taken by one replica (Slack retries deliver them again).
CREATE TABLE event_claims (
  event_id TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX event_claims_expires_at ON event_claims (expires_at);
