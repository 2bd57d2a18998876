/**
 * The composition root of every entry point (src/main.ts, src/cli.ts): the settings, the log, the
 * notes, the Docker reader and the store, made once from the environment. Each part is made on first use and
 * kept, so the CLI reads only what its command needs (`cli ask` works with a bad DOCKER_HOST), while
 * `npm start` asks for every part before serving, so a mistake stops start-up with one line.
 */
import { type Env, readDefaultLang, readKnowledgeConfig, readLogConfig, readPositiveInt } from './config.ts';
import { createDockerReader, type DockerReader, readDockerConfig } from './docker/index.ts';
import { ConfigError } from './errors.ts';
import type { Lang } from './i18n/index.ts';
import { type KnowledgeBase, loadKnowledgeBase, watchKnowledgeBase } from './knowledge/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { createNoteBook, type NoteBook } from './notebook/index.ts';
import { observeDocker } from './observe/docker.ts';
import { createMetrics, type Metrics } from './observe/metrics.ts';
import { readSlackConfig, type SlackConfig } from './slack/config.ts';
import { createStore, readStoreConfig, type Store, startRetention } from './store/index.ts';

export interface Runtime {
  logger: Logger;
  /** What GET /metrics serves: every part below records into it. */
  metrics: Metrics;
  /** DEFAULT_LANG: the language of text with no question to follow, in every face. */
  lang(): Lang;
  /** The notes, their warnings logged; followed for changes when the runtime follows and KNOWLEDGE_WATCH is on. */
  knowledge(): KnowledgeBase;
  docker(): DockerReader;
  /**
   * Feedback, gaps, notes saved from Slack and the state replicas share (DATABASE_URL, default a
   * SQLite file). Nothing is opened until first use, and a store that fails never stops an answer.
   */
  store(): Store;
  /**
   * The notes folder with the notes saved from Slack laid over it, followed in the store (every
   * NOTES_POLL_SECONDS): what the Slack face answers from and saves to. Its `kb` serves the folder
   * alone until the store has been read, and whenever the store cannot be.
   */
  notebook(): NoteBook;
  /**
   * What a face answers from: the notebook's `kb` once the store's notes have been read, waiting at
   * most `withinMs` for that first read (default NOTES_FIRST_READ_MS). A store that is slow, broken
   * or wrongly set (a bad DATABASE_URL) costs one log line, and the folder's notes answer.
   */
  answerKnowledge(withinMs?: number): Promise<KnowledgeBase>;
  /** The Slack settings, or undefined when none is set (the shell runs instead). */
  slack(): SlackConfig | undefined;
  /** Stops following the notes and deleting old records, and closes the store. */
  close(): Promise<void>;
}

/** How long a face waits, at most, for the first read of the notes saved from Slack before it answers. */
export const NOTES_FIRST_READ_MS = 2000;

export interface RuntimeOptions {
  /** Follow the notes folder (long-running faces); a one-shot CLI command does not. */
  follow: boolean;
  /** Default: the bot's log (pino) from LOG_LEVEL and LOG_FORMAT. */
  logger?: Logger;
}

export function createRuntime(
  env: Env,
  { follow, logger = createLogger(readLogConfig(env, process.stderr.isTTY === true)) }: RuntimeOptions,
): Runtime {
  const metrics = createMetrics();
  let lang: Lang | undefined;
  let knowledge: KnowledgeBase | undefined;
  let docker: DockerReader | undefined;
  let slack: { config: SlackConfig | undefined } | undefined;
  let store: Store | undefined;
  let notebook: NoteBook | undefined;
  let stopFollowing = () => {};
  let stopRetention = () => {};
  const runtime: Runtime = {
    logger,
    metrics,
    lang: () => {
      lang ??= readDefaultLang(env);
      return lang;
    },
    knowledge: () => {
      if (!knowledge) {
        const { knowledgeDir, watch, limits, rescanMs } = readKnowledgeConfig(env);
        const loaded = loadKnowledgeBase(knowledgeDir, limits);
        for (const warning of loaded.warnings) logger.warn(`knowledge: ${warning}`);
        if (follow && watch) {
          // The watcher starts from this load: its files, folders and warnings are what a reload compares with.
          const live = watchKnowledgeBase(knowledgeDir, loaded, logger, {
            limits,
            rescanMs,
            onReload: (ok) => metrics.noteReload(ok),
          });
          stopFollowing = () => live.close();
          knowledge = live;
        } else {
          knowledge = loaded.kb;
        }
        const served = knowledge;
        metrics.countNotes(() => served.entries.length);
        const count = loaded.kb.entries.length;
        const following = follow && watch ? ', following changes' : '';
        logger.info(`knowledge: loaded ${count} note${count === 1 ? '' : 's'} from ${knowledgeDir}${following}`);
      }
      return knowledge;
    },
    docker: () => {
      if (!docker) {
        const config = readDockerConfig(env);
        docker = observeDocker(
          createDockerReader(config),
          metrics,
          config.hosts.map((host) => host.name),
        );
      }
      return docker;
    },
    store: () => {
      if (!store) {
        const { databaseUrl, retentionDays } = readStoreConfig(env);
        store = createStore(databaseUrl, { warn: (line) => logger.warn(`store: ${line}`) });
        // A long-running face deletes what is older than DATA_RETENTION_DAYS, at start and hourly.
        if (follow) stopRetention = retentionFor(store, retentionDays, logger);
      }
      return store;
    },
    notebook: () => {
      if (!notebook) {
        const made = createNoteBook({
          folder: runtime.knowledge(),
          store: runtime.store(),
          limits: readKnowledgeConfig(env).limits,
          logger,
          everyMs: readPositiveInt(env, 'NOTES_POLL_SECONDS', 2) * 1000,
        });
        // What is served from now on: the folder's notes and the saved ones.
        metrics.countNotes(() => made.kb.entries.length);
        notebook = made;
      }
      return notebook;
    },
    answerKnowledge: async (withinMs = NOTES_FIRST_READ_MS) => {
      // The folder first: a bad KNOWLEDGE_DIR fails the command as it always has.
      const folder = runtime.knowledge();
      let book: NoteBook;
      try {
        book = runtime.notebook();
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        logger.warn(`notes: ${err.message} Answering from the folder's notes alone.`);
        return folder;
      }
      await book.firstRead(withinMs);
      return book.kb;
    },
    slack: () => {
      slack ??= { config: readSlackConfig(env) };
      return slack.config;
    },
    close: async () => {
      stopFollowing();
      stopRetention();
      notebook?.close();
      await store?.close();
    },
  };
  return runtime;
}

/** Starts deleting old records from `store`; the deletions and failures are log lines. */
function retentionFor(store: Store, retentionDays: number, logger: Logger): () => void {
  const retention = startRetention(store, {
    retentionDays,
    onPurged: ({ feedback, gaps }) => {
      if (feedback + gaps > 0)
        logger.info(
          `store: deleted ${feedback} feedback and ${gaps} question records older than ${retentionDays} days`,
        );
    },
    onError: (err) =>
      logger.warn(`store: old records not deleted this time: ${err instanceof Error ? err.message : String(err)}`),
  });
  return () => retention.stop();
}
