import { assemble, convertQwertyToHangul, disassemble } from 'es-hangul';
import { LEXICON } from './lexicon.ts';
import { CLI, DOCKER_VOCABULARY, DOCKERFILE_INSTRUCTIONS, isCommonEnglish } from './vocabulary.ts';

/** Hyphenated names of the vocabulary (read-only, env-file, port-forward) are one word each. */
const HYPHENATED = new Set(DOCKER_VOCABULARY.filter((w) => w.includes('-')));

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const VERB_FROM_NOUN = /^([\uac00-\ud7a3]{2,}?)(?:하|해|되|돼|했|할|한|된|될|됐|됨|함|시[키켜킬킨킴])[\uac00-\ud7a3]*$/;
/** Bare jamo such as ㅎㅎ or ㅋㅋ are laughter, not words. */
const JAMO_ONLY = /^[\u1100-\u11ff\u3131-\u318e]+$/;
// Hangul runs apart from other letters: "nvm으로" is the word nvm and a particle.
const SCRIPT_RUN =
  /[\uac00-\ud7a3\u3131-\u318e\u1100-\u11ff]+|(?:(?!\p{Script=Hangul})[\p{L}\p{N}])(?:(?!\p{Script=Hangul})[\p{L}\p{N}_.-])*/gu;

/** Endings only a verb or an adjective takes (거치는지, 옮긴다고, 날아갔어요), unlike 는/은/이, which nouns take too. */
const VERB_ENDING =
  /(?:는지|는데|는다|려고|려면|려다|면서|도록|어서|아서|여서|니까|더니|더라|습니다|세요|셔요|어요|아요|여요|네요|군요|다고|냐고|자고|고요|나요|까요|을까|는가|던가|시나|으면|[럽겠었았했하되쉽렵]지만|[었았겠][\uac00-\ud7a3]*)$/;
/**
 * A verb's or adjective's last syllable as the normaliser leaves it (낯설어, 흘러가, 만한, 주실, 말하), an honorific
 * verb made a noun (주시기 of "설명해 주시기 바랍니다"), or a verb with an auxiliary of keeping or finishing (쌓아두,
 * 적어놓, 지워버리).
 */
const PREDICATE_END =
  /(?:[아어여](?:두|놓|버리)|[다요어아여워와봐줘져쳐혀겨러라려서게니네죠까데던든며자래냐해돼했됐음함됨짐된한할될하줄긴]|(?:주|으|하|보|되|오|가|받|쓰)(?:[실시셔세신]|시기)|(?<![\uac00-\ud7a3])계[실시셔세신]|드[리린릴])$/;
/** A syllable ending in ㅆ (했, 있, 막혔): Korean spells tenses and 있다/없다 so, nouns hardly ever. */
const hasTenseSyllable = (word: string) => [...word].some((c) => finalConsonant(c) === 20);
const isSyllable = (c: string) => c >= '\uac00' && c <= '\ud7a3';
/** A syllable's final consonant as Unicode numbers it (0: none, 4: ㄴ, 8: ㄹ, 20: ㅆ); -1 for anything else. */
export const finalConsonant = (c: string) => (isSyllable(c) ? (c.charCodeAt(0) - 0xac00) % 28 : -1);

/**
 * A Korean word typed as a verb or an adjective (거치는지, 낯설어서, 붙으면): it says what happens, not what it
 * happens to, so a verb the notes lack is no topic of its own. A noun made a verb with 하다 (인쇄해서, 환승하는)
 * still names an action of its own subject.
 */
export function isKoreanPredicate(typed: string, token: string): boolean {
  // 쳐야됨 is a verb with 되다 of "must", not a noun made a verb (설치됨).
  if (endsInAuxiliary(token)) return true;
  if (VERB_FROM_NOUN.exec(typed)?.[1] === token) return false;
  return VERB_FROM_NOUN.test(typed) || VERB_ENDING.test(typed) || PREDICATE_END.test(token) || hasTenseSyllable(token);
}

/**
 * A verb joined by its 아/어 form to an auxiliary (이어주, 가져오, 들어간, 밀려난, 정해진) or to 야 of "must" (쳐야,
 * 해야). The joint is 아 or 어 after a closed syllable (찾아, 들어; 이어 of 잇다) or a stem fused with it (올려, 가져,
 * 정해, 봐, 써): transliterated names take open vowels too (카카오, 브라질, 캘리포니아주, 매거진) but not these.
 * Two-syllable nouns fit the auxiliaries' shape (사진, 여간), so an auxiliary needs three syllables.
 */
function endsInAuxiliary(token: string): boolean {
  const syllables = [...token];
  const joint = syllables.at(-2);
  if (!joint || !isJoint(joint, syllables.at(-3))) return false;
  return token.endsWith('야') || (syllables.length >= 3 && AUXILIARY_FORMS.test(syllables.at(-1)!));
}
const isJoint = (joint: string, before: string | undefined) =>
  FUSED_JOINTS.has(joint) ||
  ((joint === '아' || joint === '어') && before !== undefined && (before === '이' || finalConsonant(before) > 0));
