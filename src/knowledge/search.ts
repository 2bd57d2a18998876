import Fuse, { type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import { LEXICON } from './lexicon.ts';
import { isOwnSetting, readMessage, scannedPart, speaksOfEarlierAnswer, speaksToBot } from './message.ts';
import {
  ADD_VERBS,
  finalConsonant,
  HOW_ASKED,
  isHangul,
  isKoreanPredicate,
  PUSH_VERBS,
  REDIRECTION,
  spelling,
  tokenize,
  tokenizeWords,
  type Word,
} from './normalize.ts';
import { SEARCHED_BODY_CHARS } from './parse.ts';
import type { Answer, KnowledgeBase, KnowledgeEntry, Match } from './types.ts';
import { editDistance, SHORT_KOREAN, TypoRepair } from './typo.ts';
import {
  CLI,
  COMPOSE_KEY_WORDS,
  everydaySlipOf,
  isCommonEnglish,
  isInflectedEveryday,
  KUBERNETES_KINDS,
  spokenBand,
  spokenBandOfBase,
} from './vocabulary.ts';

export { MAX_QUESTION_CHARS } from './message.ts';

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
  /** The two sides of a title that compares ("도커 vs 쿠버네티스"), each as its tokens; empty for other titles. */
  comparedSides: string[][];
  /** Best field weight of each token in this entry (see FIELD_WEIGHT). */
  tokenWeight: Map<string, number>;
  /** The body shows a command to type (`docker info | grep …`, `$()`), not only a flow or a table in code. */
  showsCommand: boolean;
  /**
   * Commands the note has only with a flag ("docker run -v"), each with its flags: the note is about that use of
   * the command, so a question about the command without any of them ("what is docker run") is beyond it.
   */
  flaggedCommands: Map<string, string[]>;
  /** The measures the body gives a figure of (see MEASURES): a note saying "최소 20GB" gives a size. */
  measuresGiven: ReadonlySet<Measure>;
  /** The body says only running containers are shown (see ONLY_RUNNING). */
  listsRunningOnly: boolean;
  /** The body's example is a program images are made of (mysql): another such program may stand in its place. */
  examplesSoftware: boolean;
  /** Who the body says does something: the words just before each 담당 ("… 과정은 Docker Engine이 담당"). */
  doers: string[][];
  /** The part of the body that is searched (see SEARCHED_BODY_CHARS). */
  searched: string;
  /** `searched` lower-cased without white space, for phrases as typed ("WSL2", '프로그램 실행'). */
  squashedSearched: string;
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
/** How much a sentence of context counts next to the sentence that asks the question. */
const CONTEXT_WEIGHT = 0.35;
/** A clause of the asking sentence itself ("컨테이너를 여러 개 띄워야 하는데, …?") is closer to the question. */
const CLAUSE_WEIGHT = 0.5;
/** The most the context sentences may weigh, as a share of the whole question. */
const MAX_CONTEXT_SHARE = 1 / 3;
/** How far a loose form is trusted ("DB" for the notes' mysql example). */
const LOOSE_TRUST = 0.5;
/** Longer than any word that names a topic: a pasted hash or a run of letters says nothing. */
const MAX_TOPIC_WORD = 40;
/** How much a word of intent (설명, show, 추천) counts compared with a topic word. */
const INTENT_WEIGHT = 0.35;
/** How much less of the rest of a question a partial note may cover than an answer must: it is offered as part. */
const PARTIAL_SLACK = 0.05;
/** A note this far ahead of every other (by score), itself scoring this well, answers a question it covers little. */
const STAND_OUT_SCORE = 0.45;
const STAND_OUT_LEAD = 0.1;
/**
 * Coverage from which a note holding two or more of the question's subject words, and none of another
 * subject's, is offered as covering part of it, though it has nothing the question lacks by name.
 */
const MIN_DETAIL_PARTIAL_COVERAGE = 0.3;
/** How much of the rest of a question a note must cover that the question names by its subject (see namesNoteSubject). */
const MIN_NAMED_SUBJECT_PARTIAL_COVERAGE = 0.2;
/** Coverage below which a topic is not even offered as "did you mean". */
const MIN_SUGGESTION_COVERAGE = 0.1;

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
  // Command-line tokens (docker:rm, -v) are matched as written, never repaired into one another.
  const repair = new TypoRepair(
    [...postings.keys()].filter((t) => !isCommandToken(t)),
    LEXICON.exact,
  );
  const techTerms = new Set(LEXICON.techTerms.flatMap(tokenize));
  const dockerTerms = new Set(LEXICON.dockerTerms.flatMap(tokenize));
  const isKnown = (token: string) => postings.has(token);
  /** The words of the notes' titles that name a subject of few notes (WSL, root, disk), not Docker or a container. */
  const subjectTitleWords = new Set(
    indexed
      .flatMap((item) => item.titleTokens)
      .filter(
        (t) => t !== 'docker' && !LEXICON.operations.has(t) && (postings.get(t)?.ids.length ?? 0) <= indexed.length / 2,
      ),
  );
  const idfOf = (docFreq: number) => Math.log(1 + (indexed.length + 0.5) / (docFreq + 0.5));
  /**
   * A word's weight in the question. Known words: IDF (intent words less). Topic words the notes
   * lack: as rare as can be, since they name another topic. Other unknown words: chatter,
   * weighing like a word found in half the notes.
   */
  const idf = (token: string, kind: WordKind = 'known', rarity = 0) => {
    const docFreq = postings.get(token)?.ids.length;
    if (docFreq === undefined) {
      if (kind === 'content') return idfOf(indexed.length * rarity);
      // An operating system says what the answer is for, not what it is about: it weighs like a word of every note.
      if (LEXICON.platforms.has(token)) return idfOf(indexed.length);
      return kind === 'topic' ? idfOf(0) : idfOf(indexed.length / 2);
    }
    // One of the most spoken English words that only a note's English summary happens to use ("enough",
    // "every") says as little as an intent word, however rare it is in the notes.
    const mostSpoken = /^[a-z]+$/.test(token) && spokenBand(token) === 0 && !LEXICON.exact.has(token);
    // A Korean filler a note happens to use (다시, 먼저 in "다시 만든다") says as little as in any other question.
    const filler = LEXICON.koreanFillers.has(token);
    // "몇 개예요?" asks how many of what it names: any note listing them answers, not only one that says "몇 개".
    const count = token === 'count';
    return idfOf(docFreq) * (LEXICON.intentConcepts.has(token) || count || mostSpoken || filler ? INTENT_WEIGHT : 1);
  };
  // Scratch space for one query at a time (ask is synchronous); reset after each use.
  const coverage = new Float64Array(indexed.length);

  /** A typed English word whose stem went astray (kuberntes → kubernt) may still be one edit from a note word. */
  const repairTyped = (typed: string) => (isHangul(typed) ? undefined : repair.correct(typed));

  /**
   * What a question word is: a word of the notes (possibly typo-repaired), a topic word the notes lack, or
   * chatter. Topic words are the technical vocabulary, anything written as an identifier or a command line,
   * and Latin words that are not everyday English (terraform, Jetpack): they name some other subject.
   */
  function classify(
    { token, typed, shape }: Word,
    domain: Set<string>,
  ): { token: string; trust: number; kind: WordKind; ofDocker: boolean; rarity?: number } | undefined {
    const topic = (ofDocker: boolean) => ({ token, trust: 1, kind: 'topic' as const, ofDocker });
    // "노트엔 어떻게 돼 있어요?", "how would the notes describe it": where the answer is to come from.
    if (shape !== 'command' && (LEXICON.noteReferences.has(token) || LEXICON.noteReferences.has(typed)))
      return { token, trust: 1, kind: 'chatter', ofDocker: false };
    if (isKnown(token))
      return { token, trust: LEXICON.looseForms.has(typed) ? LOOSE_TRUST : 1, kind: 'known', ofDocker: false };
    if (shape === 'command') return topic(true);
    // An operating system no note is about (맥에 도커 설치): what the answer must be for.
    if (LEXICON.platforms.has(token)) return topic(true);
    if (LEXICON.englishFillers.has(typed) || LEXICON.englishFillers.has(token) || LAUGHTER.test(typed))
      return { token, trust: 1, kind: 'chatter', ofDocker: false };
    if (techTerms.has(token)) return topic(dockerTerms.has(token));
    if (domain.has(typed) || domain.has(token)) return topic(true);
    // An everyday English word is seldom a typo, and then a slip that makes a lexicon word (swam → swarm; said ≠ sid);
    // one of the most spoken words is meant as typed (lunch is no slip for launch).
    const everyday = /^[a-z]+$/.test(typed) && isCommonEnglish(typed);
    // A device numbered from zero (docker0, eth0, br0) is a name, not a slip of a note word; WSL2 is WSL's version.
    const numbered = shape === 'identifier' && /[a-z]0$/.test(typed);
    const repaired = numbered
      ? undefined
      : everyday
        ? spokenBand(typed) > MOST_SPOKEN_BAND
          ? repair.correct(typed, { everyday: true })
          : undefined
        : (repair.correct(token) ?? repairTyped(typed));
    if (repaired) return { token: repaired, trust: repairTrust(token), kind: 'known', ofDocker: false };
    // A number the notes never mention ("Windows 10") says nothing about the topic.
    if (/^\d+$/.test(token)) return undefined;
    // "teh", "wich", "waht": a function word mistyped, not a name.
    if (/^[a-z]+$/.test(typed) && (isFunctionWordSlip(typed) || (!everyday && everydaySlipOf(typed))))
      return { token, trust: 1, kind: 'chatter', ofDocker: false };
    const foreign =
      /^[a-z][a-z'-]+$/.test(typed) &&
      !everyday &&
      !isCommonEnglish(token) &&
      !isPrefixedEveryday(typed) &&
      !isInflectedEveryday(typed);
    if ((shape === 'identifier' || foreign) && typed.length <= MAX_TOPIC_WORD) return topic(false);
    const rarity = shape ? undefined : contentRarity(typed, token);
    if (rarity) return { token, trust: 1, kind: 'content', ofDocker: false, rarity };
    return { token, trust: 1, kind: 'chatter', ofDocker: false };
  }

  /**
   * A Korean word the normaliser cut into a known word and a leftover (쿠버내티스 → 쿠버 + 내티스) may be one
   * misspelt word: when the whole of it repairs to a known word, it is that word.
   */
  function mendSplitTypos(words: Word[]): Word[] {
    return words.flatMap((w, i) => {
      const run = words.filter((x) => x.typed === w.typed);
      if (run.length < 2 || !isHangul(w.typed) || run.every((x) => isKnown(x.token))) return [w];
      if (words.findIndex((x) => x.typed === w.typed) !== i) return [];
      const bare = w.typed.replace(/(?:이|가|은|는|을|를|의|에|도|로|으로|에서)$/, '');
      const repaired = repair.correct(bare);
      return repaired ? [{ token: repaired, typed: w.typed }] : run;
    });
  }

  /** A word that names something (a subject), not what is wanted of it (확인, 설명) or how (먼저, 따로). */
  const names = (w: { kind: WordKind; token: string }) =>
    w.kind === 'topic' ||
    (w.kind === 'known' &&
      !LEXICON.intentConcepts.has(w.token) &&
      !LEXICON.modifiers.has(w.token) &&
      // A filler a note happens to use (내용 in "도커 전체 내용 확인") names nothing in a question either.
      !LEXICON.koreanFillers.has(w.token));

  /**
   * Everyday words that are technical in a question about Compose (profiles, ports) or Kubernetes
   * (service, job, rollout): the vocabulary of the subject the question names.
   */
  function domainOf(tokens: Set<string>): Set<string> {
    const domain = new Set<string>();
    const add = (words: Iterable<string>) => {
      for (const w of words) domain.add(w);
    };
    if (tokens.has('compose')) add(COMPOSE_KEY_WORDS);
    // "the history of an image", "sign our images", "save a container": what Docker's own commands do to them.
    if (tokens.has('image') || tokens.has('container')) add(DOCKER_OBJECT_OPERATIONS);
    if (tokens.has('kubernetes') || tokens.has('kubectl')) {
      add(KUBERNETES_KINDS);
      add(CLI.kubectl);
    }
    return domain;
  }

  /**
   * Each question word once, with how far to trust it (typo repair), its weight (a question sentence
   * counts fully, context less, chat not at all) and whether it is part of what is asked (focus).
   */
  function questionWords(question: string): {
    words: QuestionWord[];
    actions?: Action[];
    prose?: Set<string>;
    /** A sentence of the message asks nothing: the asker tells a story around the question. */
    toldStory?: boolean;
    chat?: Answer['chat'];
    /** What the asker says they know already (see Message.known). */
    known?: string[];
    /** A question speaks to the bot (see Message.toBot). */
    toBot?: boolean;
    /** The message states something and asks nothing (see Message.states). */
    states?: boolean;
    /** What says the answer did not help (see Message.failing). */
    failing?: string;
    /** A sentence of the message asks or requests something. */
    asks?: boolean;
    /** The text of the sentences read as what is asked. */
    askedText: string;
  } {
    const message = readMessage(question);
    if (message.chat) return { words: [], chat: message.chat, askedText: '' };
    // What the message says outside quoted code: an operation only shown there is not asked for. A sentence
    // without code says it in the words just read; only one with code is read again, the code left out.
    const prose = new Set<string>();
    const tokenized = message.sentences.map((s) => {
      const words = tokenizeWords(s.text);
      const outsideCode = s.text.replace(CODE_SPAN, ' ');
      for (const token of outsideCode === s.text ? words.map((w) => w.token) : tokenize(outsideCode)) prose.add(token);
      return { ...s, words: dropAspectVerbs(mendSplitTypos(words), s.text) };
    });
    const domain = domainOf(new Set(tokenized.flatMap((s) => s.words.map((w) => w.token))));
    // "nginx 이미지", "the redis image": the software an image holds is what it carries, the notes' own example of
    // that (mysql) being one, not another subject.
    // Only written right before the word for an image: "jenkins in a container", "the jenkins container" say where
    // something runs, which is about that software.
    const carried = (ws: Word[], i: number, lower: string) =>
      PACKAGED_SOFTWARE.has(ws[i]!.token) &&
      ws[i + 1]?.token === 'image' &&
      lower.includes(`${ws[i]!.typed} ${ws[i + 1]!.typed}`.toLowerCase());
    const classified = (ws: Word[], text: string) => {
      const lower = text.toLowerCase();
      return ws.flatMap((w, i) => {
        const c = classify(w, domain);
        if (c?.kind === 'topic' && !c.ofDocker && w.shape !== 'command' && carried(ws, i, lower)) return [];
        return c ? [{ ...c, typed: w.typed }] : [];
      });
    };
    const bySentence = tokenized.map((s) => ({
      role: s.role,
      text: s.text,
      sentence: s.sentence,
      words: classified(s.words, s.text),
    }));
    // The question sentences are what is asked. One that names nothing ("그게 뭔가요?", "이게 뭘 보여주는
    // 거예요?") asks about the clause before it; a message that asks nothing (a bare topic) is all question.
    // "도커로 하면 과정이 어떻게 달라지는지 비교해 주세요" after "예전엔 서버에 mysql을 직접 설치했거든요": a
    // comparison naming one side compares it with the story before it; "도커와 쿠버네티스 차이" names both.
    const comparesWithStory = (s: (typeof bySentence)[number]) =>
      s.words.some((w) => w.token === 'difference') && new Set(s.words.filter(names).map((w) => w.token)).size <= 1;
    // An operation alone names no subject: "어떻게 고쳐요?", "how do I fix it?" after the story of what broke.
    const onlyOperations = (s: (typeof bySentence)[number]) =>
      s.words.every((w) => w.kind === 'chatter' || (w.kind === 'known' && LEXICON.operations.has(w.token)));
    // "왜 그렇게 하라는 건지 이유가 나와 있나요?", "why would we do that?": the reason for what the story says,
    // not Docker's advantages.
    const reasonOfStory = (s: { text: string }, w: { token: string; typed: string }) =>
      w.token === 'advantage' && REASON.test(w.typed) && POINTS_BACK.test(s.text);
    // "WSL은 왜 필요해요?", "why put /var/lib/docker on its own disk?": the reason for the subject the message names,
    // which that subject's note gives, not Docker's advantages.
    // (Not a word repaired from a typo: "directly" is no directory.)
    const namedInMessage = new Set(
      bySentence.flatMap((s) => s.words.filter((w) => names(w) && w.trust === 1).map((w) => w.token)),
    );
    // 왜 써요 is read as the advantages whole ("도커를 왜 써요?"), so its why is in the sentence, not the word.
    const reasonOfSubject = (w: { token: string; typed: string }, text: string) =>
      w.token === 'advantage' &&
      (REASON.test(w.typed) || (w.typed === w.token && WHY_USE.test(text))) &&
      [...namedInMessage].some((t) => t !== w.token && subjectTitleWords.has(t));
    const hasSubject = (s: (typeof bySentence)[number]) =>
      s.words.some((w) => names(w) && !reasonOfStory(s, w)) && !onlyOperations(s) && !comparesWithStory(s);
    const focused = new Set(bySentence.filter((s) => s.role === 'question' && hasSubject(s)));
    // "다들 '클러스터'라는 말을 쓰는데 정확한 정의가 뭔가요?": asked for a definition and naming nothing, a clause
    // asks it of the clause before it in its sentence, whatever the other sentences ask.
    if (focused.size > 0)
      bySentence.forEach((s, k) => {
        const before = bySentence[k - 1];
        const asksDefinition = s.words.some((w) => w.token === 'definition');
        if (
          s.role === 'question' &&
          asksDefinition &&
          !hasSubject(s) &&
          before?.sentence === s.sentence &&
          hasSubject(before)
        )
          focused.add(before).add(s);
      });
    // The story sentence a question naming nothing asks about ("이 명령이 뭘 보여줘요?" after what was typed).
    const toldFocus = new Set<(typeof bySentence)[number]>();
    if (focused.size === 0) {
      const lastQuestion = bySentence.map((s) => s.role).lastIndexOf('question');
      // "What's the thing they need before they can install Docker?": the clause after the asking one, in the
      // same sentence, says what it asks about; else the sentence before it does.
      const asked = bySentence[lastQuestion];
      const after = bySentence
        .slice(lastQuestion + 1)
        .find((s) => asked !== undefined && s.sentence === asked.sentence && hasSubject(s));
      // A clause of the story that names something of the notes, before one that names only other things
      // ("I keep seeing 'docker engine' | in our runbooks."); where the asker is ("in our old wiki") is scenery.
      const story = bySentence.slice(0, Math.max(lastQuestion, 0)).filter((s) => !isOwnSetting(s.text));
      const namesKnown = (s: (typeof bySentence)[number]) => s.words.some((w) => w.kind === 'known' && names(w));
      const before = after ?? (story.filter(namesKnown).slice(-1)[0] || story.filter(hasSubject).slice(-1)[0]);
      // "리뷰에 '컨테이너는 일회용이라 생각하세요'라고 달렸는데 무슨 뜻이에요?": what is quoted is asked about,
      // the words around the quote are the story.
      // Every quote: "'쿠버네티스 띄운다'랑 '클러스터 띄운다'가 섞여 나와요" asks about both.
      const quoted = before && [...before.text.matchAll(QUOTED)].map((m) => m[1]).join(' ');
      const quote = quoted
        ? {
            role: 'question' as const,
            text: quoted,
            sentence: before.sentence,
            words: classified(tokenizeWords(quoted), quoted),
          }
        : undefined;
      if (quote && hasSubject(quote)) bySentence.push(quote);
      const subject = quote && hasSubject(quote) ? quote : before;
      const promoted = subject ? bySentence.filter((s) => s === subject || s.role === 'question') : bySentence;
      for (const s of promoted) focused.add(s);
      if (lastQuestion >= 0) for (const s of promoted) if (s.role !== 'question') toldFocus.add(s);
    }
    // "engine 말고 나머지 컴포넌트는?", "other than the engine": what is set aside is not what is asked.
    // A case left out whole is set aside only where no other sentence asks about its words ("허브에서 받는 경우
    // 말고요. 허브에 올리는 건 어떻게 해요?").
    const usedElsewhere = (a: { token: string; sentence: number }) =>
      tokenized.some((t, k) => k !== a.sentence && t.words.some((w) => w.token === a.token));
    const asides = message.sentences
      .flatMap((s, k) => setAsideTokens(s.text).map((a) => ({ ...a, sentence: k })))
      .filter((a) => !a.wholeCase || !usedElsewhere(a));
    const setAside = new Set(asides.map((a) => a.token));
    const askingSentences = new Set([...focused].map((s) => s.sentence));
    const merged = new Map<string, QuestionWord>();
    for (const sentence of bySentence) {
      const focus = focused.has(sentence);
      const weight = focus ? 1 : askingSentences.has(sentence.sentence) ? CLAUSE_WEIGHT : CONTEXT_WEIGHT;
      const told = toldFocus.has(sentence);
      for (const [k, w] of sentence.words.entries()) {
        if (reasonOfStory(sentence, w) || reasonOfSubject(w, sentence.text)) continue;
        // "받아둔 이미지 목록", "pulled images": an operation done before says which things, not what is asked.
        const describes = describesNext(w, sentence.words[k + 1]);
        const seen = merged.get(w.token);
        if (!seen)
          merged.set(w.token, {
            ...w,
            weight: describes ? weight * CONTEXT_WEIGHT : weight,
            focus: focus && !describes,
            ...(told ? { told } : {}),
          });
        else {
          if (!told && seen.told) delete seen.told;
          seen.trust = Math.max(seen.trust, w.trust);
          if (weight > seen.weight) Object.assign(seen, { weight, focus, typed: w.typed });
        }
      }
    }
    // "WSL 설치는 어떻게 해요? 명령어 하나로 되나요?": a question beside the asking one, naming no subject, asks
    // the kind of detail it names (a command, a format, an option) of that one's subject.
    // Not one put to the bot ("너 명령어 뭐 있어?") or about an earlier answer ("저번에 알려준 명령어는 잘 됐어요?").
    const asksDetailOfSubject = (s: (typeof bySentence)[number]) =>
      s.role === 'question' &&
      !focused.has(s) &&
      !hasSubject(s) &&
      !speaksToBot(s.text) &&
      !speaksOfEarlierAnswer(s.text);
    if (focused.size > 0)
      for (const s of bySentence.filter(asksDetailOfSubject))
        for (const w of s.words) {
          const word = merged.get(w.token);
          if (word && DETAIL_KINDS.has(w.token)) Object.assign(word, { weight: 1, focus: true });
        }
    const excluded = new Set(asides.filter((a) => a.excluded).map((a) => a.token));
    // Code replaced by other code ("`$()` 대신 백틱") is still what the sentence is about, though not what it asks
    // for; a thing done instead of another ("삭제 대신 중지") is not.
    const replacedCode = new Set(asides.filter((a) => !a.excluded && a.code).map((a) => a.token));
    const leftOutCase = new Set(asides.filter((a) => a.excluded && a.wholeCase).map((a) => a.token));
    for (const token of setAside) {
      const w = merged.get(token);
      if (!w) continue;
      // A case left out whole ("허브에서 받아 쓰는 경우 말고") makes no note closer: it weighs nothing.
      const weight = replacedCode.has(token)
        ? Math.min(w.weight, CLAUSE_WEIGHT)
        : leftOutCase.has(token)
          ? 0
          : CONTEXT_WEIGHT;
      Object.assign(w, { weight, focus: false, excluded: excluded.has(token) });
    }
    for (const token of exampleOnlyTokens(message.sentences.map((s) => s.text).join('\n'))) {
      const w = merged.get(token);
      if (w) Object.assign(w, { weight: CONTEXT_WEIGHT, focus: false });
    }
    const actions = bySentence.filter((s) => focused.has(s)).flatMap(actionsOf);
    const toldStory = bySentence.some((s) => !askingSentences.has(s.sentence) && s.words.length > 0);
    const known = message.known;
    return {
      words: [...merged.values()],
      actions,
      prose,
      toldStory,
      ...(known ? { known } : {}),
      ...(message.toBot ? { toBot: true } : {}),
      ...(message.states ? { states: true } : {}),
      ...(message.failing ? { failing: message.failing } : {}),
      ...(message.sentences.some((s) => s.role === 'question') ? { asks: true } : {}),
      askedText: bySentence
        .filter((s) => focused.has(s))
        .map((s) => s.text)
        .join(' '),
    };
  }

  /**
   * A word's share of the question: IDF for note words and topic words, chatter adding up sublinearly.
   * A topic word of the context (the nginx of "nginx 띄웠는데 …") is scenery, weighing like chatter.
   */
  function weigh(words: QuestionWord[]): number[] {
    const isChatter = (w: QuestionWord) => w.kind === 'chatter' || (w.kind !== 'known' && !w.focus);
    // Chatter adds up sublinearly: a long, polite question is not less about its topic.
    const chatter = words.filter(isChatter).length;
    // "누가 해요?", "which part of Docker does it": asked of Docker's own work, who does it is the subject (the engine's
    // note against the flow it runs); asked of anything else ("who won the game") it is an intent word.
    const ofDockerWork = words.some((w) => w.focus && LEXICON.dockerWorld.has(w.token) && w.token !== 'docker');
    const weightOf = (w: QuestionWord) =>
      w.token === 'role' && w.focus && ofDockerWork ? idf(w.token) / INTENT_WEIGHT : idf(w.token, w.kind, w.rarity);
    const weights = words.map(
      (w) => (isChatter(w) ? idf(w.token, 'chatter') / Math.sqrt(chatter) : weightOf(w)) * w.weight,
    );
    // However long the story, it is at most a third of the question.
    const sum = (focus: boolean) => weights.reduce((a, x, k) => a + (words[k]!.focus === focus ? x : 0), 0);
    const scale = Math.min(1, (MAX_CONTEXT_SHARE * sum(true)) / ((1 - MAX_CONTEXT_SHARE) * sum(false) || 1));
    return weights.map((x, k) => (words[k]!.focus ? x : x * scale));
  }

  /** The entries sharing a word with the question, best coverage first, at most candidateLimit. */
  function candidatesFor(words: QuestionWord[], weights: number[]): Candidate[] {
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    // Summed over the posting lists, so only entries sharing a word are touched.
    const touched: number[] = [];
    words.forEach((w, k) => {
      const list = postings.get(w.token);
      if (!list || weights[k] === 0) return;
      for (let j = 0; j < list.ids.length; j++) {
        const i = list.ids[j]!;
        if (coverage[i] === 0) touched.push(i);
        coverage[i]! += (list.weights[j]! * weights[k]! * w.trust) / totalWeight;
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
  function rank(candidates: Candidate[], tokens: string[], excluded: string[]): Array<Candidate & { score: number }> {
    const subset = Fuse.parseIndex<IndexedEntry>({
      keys: fuseRecords.keys,
      records: candidates.map((c, j) => ({ ...fuseRecords.records[c.i]!, i: j })),
    });
    const fuse = new Fuse(
      candidates.map((c) => c.item),
      FUSE_OPTIONS,
      subset,
    );
    // Fuse's bitap search costs per query token: only the words the notes have can match.
    const fuzzy = new Map(
      fuse
        .search(tokens.filter((t) => isKnown(t) && !isCommandToken(t)).join(' '))
        .map((r) => [r.item, 1 - (r.score ?? 1)]),
    );
    // Share of a word list (by weight) that the question names.
    const named = (words: string[]) => {
      const all = words.reduce((sum, t) => sum + idf(t), 0);
      return all === 0 ? 0 : words.reduce((sum, t) => sum + (tokens.includes(t) ? idf(t) : 0), 0) / all;
    };
    const aliasCoverage = (item: IndexedEntry) =>
      item.aliasTokens.reduce((best, alias) => Math.max(best, named(alias)), 0);
    // A note titled with what is left out ("engine 말고 나머지 컴포넌트") is the one the question is not about.
    const titledExcluded = (item: IndexedEntry) => {
      const all = item.titleTokens.reduce((sum, t) => sum + idf(t), 0);
      return all === 0 ? 0 : item.titleTokens.reduce((sum, t) => sum + (excluded.includes(t) ? idf(t) : 0), 0) / all;
    };
    // "컨테이너 하나면 k8s 말고 도커로 충분?": a question naming both sides of a title that compares them asks
    // for that comparison, whatever else it names (the overview note names Docker alone).
    const namesSide = (side: string[]) => side.some((t) => tokens.includes(t) && names({ kind: 'known', token: t }));
    const namesBothSides = (item: IndexedEntry) =>
      item.comparedSides.length === 2 && item.comparedSides.every(namesSide);
    return candidates
      .map((c) => ({
        ...c,
        score: round(
          0.5 * c.coverage +
            0.15 * named(c.item.titleTokens) +
            0.15 * aliasCoverage(c.item) +
            0.2 * (fuzzy.get(c.item) ?? 0) +
            (namesBothSides(c.item) ? BOTH_SIDES_BONUS : 0) -
            0.15 * titledExcluded(c.item),
        ),
      }))
      .sort((a, b) => b.score - a.score || a.item.entry.id.localeCompare(b.item.entry.id));
  }

  /**
   * A question that asks what something is, and whose every topic word is in one note's title,
   * asks for that note ("도커가 뭔가요? 신입이라 처음 들어봐서요") however much chatter surrounds
   * it. ("도커 스터디 언제 해요" names the title too, but asks something else.) A repaired word may
   * be mis-repaired chatter (hood → hold), so only the words as typed must all be in the title.
   */
  function namesTitleOf(best: IndexedEntry, question: string, words: QuestionWord[]): boolean {
    const inTitle = (t: string) => best.titleTokens.includes(t);
    const topicWords = words.filter((w) => w.focus && w.kind === 'known' && !LEXICON.intentConcepts.has(w.token));
    return (
      LEXICON.whatIsCue.test(question.normalize('NFC')) &&
      topicWords.some((w) => inTitle(w.token)) &&
      topicWords.every((w) => inTitle(w.token) || w.trust < 1)
    );
  }

  /**
   * Each install, delete or share asked for, with what it is asked of: docker in "도커 설치", the background in
   * "remove the background from a photo", the updates in "install windows updates". Korean puts the object
   * before the verb (skipping places: "서버에 설치"); English after it, the last word of its noun phrase.
   */
  function actionsOf({
    text,
    words,
  }: {
    text: string;
    words: Array<{ token: string; typed: string; kind: WordKind }>;
  }): Action[] {
    const isObject = (w: { token: string; kind: WordKind }) =>
      (w.kind === 'content' || w.kind === 'topic' || names(w)) && !LEXICON.operations.has(w.token);
    return words.flatMap((w, i) => {
      if (w.kind !== 'known' || !ACTION_OPERATIONS.has(w.token)) return [];
      let object: string | undefined;
      if (isHangul(text)) {
        // A bare noun before the thing it qualifies ("공개 저장소", "공개 이미지") says what kind of thing it is.
        const next = words[i + 1];
        if (/^[\uac00-\ud7a3]{2}$/.test(w.typed) && next && isObject(next) && next.kind !== 'content') return [];
        object = words
          .slice(0, i)
          .reverse()
          .find((x) => isObject(x) && !PLACE_PARTICLE.test(x.typed))?.token;
      } else {
        // "public images": an adjective of the operation says what kind of thing follows, as 공개 이미지 does.
        const next = words[i + 1];
        if (OPERATION_ADJECTIVES.has(w.typed) && next && isObject(next)) return [];
        // …unless the word just before it makes the two one noun ("docker install guide").
        const lower = text.normalize('NFC').toLowerCase();
        const at = lower.indexOf(w.typed);
        const before = new Set(at < 0 ? [] : tokenize(/(\S+)\s*$/.exec(lower.slice(0, at))?.[1] ?? ''));
        const phrase = new Set(at < 0 ? [] : tokenize(lower.slice(at + w.typed.length).split(PHRASE_END)[0]!));
        object =
          // (a word the notes lack before it is more likely a verb: "browse public images".)
          words.find((x) => before.has(x.token) && isObject(x) && x.kind !== 'content')?.token ??
          words.filter((x) => phrase.has(x.token) && isObject(x)).at(-1)?.token;
      }
      return object && object !== w.token ? [{ operation: w.token, object }] : [];
    });
  }

  /** A word that says what a question is about: a note word no note or nearly every note has is not one. */
  const meaningful = (w: QuestionWord) =>
    w.kind === 'known' &&
    w.weight > 0 &&
    !LEXICON.intentConcepts.has(w.token) &&
    postings.get(w.token)!.ids.length <= Math.max(1, indexed.length / 2);

  /** A word the question asks a note about: a meaningful note word, or a topic no note has (LUKS, xfs). */
  const askedOfNote = (w: QuestionWord) =>
    w.focus && (meaningful(w) || (w.kind === 'topic' && !isCommonEnglish(w.token) && !/^\d+$/.test(w.token)));

  /**
   * The answer; when no note answers, what the asker says they know already ("…라는 건 노트에서 봤어요. 근데
   * …는요?") names the note that covers that part: it is offered as covering part of the question.
   */
  function ask(message: string, options: { limit?: number } = {}): Answer {
    // Every pass below reads the question whole (choices, partial terms): only the part readMessage reads is
    // searched, so a pasted megabyte costs what 8,000 characters do.
    const question = scannedPart(message);
    const read = questionWords(question);
    const answer = answerOnStory(question, read, options);
    if (answer.outcome === 'answered' && read.known) return beyondKnown(question, read, read.known, answer);
    if (answer.outcome !== 'none' || answer.chat || !read.known) return answer;
    // Answered, or covered in part: either way the note holds what the asker says they know.
    const knownText = read.known.join(' ');
    const knownRead = questionWords(knownText);
    const part = answerOnce(knownText, knownRead, options);
    const note = part.outcome === 'none' ? undefined : part.matches[0];
    if (!note) return answer;
    const has = (w: QuestionWord) => indexedEntries.get(note.entry)?.tokenWeight.has(w.token) ?? false;
    const words = read.words;
    // What is asked beyond it: the asking words the note lacks, the ones no note has (LUKS, xfs) included.
    const asked = words.filter((w) => askedOfNote(w) && !LEXICON.intentConcepts.has(w.token));
    const covered = knownRead.words.filter((w) => meaningful(w) && has(w));
    // Only a note that holds something the asker names as known covers a part ("도커가 컨테이너로 실행한다는 건
    // 알겠어요" names nothing a note has on its own).
    if (covered.length === 0) return answer;
    return {
      query: question,
      outcome: 'partial',
      answered: false,
      matches: [note, ...answer.matches.filter((m) => m.entry !== note.entry)].slice(0, options.limit ?? 3),
      partial: partialTerms(
        question,
        covered,
        asked.filter((w) => !has(w)),
      ),
    };
  }

  /**
   * "`$()`가 안쪽을 먼저 돌린다는 건 봤어요. 근데 백틱이랑 차이가 있나요?": answered by the note of what the asker says
   * they know, the question goes beyond it when it asks about words the note lacks: the note covers part of it.
   */
  function beyondKnown(
    question: string,
    read: ReturnType<typeof questionWords>,
    known: string[],
    answer: Answer,
  ): Answer {
    const note = answer.matches[0] && indexedEntries.get(answer.matches[0].entry);
    if (!note) return answer;
    const knownTokens = new Set(tokenize(known.join(' ')));
    const has = (w: QuestionWord) => note.tokenWeight.has(w.token);
    const missing = read.words.filter((w) => askedOfNote(w) && !knownTokens.has(w.token) && !has(w));
    if (missing.length === 0) return answer;
    const covered = read.words.filter((w) => knownTokens.has(w.token) && meaningful(w) && has(w));
    if (covered.length === 0) return answer;
    return { ...answer, outcome: 'partial', answered: false, partial: partialTerms(question, covered, missing) };
  }

  /**
   * A long story dilutes how much of the note a message covers, however plainly its question asks about it: when
   * the note leading on the whole message answers the question sentences alone, it answers. Only when the story
   * names nothing else: no word no note knows, no other note's title word the lead lacks (the ENTRYPOINT and CMD
   * a story's "them" points back to; the swarm of "스웜 설명에 …라는 말이 나오던데").
   */
  function answerOnStory(
    question: string,
    read: ReturnType<typeof questionWords>,
    options: { limit?: number },
  ): Answer {
    const first = answerOnce(question, read, options);
    const lead = first.matches[0] && indexedEntries.get(first.matches[0].entry);
    if (first.outcome === 'answered' || !read.toldStory || !lead) return first;
    const namesElse = (w: QuestionWord) =>
      w.kind !== 'known' ||
      (!lead.tokenWeight.has(w.token) && indexed.some((x) => x !== lead && x.titleTokens.includes(w.token)));
    if (read.words.some((w) => !w.focus && names(w) && namesElse(w))) return first;
    const asked = answerOnce(question, { ...read, words: read.words.filter((w) => w.focus) }, options);
    return asked.outcome === 'answered' && asked.matches[0]?.entry === lead.entry ? asked : first;
  }

  /** The answer to a question as questionWords read it (read once: ask needs the reading too). */
  function answerOnce(
    question: string,
    read: ReturnType<typeof questionWords>,
    { limit = 3 }: { limit?: number } = {},
  ): Answer {
    const none = (matches: Match[] = []): Answer => ({ query: question, outcome: 'none', answered: false, matches });
    const {
      words,
      actions = [],
      prose = new Set<string>(),
      toldStory = false,
      chat,
      toBot = false,
      states = false,
      failing,
      asks,
      askedText,
    } = read;
    if (chat) return { ...none(), chat };
    // "넌 누가 만들었어?", "what can I ask you?", "도커 말고 다른 것도 알아?": asked of the bot and naming nothing of
    // Docker's world (nor a word no note knows), it asks what the bot is, and gets the help.
    const namesSubject = (w: QuestionWord) =>
      w.kind === 'topic' ||
      w.kind === 'content' ||
      (w.kind === 'known' &&
        (LEXICON.dockerWorld.has(w.token) || SYNTAX_TOKENS.has(w.token)) &&
        (w.focus || w.token !== 'docker'));
    // "아직도 안 되는데요 ㅠㅠ", "same error as before": the answer did not help, and nothing else is named (the network
    // of "네트워크가 여전히 안 돼요" is what to search): an apology and how to ask again.
    if (failing) {
      const failure = new Set(tokenize(failing));
      if (!words.some((w) => !failure.has(w.token) && (namesSubject(w) || names(w))))
        return { ...none(), chat: 'sorry' };
    }
    if (toBot && !words.some(namesSubject)) return { ...none(), chat: 'help' };
    // "다시 설명해 줄래요?", "ㅋㅋ 귀엽네", "음…": a message naming nothing at all asks the notes nothing. Asking, it
    // gets the help; else a brief reply and how to ask. Asking how ("밥 짓는 법") it asks about something, if
    // only in words too plain to tell: not covered.
    if (!words.some((w) => namesSubject(w) || names(w)) && !HOW_TO.test(question))
      return { ...none(), chat: asks ? 'help' : 'greeting' };
    // "금일 점검 작업 정상 완료되었습니다.", "On leave tomorrow, Rahul is covering": a statement to the room naming nothing
    // of Docker's world (no Docker word, no word a note is titled with, no Docker term) gets a brief reply.
    // (A name, Rahul or nginx, is no subject of a note: "Rahul is covering the queue".)
    const ofDockerWorld = (w: QuestionWord) =>
      (w.kind === 'topic' && w.ofDocker) ||
      (w.kind === 'known' &&
        names(w) &&
        (LEXICON.dockerWorld.has(w.token) || SYNTAX_TOKENS.has(w.token) || subjectTitleWords.has(w.token)));
    if (states && !words.some(ofDockerWorld)) return { ...none(), chat: 'greeting' };
    const weights = weigh(words);
    const candidates = words.length > 0 ? candidatesFor(words, weights) : [];
    if (candidates.length === 0) return none();
    const ranked = rank(
      candidates,
      words.map((w) => w.token),
      words.filter((w) => w.excluded).map((w) => w.token),
    );
    // A note that does an asked operation to the asked thing ("윈도우 도커 설치") answers better than one
    // close ahead of it that has both words apart ("mysql 설치", "도커 방식").
    // "프로그램을 설치", "install the app": a program in general is any the note's example does it to (mysql 설치).
    const doesToProgram = (c: Candidate, a: Action) =>
      a.object === 'application' &&
      c.item.examplesSoftware &&
      noteDoesTo(c.item, a.operation, (t) => PACKAGED_SOFTWARE.has(t));
    const doesAsked = (c: Candidate) =>
      actions.every((a) => !c.item.tokenWeight.has(a.operation) || noteDoes(c.item, a) || doesToProgram(c, a));
    if (!doesAsked(ranked[0]!)) {
      const at = ranked
        .slice(1, 3)
        .findIndex(
          (c) =>
            c.score >= ranked[0]!.score - RERANK_MARGIN &&
            actions.some((a) => c.item.tokenWeight.has(a.operation)) &&
            doesAsked(c),
        );
      if (at >= 0) ranked.unshift(...ranked.splice(at + 1, 1));
    }
    const has = (c: Candidate, w: { token: string }) => c.item.tokenWeight.has(w.token);
    const choices = choicesIn(question);
    const focus = words.filter((w) => w.focus);
    // "Which part of Docker pulls the image and runs the container?", "누가 담당해요?": asked who does what a note
    // says someone does, and not the steps of it, the note about the doer answers.
    if (focus.some((w) => w.token === ROLE) && !focus.some((w) => w.token === 'flow')) {
      const doer = (c: Candidate) => {
        const named = c.item.titleTokens.filter((t) => t !== 'docker');
        return named.length > 0 && ranked[0]!.item.doers.some((who) => named.every((t) => who.includes(t)));
      };
      const at = ranked.slice(1, 3).findIndex(doer);
      if (at >= 0) ranked.unshift(...ranked.splice(at + 1, 1));
    }
    const allWeight = weights.reduce((a, b) => a + b, 0);
    const weightOf = (which: (w: QuestionWord) => boolean) =>
      words.reduce((sum, w, k) => sum + (which(w) ? weights[k]! : 0), 0);
    /** A note's coverage of the question with `removed` of its weight left out; `otherwise` if nothing is left. */
    const coverageWithout = (coverage: number, removed: number, otherwise: number) =>
      allWeight > removed ? (coverage * allWeight) / (allWeight - removed) : otherwise;
    // What the question asks, whichever note answers it: read once, before the notes are weighed.
    const asksHow = HOW_TO.test(question);
    // "is it read-only?" is answered by a note saying what it is instead; "can I make it read-only?" is not.
    const saysContrary = !asksHow && !TO_MAKE_SO.test(askedText);
    // A participle (설치된 이미지, 중지된 컨테이너, deleted images) says what state a thing is in, not what to do.
    // An operation only inside quoted code (`docker rm $(…)` in "what is this syntax?") is shown, not asked.
    // So is one typed as a command line's subcommand: the rm of "docker rm $(docker ps -aq) 에서 $( )는 뭐예요?".
    const typedAsCommand = (w: QuestionWord) =>
      words.some((x) => x.token.includes(':') && x.typed.endsWith(` ${w.typed}`));
    const operations = focus.filter(
      (w) =>
        w.kind === 'known' &&
        LEXICON.operations.has(w.token) &&
        !PARTICIPLE.test(w.typed) &&
        !CONDITION_OR_REPORT.test(w.typed) &&
        prose.has(w.token) &&
        !typedAsCommand(w),
    );
    const versions = comparedVersions(question);
    const measuresAsked = MEASURES.flatMap(({ measure, asked }) => {
      // Only as asked: "서버 몇 대 묶어놓은 거로 이해하면 되나요" guesses at an answer, naming no measure.
      const typed = asked.exec(askedText.normalize('NFC'))?.[0];
      return typed ? [{ measure, word: detailWord(typed) }] : [];
    });
    // The unit of a measure asked (the GB of "몇 GB") is part of that detail, not another subject's word.
    const measureUnits = new Set(measuresAsked.flatMap((m) => tokenize(m.word.typed)));
    const platformWords = words.filter((w) => LEXICON.platforms.has(w.token));
    // One shared word does not carry an answer when the question also names things no note knows: 격리 in
    // "코로나 격리 기간", Windows in "Windows 블루투스 연결" are another sense of the note's word.
    // A rare word of the story a question points back to ("nuke", "box") is the story's, when there is more story.
    const namesElse = focus.some((w) => w.kind === 'content' && !(w.told && toldStory));
    const dockerWords = focus.filter((w) => LEXICON.dockerWorld.has(w.token));
    /** How far one note answers the question: what it lacks, and whether it may answer with confidence. */
    const assess = (best: Candidate & { score: number }) => {
      // "container ls 하면 멈춘 것도 나와?" on the note that lists running containers only: the note says no. How
      // to list them too ("보려면", "how do I") it does not say.
      const saysStateLeftOut = best.item.listsRunningOnly && !asksHow;
      // "yml or json?", "YAML이야 JSON이야?": the note that names one of the choices answers which it is.
      const otherChoice = (w: QuestionWord) =>
        choices.some(
          ([a, b]) =>
            (a.includes(w.token) && b.some((t) => has(best, { token: t }))) ||
            (b.includes(w.token) && a.some((t) => has(best, { token: t }))),
        );
      // "맥이랑 다르게 윈도우에선": the platform the note is for is asked about; the others are compared with.
      const forNotePlatform = platformWords.some((w) => best.item.titleTokens.includes(w.token));
      // What is asked about that the best note lacks: topic words of a question sentence, and the
      // operations asked for when the note has none of them.
      // "instead of installing postgres" on the note whose example is mysql: another program in the example's place.
      const inExamplePlace = (token: string) => PACKAGED_SOFTWARE.has(token) && best.item.examplesSoftware;
      const missing = focus.filter(
        (w) =>
          w.kind === 'topic' &&
          !inExamplePlace(w.token) &&
          !measureUnits.has(w.token) &&
          !has(best, w) &&
          !(saysStateLeftOut && w.token === 'stopped') &&
          !(saysContrary && (CONTRARY.get(w.token) ?? []).some((t) => best.item.tokenWeight.has(t))) &&
          !otherChoice(w) &&
          !(forNotePlatform && LEXICON.platforms.has(w.token)),
      );
      if (operations.length > 0 && !operations.some((w) => has(best, w))) missing.push(...operations);
      // "what is docker run" on the note of "docker run -v": the command asked without the note's use of it.
      for (const w of focus) {
        const flags = best.item.flaggedCommands.get(w.token);
        if (flags && !words.some((x) => flags.includes(x.token)) && !missing.includes(w)) missing.push(w);
      }
      // An operation the note has, asked of something the note lacks ("이미지 배경 지우기", "install windows
      // updates"): what the note deletes or installs is something else.
      const misapplied = actions.filter(
        (a) =>
          best.item.tokenWeight.has(a.operation) && !best.item.tokenWeight.has(a.object) && !inExamplePlace(a.object),
      );
      for (const w of operations)
        if (misapplied.some((a) => a.operation === w.token) && !missing.includes(w)) missing.push(w);
      // The kind of detail asked for, which the note does not give: a command ("wsl 설치 명령어 알려줘" on a note
      // that shows none and never speaks of one; "명령어 실행" is the engine's job), a syntax or format ("the exact
      // syntax for a bind mount with -v" on a note that never speaks of one).
      const lacked = (token: string) => focus.find((w) => w.kind === 'known' && w.token === token && !has(best, w));
      // Or a measure ("몇 초 걸려요", "최소 몇 GB", "how many manager nodes") the note gives no figure of.
      const detailsAsked = [
        best.item.showsCommand ? undefined : lacked('command'),
        lacked('format'),
        // (A limit asked, "몇 대부터", "cap how much disk", is that detail already.)
        ...(missing.some((w) => w.token === 'limit')
          ? []
          : measuresAsked.filter((m) => !best.item.measuresGiven.has(m.measure)).map((m) => m.word)),
      ].filter((w): w is QuestionWord => w !== undefined);
      missing.push(...detailsAsked);
      // A note titled with one operating system (WSL: 윈도우에서 도커 사용) does not answer for another ("install
      // docker on ubuntu", "맥에 도커 설치").
      const notePlatforms = best.item.titleTokens.filter((t) => LEXICON.platforms.has(t));
      const otherPlatforms = platformWords.filter((w) => !notePlatforms.includes(w.token) && !missing.includes(w));
      if (notePlatforms.length > 0 && !words.some((w) => notePlatforms.includes(w.token)))
        missing.push(...otherPlatforms);
      // "WSL1이랑 WSL2 차이", "Windows 10 or 11": versions compared that the note does not tell apart.
      for (const version of versions)
        if (!best.item.squashedSearched.includes(squashed(version))) missing.push(detailWord(version));
      // An answer must name something of the note: its intent and modifier words alone (확인, 따로) do not.
      const namedCovered = new Set(
        focus.filter((w) => w.kind === 'known' && names(w) && has(best, w)).map((w) => w.token),
      );
      // A question of Docker's world is not answered by a note that has none of its Docker words (Docker itself
      // is every question's setting here): "a shell inside a running container" shares shell and run with the
      // $() note, not its subject.
      const lacksSubject = dockerWords.some((w) => w.token !== 'docker') && !dockerWords.some((w) => has(best, w));
      const oneWordOnly = namedCovered.size === 1 && namesElse;
      // "run a container in the background", "컨테이너를 백그라운드로 실행하려면": words of most notes (run,
      // container) carry no answer when a rarer word the question asks about is in none of them.
      const inMostNotes = (token: string) => (postings.get(token)?.ids.length ?? 0) > indexed.length / 2;
      const onlyCommonWords =
        [...namedCovered].every(inMostNotes) && focus.some((w) => w.kind === 'content' && !w.told && !has(best, w));
      // "멈춘 컨테이너도 보여?" on the note that lists running ones only: its saying so covers the state asked.
      const stateWeight = saysStateLeftOut ? weightOf((w) => w.token === 'stopped' && !has(best, w)) : 0;
      const coverage = stateWeight > 0 ? coverageWithout(best.coverage, stateWeight, best.coverage) : best.coverage;
      // "회사 PC가 윈도우인데 도커를 돌리려면": the note for the platform the message names, asked about Docker there.
      // Every Docker word it asks about must be the note's: "windows laptop, where does docker keep its images" is not.
      const forItsPlatform =
        forNotePlatform &&
        words.some((w) => LEXICON.dockerWorld.has(w.token) && has(best, w)) &&
        dockerWords.every((w) => has(best, w));
      const confident =
        namedCovered.size > 0 &&
        !oneWordOnly &&
        !onlyCommonWords &&
        !lacksSubject &&
        (coverage >= minCoverage ||
          forItsPlatform ||
          namesTitleOf(best.item, question, words) ||
          // Docker is every question's setting: standing out on it alone says nothing ("docker 스터디 언제 해요").
          ([...namedCovered].some((t) => t !== 'docker') && standsOut(best)));
      return { missing, detailsAsked, namedCovered, lacksSubject, oneWordOnly, confident };
    };
    // A long message covers little of any note, however plainly it asks about one: a note far ahead of every
    // other, and the question naming nothing else, is the one asked about. Where the asker tells a story, words
    // no note knows are mostly the story's (교육 자료, 눈높이); the two or more words the note covers still must be
    // there (oneWordOnly).
    const standsOut = (c: Candidate & { score: number }) =>
      (!namesElse || toldStory) &&
      c.score >= STAND_OUT_SCORE &&
      ranked.every((o) => o === c || c.score - o.score >= STAND_OUT_LEAD);
    // "도커 방식에서 '프로그램 실행'은 뭐랑 같은 거예요?": a phrase quoted as one note has it word for word is where the
    // asker read it, before a note close ahead of it that has the words apart.
    const quotedPhrases = [...question.normalize('NFC').matchAll(QUOTED)]
      .map((m) => squashed(m[1]!))
      .filter((p) => p.length >= 4);
    const quotes = (c: Candidate) => quotedPhrases.some((p) => c.item.squashedSearched.includes(p));
    if (quotedPhrases.length > 0 && !quotes(ranked[0]!)) {
      const at = ranked.slice(1, 3).findIndex((c) => c.score >= ranked[0]!.score - RERANK_MARGIN && quotes(c));
      if (at >= 0) ranked.unshift(...ranked.splice(at + 1, 1));
    }
    let verdict = assess(ranked[0]!);
    // A close second that answers the whole question beats a first that lacks part of it (the overview note
    // against the listing note that shows the command asked for).
    // Or, unsure of itself, names nothing the question asks about but Docker: the overview note against the one
    // that shows where Docker keeps its data.
    const namesNoTitleWord = (c: Candidate) =>
      !focus.some((w) => w.token !== 'docker' && names(w) && c.item.titleTokens.includes(w.token));
    if (verdict.missing.length > 0 || (!verdict.confident && namesNoTitleWord(ranked[0]!))) {
      const at = ranked.slice(1, 3).findIndex((c) => {
        if (c.score < ranked[0]!.score - RERANK_MARGIN) return false;
        const other = assess(c);
        return other.missing.length === 0 && other.confident;
      });
      if (at >= 0) {
        ranked.unshift(...ranked.splice(at + 1, 1));
        verdict = assess(ranked[0]!);
      }
    }
    const best = ranked[0]!;
    const { missing, detailsAsked, namedCovered, lacksSubject, oneWordOnly, confident } = verdict;
    const toMatch = (c: Candidate & { score: number }): Match => ({ entry: c.item.entry, score: c.score });
    if (missing.length === 0 && confident) {
      return { query: question, outcome: 'answered', answered: true, matches: ranked.slice(0, limit).map(toMatch) };
    }
    // Offered only when they share a word that says something about the topic ("did you mean").
    const related = (c: Candidate) =>
      c.coverage >= MIN_SUGGESTION_COVERAGE && words.some((w) => meaningful(w) && has(c, w));
    const ofDocker = (w: QuestionWord) =>
      w.ofDocker || LEXICON.operations.has(w.token) || LEXICON.platforms.has(w.token) || detailsAsked.includes(w);
    // A question about another subject (emacs, python) gets no Docker notes for sharing a word ("file").
    const otherSubject = missing.some((w) => !ofDocker(w));
    const offered = otherSubject ? [] : ranked.filter(related).slice(0, limit).map(toMatch);
    // Partial: the note has the question's subject and lacks something of Docker's world the question
    // asks about (a subcommand, a flag, a Compose key, an operation, a failure). A word of another world
    // (python, useMemo, Jetpack) makes the question another subject, however much Docker is around it.
    // The clauses around the asking one in its sentence name the subject too ("docker system df 보니까 … 정리하는
    // 명령은?"): the note must have something the sentence names.
    const asked = words.filter((w) => w.focus || w.weight >= CLAUSE_WEIGHT);
    // The containers of "how do I see stopped containers?", a word of most notes, are the part covered by the note
    // that lists containers and says it leaves the stopped ones out.
    const statedApart = best.item.listsRunningOnly && missing.some((w) => w.token === 'stopped');
    const titled = (w: QuestionWord) => statedApart && best.item.titleTokens.includes(w.token) && names(w);
    const covered = asked.filter((w) => (meaningful(w) || titled(w)) && has(best, w) && !missing.includes(w));
    const namedInSentence = asked.some((w) => w.kind === 'known' && names(w) && has(best, w));
    // The rest of the question, without what the note lacks, is what the note must answer well.
    const restCoverage = coverageWithout(
      best.coverage,
      weightOf((w) => missing.includes(w)),
      0,
    );
    // And it is about the note's subject or at least Docker's world: "coffee machine broken" shares a word
    // with a note, not a subject; "$() 안에 $() 중첩" names the note's title.
    const onSubject = asked.some(
      (w) =>
        LEXICON.dockerWorld.has(w.token) ||
        isCommandToken(w.token) ||
        (names(w) && w.kind === 'known' && best.item.titleTokens.includes(w.token)),
    );
    // "스웜 모드에서 overlay 네트워크 만드는 명령어", "k8s secret을 env로 주입하는 법": asked by the name of the note's
    // subject, a Docker term the note lacks (not a platform or an operation, which a word of another sense takes
    // too: "윈도우 레지스트리 편집기에서 지우는 법") is the part it does not cover, however little else it shares.
    // Not a subject word another word the note lacks qualifies (검색 엔진, 윈도우 레지스트리, a car engine): that is
    // another thing of the same name.
    const lowerQuestion = question.normalize('NFC').toLowerCase();
    const qualifiedAway = (w: QuestionWord) => {
      const at = lowerQuestion.indexOf(w.typed);
      const before = at < 0 ? '' : (/(\S+)\s*$/.exec(lowerQuestion.slice(0, at))?.[1] ?? '');
      // A bare noun right before it: no Korean particle or verb ending on it, no function word.
      if (
        !/^(?:[a-z][a-z-]*|[\uac00-\ud7a3]{2,4})$/.test(before) ||
        /[서고면는은을를이가에도로다요며게지]$/.test(before)
      )
        return false;
      // A word naming something the note lacks: 검색, car, an operating system the note is not for (윈도우).
      const qualifier = (t: string) =>
        !best.item.tokenWeight.has(t) &&
        words.some(
          (x) =>
            x.token === t && (x.kind === 'content' || LEXICON.platforms.has(t) || (x.kind === 'known' && names(x))),
        );
      return tokenize(before).some(qualifier);
    };
    const namesNoteSubject = () =>
      focus.some(
        (w) =>
          w.kind === 'known' &&
          w.token !== 'docker' &&
          names(w) &&
          best.item.titleTokens.includes(w.token) &&
          has(best, w) &&
          !qualifiedAway(w),
      );
    const lacksDockerTerm = () =>
      missing.some((w) => (w.ofDocker && !LEXICON.platforms.has(w.token)) || detailsAsked.includes(w));
    if (
      missing.length > 0 &&
      missing.every(ofDocker) &&
      onSubject &&
      namedInSentence &&
      covered.length > 0 &&
      !oneWordOnly &&
      (restCoverage >= minCoverage - PARTIAL_SLACK ||
        // A little further from the note when the question names nothing the notes lack ("CMD랑 ENTRYPOINT 차이").
        (!namesElse && restCoverage >= minCoverage - 2 * PARTIAL_SLACK) ||
        (restCoverage >= MIN_NAMED_SUBJECT_PARTIAL_COVERAGE && lacksDockerTerm() && namesNoteSubject()))
    ) {
      return {
        query: question,
        outcome: 'partial',
        answered: false,
        matches: [toMatch(best), ...offered.filter((m) => m.entry !== best.item.entry)].slice(0, limit),
        partial: partialTerms(question, covered, missing),
      };
    }
    // A question whose subject the note holds, two of its words and more, asking a detail beyond it ("delete all
    // stopped containers at once" on the note of what to delete first): the note covers part of it.
    const beyond = focus.filter((w) => !has(best, w) && w.kind === 'known');
    if (
      missing.length === 0 &&
      !otherSubject &&
      !lacksSubject &&
      !namesElse &&
      onSubject &&
      namedCovered.size >= 2 &&
      beyond.length > 0 &&
      best.coverage >= MIN_DETAIL_PARTIAL_COVERAGE
    ) {
      return {
        query: question,
        outcome: 'partial',
        answered: false,
        matches: [toMatch(best), ...offered.filter((m) => m.entry !== best.item.entry)].slice(0, limit),
        partial: partialTerms(question, covered, beyond),
      };
    }
    return none(offered);
  }

  return { entries, byId: (id) => byId.get(id), ask };
}

/** Inline or fenced code as Slack writes it. */
const CODE_SPAN = /```[\s\S]*?```|`[^`\n]*`/g;

/**
 * "A 말고", "A 빼고", "A 대신": the word or command before it (with a Latin word before that: "root dir 말고"); not
 * a verb ("깔지 말고" is "don't install", "설치하는 대신": the install is still what is talked about).
 */
const SET_ASIDE_KO =
  /((?:[^\s\uac00-\ud7a3]+\s+)?\S+?)\s*(?:말고는?|빼고는?|제외하고는?|외에도?|대신에?)(?![\uac00-\ud7a3])/gu;
/**
 * "허브에서 받아 쓰는 경우 말고", "허브에서 받아오는거 말고": a case told in a clause of its own before 말고 is set aside
 * whole, from the start of the clause (or a comma) to its head noun, written apart or onto the verb.
 */
const SET_ASIDE_KO_CASE =
  /(?:^|[,，]\s*)((?:[^\s,，]+\s+){1,6}?(?:경우|거|것|쪽|때|[^\s,，]*?(?:는|은|던|한|된|든|운)(?:거|것)))\s*(?:말고는?|빼고는?|대신에?)(?![\uac00-\ud7a3])/gu;
/** A verb before 말고 or 대신 (깔지 말고, 설치하는 대신): "don't", "instead of doing", not a thing set aside. */
const VERB_BEFORE_SET_ASIDE = /[\uac00-\ud7a3](?:지|는|은|던)$/u;
/**
 * "other than the engine", "besides swarm", "instead of backticks": the one or two words after it; not a verb
 * ("instead of installing mysql" names the old way the question compares with).
 */
const SET_ASIDE_EN =
  /\b(?:other\s+than|besides|apart\s+from|aside\s+from|except(?:\s+for)?|instead\s+of|rather\s+than)\s+(?![a-z]+ing\b)((?:the\s+|a\s+|an\s+)?[^\s,.?!;:]+(?:\s+[^\s,.?!;:]+)?)/giu;

/** "…, not the definition", "not when to use it vs docker, just what it is": what is put aside, up to a comma. */
const SET_ASIDE_NOT =
  /(?:^|[,;—–]\s*)not\s+((?:the\s+|a\s+|an\s+)?[^\s,.?!;:]+(?:\s+[^\s,.?!;:]+){0,5})(?=\s*[,.;!?—–]|\s*$)/giu;

/**
 * "If I don't write a Dockerfile and just grab an existing image", "the official image, no custom build": what the
 * asker does not make is set aside whole, as a case told before 말고 is.
 */
const SET_ASIDE_NOT_MADE =
  /\b(?:(?:i|we|you|they)\s+(?:don't|dont|do\s+not|didn't|didnt|never|won't)\s+|no\s+(?=(?:custom|own)\b))((?:write|build|create|make|author|custom|own)(?:\s+(?:a|an|the|any|our|my|custom|own))*(?:\s+[^\s,.?!;:]+)?)/giu;

/**
 * The tokens a sentence sets aside ("engine 말고 …", "besides the engine, …"), each marked excluded when it is
 * left out ("말고", "other than"), not one a question compares with ("mysql 설치 대신 도커", "instead of"), and
 * marked code when it is written as code ("`$()` 대신").
 */
/** A word a sentence sets aside, and how (see setAsideTokens). */
interface SetAside {
  token: string;
  excluded: boolean;
  code: boolean;
  /** Set aside as part of a whole case ("허브에서 받아 쓰는 경우 말고"), see SET_ASIDE_KO_CASE. */
  wholeCase: boolean;
}
function setAsideTokens(text: string): SetAside[] {
  const found: SetAside[] = [];
  const sentence = text.normalize('NFC');
  for (const pattern of [SET_ASIDE_KO_CASE, SET_ASIDE_KO, SET_ASIDE_EN, SET_ASIDE_NOT, SET_ASIDE_NOT_MADE]) {
    for (const m of sentence.matchAll(pattern)) {
      const tokens = tokenize(m[1]!);
      if (VERB_BEFORE_SET_ASIDE.test(m[1]!) && tokens.some((t) => LEXICON.operations.has(t))) continue;
      // "볼륨 말고 디스크 마운트": a word asked for elsewhere in the sentence (볼륨 and 마운트 are one) is not set aside.
      const rest = new Set(tokenize(sentence.replace(m[0], ' ')));
      const excluded = !SUBSTITUTION.test(m[0]);
      const code = /[`$]/.test(m[1]!);
      // "…, not the definition" puts a case aside whole, as 말고 after a clause does.
      const wholeCase = pattern === SET_ASIDE_KO_CASE || pattern === SET_ASIDE_NOT || pattern === SET_ASIDE_NOT_MADE;
      for (const token of tokens) if (!rest.has(token)) found.push({ token, excluded, code, wholeCase });
    }
  }
  return found;
}

