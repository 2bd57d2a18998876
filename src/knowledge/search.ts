import Fuse, { type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import { LEXICON } from './lexicon.ts';
import { isHangul, spelling, tokenize, tokenizeWords } from './normalize.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry, Match } from './types.ts';
import { SHORT_KOREAN, TypoRepair } from './typo.ts';

/** An entry with its text already tokenised, built once at start. */
interface IndexedEntry {
  entry: KnowledgeEntry;
  title: string;
  /** All aliases in one string: one Fuse field instead of one per alias keeps scoring cheap. */
  aliases: string;
  tags: string;
  /** Distinct title tokens: a question naming them all asks for this topic. */
  titleTokens: string[];
  /** Distinct tokens of each alias: a question holding a whole alias is one of its known phrasings. */
  aliasTokens: string[][];
  /** Best field weight of each token in this entry (see FIELD_WEIGHT). */
  tokenWeight: Map<string, number>;
}

export interface SearchOptions {
  /** How many Fuse-scored candidates the token prefilter lets through. */
  candidateLimit?: number;
  /** Share of the question's weight that must be found in an entry to call it an answer. */
  minCoverage?: number;
}

/**
 * How much a typo-repaired word counts compared with one found as typed. A short Korean word
 * has many neighbours one jamo away (로고 → 보고, 에러 → 여러), so its repair is a weaker guess.
 */
function repairTrust(word: string): number {
  return isHangul(word) && spelling(word).length < SHORT_KOREAN ? 0.5 : 0.8;
}
/** How much of a question is read; questions are short, pasted logs and messages are not. */
export const MAX_QUESTION_CHARS = 500;
/** How much a word of intent (설명, show, 추천) counts compared with a topic word. */
const INTENT_WEIGHT = 0.35;
/** Coverage below which a topic is not even offered as "did you mean". */
const MIN_SUGGESTION_COVERAGE = 0.2;

// A word in the title names the topic; in an alias it is a way people ask for it.
const FIELD_WEIGHT = { title: 1, aliases: 0.9, tags: 0.7, body: 0.6 } as const;

const FUSE_KEYS: Array<FuseOptionKey<IndexedEntry>> = [
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 3 },
  { name: 'tags', weight: 1 },
];

const FUSE_OPTIONS: IFuseOptions<IndexedEntry> = {
  keys: FUSE_KEYS,
  useTokenSearch: true,
  // Tokens are already normalised; Fuse must see the same words we indexed.
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  ignoreLocation: true,
  includeScore: true,
  threshold: 0.3,
};

/**
 * The parts of the index that grow one entry at a time: each entry tokenised (most of the work),
 * the inverted index used as a prefilter, and Fuse's per-entry records. createKnowledgeBase adds
 * every entry at once; a reload adds them a slice at a time between requests, then assembles.
 */
export class IndexBuilder {
  readonly entries: KnowledgeEntry[] = [];
  readonly indexed: IndexedEntry[] = [];
  /** token → the entries holding it, with the token's field weight in each (parallel arrays). */
  readonly postings = new Map<string, { ids: number[]; weights: number[] }>();
  /** Fuse's per-entry records are built once; each query scores a subset of them. */
  readonly fuseIndex = Fuse.createIndex<IndexedEntry>(FUSE_KEYS, []);

  add(entry: KnowledgeEntry): void {
    const item = indexedEntryOf(entry);
    const i = this.indexed.push(item) - 1;
    this.entries.push(entry);
    for (const [token, weight] of item.tokenWeight) {
      const list = this.postings.get(token) ?? { ids: [], weights: [] };
      if (list.ids.length === 0) this.postings.set(token, list);
      list.ids.push(i);
      list.weights.push(weight);
    }
    this.fuseIndex.add(item, i);
  }
}

/** Builds the searcher at once: see IndexBuilder and assembleKnowledgeBase. */
export function createKnowledgeBase(entries: readonly KnowledgeEntry[], options: SearchOptions = {}): KnowledgeBase {
  const builder = new IndexBuilder();
  for (const entry of entries) builder.add(entry);
  return assembleKnowledgeBase(builder, options);
}

/**
 * Finishes the searcher from a builder that has every entry: the spelling list used for typo
 * repair, and the weights. The builder must not be added to afterwards.
 *
 * Answering a question: its words are weighed (known words by IDF, chatter low, technical
 * words the notes lack high); each entry's coverage is the share of that weight found in it
 * (titles and aliases counting more than the body); Fuse re-scores the best candidates; the
 * best is an answer when its coverage is high enough or the question names its title.
 */
