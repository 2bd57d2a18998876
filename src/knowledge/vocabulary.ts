/**
 * The technical vocabulary around the notes: words that name a topic of their own, so that a question using
 * one the notes lack is about something else (docker exec, ENTRYPOINT, a StatefulSet), not chatter.
 * The CLI parts are generated from the real clients (cli-vocabulary.ts); the rest are their reference lists.
 */
import {
  COMPOSE_COMMANDS,
  COMPOSE_KEYS,
  DOCKER_COMMANDS,
  DOCKER_FLAGS,
  DOCKER_MANAGEMENT_COMMANDS,
  DOCKER_SUBCOMMANDS,
  KUBECTL_COMMANDS,
} from './cli-vocabulary.ts';
import { COMMON_ENGLISH, SPOKEN_BANDS } from './common-english.ts';

const words = (block: string) => new Set(block.split(/\s+/).filter(Boolean));

/** The Dockerfile reference's instructions. */
export const DOCKERFILE_INSTRUCTIONS = new Set([
  'from',
  'run',
  'cmd',
  'label',
  'maintainer',
  'expose',
  'env',
  'add',
  'copy',
  'entrypoint',
  'volume',
  'user',
  'workdir',
  'arg',
  'onbuild',
  'stopsignal',
  'healthcheck',
  'shell',
]);

/** Kubernetes' built-in resource kinds (lower case) and the short names kubectl accepts for them. */
export const KUBERNETES_KINDS = new Set([
  'pod',
  'deployment',
  'replicaset',
  'replicationcontroller',
  'statefulset',
  'daemonset',
  'job',
  'cronjob',
  'service',
  'endpoints',
  'endpointslice',
  'ingress',
  'ingressclass',
  'configmap',
  'secret',
  'persistentvolume',
  'persistentvolumeclaim',
  'storageclass',
  'volumeattachment',
  'namespace',
  'node',
  'serviceaccount',
  'role',
  'clusterrole',
  'rolebinding',
  'clusterrolebinding',
  'networkpolicy',
  'horizontalpodautoscaler',
  'poddisruptionbudget',
  'limitrange',
  'resourcequota',
  'priorityclass',
  'customresourcedefinition',
  'lease',
  'runtimeclass',
  'po',
  'deploy',
  'rs',
  'sts',
  'ds',
  'cj',
  'svc',
  'ep',
  'ing',
  'cm',
  'pv',
  'pvc',
  'sc',
  'ns',
  'sa',
  'netpol',
  'hpa',
  'pdb',
  'crd',
]);

/** The commands of each command-line tool whose invocations ("docker system prune", "kubectl rollout") we read. */
export const CLI = {
  docker: { commands: words(DOCKER_COMMANDS), management: words(DOCKER_MANAGEMENT_COMMANDS) },
  dockerSubcommands: words(DOCKER_SUBCOMMANDS),
  compose: words(COMPOSE_COMMANDS),
  kubectl: words(KUBECTL_COMMANDS),
};

/** Keys of a Compose file: technical words in a question about Compose, everyday ones included (profiles, ports). */
export const COMPOSE_KEY_WORDS = words(COMPOSE_KEYS);

const commonEnglish = words(COMMON_ENGLISH);

/** An everyday English word (SCOWL's common levels and spoken-English frequencies). */
export function isCommonEnglish(word: string): boolean {
  return commonEnglish.has(word);
}

const bandOf = new Map(SPOKEN_BANDS.flatMap((band, i) => [...words(band)].map((w) => [w, i] as const)));

/**
 * How often an English word is said, as a band: 0 for the most spoken 400 words ("good", "need", "now"), up
 * to SPOKEN_BANDS.length for words said less than the 15,000 most spoken ones ("printer", "kernel").
 */
export function spokenBand(word: string): number {
  return bandOf.get(word) ?? SPOKEN_BANDS.length;
}

/** Every word of the vocabularies above, as typed (depends_on, env-file, run). */
export const DOCKER_VOCABULARY: readonly string[] = [
  ...CLI.docker.commands,
  ...CLI.docker.management,
  ...CLI.dockerSubcommands,
  ...words(DOCKER_FLAGS),
  ...CLI.compose,
  ...COMPOSE_KEY_WORDS,
  ...CLI.kubectl,
  ...KUBERNETES_KINDS,
  ...DOCKERFILE_INSTRUCTIONS,
];

/**
 * Vocabulary words that name a technical topic wherever they appear: every command, flag, key, kind and
 * instruction above that is not also an everyday English word ("tmpfs", "configmap", "depends_on"). Everyday
 * ones (run, tag, secret) are topic words only inside a command line, where the tokenizer marks them.
 */
export const TECH_VOCABULARY: readonly string[] = DOCKER_VOCABULARY.filter(
  // The tokenizer keeps multi-part names whole (depends_on, read-only).
  (w) => /^[a-z][a-z0-9_-]{2,}$/.test(w) && !commonEnglish.has(w),
);