const SUBSTITUTION = /대신|instead|rather/iu;
/** A word asking the reason (why, 왜, 이유), which the lexicon reads as asking the advantages. */
const REASON = /^(?:왜|이유|why|reason)/i;
/** 왜 써, 왜 쓰는, 왜 사용: asking why to use something, which the lexicon reads as the advantages whole. */
const WHY_USE = /왜\s?(?:써|쓰|사용)/;
/** Words pointing back at what was said: 그렇게, 그런, 그게, "do that", "doing this". */
const POINTS_BACK =
  /(?:^|\s)(?:그렇게|그런|그게|그건|그걸|그거|이렇게|이런)(?=\s|$)|\b(?:do|doing|did|does)\s+(?:that|this|it)\b/iu;

/**
 * "`docker rm $(docker ps -aq)` 여기서 `$()` 가 하는 일", "in `…` what does the $( ) part do": a part of the quoted
 * code is pointed at, in the prose or a shorter quote, and the rest of the code is the example around it.
 */
function exampleOnlyTokens(text: string): string[] {
  const spans = [...text.matchAll(CODE_SPAN)].map((m) => m[0]).sort((a, b) => b.length - a.length);
  if (spans.length === 0) return [];
  const example = new Set(tokenize(spans[0]!));
  const pointers = new Set(tokenize([text.replace(CODE_SPAN, ' '), ...spans.slice(1)].join(' ')));
  // What is pointed at is a piece of syntax ($, $(), a flag), not a word the sentence is about anyway (컨테이너).
  const pointsIn = [...pointers].some((t) => example.has(t) && (SYNTAX_TOKENS.has(t) || t.startsWith('-')));
  return pointsIn ? [...example].filter((t) => !pointers.has(t)) : [];
}