export function assembleKnowledgeBase(
  { entries, indexed, postings, fuseIndex }: IndexBuilder,
  options: SearchOptions = {},
): KnowledgeBase {
  const candidateLimit = options.candidateLimit ?? 10;
  const minCoverage = options.minCoverage ?? 0.45;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const fuseRecords = fuseIndex.toJSON();
  const repair = new TypoRepair([...postings.keys()], LEXICON.exact);
  const techTerms = new Set(LEXICON.techTerms.flatMap(tokenize));
  const isKnown = (token: string) => postings.has(token);
  const isMissingTopic = (token: string) => !isKnown(token) && techTerms.has(token);
  const idfOf = (docFreq: number) => Math.log(1 + (indexed.length + 0.5) / (docFreq + 0.5));
  /**
   * A word's weight in the question. Known words: IDF (intent words less). Technical words the
   * notes lack: as rare as can be, since they name another topic. Other unknown words: chatter,
   * weighing like a word found in half the notes.
   */
  const idf = (token: string) => {
    const docFreq = postings.get(token)?.ids.length;
    if (docFreq === undefined) return techTerms.has(token) ? idfOf(0) : idfOf(indexed.length / 2);
    return idfOf(docFreq) * (LEXICON.intentConcepts.has(token) ? INTENT_WEIGHT : 1);
  };
  // Scratch space for one query at a time (ask is synchronous); reset after each use.
  const coverage = new Float64Array(indexed.length);

  /** A typed English word whose stem went astray (kuberntes → kubernt) may still be one edit from a note word. */
  const repairTyped = (typed: string) => (isHangul(typed) ? undefined : repair.correct(typed));

  /** Each question word once, typo-repaired where possible, with how far to trust it. */
  function questionWords(question: string): Map<string, number> {
    const trust = new Map<string, number>();
    for (const { token: word, typed } of tokenizeWords(question)) {
      // A technical word the notes lack is kept as typed: repairing 에러 to 여러 would hide it.
      const repaired = isKnown(word)
        ? word
        : techTerms.has(word)
          ? undefined
          : (repair.correct(word) ?? repairTyped(typed));
      // A number the notes never mention ("Windows 10") says nothing about the topic.
      if (!repaired && /^\d+$/.test(word)) continue;
      const token = repaired ?? word;
      trust.set(token, Math.max(trust.get(token) ?? 0, repaired === word ? 1 : repairTrust(word)));
    }
    return trust;
  }

  /** The entries sharing a word with the question, best coverage first, at most candidateLimit. */
  function candidatesFor(trust: Map<string, number>): Candidate[] {
    const tokens = [...trust.keys()];
    // Chatter adds up sublinearly: a long, polite question is not less about its topic.
    const chatter = tokens.filter((t) => !isKnown(t) && !techTerms.has(t)).length;
    const weights = tokens.map((t) => (isKnown(t) || techTerms.has(t) ? idf(t) : idf(t) / Math.sqrt(chatter)));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    // Summed over the posting lists, so only entries sharing a word are touched.
    const touched: number[] = [];
    tokens.forEach((t, k) => {
      const list = postings.get(t);
      if (!list) return;
      for (let j = 0; j < list.ids.length; j++) {
        const i = list.ids[j]!;
        if (coverage[i] === 0) touched.push(i);
        coverage[i]! += (list.weights[j]! * weights[k]! * trust.get(t)!) / totalWeight;
      }
    });
    const top = topByCoverage(touched, coverage, candidateLimit).map((i) => ({
      i,
      item: indexed[i]!,
      coverage: coverage[i]!,
    }));
    for (const i of touched) coverage[i] = 0;
    return top;
  }

  /** Best first: mostly coverage, then how much of the title or of one alias the question names, then Fuse. */
  function rank(candidates: Candidate[], tokens: string[]): Array<Candidate & { score: number }> {
    const subset = Fuse.parseIndex<IndexedEntry>({
      keys: fuseRecords.keys,
      records: candidates.map((c, j) => ({ ...fuseRecords.records[c.i]!, i: j })),
    });
    const fuse = new Fuse(
      candidates.map((c) => c.item),
      FUSE_OPTIONS,
      subset,
    );
    const fuzzy = new Map(fuse.search(tokens.join(' ')).map((r) => [r.item, 1 - (r.score ?? 1)]));
    // Share of a word list (by weight) that the question names.
    const named = (words: string[]) => {
      const all = words.reduce((sum, t) => sum + idf(t), 0);
      return all === 0 ? 0 : words.reduce((sum, t) => sum + (tokens.includes(t) ? idf(t) : 0), 0) / all;
    };
    const aliasCoverage = (item: IndexedEntry) =>
      item.aliasTokens.reduce((best, alias) => Math.max(best, named(alias)), 0);
    return candidates
      .map((c) => ({
        ...c,
        score: round(
          0.5 * c.coverage +
            0.15 * named(c.item.titleTokens) +
            0.15 * aliasCoverage(c.item) +
            0.2 * (fuzzy.get(c.item) ?? 0),
        ),
      }))
      .sort((a, b) => b.score - a.score || a.item.entry.id.localeCompare(b.item.entry.id));
  }

  /**
   * A question that asks what something is, and whose every topic word is in one note's title,
   * asks for that note ("도커가 뭔가요? 신입이라 처음 들어봐서요") however much chatter surrounds
   * it, unless it also names a technical subject the notes lack. ("도커 스터디 언제 해요" names
   * the title too, but asks something else.) A repaired word may be mis-repaired chatter
   * (hood → hold), so only the words as typed must all be in the title.
   */
  function namesTitleOf(best: IndexedEntry, question: string, trust: Map<string, number>): boolean {
    const inTitle = (t: string) => best.titleTokens.includes(t);
    const topicWords = [...trust.keys()].filter((t) => isKnown(t) && !LEXICON.intentConcepts.has(t));
    return (
      LEXICON.whatIsCue.test(question.normalize('NFC')) &&
      topicWords.some(inTitle) &&
      topicWords.every((t) => inTitle(t) || trust.get(t)! < 1) &&
      ![...trust.keys()].some(isMissingTopic)
    );
  }

  function ask(question: string, { limit = 3 }: { limit?: number } = {}): Answer {
    // A question is read up to MAX_QUESTION_CHARS: a pasted log must not stall every other user.
    const trust = questionWords(question.slice(0, MAX_QUESTION_CHARS));
    const candidates = trust.size > 0 ? candidatesFor(trust) : [];
    if (candidates.length === 0) return { query: question, answered: false, matches: [] };
    const ranked = rank(candidates, [...trust.keys()]);
    const best = ranked[0]!;
    const answered = best.coverage >= minCoverage || namesTitleOf(best.item, question, trust);
    // Unanswered, only topics that share something real with the question are worth offering.
    const offered = answered ? ranked : ranked.filter((c) => c.coverage >= MIN_SUGGESTION_COVERAGE);
    return {
      query: question,
      answered,
      matches: offered.slice(0, limit).map((c): Match => ({ entry: c.item.entry, score: c.score })),
    };
  }

  return { entries, byId: (id) => byId.get(id), ask };
}

