/**
 * Reading a chat message as a question: Slack markup out, the message cut into sentences (and Korean
 * "…는데," clauses), each with its role. People write a sentence of context, then the question; the
 * question is what the search should weigh, and greetings, thanks and apologies weigh nothing.
 */

export type Chat = 'greeting' | 'thanks';

/** question: asks something; context: tells the situation around it; chat: greeting, thanks, apology. */
export type SentenceRole = 'question' | 'context' | 'chat';

export interface Sentence {
  text: string;
  role: SentenceRole;
  /** Which sentence of the message this is: the clauses of one sentence share it. */
  sentence: number;
}

export interface Message {
  /** In message order, only those read (see MAX_QUESTION_CHARS). */
  sentences: Sentence[];
  /** Set when the whole message is a greeting or thanks with no question in it. */
  chat?: Chat;
}

/** How much of a message is read; a pasted log must not stall every other user. The question is read first. */
export const MAX_QUESTION_CHARS = 500;
/** How much of a message is scanned for its question at all (Slack's own limit is 40,000 characters). */
const MAX_SCAN_CHARS = 8_000;

const SLACK_MARKUP: Array<[RegExp, string]> = [
  [/<[@#!][^>]*>/g, ' '], // <@U123>, <#C123|general>, <!here>
  [/<[a-z]+:[^|>]*\|([^>]*)>/gi, '$1'], // <https://…|label> → label
  [/<[a-z]+:[^>]*>/gi, ' '], // a bare link
  [/(^|\s)@[\w.-]+/g, '$1'], // @docker-notes-bot typed as text
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  [/&amp;/g, '&'],
];
/** Emoji codes (:pray:), emoji, and runs of ㅠ/ㅋ/ㅎ end a sentence as a full stop does. */
const SENTENCE_MARK =
  /:[a-z0-9_+'-]+:|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|[ㅠㅜㅋㅎ]{2,}/gu;
const THANKS_MARK = /:(?:pray|bow|\+1|thumbsup|clap|raised_hands|heart|smile|blush|ok_hand):|[👍🙏🙇👏❤😊🙌👌]/u;

const GREETING =
  /^(?:안녕(?:하세요|하십니까|하세용|요)?|하이|헬로|ㅎㅇ|반가워요|반갑습니다|처음 뵙겠습니다|좋은\s*(?:아침|하루|오후|저녁|주말)(?:이에요|입니다|이요|요)?|hi|hello|hey|hiya|yo|howdy|good\s+(?:morning|afternoon|evening|day))$/i;
const THANKS =
  /^(?:감사(?:합니다|해요|드립니다|드려요)?|고마워(?:요)?|고맙습니다|땡큐|쌩큐|ㄱㅅ|ㄳ|덕분(?:에|입니다|이에요)|도움이\s*(?:됐어요|됐습니다|되었어요|되었습니다|많이\s*됐어요)|잘\s*(?:봤습니다|봤어요|알겠습니다)|최고(?:예요|에요|입니다)?|thanks?|thank\s*you|thx|ty|tysm|cheers|much appreciated|appreciated|great|awesome|perfect|nice|cool|got it)$/i;
/** Neither question nor context: an apology, a self-introduction's opener, a "quick question" lead-in. */
const PLEASANTRY =
  /^(?:죄송(?:합니다|해요)?|미안(?:합니다|해요)?|실례(?:합니다)?|바쁘신데|질문\s*(?:하나|있어요|있습니다|드려요|드립니다|드릴게요)|궁금한 게 있어요|sorry|excuse me|quick question|question|qq|a question|ok|okay|네|넵|알겠습니다|알겠어요|ㅇㅋ|so|um|uh|please|plz|pls|여러분|님들|팀원분들)$/i;

/**
 * Small talk: greetings, thanks, praise, "got it", goodbyes, laughter, a test message. A sentence that
 * has one, asks nothing and is short is chat, whatever else it says ("덕분에 바로 해결됐어요").
 */
const SMALL_TALK =
  /안녕|ㅎㅇ|반가|감사|고마|고맙|땡큐|쌩큐|수고|덕분|대박|최고|짱|굿굿|(?<!불)편하네|(?<!안\s?)좋네요|멋지|훌륭|해결\s?(?:됐|되었|했)|잘\s?(?:됐|되네|돼요|되요|봤)|이해했|알겠|알았어|넵|ㅇㅋ|믿고\s?갑니다|테스트\s?메시지|무시하셔도|\b(?:thanks?|thx|ty|tysm|cheers|appreciated?|saved my|worked|got it|great|awesome|nice|cool|perfect|bye|hi|hello|hey|morning|evening|test message|ignore this)\b/i;
const MAX_SMALL_TALK_CHARS = 60;
const GREETING_WORD =
  /안녕|ㅎㅇ|반가|좋은\s*(?:아침|하루|저녁|주말)|\b(?:hi|hello|hey|hiya|yo|howdy|morning|evening|afternoon)\b/i;
const THANKS_WORD = /감사|고마|고맙|땡큐|쌩큐|덕분|수고|\b(?:thanks?|thx|ty|tysm|cheers|appreciated?)\b/i;

/** Korean endings and English openings that ask something. */
const KOREAN_ASKING =
  /(?:나요|까요|가요|죠|니|냐|래요|는지|는지요|은지|인지|을까|은가|인가|어때|어때요|되나|하나|있나|없나|맞나|뭐야|뭐예요|뭐에요|뭔가요|뭐임|뭐지|뭔데|뭐고|뭘까|고요|는요|은요|면요|까)$/;
/** A request to explain or tell asks too, full stop or not. */
const KOREAN_REQUEST =
  /(?:알려\s?주세요|알려\s?줘|알려\s?주실\s?수|설명\s?해\s?주세요|설명\s?해\s?줘|설명\s?부탁|부탁(?:드려요|드립니다|해요)|궁금(?:합니다|해요|하네요)|모르겠(?:어요|습니다|네요|어))$/;
const ENGLISH_ASKING =
  /^(?:what|whats|what's|how|why|when|where|which|who|whose|can|could|is|are|do|does|did|should|would|will|may|must|please|pls|explain|tell me|describe|any|anyone|and)\b/i;

/**
 * The sentences of a message with their roles, the question ones first within MAX_QUESTION_CHARS,
 * and whether it is only chat. Code in backticks stays whole.
 */
export function readMessage(text: string): Message {
  let clean = text.slice(0, MAX_SCAN_CHARS).normalize('NFC');
  for (const [pattern, replacement] of SLACK_MARKUP) clean = clean.replace(pattern, replacement);
  const sentences = splitSentences(clean).map(
    ({ text, sentence }): Sentence => ({ text, role: roleOf(text), sentence }),
  );
  // "json? yaml?" after a question are guesses at its answer, not questions of their own.
  sentences.forEach((s, i) => {
    const asked = sentences.slice(0, i).some((p) => p.role === 'question' && wordCount(p.text) > 2);
    if (s.role === 'question' && asked && wordCount(s.text) <= 2) s.role = 'context';
  });
  if (sentences.every((s) => s.role === 'chat') && (sentences.length > 0 || SENTENCE_MARK.test(clean))) {
    const all = sentences.map((s) => s.text).join(' ');
    const greeting = GREETING_WORD.test(all) && !THANKS_WORD.test(all) && !THANKS_MARK.test(clean);
    return { sentences: [], chat: greeting ? 'greeting' : 'thanks' };
  }
  return { sentences: withinBudget(sentences) };
}

const wordCount = (sentence: string) => bare(sentence).split(' ').filter(Boolean).length;

/** A sentence without punctuation, fillers at its edges and extra spaces, for the chat patterns. */
function bare(sentence: string): string {
  return sentence
    .replace(/[^\p{L}\p{N}\s+']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A chat sentence is made only of greetings, thanks and pleasantries (안녕하세요 감사합니다, hi there). */
function isChat(sentence: string): boolean {
  const words = bare(sentence);
  if (words === '') return true;
  if (GREETING.test(words) || THANKS.test(words) || PLEASANTRY.test(words)) return true;
  // "hi team", "thanks a lot!", "감사합니다 여러분": a chat phrase with a filler word.
  const parts = words.split(' ');
  if (parts.length > 4) return false;
  const chatPart = (w: string) => GREETING.test(w) || THANKS.test(w) || PLEASANTRY.test(w);
  const fillers =
    /^(?:there|all|team|guys|everyone|folks|a|lot|so|much|very|again|bot|you|님|여러분|모두|다들|정말|진짜|너무|많이|항상|again)$/i;
  return parts.some(chatPart) && parts.every((w) => chatPart(w) || fillers.test(w) || /^(?:thank|you)$/i.test(w));
}

function roleOf(sentence: string): SentenceRole {
  if (isChat(sentence)) return 'chat';
  const trimmed = sentence.trim();
  if (/[?？]/.test(trimmed)) return 'question';
  const end = trimmed.replace(/[\s.!~。…]+$/u, '');
  if (KOREAN_REQUEST.test(end)) return 'question';
  // A clause cut at "…는데," or "…더니" tells what happened; the question follows it.
  if (/(?:는데|은데|인데|던데|더니)요?,?$/.test(end)) return 'context';
  if (SMALL_TALK.test(trimmed) && trimmed.length <= MAX_SMALL_TALK_CHARS) return 'chat';
  // A full stop makes "에러가 나요." a statement; without one, "…나요" is read as asking.
  if (/[.。]$/.test(trimmed)) return 'context';
  if (KOREAN_ASKING.test(end) || ENGLISH_ASKING.test(trimmed)) return 'question';
  return 'context';
}

/**
 * Sentences end at . ! ? followed by a space, at a line break, at an emoji or ㅠㅠ; a Korean "…는데," or
 * "…더니" clause is context for what follows it. Code in backticks is never cut.
 */
function splitSentences(text: string): Array<{ text: string; sentence: number }> {
  const code: string[] = [];
  const masked = text.replace(/`[^`]*`/g, (span) => `\uE000${code.push(span) - 1}\uE000`);
  const unmask = (s: string) => s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)]!).trim();
  return masked
    .replace(SENTENCE_MARK, '\n')
    .split(/(?<=[?？!！。])\s*|(?<=\.)\s+|\n+/u)
    .flatMap((sentence, n) =>
      sentence
        .split(/(?<=[\uac00-\ud7a3](?:는데|은데|인데|던데|더니)요?,?)\s+/u)
        .map((clause) => ({ text: unmask(clause), sentence: n })),
    )
    .filter((s) => /[\p{L}\p{N}$]/u.test(s.text));
}

/** The question sentences first, then the context nearest them, up to MAX_QUESTION_CHARS in all; message order kept. */
function withinBudget(sentences: Sentence[]): Sentence[] {
  const order = sentences
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.role !== 'chat')
    .sort((a, b) => rank(a.s) - rank(b.s) || b.i - a.i);
  const kept: Array<{ s: Sentence; i: number }> = [];
  let budget = MAX_QUESTION_CHARS;
  for (const item of order) {
    if (budget <= 0) break;
    const text = item.s.text.slice(0, budget);
    budget -= text.length + 1;
    kept.push({ s: { ...item.s, text }, i: item.i });
  }
  return kept.sort((a, b) => a.i - b.i).map(({ s }) => s);
}

const rank = (s: Sentence) => (s.role === 'question' ? 0 : 1);