/** The two sides of each "A or B" a question offers ("yml or json", "YAML이야 JSON이야", "A 아니면 B"), as tokens. */
export function choicesIn(question: string): Array<[string[], string[]]> {
  const text = question.normalize('NFC');
  return [...text.matchAll(CHOICE_EN), ...text.matchAll(CHOICE_KO), ...text.matchAll(CHOICE_KO_PAIR)].map(
    (m) => [tokenize(m[1]!), tokenize(m[2]!)] as [string[], string[]],
  );
}
// Each side starts where a word does (the lookbehinds): a match found from inside a word is found from its
// start too, and without them every position of a long word is tried again, in time quadratic in its length.
const CHOICE_EN = /(?<![^\s,?!])([^\s,?!]+)\s+or\s+([^\s,?!]+)/giu;
const CHOICE_KO = /(?<!\S)(\S+)\s+(?:아니면|또는|혹은)\s+(\S+)/gu;
const CHOICE_KO_PAIR =
  /(?<!\S)(\S+?)(?:이야|야|인가요|예요|이에요|인지)\s+(\S+?)(?:이야|야|인가요|예요|이에요|인지)(?![\uac00-\ud7a3])/gu;

const SYNTAX_TOKENS = new Set(['dollar', 'substitution']);

/** A quoted phrase of the story: 'single', "double", ‘curly’, “curly” or 「corner」 quotes. */
// Not an apostrophe inside an English word ("We're", "team's"); a Korean particle may follow the quote ('…'라고).
const QUOTED = /(?<![A-Za-z0-9])['"‘“「]([^'"‘’“”「」]{4,}?)['"’”」](?![A-Za-z])/gu;

