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

/**
 * spokenBand of the word a regular inflection comes from: "easiest", "simply", "basically" and "recommended" are
 * said as often as "easy", "simple", "basic" and "recommend" mean, though each form is counted alone. Not -er:
 * an agent noun names a thing of its own (runner, scheduler), not a degree of its verb.
 */
export function spokenBandOfBase(word: string): number {
  let band = spokenBand(word);
  for (const base of regularBases(word)) if (bandOf.has(base)) band = Math.min(band, spokenBand(base));
  return band;
}

/** An everyday word made regularly from an everyday one (natively, securely): no other subject's name. */
export function isInflectedEveryday(word: string): boolean {
  return regularBases(word).some(isCommonEnglish);
}

/** The words a regular inflection of `word` may come from (easiest → easy, logged → log, natively → native). */
function regularBases(word: string): string[] {
  const bases: string[] = [];
  for (const suffix of INFLECTIONS) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const stem = word.slice(0, -suffix.length);
    bases.push(stem, `${stem}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) bases.push(stem.slice(0, -1)); // biggest, logged
    if (stem.endsWith('i')) bases.push(`${stem.slice(0, -1)}y`); // easiest, easily, tried
  }
  return bases;
}
const INFLECTIONS = ['est', 'ally', 'ly', 'ed', 'ing', 'es', 's'];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The keys beside each letter on a QWERTY keyboard: a mistyped letter is one of them. */
const BESIDE: Record<string, string> = Object.fromEntries(
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row, r, rows) =>
    [...row].map((key, k) => [
      key,
      [row[k - 1], row[k + 1], rows[r - 1]?.[k], rows[r - 1]?.[k + 1], rows[r + 1]?.[k], rows[r + 1]?.[k - 1]]
        .filter(Boolean)
        .join(''),
    ]),
  ),
);
/** How spoken a word must be (see spokenBand) for a word one slip from it to be read as it. */
const SLIP_BAND = 1;

/**
 * A much-said English word one slip of the keyboard from `word` (holdng → holding, evrything → everything): a
 * letter left out, added, swapped with its neighbour or typed with a key beside it, after the first. Only the most spoken words count, so the
 * names of tools (gradle, one letter from grade) stay names.
 */
export function everydaySlipOf(word: string): string | undefined {
  // Everyday words are short; the candidates grow with the square of the length.
  if (word.length < 5 || word.length > 20 || !/^[a-z]+$/.test(word)) return undefined;
  const said = (w: string) => w !== word && spokenBand(w) <= SLIP_BAND;
  // The first letter is seldom the slip (maven is not haven).
  for (let i = 1; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (i < word.length && said(head + tail.slice(1))) return head + tail.slice(1);
    if (i < word.length - 1 && said(head + tail[1] + tail[0] + tail.slice(2)))
      return head + tail[1] + tail[0] + tail.slice(2);
    for (const c of LETTERS) if (said(head + c + tail)) return head + c + tail;
    for (const c of i < word.length ? (BESIDE[tail[0]!] ?? '') : '')
      if (said(head + c + tail.slice(1))) return head + c + tail.slice(1);
  }
  return undefined;
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