interface Candidate {
  /** Position in the index. */
  i: number;
  item: IndexedEntry;
  coverage: number;
}

/**
 * Each entry's tokenised form, made once per entry object (entries are never changed once loaded):
 * a reload tokenises only the notes that changed.
 */
const indexedEntries = new WeakMap<KnowledgeEntry, IndexedEntry>();

function indexedEntryOf(entry: KnowledgeEntry): IndexedEntry {
  let item = indexedEntries.get(entry);
  if (!item) {
    item = indexEntry(entry);
    indexedEntries.set(entry, item);
  }
  return item;
}

function indexEntry(entry: KnowledgeEntry): IndexedEntry {
  const title = tokenize(`${entry.title} ${entry.titleEn}`);
  const aliases = entry.aliases.map(tokenize);
  const tags = tokenize(entry.tags.join(' '));
  const body = tokenize(entry.body);
  const tokenWeight = new Map<string, number>();
  const mark = (tokens: string[], weight: number) => {
    for (const t of tokens) tokenWeight.set(t, Math.max(tokenWeight.get(t) ?? 0, weight));
  };
  mark(body, FIELD_WEIGHT.body);
  mark(tags, FIELD_WEIGHT.tags);
  for (const alias of aliases) mark(alias, FIELD_WEIGHT.aliases);
  mark(title, FIELD_WEIGHT.title);
  return {
    entry,
    titleTokens: [...new Set(title)],
    aliasTokens: aliases.map((a) => [...new Set(a)]).filter((a) => a.length > 0),
    title: title.join(' '),
    aliases: aliases.map((a) => a.join(' ')).join(' , '),
    tags: tags.join(' '),
    tokenWeight,
  };
}

/** The `k` ids with the highest score, best first, without sorting them all. */
function topByCoverage(ids: number[], score: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (const id of ids) {
    if (top.length === k && score[id]! <= score[top[k - 1]!]!) continue;
    let pos = Math.min(top.length, k - 1);
    top[pos] = id;
    while (pos > 0 && score[top[pos - 1]!]! < score[id]!) {
      top[pos] = top[pos - 1]!;
      top[pos - 1] = id;
      pos--;
    }
  }
  return top;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