/**
 * "I keep seeing", "it keeps failing": keep before a gerund says it goes on, not that something is stored. A clause
 * opening "before I …" says when, not that something comes first (the deletion order's word).
 */
function dropAspectVerbs(words: Word[], clause: string): Word[] {
  const opensWithWhen = /^\W*before\s+(?:i|we|anyone)\b/i.test(clause);
  return words.filter(
    (w, i) =>
      !(/^(?:keep|keeps|kept|keeping)$/.test(w.typed) && /^[a-z]{3,}ing$/.test(words[i + 1]?.typed ?? '')) &&
      !(opensWithWhen && i === 0 && w.typed === 'before'),
  );
}

/**
 * known: a word of the notes. topic: a technical word they lack (exec, useMemo). content: an everyday word they
 * lack that still names something (background, 환율); chatter: one that says little (good, 정확히, 바로).
 */
type WordKind = 'known' | 'topic' | 'content' | 'chatter';

interface QuestionWord {
  token: string;
  /** The word as typed (lower case), for telling the user what the notes lack. */
  typed: string;
  /** How far a typo repair is trusted (1 for a word as typed). */
  trust: number;
  kind: WordKind;
  /** For a content word, the share of notes a note word as telling would be found in. */
  rarity?: number;
  /** A topic word of Docker's own world (a subcommand, a flag, a Compose key, a path), not another subject's. */
  ofDocker: boolean;
  /** 1 in a question sentence, less in the context around it. */
  weight: number;
  /** Part of what is asked (a question sentence), not of the context. */
  focus: boolean;
  /** Named to be left out ("engine 말고 나머지", "other than the engine"): not what is asked. */
  excluded?: boolean;
  /** Asked about only as the story a question naming nothing points back to, not in an asking sentence. */
  told?: boolean;
}