/** A verb stem fused with 아/어 (올리+어 → 올려, 하+여 → 해, 보+아 → 봐). */
const FUSED_JOINTS = new Set([...'여려져쳐켜펴혀겨해돼봐와워줘둬꿔써']);
/** 주다, 두다, 보다, 오다, 가다, 나다 and 지다 as they end a word (준, 둘, 봐, 온, 간, 난, 진…). */
const AUXILIARY_FORMS = /^[주준줄줘두둔둘둬보본볼봐오온올와가간갈난날진질져]$/;

export function isHangul(token: string): boolean {
  return HANGUL_SYLLABLE.test(token);
}

/**
 * Canonical form of text before tokenising: Unicode NFKC (so decomposed jamo from
 * macOS clipboards and full-width letters compare equal), lower case, and the two
 * shell symbols of the notes spelled as words, since punctuation is dropped later.
 */
function canonicalText(text: string): string {
  // NFC first composes decomposed syllables; NFKC then folds full-width letters, except for
  // typed jamo (클러스ㅓ), which NFKC would turn into invisible conjoining forms.
  let out = fromKoreanKeys(
    text.normalize('NFC').replace(/[^\u3131-\u318e]+/g, (part) => part.normalize('NFKC')),
  ).toLowerCase();
  out = composeTypedVowels(out);
  // The name a shell assignment gives (IMG=$(…), -e FOO=bar) is an example, whatever it spells.
  out = out.replace(SHELL_ASSIGNMENT, ' ');
  out = out.replace(NOTE_BASIS, ' 노트 ');
  out = doneHow(out);
  out = spellDollars(out.replace(REDIRECTIONS, ' redirection '))
    .replace(INTENSIFIER, ' ')
    .replace(PRESENTATION, ' ')
    .replace(MODAL_GOOD, ' ')
    .replace(WHY_OF_A_CASE, ' ')
    .replace(SET_AS_VERB, '$1 ');
  out = dropEnumerations(out);
  for (const [phrase, pattern, canonical] of PHRASES) {
    if (out.includes(phrase)) out = out.replace(pattern, ` ${canonical} `);
  }
  return out;
}

/**
 * Korean typed with the keyboard still in English (dhzptmxmfpdltus for 오케스트레이션, wjdfl for 정리): a Latin
 * word that no English or Docker vocabulary has and whose keys spell whole Hangul syllables is that Korean word.
 * English and tech words almost never do (docker spells 애찯ㄱ), and case is kept, since Shift makes ㅆ of t.
 * A word typed is short; the cap of 30 letters also bounds es-hangul's conversion, which is not linear.
 */
function fromKoreanKeys(text: string): string {
  return text.replace(/(?<![\w.-])[A-Za-z]{4,30}(?![\w.-])/g, (word) => {
    const lower = word.toLowerCase();
    if (isCommonEnglish(lower) || LEXICON.exact.has(lower) || KNOWN_LATIN.has(lower)) return word;
    const korean = qwertyToHangul(word);
    // Only into a Korean word the lexicon knows: an English typo can spell syllables too (docekr).
    return korean && /^[\uac00-\ud7a3]{2,}$/.test(korean) && isKoreanWordWeKnow(korean) ? korean : word;
  });
}
const KNOWN_LATIN = new Set(DOCKER_VOCABULARY);
const isKoreanWordWeKnow = (word: string) =>
  LEXICON.exact.has(word) ||
  LEXICON.koreanFillers.has(word) ||
  LEXICON.stopwords.has(word) ||
  LEXICON.stems.some(([stem]) => stem.length >= 2 && word.startsWith(stem));
/** es-hangul throws on key runs no syllables can be made of (ㅗ then ㅗㅐ): those are no Korean word. */
function qwertyToHangul(word: string): string | undefined {
  try {
    return convertQwertyToHangul(word);
  } catch {
    return undefined;
  }
}

/**
 * A vowel the keyboard left beside the syllable it belongs to (알려주ㅓ, 보ㅏ): the two are one syllable (알려줘,
 * 봐). Only onto a syllable without a final consonant, so the jamo of laughter and crying (좋아ㅋㅋ) stay apart.
 */
function composeTypedVowels(text: string): string {
  return text.replace(/([\uac00-\ud7a3])([\u314f-\u3163])(?![\u314f-\u3163])/g, (pair, syllable: string) => {
    if ((syllable.charCodeAt(0) - 0xac00) % 28 !== 0) return pair;
    const composed = assemble([...pair]);
    return composed.length === 1 ? composed : pair;
  });
}

/**
 * How the answer should be laid out ("리스트로 알려주세요", "리스트로 보고 싶어요", "한 문장으로 설명", "노트에 정리된 목록", "한마디로", "한 줄씩", "as a list", "in a table"): not
 * what it is about (a list is the listing note's word).
 */
