import Fuse, { type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import { LEXICON } from './lexicon.ts';
import { isHangul, spelling, tokenize } from './normalize.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry, Match } from './types.ts';

/** An entry with its text already tokenised, built once at start. */
interface IndexedEntry {
  entry: KnowledgeEntry;
  title: string;
  /** All aliases in one string: one Fuse field instead of one per alias keeps scoring cheap. */
  aliases: string;
  tags: string;
  body: string;
  /** Distinct title tokens: a question naming them all asks for this topic. */
  titleTokens: string[];
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
  return isHangul(word) && spelling(word).length < 6 ? 0.5 : 0.8;
}
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
 * Builds the searcher. Index work happens here, once: tokenising every entry, the
 * inverted index used as a prefilter, and the spelling list used for typo repair.
 */
export function createKnowledgeBase(entries: readonly KnowledgeEntry[], options: SearchOptions = {}): KnowledgeBase {
  const candidateLimit = options.candidateLimit ?? 10;
  const minCoverage = options.minCoverage ?? 0.45;
  const indexed = entries.map(indexEntry);
  const byId = new Map(entries.map((e) => [e.id, e]));

  // token → the entries holding it, with the token's field weight in each (parallel arrays).
  const postings = new Map<string, { ids: number[]; weights: number[] }>();
  indexed.forEach((item, i) => {
    for (const [token, weight] of item.tokenWeight) {
      const list = postings.get(token) ?? { ids: [], weights: [] };
      if (list.ids.length === 0) postings.set(token, list);
      list.ids.push(i);
      list.weights.push(weight);
    }
  });
  // Fuse's per-entry records are built once; each query scores a subset of them.
  const fuseRecords = Fuse.createIndex(FUSE_KEYS, indexed).toJSON();
  const repair = new TypoRepair([...postings.keys()], LEXICON.exact);
  const techTerms = new Set(LEXICON.techTerms.flatMap(tokenize));
  const idfOf = (docFreq: number) => Math.log(1 + (indexed.length + 0.5) / (docFreq + 0.5));
  /**
   * A word's weight in the question. Known words: IDF. Unknown technical words: as rare as can be,
   * since they name a topic the notes lack. Other unknown words: as common as can be (chatter).
   */
  const idf = (token: string) => {
    const docFreq = postings.get(token)?.ids.length;
    if (docFreq === undefined) return techTerms.has(token) ? idfOf(0) : idfOf(indexed.length / 2);
    return idfOf(docFreq) * (LEXICON.intentConcepts.has(token) ? INTENT_WEIGHT : 1);
  };
  // Scratch space for one query at a time (ask is synchronous); reset after each use.
  const coverage = new Float64Array(indexed.length);

  function ask(question: string, { limit = 3 }: { limit?: number } = {}): Answer {
    // Each question word once; a misspelt word is repaired to a known one but counts for less.
    const trust = new Map<string, number>();
    for (const word of tokenize(question)) {
      // A technical word the notes lack is kept as typed: repairing 에러 to 여러 would hide it.
      const repaired = postings.has(word) ? word : techTerms.has(word) ? undefined : repair.correct(word);
      // A number the notes never mention ("Windows 10") says nothing about the topic.
      if (!repaired && /^\d+$/.test(word)) continue;
      const token = repaired ?? word;
      trust.set(token, Math.max(trust.get(token) ?? 0, repaired === word ? 1 : repairTrust(word)));
    }
    const tokens = [...trust.keys()];
    if (tokens.length === 0) return { query: question, answered: false, matches: [] };

    // Chatter adds up sublinearly: a long, polite question is not less about its topic.
    const chatter = tokens.filter((t) => !postings.has(t) && !techTerms.has(t)).length;
    const weights = tokens.map((t) => (postings.has(t) || techTerms.has(t) ? idf(t) : idf(t) / Math.sqrt(chatter)));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const titleCoverage = (item: IndexedEntry) => {
      const all = item.titleTokens.reduce((sum, t) => sum + idf(t), 0);
      return all === 0 ? 0 : item.titleTokens.reduce((sum, t) => sum + (tokens.includes(t) ? idf(t) : 0), 0) / all;
    };

    // Prefilter: coverage (share of the question's weight found in an entry) is summed over the
    // posting lists, so only entries sharing a token are touched; the best few go on to Fuse.
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
    if (touched.length === 0) return { query: question, answered: false, matches: [] };
    const candidates = topByCoverage(touched, coverage, candidateLimit).map((i) => ({ i, item: indexed[i]!, coverage: coverage[i]! }));
    for (const i of touched) coverage[i] = 0;

    const subset = Fuse.parseIndex<IndexedEntry>({
      keys: fuseRecords.keys,
      records: candidates.map((c, j) => ({ ...fuseRecords.records[c.i]!, i: j })),
    });
    const fuse = new Fuse(candidates.map((c) => c.item), FUSE_OPTIONS, subset);
    const fuzzy = new Map(fuse.search(tokens.join(' ')).map((r) => [r.item, 1 - (r.score ?? 1)]));
    const ranked: Match[] = candidates
      .map((c) => ({
        entry: c.item.entry,
        score: round(0.6 * c.coverage + 0.2 * titleCoverage(c.item) + 0.2 * (fuzzy.get(c.item) ?? 0)),
      }))
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));

    const coverageOf = new Map(candidates.map((c) => [c.item.entry, c.coverage]));
    const best = candidates.find((c) => c.item.entry === ranked[0]!.entry)!;
    // A question that asks what something is, and whose every topic word is in one note's title,
    // asks for that note ("도커가 뭔가요? 신입이라 처음 들어봐서요"), however much chatter
    // surrounds it, unless it also names a technical subject the notes lack. ("도커 스터디 언제
    //해요" names the title too, but asks something else.)
    // A repaired word may be mis-repaired chatter (hood → hold), so only words as typed must all fit.
    const inTitle = (t: string) => best.item.titleTokens.includes(t);
    const topicWords = tokens.filter((t) => postings.has(t) && !LEXICON.intentConcepts.has(t));
    const namesTitle =
      LEXICON.whatIsCue.test(question.normalize('NFC')) &&
      topicWords.some(inTitle) &&
      topicWords.every((t) => inTitle(t) || trust.get(t)! < 1) &&
      !tokens.some((t) => !postings.has(t) && techTerms.has(t));
    const answered = best.coverage >= minCoverage || namesTitle;
    // Unanswered, only topics that share something real with the question are worth offering.
    const offered = answered ? ranked : ranked.filter((m) => (coverageOf.get(m.entry) ?? 0) >= MIN_SUGGESTION_COVERAGE);
    return { query: question, answered, matches: offered.slice(0, limit) };
  }

  return { entries, byId: (id) => byId.get(id), ask };
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
  return { entry, titleTokens: [...new Set(title)], title: title.join(' '), aliases: aliases.map((a) => a.join(' ')).join(' , '), tags: tags.join(' '),
    // Fuse's token search only asks whether each word occurs, so each word once is enough.
    body: [...new Set(body)].join(' '), tokenWeight };
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