/**
 * How telling an everyday word the notes lack is, as the share of notes a note word as telling would be in;
 * undefined for chatter. English by how often it is said ("good" says nothing, "background" something,
 * "printer" more); Korean by its form: a verb form or a filler word (바로, 내용, 팀장님) says nothing, any
 * other word names something.
 */
function contentRarity(typed: string, token: string): number | undefined {
  if (/^[a-z]+$/.test(typed)) {
    const band = spokenBandOfBase(typed);
    return band <= MOST_SPOKEN_BAND ? undefined : ENGLISH_RARITY[band - MOST_SPOKEN_BAND - 1];
  }
  if (!isHangul(token) || token.length < 2 || LEXICON.koreanFillers.has(token) || LEXICON.koreanFillers.has(typed))
    return undefined;
  // What is left between known words of a phrase typed without spaces (도커가가진거…) is no word of its own.
  if (!typed.startsWith(token)) return undefined;
  // A question word typed onto a particle (오케스트레이션 이뭔가요, 도커 가뭐야): the question, not a name; so is
  // one with an ending no list holds (뭐하는곳, 뭐임), or a question or filler word mistyped (먼지 for 뭔지, 뭐엿지).
  if (SPACING_SLIP.test(typed) || QUESTION_WORD_START.test(token) || KOREAN_STOPWORD_SLIPS.correct(token))
    return undefined;
  // A verb made a thing (하는거, 가진거, 만든 것): what is done, not a name; an adverb of 히 (간략히, 신속히): how.
  if (isVerbAsThing(token) || ADVERB_OF_HI.test(token)) return undefined;
  // A team (기획팀, 개발팀, 데이터팀) says who asks or for whom, not what about.
  if (/^[\uac00-\ud7a3]{1,4}팀$/.test(token)) return undefined;
  // A one-syllable word with its particle (감이, 말이) is no name either.
  if (token.length === 2 && /[이가은는을를만로와과에의]$/.test(token)) return undefined;
  // The thing asked about spoken of as someone (뭐하는 애야, 얘는 뭐예요, 걔가 왜 떠 있지).
  if (SPOKEN_OF_AS_SOMEONE.test(token)) return undefined;
  return isKoreanPredicate(typed, token) ? undefined : KOREAN_RARITY;
}
const SPOKEN_OF_AS_SOMEONE = /^(?:애|얘|걔|쟤)(?:야|예|에|는|가|임|요|들|도|를|한테|이야|였|인)?$/;
const SPACING_SLIP =
  /^(?:[이가은는을를도의]|이게|그게|저게|이건|그건)(?:뭐|뭔|뭘|무엇|무슨|머|어떻|어떤|어디|어케|왜|언제|몇)/;
