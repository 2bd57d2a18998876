-- Threads where the bot answered: a reply there is answered without a new mention (THREAD_FOLLOW_UPS),
-- whichever replica receives it. One row per thread; answered_at is when the bot first answered there.
CREATE TABLE bot_threads (
  channel_id TEXT NOT NULL,
  thread_ts TEXT NOT NULL,
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (channel_id, thread_ts)
);