const PRESENTATION =
  /한\s*마디로|(?:한|두|세|몇)\s*(?:줄|문장)씩|(?<=(?:정리(?:된|한|해\s?둔|해\s?놓은)|적힌|적어\s?둔|나와\s?있는)\s*)(?:목록|리스트|표)(?=[이가은는을를도]?(?:\s|$))|(?:리스트|목록|표|한\s*줄|두\s*줄|세\s*줄|한\s*문장|몇\s*줄|글머리표|불릿)\s*(?:으로|로)(?=\s*(?:(?:좀|어떻게|간단히|짧게|쉽게|간단하게)\s*)?(?:정리|알려|설명|요약|보여|보고|볼|받아|받고|써|적어|만들어|부탁|말해|뽑아|답))|\b(?:as|in)\s+(?:a\s+)?(?:short\s+|quick\s+|numbered\s+|bulleted\s+)?(?:list|table|bullets?|bullet\s+points?|one\s+line|one\s+sentence|a\s+sentence|few\s+lines)\b/g;

/**
 * Each phrase of the lexicon as a pattern: a Latin letter may not run on at either end ("at most" is not in
 * "what most"); Korean phrases take particles and endings, so only their own letters count.
 */
const PHRASES: Array<[string, RegExp, string]> = LEXICON.phrases.map(([phrase, canonical]) => {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const latin = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
  const hangul = (c: string | undefined) => c !== undefined && /[\uac00-\ud7a3]/.test(c);
  // A dotfile (.env) is not the end of a name (process.env).
  const source = `${latin(phrase[0]) ? '(?<![a-z0-9])' : phrase[0] === '.' ? '(?<![a-z0-9_])' : ''}${escaped}${latin(phrase.at(-1)) ? '(?![a-z0-9])' : hangul(phrase.at(-1)) ? '[\\uac00-\\ud7a3]*' : ''}`;
  return [phrase, new RegExp(source, 'g'), canonical];
});

/** A shell assignment's name: `img=` of `img=$(docker images -q)` (text is lower case by then), not `a==b`. */
const SHELL_ASSIGNMENT = /(?<![\w.$-])[a-z_][a-z0-9_]*=(?=[^\s=])/g;
/** 대체 or 도대체 before a question word (도커가 대체 뭔가요) is "on earth", not 대체 (replace). */
const INTENSIFIER = /(?:도대체|대체)(?=\s*(?:뭐|뭔|무엇|무슨|왜|어떻게|어떤|어디|언제|누가|얼마|몇))/g;
/**
 * "why is my container exiting", "why doesn't the build see my file": why one case goes as it does, a cause to find,
 * not the reasons to use something that the advantages note gives ("why docker", "why use containers").
 */