/**
 * A verb's modifier form written onto 거 or 것 (하는거, 가진거, 만든것, 쓸거): its syllable before them ends in ㄴ or ㄹ.
 * A few nouns do too (근거, 물건), and name as little in a question.
 */
function isVerbAsThing(token: string): boolean {
  if (token.length < 3 || !/[거것게건걸]$/.test(token)) return false;
  return [4, 8].includes(finalConsonant(token.at(-2)!));
}
/** An adverb made with 히 (간략히, 신속히, 원활히): how something is asked for. */
const ADVERB_OF_HI = /^[\uac00-\ud7a3]+히$/;
/** English adjectives that spell an operation's concept (public → share): before a noun, a kind of thing. */
const OPERATION_ADJECTIVES = new Set(['public']);
/** Laughter typed in Latin letters (haha, hahah, hehe, lol, lmao): no name of anything. */
const LAUGHTER = /^(?:(?:ha|he|ah){2,}h?|lo+l|lmf?ao+|rofl|xd+)$/;
/**
 * What a note does with its example program ("mysql 설치", "mysql 이미지 준비", "mysql 컨테이너"); a node beside
 * containers is a cluster's machine, not Node.js.
 */
const SOFTWARE_HANDLING = new Set(['install', 'image', 'container']);
/** Software that images are commonly made of (the official images): servers, databases, runtimes, base systems. */
const PACKAGED_SOFTWARE = new Set(
  `nginx httpd apache tomcat redis 레디스 postgres postgresql mariadb mongo mongodb elasticsearch kafka 카프카 rabbitmq
  memcached node nodejs python java openjdk golang ruby php wordpress jenkins grafana prometheus ubuntu debian alpine
  centos busybox traefik haproxy vault consul minio`
    .split(/\s+/)
    .flatMap((name) => tokenize(name)),
);
/** No Korean noun begins so: a word that does is a question word with an ending. */
const QUESTION_WORD_START = /^(?:뭐|뭔|뭘|무엇|무슨|어떻|어째|어케)/;
const KOREAN_STOPWORDS = [...LEXICON.stopwords].filter((w) => isHangul(w) && w.length >= 2);
const KOREAN_STOPWORD_SLIPS = new TypoRepair(KOREAN_STOPWORDS, new Map(KOREAN_STOPWORDS.map((w) => [w, w])));
/**
 * Docker commands named by everyday words (docker history, docker save, docker trust sign): in a question about an
 * image or a container they are operations of Docker's own.
 */