/**
 * Repairs a misspelt word to a known one (도거 → docker, kubernets → kubernetes).
 * Korean compares by jamo, so 도거/도커 differ by one letter. Candidates come from a
 * table of deletions (SymSpell): two words within k edits share a form with at most k
 * letters deleted, so a lookup touches a few words instead of the whole vocabulary.
 */
export class TypoRepair {
  private readonly words: Array<{ spelling: string; token: string }> = [];
  private readonly byDeletion = new Map<string, number[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(corpusTokens: string[], forms: ReadonlyMap<string, string>) {
    const known = new Set(corpusTokens);
    const add = (surface: string, token: string) => {
      if (/^\d+$/.test(surface)) return;
      const spelt = spelling(surface);
      const id = this.words.push({ spelling: spelt, token }) - 1;
      for (const variant of deletions(spelt, allowedEdits(spelt, isHangul(surface)))) {
        const list = this.byDeletion.get(variant);
        if (list) list.push(id);
        else this.byDeletion.set(variant, [id]);
      }
    };
    for (const t of corpusTokens) add(t, t);
    // Lexicon forms repair to their concept, but only concepts the notes use.
    for (const [form, canonical] of forms) if (known.has(canonical) && form !== canonical) add(form, canonical);
  }

  correct(token: string): string | undefined {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    const target = spelling(token);
    const maxEdits = /^\d+$/.test(token) ? 0 : allowedEdits(target, isHangul(token));
    let best: { token: string; distance: number } | undefined;
    if (maxEdits > 0) {
      const seen = new Set<number>();
      for (const variant of deletions(target, maxEdits)) {
        for (const id of this.byDeletion.get(variant) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const word = this.words[id]!;
          const d = editDistance(target, word.spelling, maxEdits);
          if (d <= maxEdits && (!best || d < best.distance)) best = { token: word.token, distance: d };
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, best?.token ?? null);
    return best?.token;
  }
}

/** The word itself and every form with up to `k` letters deleted. */
function deletions(word: string, k: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let round = 0; round < k; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Short words tolerate no typo (cook ≠ code); longer ones one or two. */
function allowedEdits(spelt: string, korean: boolean): number {
  if (korean) return spelt.length >= 9 ? 2 : spelt.length >= 4 ? 1 : 0;
  return spelt.length >= 8 ? 2 : spelt.length >= 4 ? 1 : 0;
}

/** Damerau–Levenshtein (adjacent swaps count once), giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