const WHY_OF_A_CASE =
  /\bwhy\s+(?=(?:(?:is|are|does|did|was|were|won'?t|can'?t|cannot|isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|wasn'?t)\s+(?:my|our|the|this|that|it|its|their|these|those)|do\s+(?:my|our|these|those))\b)/g;
/** "how to set a hostname", "can I set it": set as a verb, to configure, not the set (집합) a cluster is of nodes. */
const SET_AS_VERB = /\b(to|i|we|you|can|could|should|do|does|how|and|then|please|just)\s+set\b(?!\s+of\b)/g;
/** "어떻게 설명하면 좋을까요", "정리하면 좋겠어요": should, not the good of an advantage. */
const MODAL_GOOD = /(?<=[면됨]\s?)좋(?:을까요|을까|을지|겠어요|겠습니다|겠다|겠는데|겠네요|겠)/g;

/**
 * Asked how to do it, putting an image up on a hub or registry is pushing it (docker push), which no note shows,
 * not the sharing the registry note speaks of; putting a node onto a cluster is adding one. Asked what it is
 * ("이미지 올라와 있는 사이트"), it stays the sharing.
 */
export const HOW_ASKED =
  /려면|[\uac00-\ud7a3]는\s?법(?:을|이|은|도|좀)?(?![\uac00-\ud7a3])|방법|어떻게|어케|\bhow (?:do|can|to|would|should)\b/;
/** The verbs doneHow reads as push and as add, as typed: search shows them so in what a note lacks. */
export const PUSH_VERBS = '업로드|upload|올리|올려|올릴';
export const ADD_VERBS = '붙이|붙여|붙일|조인|합류|join';
const DONE_HOW: Array<[RegExp, string]> = [
  [new RegExp(`(?<=(?:허브|hub|레지스트리|registry)[^.?!\\n]{0,20}?)(?:${PUSH_VERBS})`, 'g'), ' push '],
  [/(?:업로드|upload)(?=[^.?!\n]{0,30}?(?:허브|hub|레지스트리|registry))/g, ' push '],
  [new RegExp(`(?<=(?:클러스터|cluster|스웜|swarm)[^.?!\\n]{0,20}?)(?:${ADD_VERBS})`, 'g'), ' add '],
];
function doneHow(text: string): string {
  if (!HOW_ASKED.test(text)) return text;
  return DONE_HOW.reduce((out, [pattern, verb]) => out.replace(pattern, verb), text);
}

/** "노트 기준으로", "우리 팀 기준으론": where the answer is to come from, not a criterion of choosing. */
const NOTE_BASIS =
  /(?:노트|문서|위키|가이드|자료|팀|우리|저희)\s*(?:쪽\s*)?기준(?:으로는|으로|으론|에서는|에서|에선|상)?(?![\uac00-\ud7a3])/g;

/** A list, 목록 or 리스트 (and listing, 나열), as typed. */
const LIST_WORD = /(?<![a-z])list(?:s|ed|ing)?(?![a-z])|목록|리스트|나열/g;
/** What Docker lists (its images, containers and what runs): a list of these is the listing note's. */
const LISTED_THING =
  /image|imgae|container|컨테이너|이미지|콘테이너|running|stopped|실행|떠\s?있|돌고|도커\s?내용|\bps\b|\bls\b/;
/** What other notes enumerate: a list of these is the shape of the answer asked for. */
const LISTED_ELSE =
  /task|작업|역할|기능|feature|component|컴포넌트|구성\s?요소|building\s?block|\bparts?\b|piece|요소|step|단계|advantage|장점|benefit|차이|difference|tool|툴|도구|installer/;
/** A list to be drawn up ("목록 좀 뽑아주세요", "리스트로 정리해 줘"): the shape of the answer. */
const LIST_COMPILED = /(?:목록|리스트)\s*(?:으로|로|을|를|좀|\s)*(?:뽑|정리|만들|작성)/;
/**
 * "list the tasks the Engine does", "컴포넌트 전체 목록", "체크리스트": in a message about something another note
 * enumerates, or drawn up, a list not of images or containers is the shape of the answer asked for; so is a checklist. A list of
 * nothing else ("목록 보는 명령어", "list what docker pulled") is still the listing.
 */
function dropEnumerations(text: string): string {
  const unchecked = text.replace(/체크\s?리스트|check\s?list/g, ' ');
  if (!LISTED_ELSE.test(unchecked) && !LIST_COMPILED.test(unchecked)) return unchecked;
  return unchecked.replace(LIST_WORD, (word, at: number) =>
    LISTED_THING.test(unchecked.slice(Math.max(0, at - 30), at + word.length + 30)) ? word : ' ',
  );
}

/** "without parentheses", "괄호 없이": the question is about the $ that has none. */
const NO_PARENTHESES =
  /(?:괄호|parenthes[ie]s|parens?|brackets?)\s*(?:없이|없는|없고|안\s*쓰\S*|빼고|말고)|(?:without|no)\s+(?:the\s+|any\s+)?(?:parenthes[ie]s|parens?|brackets?)/g;
/** Words that say a question is about $( ): substitution, parentheses, a subshell, a command's output. */
const SUBSTITUTION_CUE = /\$\s*\(|치환|substitut|subshell|괄호|paren|bracket/;

/**
 * $() is command substitution; $NAME and ${NAME} read a variable. A lone $ is the variable sign too
 * ("$ 하나만", "a plain $"), unless the question also speaks of parentheses or substitution (then a dollar
 * named in words is $() too: "the dollar-paren thing"): the notes
 * keep the two apart, and a question about one must not land on the other. The command inside $( ) is
 * an example ("$(docker ps -q)"), not what is asked about.
 */
const BRACED_BESIDE_BARE = /^(?=[\s\S]*\$\{[a-z_][a-z0-9_]*\})(?=[\s\S]*\$[a-z_][a-z0-9_]*(?![a-z0-9_}]))/;
/** A shell redirection (2>&1, &>, >>, 2>/dev/null): shell syntax beside the $ and $() the notes explain. */
export const REDIRECTION = /\d?>&\d|&>>?|\d>>?|>>(?=\s*[\w/.~$])/;
const REDIRECTIONS = new RegExp(REDIRECTION.source, 'g');

function spellDollars(text: string): string {
  const bare = NO_PARENTHESES.test(text);
  let out = text.replace(NO_PARENTHESES, ' ');
  const aboutSubstitution = SUBSTITUTION_CUE.test(out);
  // "the dollar sign with parentheses": the sign is $() here, not the $ on its own.
  if (aboutSubstitution) out = out.replace(/(dollar|달러)\s*(?:signs?|symbols?|기호|표시)/g, '$1');
  // "$VAR 랑 ${VAR} 차이": beside the bare form, the braces are what is asked about.
  const bracesAsked = BRACED_BESIDE_BARE.test(out);
  // The variable's name is an example too ($FOO, ${HOME}): what is asked about is the $.
  out = out
    // $(( 1 + 2 )) is arithmetic, and $@, $*, $?, $#, $1 the shell's own parameters: beside the $ and $() of the notes.
    .replace(/\$\(\([^)]*\)?\)?/g, ' dollar arithexpansion ')
    .replace(/\$[@*#?!$\d-]/g, ' dollar variable specialparam ')
    .replace(/\$\s*\([^()]*\)?/g, ' dollar substitution ')
    // ${VAR:-default}, ${#VAR}, ${VAR%.txt}: an expansion inside braces, more than the variable the notes describe.
    .replace(/\$\{[^}]*?[:#%/^,][^}]*\}/g, ' dollar variable 중괄호 ');
  if (bracesAsked) out = out.replace(/\$\{[a-z_][a-z0-9_]*\}/g, ' dollar variable 중괄호 ');
  out = out.replace(/\$\{?[a-z_][a-z0-9_]*\}?/g, ' dollar variable ');
  out = out.replace(/\$/g, aboutSubstitution ? ' dollar ' : ' dollar variable ');
  // "the dollar-paren thing", "달러 괄호", "dollar sign with parentheses": $() named in words.
  if (/dollar|달러/.test(text)) out = aboutSubstitution ? `${out} substitution ` : bare ? `${out} variable ` : out;
  // "괄호 붙은 쪽은 뭐임", "the one with the parentheses": of the two compared, the question picks $(), also
  // in a sentence of its own after the one that compares them ("$VAR 이랑 $(cmd) 헷갈림. 괄호 붙은 쪽은 뭐임").
  if (POINTS_AT_SUBSTITUTION.test(text)) return `${out.replace(/\bvariable\b/g, ' ')} substitution `;
  // "is $VAR the same as $(VAR)?", "달러 하나만 쓰는 거랑 괄호 붙인 거 차이": a comparison is about the one named
  // first, the other is what it is compared with (both notes say how the two differ).
  if (!COMPARISON.test(text)) return out;
  const spoken = text.replace(NO_PARENTHESES, (m) => ' '.repeat(m.length));
  const variableAt = bare ? text.search(NO_PARENTHESES) : spoken.search(VARIABLE_CUE);
  const substitutionAt = spoken.search(SUBSTITUTION_CUE);
  if (variableAt < 0 || substitutionAt < 0) return out;
  return variableAt < substitutionAt
    ? `${out.replace(/\bsubstitution\b/g, ' ')} variable `
    : `${out.replace(/\bvariable\b/g, ' ')} substitution `;
}

/** The side with the parentheses, pointed at: "괄호 붙은 쪽", "the one with the brackets". */
const POINTS_AT_SUBSTITUTION =
  /괄호\s*(?:붙은|붙인|있는|쓴|친|달린)\s*쪽|\bone\s+with\s+(?:the\s+)?(?:parenthes[ie]s|parens?|brackets?)/;
/** Words that compare or confuse two things: "차이", "A랑 B", "헷갈려", "아니면", "vs", "the same as", "or". */
const COMPARISON =
  /차이|같[아은나니]|다르|다른|달라(?!고)|아니면|[가-힣`)]\s*(?:이랑|랑)\s|헷갈|\bvs\b|versus|\bor\b|same|differ|compare|confus|mix(?:ed)? up|between|which/;

/** Words that name the $ of a variable: $NAME, ${NAME}, a $ without a parenthesis, "a lone dollar", 변수. */
const VARIABLE_CUE =
  /\$\{?[a-z_]|\$(?!\s*\()|(?:달러|dollar)\s*(?:기호|sign|symbol)?\s*(?:하나만|하나|단독|만|only|alone|on its own|by itself)|(?:lone|plain|bare|single|just a)\s+(?:dollar|\$)|변수|variable/;

/**
 * Words of a text as search tokens: concepts mapped to one canonical word
 * (삭제 / 지우다 / remove → delete), Korean particles and endings stripped,
 * compounds split (도커허브 → docker hub), English plurals folded, stopwords dropped.
 */
export function tokenize(text: string): string[] {
  return tokenizeWords(text).map((w) => w.token);
}

/** A search token with the word it came from, as typed (before stemming and particle stripping). */
export interface Word {
  token: string;
  typed: string;
  /**
   * How the word is written, when that says it names a technical thing: an identifier (useMemo,
   * innodb_buffer_pool_size, values.yaml, python3), or part of a command line (a flag, a docker
   * subcommand, a Dockerfile instruction), whose token is never a typo of a note word.
   */
  shape?: 'identifier' | 'command';
}

/** tokenize(), keeping each token's typed word: typo repair works better on what was typed (kuberntes, not its "stem" kubernt). */
export function tokenizeWords(text: string): Word[] {
  const words: Word[] = [];
  const camelCase = camelCaseWords(text);
  const canonical = canonicalText(text);
  const paths = pathSegments(canonical);
  const commandLine = commandWords(canonical, words);
  instructionWords(text, canonical, words);
  for (const run of commandLine.match(SCRIPT_RUN) ?? []) {
    const identifier = isIdentifierRun(run) || camelCase.has(run);
    for (const piece of splitPunctuation(run)) {
      const shape = paths.has(piece) ? 'command' : identifier ? 'identifier' : undefined;
      for (const token of normalizeWord(piece)) {
        if (LEXICON.stopwords.has(token) || JAMO_ONLY.test(token)) continue;
        words.push(shape ? { token, typed: piece, shape } : { token, typed: piece });
      }
    }
  }
  return words;
}

/** A flag on a command line: -v, -it (two flags), --env. */
const FLAG = /(?<![\p{L}\p{N}_-])(--?)([a-z][a-z0-9-]*)/gu;
/** A command-line tool and the words after it: docker system prune, docker-compose up, kubectl rollout undo. */
const INVOCATION = /\b(docker-compose|docker|kubectl)((?:\s+[a-z][a-z0-9-]*){1,2})/g;

/**
 * Reads command lines out of canonical text: each docker, compose or kubectl subcommand becomes a token of
 * its own (docker:prune), and each flag one (-v, --driver), so a note that has "docker rm" covers "docker rm"
 * and none covers "docker system prune". A management command counts only with its subcommand ("docker image
 * ls"), since "Docker Image" is also prose. Returns the text with the flags taken out.
 */
function commandWords(canonical: string, out: Word[]): string {
  for (const m of canonical.matchAll(INVOCATION)) {
    const tool = m[1]!;
    const [first = '', second = ''] = m[2]!.trim().split(/\s+/);
    const push = (cli: string, word: string, typed: string) =>
      out.push({ token: `${cli}:${word}`, typed, shape: 'command' });
    if (tool === 'kubectl') {
      if (CLI.kubectl.has(first)) push('kubectl', first, `kubectl ${first}`);
    } else if (tool === 'docker-compose' || first === 'compose') {
      const sub = tool === 'docker-compose' ? first : second;
      if (CLI.compose.has(sub)) push('compose', sub, `${tool === 'docker' ? 'docker compose' : tool} ${sub}`);
    } else if (CLI.docker.commands.has(first)) {
      push('docker', first, `docker ${first}`);
    } else if (CLI.docker.management.has(first) && CLI.dockerSubcommands.has(second)) {
      push('docker', first, `docker ${first}`);
      push('docker', second, `docker ${first} ${second}`);
    }
  }
  return canonical.replace(FLAG, (_, dashes: string, name: string) => {
    // -it is two flags; --env-file one.
    const flags =
      dashes === '-' && name.length <= 3 && !name.includes('-') ? [...name].map((c) => `-${c}`) : [`${dashes}${name}`];
    for (const flag of flags) out.push({ token: flag, typed: flag, shape: 'command' });
    return ' ';
  });
}

/**
 * Dockerfile instructions written as such (FROM, ENTRYPOINT): in capitals, in a question that speaks of a
 * Dockerfile or names two of them. "from" and "run" are everyday words otherwise.
 */
function instructionWords(text: string, canonical: string, out: Word[]): void {
  const capitals = [...text.matchAll(/\b[A-Z]{2,}\b/g)].map((m) => m[0].toLowerCase());
  const instructions = capitals.filter((w) => DOCKERFILE_INSTRUCTIONS.has(w));
  if (instructions.length === 0) return;
  if (new Set(instructions).size < 2 && !/dockerfile|도커\s?파일/.test(canonical)) return;
  for (const w of new Set(instructions))
    out.push({ token: `dockerfile:${w}`, typed: w.toUpperCase(), shape: 'command' });
}

/** The parts of file paths (/mnt/c, ~/.docker/config.json): a place on a machine, part of a command line. */
function pathSegments(canonical: string): Set<string> {
  const segments = new Set<string>();
  for (const m of canonical.matchAll(/(?:^|[\s`'"(])(?:~|\.{1,2})?((?:\/[a-z0-9_.-]+)+)/g)) {
    for (const part of m[1]!.split(/[/.]/)) if (part) segments.add(part);
  }
  return segments;
}

/** Words written in camelCase or with capitals inside (useMemo, LazyColumn), lower-cased. */
function camelCaseWords(text: string): Set<string> {
  return new Set([...text.matchAll(/\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*\b/g)].map((m) => m[0].toLowerCase()));
}

/** snake_case, dotted.names, and Latin letters mixed with digits (python3, ec2, 100x100). */
function isIdentifierRun(run: string): boolean {
  return (
    /[a-z0-9]_[a-z0-9]|[a-z]\.[a-z]/.test(run) || (/[a-z]/.test(run) && /\d/.test(run) && /^[a-z0-9_.-]+$/.test(run))
  );
}

/** "docker-compose" is a known form; "host-dir" or "a.b" are two words; "k-means" is one (a lone letter is no word). */
function splitPunctuation(run: string): string[] {
  const trimmed = run.replace(/[._-]+$/, '');
  if (!/[._-]/.test(trimmed) || LEXICON.exact.has(trimmed) || HYPHENATED.has(trimmed)) return trimmed ? [trimmed] : [];
  // snake_case is one name (depends_on, innodb_buffer_pool_size).
  if (/[a-z0-9]_[a-z0-9]/.test(trimmed) && !trimmed.includes('.')) return [trimmed];
  const pieces = trimmed.split(/[._-]+/).filter(Boolean);
  return pieces.some((p) => /^[a-z]$/.test(p)) && /^[a-z0-9-]+$/.test(trimmed) ? [trimmed] : pieces;
}

const wordCache = new Map<string, string[]>();

/** One word → zero or more canonical tokens. Memoised: notes repeat their words a lot. */
function normalizeWord(word: string): string[] {
  let tokens = wordCache.get(word);
  if (!tokens) {
    tokens = normalizeUncached(word);
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(word, tokens);
  }
  return tokens;
}

function normalizeUncached(word: string): string[] {
  if (LEXICON.stopwords.has(word)) return [];
  const known = lookup(word);
  if (known) return [known];
  const variant = variantOf(word);
  if (variant) return [variant];
  // A lone letter is left from "what's" or "-v": no topic in it.
  if (!isHangul(word)) return word.length === 1 && /[a-z]/.test(word) ? [] : [stemEnglish(word)];

  const stripped = stripKorean(word);
  if (stripped === null) return [];
  if (!isHangul(stripped)) return [stripped]; // already a concept
  // Segmenting the whole word keeps a known word whose last syllable looks like a particle (경로).
  const split = splitCompound(stripped) ?? segmentIfPhrase(word);
  return split ?? [variantOf(stripped) ?? stripped];
}

/** A word's variant spelling; a Latin one (젠킨스 → jenkins) as the token the English word typed would be. */
function variantOf(word: string): string | undefined {
  const variant = LEXICON.variants.get(word);
  return variant === undefined || isHangul(variant) ? variant : (lookup(variant) ?? stemEnglish(variant));
}

/** A long Korean run read as words typed without spaces; 해당하나요 is a noun with 하다 asking, not 해당 + 하나 (one). */
function segmentIfPhrase(word: string): string[] | null {
  const run = word.replace(ASKING_HADA, '');
  return run.length >= UNSPACED_MIN ? segmentUnspaced(run) : null;
}

const ASKING_HADA = /(?<=[\uac00-\ud7a3]{2})하나(?:요|여|용)$/u;

/** Longest word tried as a compound of known words (the split is quadratic in its length). */
const MAX_COMPOUND = 12;

/** A Korean run this long that is no known word is likely a phrase typed without spaces. */
const UNSPACED_MIN = 4;

/**
 * Finds the known words inside Korean typed without spaces (쉘에서달러기호뜻 → shell dollar
 * symbol definition): longest known word first at each position; the stretches between them
 * are treated as words of their own, minus particles and endings.
 */
function segmentUnspaced(run: string): string[] | null {
  const tokens: string[] = [];
  let gap = '';
  const flushGap = () => {
    const word = gap ? stripKorean(gap) : null;
    if (word && !LEXICON.suffixes.includes(word)) tokens.push(lookup(word) ?? word);
    gap = '';
  };
  let found = 0;
  for (let i = 0; i < run.length; ) {
    let len = Math.min(8, run.length - i);
    while (len >= 2 && !lookup(run.slice(i, i + len))) len--;
    if (len >= 2) {
      flushGap();
      tokens.push(lookup(run.slice(i, i + len))!);
      found++;
      i += len;
    } else {
      gap += run[i];
      i++;
    }
  }
  flushGap();
  return found > 0 ? tokens : null;
}

/** Exact concept form, variant spelling, or verb stem. */
function lookup(word: string): string | undefined {
  const variant = LEXICON.variants.get(word) ?? word;
  const exact = LEXICON.exact.get(variant);
  if (exact) return exact;
  if (isHangul(word)) {
    for (const [stem, canonical] of LEXICON.stems) {
      if (word.startsWith(stem)) return canonical;
    }
    // A stem ending in a vowel fuses with its ending into one syllable (바꾸 → 바꿀, 바꿨; 지우 → 지운):
    // the word's jamo begin with the stem's.
    for (const { head, last, syllables, canonical } of FUSING_STEMS) {
      if (!word.startsWith(head) || word.length > syllables + 1) continue;
      const fused = disassemble(word[head.length] ?? '');
      if (fused.startsWith(last) && FUSED_ENDING.test(fused.slice(last.length))) return canonical;
    }
  }
  return undefined;
}

/** Verb stems of two syllables or more whose last syllable is an open one of a simple vowel (see lookup). */
const FUSING_STEMS = LEXICON.stems
  // A last syllable of one consonant and one simple vowel (바꾸, 지우): 바꿔 and 지워 are fused already.
  .filter(([stem]) => /^[\uac00-\ud7a3]{2,}$/.test(stem) && disassemble(stem.at(-1)!).length === 2)
  .map(([stem, canonical]) => ({
    head: stem.slice(0, -1),
    last: disassemble(stem.at(-1)!),
    syllables: stem.length,
    canonical,
  }));
/**
 * What an ending adds to a stem's last syllable: a final ㄴ, ㄹ, ㅁ or ㅂ (바꿀, 바꾼, 바꿈), or the vowel of
 * 어/아, past tense included (바꿔, 바꿨). 지원 adds ㅓ and ㄴ: another word, not 지우.
 */
const FUSED_ENDING = /^(?:[ㄴㄹㅁㅂ]|[ㅓㅏㅕ]ㅆ?)$/;

/**
 * Strips particles and endings while at least two syllables remain, checking the
 * lexicon after each cut. Returns null when the word was only a particle or ending.
 */
function stripKorean(word: string): string | null {
  if (isOnlySuffixes(word)) return null;
  let current = word;
  for (let guard = 0; guard < 3; guard++) {
    const suffix = LEXICON.suffixes.find(
      (s) =>
        current.endsWith(s) &&
        current.length > s.length &&
        (current.length - s.length >= 2 || isKnownOrStop(current.slice(0, -s.length))),
    );
    if (!suffix) {
      // A known noun with the copula (하나일 때, 컨테이너일까): the noun, and only when it is known (휴일 stays).
      const noun = COPULA.exec(current)?.[1];
      const known = noun && noun.length >= 2 ? lookup(noun) : undefined;
      if (known) return known;
      break;
    }
    current = current.slice(0, -suffix.length);
    const known = lookup(current);
    if (known) return known;
  }
  if (LEXICON.stopwords.has(current)) return null;
  // A verb made of a noun and 하다/되다 (마운트하여, 관리할): the noun is the topic.
  const verb = VERB_FROM_NOUN.exec(current);
  if (verb?.[1]) return lookup(verb[1]) ?? verb[1];
  return current;
}

const COPULA = /^([\uac00-\ud7a3]+?)(?:일|이면|일까|일지|인데|이라서)$/;

/** Particles written apart from their noun (Docker Image 들이): 들 + 이 is no word of its own. */
function isOnlySuffixes(word: string): boolean {
  if (word === '' || LEXICON.suffixes.includes(word)) return true;
  return LEXICON.suffixes.some(
    (s) => word.startsWith(s) && s.length < word.length && LEXICON.suffixes.includes(word.slice(s.length)),
  );
}

function isKnownOrStop(word: string): boolean {
  return lookup(word) !== undefined || LEXICON.stopwords.has(word);
}

/**
 * Splits a Korean compound written without spaces into known words
 * (도커허브 → docker hub, 컨테이너삭제 → container delete). Only a split that
 * covers the whole word counts, apart from a particle at the end.
 */
function splitCompound(word: string): string[] | null {
  // Longer runs are phrases typed without spaces: segmentUnspaced scans them in linear time.
  if (word.length < 3 || word.length > MAX_COMPOUND || LEXICON.exact.has(word)) return null;
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 0) {
    let matched = '';
    for (let len = rest.length; len >= 2; len--) {
      const head = rest.slice(0, len);
      if (lookup(head) && head !== word) {
        matched = head;
        break;
      }
    }
    if (!matched) {
      if (parts.length > 0 && (LEXICON.suffixes.includes(rest) || rest.length === 1)) break;
      return null;
    }
    parts.push(lookup(matched)!);
    rest = rest.slice(matched.length);
  }
  return parts.length >= 2 ? parts : null;
}

/** Folds English plurals and -ing/-ed forms, then re-checks the lexicon. */
function stemEnglish(word: string): string {
  const candidates: string[] = [];
  if (word.length > 4 && word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  // -es is a plural's own ending after a hiss (boxes, classes, matches); else the e is the word's (pieces, stages).
  const esStem = word.length > 4 && word.endsWith('es') ? word.slice(0, -2) : undefined;
  // The s of status, previous or analysis is the word's own, unless what is left is a word (menus → menu) or the
  // word is a short one's plural (apis, gpus).
  const ownS = /(?:ss|us|is)$/.test(word) && word.length > 4 && !isCommonEnglish(word.slice(0, -1));
  const sStem = word.length > 3 && word.endsWith('s') && !ownS ? word.slice(0, -1) : undefined;
  const hissed = esStem !== undefined && /(?:ss|x|zz|ch|sh)$/.test(esStem);
  for (const stem of hissed ? [esStem, sStem] : [sStem, esStem]) if (stem) candidates.push(stem);
  if (word.length > 5 && word.endsWith('ing')) candidates.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.length > 4 && word.endsWith('ed')) candidates.push(word.slice(0, -2), word.slice(0, -1));
  for (const c of candidates) {
    const known = LEXICON.exact.get(c);
    if (known) return known;
  }
  // An everyday word (caches → cache, not cach): the stem that is a word.
  return candidates.find((c) => isCommonEnglish(c)) ?? candidates[0] ?? word;
}

/** Jamo spelling of Korean (도커 → ㄷㅗㅋㅓ), so one wrong consonant is one edit, not a whole syllable. */
export function spelling(token: string): string {
  return isHangul(token) ? disassemble(token) : token;
}