const DOCKER_OBJECT_OPERATIONS = [
  'history',
  'save',
  'load',
  'export',
  'import',
  'diff',
  'events',
  'stats',
  'pause',
  'unpause',
  'kill',
  'rename',
  'update',
  'sign',
  'signing',
  'signed',
  'trust',
  'scan',
  'scanning',
  'rollback',
  'upgrade',
  'scale',
  'label',
  'labels',
];
/** The spoken-frequency bands (see spokenBand) of words too common to be anyone's typo or a subject's name. */
const MOST_SPOKEN_BAND = 1;
/** How rare a word of each band past MOST_SPOKEN_BAND is; the most said words are chatter. */
const ENGLISH_RARITY = [1 / 3, 1 / 5, 1 / 8];
const KOREAN_RARITY = 1 / 5;
/** An everyday word with a prefix (prebuilt, rebuild, unused, multi-container): no other subject's name. */
function isPrefixedEveryday(typed: string): boolean {
  const m = /^(?:pre|re|un|non|multi|sub|de|auto|self|over|under|out|mis|co)-?([a-z]{3,})$/.exec(typed);
  return m !== null && (isCommonEnglish(m[1]!) || LEXICON.exact.has(m[1]!));
}

/** English function words and the most spoken ones, which a slip of the keyboard makes unknown (teh, wich, waht). */
const FUNCTION_WORDS = new Map<string, string[]>();
for (const w of LEXICON.stopwords) {
  if (/^[a-z]{2,}$/.test(w)) FUNCTION_WORDS.set(w[0]!, [...(FUNCTION_WORDS.get(w[0]!) ?? []), w]);
}
function isFunctionWordSlip(typed: string): boolean {
  if (typed.length < 3 || typed.length > 7) return false;
  return (FUNCTION_WORDS.get(typed[0]!) ?? []).some(
    (w) => Math.abs(w.length - typed.length) <= 1 && editDistance(typed, w, 1) <= 1,
  );
}

/** An operation a question asks for and the thing it is asked of (install docker, delete the background). */
interface Action {
  operation: string;
  object: string;
}
/** The concept of who does something (담당, 역할, who, responsible). */
const ROLE = 'role';
/** Operations done to a thing, whose object says whether a note's install or delete is the one asked about. */
const ACTION_OPERATIONS = new Set(['install', 'delete', 'share']);
/** How much lower a note may score and still come first for doing the asked operation to the asked thing. */
const RERANK_MARGIN = 0.1;
/** How much a note whose title compares two things gains when the question names both. */
const BOTH_SIDES_BONUS = 0.05;
/** How far apart an operation and its object may stand on a line of a note ("도커를 설치해서"). */
const ACTION_WINDOW = 2;
/** The note's lines as token sequences, made when first needed (only notes that come out on top are read). */
const noteLines = new WeakMap<KnowledgeEntry, string[][]>();

/** The note does the operation to the object: the two stand within ACTION_WINDOW tokens on one of its lines. */
function noteDoes(item: IndexedEntry, { operation, object }: Action): boolean {
  return noteDoesTo(item, operation, (t) => t === object);
}
/** Whether a line of the note has the operation with a token that `isObject` accepts within ACTION_WINDOW of it. */
function noteDoesTo(
  { entry, searched }: IndexedEntry,
  operation: string,
  isObject: (token: string) => boolean,
): boolean {
  let lines = noteLines.get(entry);
  if (!lines) {
    lines = [entry.title, entry.titleEn, ...entry.aliases, ...searched.split('\n')]
      .map(tokenize)
      .filter((line) => line.length > 0);
    noteLines.set(entry, lines);
  }
  return lines.some((line) => line.some((t, i) => t === operation && around(line, i).some(isObject)));
}
/** The tokens within ACTION_WINDOW of a line's token i, itself among them. */
function around(line: string[], i: number): string[] {
  return line.slice(Math.max(0, i - ACTION_WINDOW), i + ACTION_WINDOW + 1);
}
/** A Korean word marked as a place or a means (서버에, 윈도우에서, 도커로): not what the verb acts on. */
const PLACE_PARTICLE = /[\uac00-\ud7a3](?:에서는|에서|에선|에게|한테|으로|에|로)$/;
/** Where an English object's noun phrase ends. */
const PHRASE_END =
  /\b(?:from|on|in|to|with|for|of|at|by|into|onto|inside|using|via|after|before|when|if|so|but|and then|is|are|was|were|be|can|could|should|will|would|do|does)\b|[,.?!;:()]/;

/** A Korean noun made a passive participle (설치된, 삭제된) or an English past participle (installed, deleted). */
const PARTICIPLE = /[\uac00-\ud7a3]된$|^[a-z]{3,}ed$/;
/**
 * An operation done before, said of the thing after it (받아둔 이미지, 만든 컨테이너, pulled images): which things,
 * not what is asked of them. Not the present 는 (이미지 받는 법 asks how to pull).
 */
type SaidWord = { kind: WordKind; token: string; typed: string };
function describesNext(w: SaidWord, next: SaidWord | undefined): boolean {
  if (!next || w.kind !== 'known' || !LEXICON.operations.has(w.token)) return false;
  if (next.kind !== 'known' || LEXICON.operations.has(next.token) || LEXICON.intentConcepts.has(next.token))
    return false;
  const last = w.typed.at(-1)!;
  return PARTICIPLE.test(w.typed) || (isHangul(last) && last !== '는' && finalConsonant(last) === 4);
}
/**
 * A Korean operation as a condition or as what someone said (깔면, 설치하면, 옮긴다고): the story's, not what is asked.
 * "…하려면" ("in order to") asks it.
 */
const CONDITION_OR_REPORT = /[\uac00-\ud7a3](?<!려)면$|[\uac00-\ud7a3](?:다고|라고|자고|냐고)$/;

/** docker:rm, compose:up, dockerfile:from, -v, --env: read off a command line by the tokenizer. */
const isCommandToken = (token: string) => token.includes(':') || token.startsWith('-');

/** What a partial answer covers and lacks, as typed; "prune" is not covered when "docker system prune" is lacking. */
function partialTerms(question: string, covered: QuestionWord[], missing: QuestionWord[]) {
  const lacking = typedForms(question, missing);
  const inLacking = (form: string) => lacking.some((m) => m.toLowerCase().includes(form.toLowerCase()));
  return { covered: typedForms(question, covered).filter((form) => !inLacking(form)), missing: lacking };
}

/**
 * The shell's symbols, spelt as words before tokenising, and the verbs a how-to question was read as (올리려면 as
 * push, 붙이려면 as add: see normalize's doneHow), as they are typed.
 */
