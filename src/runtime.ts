/**
 * The composition root of every entry point (src/main.ts, src/cli.ts): the settings, the log, the
 * notes, the Docker reader and the store, made once from the environment. Each part is made on first use and
 * kept, so the CLI reads only what its command needs (`cli ask` works with a bad DOCKER_HOST), while
 * `npm start` asks for every part before serving, so a mistake stops start-up with one line.
 */
import { type Env, readDefaultLang, readKnowledgeConfig, readLogConfig } from './config.ts';
import { createDockerReader, type DockerReader, readDockerConfig } from './docker/index.ts';
import type { Lang } from './i18n/index.ts';
import { type KnowledgeBase, loadKnowledgeBase, watchKnowledgeBase } from './knowledge/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { observeDocker } from './observe/docker.ts';
import { createMetrics, type Metrics } from './observe/metrics.ts';
import { readSlackConfig, type SlackConfig } from './slack/config.ts';
import { createStore, readStoreConfig, type Store } from './store/index.ts';

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
  /** The Slack settings, or undefined when none is set (the shell runs instead). */
  slack(): SlackConfig | undefined;
  /** Stops following the notes and closes the store. */
  close(): Promise<void>;
}

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
  let stopFollowing = () => {};
  return {
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
      store ??= createStore(readStoreConfig(env).databaseUrl, { warn: (line) => logger.warn(`store: ${line}`) });
      return store;
    },
    slack: () => {
      slack ??= { config: readSlackConfig(env) };
      return slack.config;
    },
    close: async () => {
      stopFollowing();
      await store?.close();
    },
  };
}