const SPELT_FORMS: Record<string, RegExp> = {
  dollar: /\$\{?\w*\}?/,
  variable: /\$(?:\{?#?\w+\}?|[@*#?!$-])/,
  substitution: /\$\([^()]*\)?/,
  중괄호: /\$\{[^}]*\}/,
  arithexpansion: /\$\(\([^)]*\)?\)?/,
  redirection: REDIRECTION,
  specialparam: /\$[@*#?!$\d-]/,
  push: new RegExp(`(?:${PUSH_VERBS})[\\p{L}]*`, 'iu'),
  add: new RegExp(`(?:${ADD_VERBS})[\\p{L}]*`, 'iu'),
};
/** The words as the user wrote them (original case where it can be found), each once. */
function typedForms(question: string, words: QuestionWord[]): string[] {
  const text = question.normalize('NFC');
  const lower = text.toLowerCase();
  const forms = words.map((w) => {
    const at = lower.indexOf(w.typed);
    if (at >= 0) return text.slice(at, at + w.typed.length);
    // A phrase was read as one word before tokenising ("environment variables" as envvar): show it as typed.
    const phrase = LEXICON.phrases.find(([form, canonical]) => canonical === w.token && lower.includes(form));
    const from = phrase ? lower.indexOf(phrase[0]) : -1;
    if (from >= 0) return text.slice(from, from + phrase![0].length);
    // The shell's symbols were spelt as words before tokenising ($ as dollar): show them as symbols again.
    return SPELT_FORMS[w.token]?.exec(text)?.[0] ?? w.typed;
  });
  return [...new Set(forms)];
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

/** A parenthesis sending the reader to another entry: "(… — shell-variable 항목 참고)", "(see the registry note)". */
const POINTER_TO_NOTE = /\((?:[^()]*?(?:항목|문서|노트)\s*참고|(?:[^()]*?[—–-]\s*)?\s*(?:see|cf\.?)\s[^()]*)\)/giu;

/** The body's first SEARCHED_BODY_CHARS, cut at a line's end where there is one. */
function searchedPart(body: string): string {
  if (body.length <= SEARCHED_BODY_CHARS) return body;
  const cut = body.lastIndexOf('\n', SEARCHED_BODY_CHARS);
  return body.slice(0, cut > SEARCHED_BODY_CHARS / 2 ? cut : SEARCHED_BODY_CHARS);
}

function indexEntry(entry: KnowledgeEntry): IndexedEntry {
  const title = tokenize(`${entry.title} ${entry.titleEn}`);
  const aliases = entry.aliases.map(tokenize);
  const tags = tokenize(entry.tags.join(' '));
  const searched = searchedPart(entry.body);
  const bodyLines = searched.split('\n').map(tokenize);
  // The label of a note's English summary ("**English:**") is layout, not a word of the note; a pointer to another
  // note ("(`$` 단독은 변수 — shell-variable 항목 참고)") says what that note is about, not this one.
  const body = tokenize(searched.replace(SUMMARY_LABEL, ' ').replace(POINTER_TO_NOTE, ' '));
  const tokenWeight = new Map<string, number>();
  const mark = (tokens: string[], weight: number) => {
    for (const t of tokens) tokenWeight.set(t, Math.max(tokenWeight.get(t) ?? 0, weight));
  };
  mark(body, FIELD_WEIGHT.body);
  mark(tags, FIELD_WEIGHT.tags);
  for (const alias of aliases) mark(alias, FIELD_WEIGHT.aliases);
  mark(title, FIELD_WEIGHT.title);
  const sides = (t: string) => t.replace(/\([^)]*\)/g, ' ').split(/\s+vs\.?\s+/i);
  const [korean, english] = [sides(entry.title), sides(entry.titleEn)];
  const bothSides =
    korean.length === 2
      ? korean.map((side, k) => new Set([...tokenize(side), ...(english.length === 2 ? tokenize(english[k]!) : [])]))
      : [];
  // What both sides share ("기존 방식 vs 도커 방식") tells neither apart.
  const comparedSides = bothSides.map((side, k) => [...side].filter((t) => !bothSides[1 - k]!.has(t)));
  return {
    entry,
    comparedSides,
    titleTokens: [...new Set(title)],
    aliasTokens: aliases.map((a) => [...new Set(a)]).filter((a) => a.length > 0),
    title: title.join(' '),
    aliases: aliases.map((a) => a.join(' ')).join(' , '),
    tags: tags.join(' '),
    tokenWeight,
    showsCommand: showsCommand(searched),
    flaggedCommands: flaggedCommands([title, tags, body, ...aliases]),
    measuresGiven: new Set(MEASURES.filter(({ given }) => given.test(searched)).map(({ measure }) => measure)),
    listsRunningOnly: ONLY_RUNNING.test(searched),
    examplesSoftware: bodyLines.some((line) =>
      line.some(
        (t, i) =>
          (t === 'mysql' || (PACKAGED_SOFTWARE.has(t) && t !== 'node')) &&
          around(line, i).some((x) => SOFTWARE_HANDLING.has(x)),
      ),
    ),
    doers: bodyLines.flatMap((line) =>
      line.flatMap((t, i) => (t === ROLE ? [line.slice(Math.max(0, i - ACTION_WINDOW), i)] : [])),
    ),
    searched,
    squashedSearched: squashed(searched),
  };
}

/** See IndexedEntry.flaggedCommands: a command whose every use in the note's fields comes with a flag. */
function flaggedCommands(fields: string[][]): Map<string, string[]> {
  const flagged = new Map<string, string[]>();
  const bare = new Set<string>();
  for (const tokens of fields) {
    const flags = tokens.filter((t) => /^-{1,2}[a-z]/.test(t));
    for (const t of tokens.filter(isCommandToken)) {
      if (flags.length === 0) bare.add(t);
      else flagged.set(t, [...(flagged.get(t) ?? []), ...flags]);
    }
  }
  for (const t of bare) flagged.delete(t);
  return flagged;
}

const SUMMARY_LABEL = /^\s*\*{0,2}English\s*:\s*\*{0,2}/gim;

/** Two versions or more of one name in a question ("wsl1 vs wsl2", "windows 10 or 11"), each as typed, lower case. */
function comparedVersions(question: string): string[] {
  const byName = new Map<string, string[]>();
  let name = '';
  for (const m of question.normalize('NFC').toLowerCase().matchAll(VERSIONED)) {
    // "WSL 1이랑 2": a bare number after a versioned name is another version of it.
    if (m[1]) name = m[1];
    if (!name) continue;
    byName.set(name, [...(byName.get(name) ?? []), m[1] ? m[0] : `${name} ${m[2]}`]);
  }
  return [...byName.values()].filter((versions) => new Set(versions.map(squashed)).size > 1).flat();
}
/** The kinds of detail a question may ask of its subject: the note must give it to answer. */
const DETAIL_KINDS = new Set(['command', 'format', 'option']);

/** A detail asked that no word of the question stands for (a version, a measure): what the note must also give. */
function detailWord(typed: string): QuestionWord {
  return {
    token: typed.toLowerCase(),
    typed: typed.toLowerCase(),
    trust: 1,
    kind: 'topic',
    ofDocker: true,
    weight: 0,
    focus: true,
  };
}

type Measure = 'time' | 'size' | 'count' | 'date' | 'cost';
/**
 * Measures a question may ask for, and the figure a note gives of each: how long (몇 초, how long), how big (몇 GB,
 * how much disk), how many machines or people (몇 대, 몇 명, how many nodes), when it came about, what it costs. No
 * bundled note gives one; a team's note that says "최소 20GB" does.
 */
const MEASURES: Array<{ measure: Measure; asked: RegExp; given: RegExp }> = [
  {
    measure: 'time',
    asked:
      /몇\s?(?:초|분|시간)(?!\s?(?:전|만에|만|동안|째|후))|얼마나\s?(?:오래|걸려|걸리)|how (?:many )?(?:long|seconds|minutes|hours)\b/i,
    given: /(?<![a-z0-9.])\d+\s?(?:초|분|시간|ms|s|sec|secs|seconds?|minutes?|mins?|hours?)(?![a-z])/i,
  },
  {
    measure: 'size',
    asked: /몇\s?(?:GB|MB|TB|기가|메가|테라)|how (?:many|much) (?:gb|mb|tb|gigs?|disk|space|storage|memory|ram)\b/i,
    given: /(?<![a-z0-9.])\d+\s?(?:GB|MB|TB|GiB|MiB|TiB|기가|메가|테라)(?![a-z])/i,
  },
  {
    measure: 'count',
    // Not 몇 as "a few": 몇 명이서, 몇 명한테, 몇 명이 같이.
    asked:
      /몇\s?(?:대|명)(?!\s?(?:이서|한테|에게|씩|째|이\s?(?:같이|함께|같은)))|how many (?:servers|nodes|machines|managers|manager nodes|hosts|people|engineers)\b/i,
    given: /(?<![a-z0-9.])\d+\s?(?:대|명|servers?|nodes?|machines?|managers?|hosts?|people|engineers?)(?![a-z])/i,
  },
  {
    measure: 'date',
    // When something came about (도커는 언제 처음 나왔어요?, what year was Kubernetes released), not when to use it.
    asked:
      /언제\s?(?:처음\s?)?(?:나왔|나온|출시|발표|공개됐|공개된|만들어졌|만들어진|생겼|생긴|시작됐|시작된)[\uac00-\ud7a3]*|몇\s?년(?:도)?에|when (?:was|were|did) [\w\s-]{1,40}?(?:released|created|introduced|launched|founded|invented|come out|started|start)\b|what year\b/i,
    given: /(?<![a-z0-9.])(?:19|20)\d\d(?:년)?(?!\d)/i,
  },
  {
    measure: 'cost',
    asked:
      /(?:비용|가격|요금|라이선스\s?비)(?:은|이|는)?\s?(?:얼마|어느\s?정도)|how much (?:does it |would it |will it )?cost\b|\bprice\b/i,
    given: /(?<![a-z0-9.])\d+\s?(?:원|달러|usd|dollars?)|\$\d/i,
  },
];

const VERSIONED =
  /(?:\b(?!(?:or|and|vs|to|than|from)\b)([a-z][a-z-]*[a-z])\s?|(?<=(?:이랑|랑|과|와|vs\.?|or|and|,)\s*))(\d+(?:\.\d+)?)(?![\d.:%])/g;
const squashed = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/**
 * A property asked about, and what a note says instead that answers "is it …?" with no ("is the mount read-only from
 * inside?" on the note that says both sides can modify the files). How to make it so ("읽기전용으로 붙이려면") the
 * note does not say.
 */
const CONTRARY = new Map([['읽기전용', ['modify', 'bidirectional']]]);
/** Asking to make something so, or whether it can be: 걸 수 있어요, 걸고 싶어요, 가능한가요, can I set, want it. */
const TO_MAKE_SO = /수\s?(?:도\s?)?있|가능|싶|걸[고어]|거는|\b(?:can|could) (?:i|we|you)\b|\b(?:want|make|set)\b/i;
const ONLY_RUNNING = /실행\s?중인\s?\S*만|running (?:ones |containers )?only|only (?:the )?running/i;
const HOW_TO = new RegExp(`${HOW_ASKED.source}|옵션|\\boption`, 'i');

/** A line of code that is typed at a prompt: a Docker, Kubernetes or WSL command, or shell with $ or a filter piped. */
const COMMAND_LINE =
  /^\s*(?:\$\s+|sudo\s+)?(?:docker|docker-compose|kubectl|wsl|podman)\s+[a-z-]|\$[({A-Za-z_]|\|\s*(?:grep|head|tail|wc|sort|awk|sed|jq)\b/;

function showsCommand(body: string): boolean {
  return [...body.matchAll(CODE_SPAN)].some((code) =>
    code[0]
      .replace(/^`+|`+$/g, '')
      .split('\n')
      .some((line) => COMMAND_LINE.test(line)),
  );
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
