import { combineCharacter, disassembleCompleteCharacter } from 'es-hangul';

/**
 * Reading a chat message as a question: Slack markup out, the message cut into sentences (and Korean
 * "…는데," clauses), each with its role. People write a sentence of context, then the question; the
 * question is what the search should weigh, and greetings, thanks and apologies weigh nothing.
 */

export type Chat = 'greeting' | 'thanks' | 'help' | 'sorry';

/** question: asks something; context: tells the situation around it; chat: greeting, thanks, apology. */
export type SentenceRole = 'question' | 'context' | 'chat';
/** While reading: a wish ("알고 싶어요") is the question only when no sentence asks outright. */
type ReadRole = SentenceRole | 'wish' | 'known';

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
  /**
   * What the asker says they know already, from the notes or not ("…라는 건 노트에서 봤어요", "I get that
   * `$()` runs first", "Compose is YAML, got that"): the part a note covers when the question goes beyond it.
   */
  known?: string[];
  /** A question sentence speaks to the bot ("넌 누가 만들었어?", "how should I use you?"). */
  toBot?: boolean;
  /** Every sentence states something to the room and none asks, wishes or tells of trouble (see isStatement). */
  states?: boolean;
  /** What says the answer did not help ("아직도 안 되는데요", "same error as before"), in a short message of no code. */
  failing?: string;
}

/** How much of a message is read; a pasted log must not stall every other user. The question is read first. */
export const MAX_QUESTION_CHARS = 500;
/**
 * How much of a message is scanned for its question at all (Slack's own limit is 40,000 characters;
 * the shell and the CLI have none): search reads no further either.
 */
export const MAX_SCAN_CHARS = 8_000;

/** The part of a message that is read: its first MAX_SCAN_CHARS, never half a surrogate pair. */
export function scannedPart(text: string): string {
  if (text.length <= MAX_SCAN_CHARS) return text;
  const cut = text.slice(0, MAX_SCAN_CHARS);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const SLACK_MARKUP: Array<[RegExp, string]> = [
  [/<[@#!][^>]*>/g, ' '], // <@U123>, <#C123|general>, <!here>
  [/<[a-z]+:[^|>]*\|([^>]*)>/gi, '$1'], // <https://…|label> → label
  [/<[a-z]+:[^>]*>/gi, ' '], // a bare link
  [/(^|\s)@[\p{L}\p{N}_.-]+/gu, '$1'], // @docker-notes-bot, @도커봇 typed as text
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  [/&amp;/g, '&'],
];
/**
 * Emoji codes (:pray:), emoji, and ㅠ/ㅋ/ㅎ end a sentence as a full stop does: a run of them anywhere, a lone one
 * standing apart or after a Korean word ("벼락치기 중입니다 ㅠ 도커 컴포넌트가…", "에러가 나요ㅠ 뭘 먼저…").
 */
const SENTENCE_MARK =
  /:[a-z0-9_+'-]+:|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|[ㅠㅜㅋㅎ]{2,}|(?<=[\s\uac00-\ud7a3])[ㅠㅜㅋㅎ](?=\s|$)|(?<=\s|^)(?:[:;]-?[)(DPp]|\^\^|\^_\^)(?=\s|$)/gu;
/** The same, for a test: a global pattern's test would carry lastIndex from one call to the next. */
const HAS_SENTENCE_MARK = new RegExp(SENTENCE_MARK.source, 'u');
const THANKS_MARK = /:(?:pray|bow|\+1|thumbsup|clap|raised_hands|heart|smile|blush|ok_hand):|[👍🙏🙇👏❤😊🙌👌]/u;

const GREETING =
  /^(?:안녕(?:하세요|하십니까|하세용|요)?|안[뇽냥](?:하세요|하세용)?|하이|하잉|헬로우?|굿모닝|굿\s?모닝|ㅎㅇ|(?:(?:다들|모두|여러분)\s*)?출근\s*(?:하셨나요|하셨어요|했어요|완료)|반가워요|반갑습니다|처음 뵙겠습니다|오랜만(?:이에요|입니다|이네요|이요|요)?|좋은\s*(?:아침|하루|오후|저녁|주말)(?:이에요|예요|입니다|이요|요|\s*(?:되세요|보내세요|되십시오))?|수고\s*하세요|수고하셨습니다|(?:\S+\s+){0,4}인사\s?(?:드립니다|드려요|올립니다|드릴게요)|(?:(?:주말|휴가|연휴|명절|하루|오늘)\s*)?잘\s?(?:지내셨(?:죠|어요|나요|습니까)|지내시죠|지내세요|지냈어요|지냈지|보내셨(?:죠|어요|나요))|hi|hello|hey|heya|hiya|yo|howdy|greetings|good\s+(?:morning|afternoon|evening|day)|hope\s+(?:you(?:'re|\s+are)\s+(?:having\s+a\s+(?:good|great|nice)\s+(?:day|week|morning)|(?:doing\s+)?well)|all\s+is\s+well|everyone(?:'s|\s+is)\s+(?:well|good))|(?:(?:hey|hi|hello|yo)\s+)?(?:are\s+)?(?:you|u|anyone|anybody)\s+(?:around|there|here|online|awake))$/i;
const THANKS =
  /^(?:감사(?:합니다|해요|드립니다|드려요)?|감삼다|감사링|감솨|감사감사|고마워(?:요)?|고맙습니다|땡큐|쌩큐|(?:ㄱㅅ)+|ㄳ+|생큐|쌩유|땡스|덕분(?:에|입니다|이에요)|(?:큰\s*|많은\s*)?도움(?:이)?\s*(?:많이\s*)?(?:됐어요|됐습니다|되었어요|되었습니다|돼요|됩니다)|잘\s*(?:봤습니다|봤어요|알겠습니다)|최고(?:예요|에요|입니다)?|thanks?|thank\s*(?:you|u)|thx|thnx|thanx|tnx|ty|tysm|cheers|much appreciated|appreciated|great|awesome|perfect|nice|cool|got it|you\s+rock|you'?re\s+the\s+best)$/i;
/**
 * Goodbyes, one or several ("take care, talk later", "내일 봬요", "먼저 들어가보겠습니다", "오늘은 여기까지"): chat
 * as a greeting is. Each part is one way of leaving, so a new form is one more alternative.
 */
const FAREWELL_PARTS = [
  // Korean: thanks for the work, going home, see you, have a good evening
  '(?:(?:오늘도|오늘|다들|모두|여러분)\\s*)?(?:수고|고생)\\s*(?:하세요|하셨어요|하셨습니다|많으셨습니다|많으셨어요|많으세요|하셨습니당|했어요)',
  '안녕히\\s*(?:계세요|가세요|주무세요)',
  '(?:내일|다음에|담에|이따|나중에|월요일에|다음\\s*주에?|또)\\s*(?:또\\s*)?(?:봬요|뵐게요|뵙겠습니다|봐요|봐|만나요|만나|물어볼게요?|여쭤볼게요?|올게요)',
  '(?:(?:전|저|저는|그럼|이제|먼저)\\s*)*(?:이만|들어가\\s*(?:보\\s*)?겠습니다|들어가볼게요|들어갈게요|가볼게요|가보겠습니다|갈게요|퇴근(?:하겠습니다|할게요|합니다|해요|합니당)?)',
  '(?:오늘은|오늘|그럼)?\\s*여기까지(?:요|입니다|\\s*(?:할게요|할께요|하겠습니다|할게|합시다))?',
  '들어가(?:세요|십시오)',
  '(?:점심|밥|저녁|커피)\\s*(?:먹으러|마시러|하러)\\s*(?:갑니다|가요|갈게요|다녀올게요|다녀오겠습니다|감)',
  // "빌드 돌려놓고 점심 먹고 올게요": something left running, then away for a meal.
  '(?:(?:\\S+\\s+){1,2}(?:돌려|걸어|켜|띄워)\\s?놓고\\s+)?(?:점심|밥|저녁|커피)\\s*(?:먹고|마시고)\\s*(?:올게요|올께요|오겠습니다|옵니다|와요)',
  '(?:굿\\s*밤|굿\\s*나잇)\\s*(?:되세요|보내세요|하세요)',
  '(?:좋은|즐거운)\\s*(?:밤|꿈|하루|주말|저녁|연휴|휴가)\\s*(?:되세요|보내세요|꾸세요)',
  '(?:주말|하루|저녁|연휴|휴가|밤)\\s*(?:잘|즐겁게|푹)?\\s*(?:보내세요|보내요|쉬세요)',
  '잘\\s*(?:자요|자|가요|가|있어요|있어|계세요|들어가세요)|굿\\s*(?:밤|나잇)|ㅂㅂ|ㅂㅇ|ㅃㅃ|바이바이|빠이',
  // English
  // One way to read each goodbye: "bye bye" is bye twice, "see you all" is see you and the room.
  "bye|goodbye|good\\s*night|g'?night|night|nite|gn|gtg|g2g",
  'see\\s+(?:you|ya|u)(?:\\s+(?:tomorrow|soon|next\\s+week|on\\s+monday|around))?|cya(?:\\s+(?:tomorrow|soon|later))?|later|laters|ttyl',
  'talk\\s+(?:to\\s+you\\s+)?(?:later|soon|tomorrow)|catch\\s+(?:you|ya)\\s+(?:later|tomorrow|soon)|until\\s+next\\s+time|till\\s+next\\s+time|peace(?:\\s+out)?',
  'take\\s+care|have\\s+a\\s+(?:good|great|nice|lovely)\\s+(?:day|one|night|evening|weekend|week)(?:\\s+(?:all|everyone|folks))?',
  "(?:i'?m|i\\s+am)\\s+off|got(?:ta|\\s+to)\\s+(?:go|run|bounce)|heading\\s+(?:out|off|home)|(?:signing|logging)\\s+off",
  "(?:that'?s|that\\s+is)\\s+(?:all|it)\\s+for\\s+(?:today|now)|done\\s+for\\s+(?:today|the\\s+day)",
];
const FAREWELL = new RegExp(
  // A word of agreement before it ("ok that's all for now"), the room or the bot after it ("잘 자 봇").
  `^(?:(?:ok|okay|alright|well|so|그럼|네|넵)\\s+)?(?:(?:${FAREWELL_PARTS.join('|')})(?:\\s+(?:for\\s+today|today|for\\s+now|now|all|everyone|봇|bot|다들|여러분))?\\s*)+$`,
  'i',
);
/** Neither question nor context: an apology, a self-introduction's opener, a "quick question" lead-in, "umm", "음…". */
const PLEASANTRY =
  /^(?:죄송(?:합니다|해요)?|미안(?:합니다|해요)?|실례(?:합니다)?|바쁘신데|질문\s*(?:하나|있어요|있습니다|드려요|드립니다|드릴게요)|궁금한 게 있어요|sorry|excuse me|quick question|question|qq|a question|ok|okay|네|넵|알겠습니다|알겠어요|ㅇㅋ|so|u+m+|u+h+|h+m+|err+|erm|음+|흠+|please|plz|pls|여러분|님들|팀원분들|잠깐만요|잠시만요|잠깐만|잠시만)$/i;
/**
 * A word of agreement or acknowledgement, alone or with the room or the bot: "넵넵", "확인했습니다", "roger
 * that", "noted", "kk". Chat, as thanks are: it asks nothing.
 */
const ACKNOWLEDGEMENT =
  /^(?:\+1+|네+|넵+|넹+|옙+|예+|넵넵|네네|예예|ㅇㅇ|ㅇㅋ+|ㅇㅎ|오케이|오키|콜|굿+|굿굿|확인(?:했습니다|했어요|했음|요|입니다|완료)?|알겠음|알겠슴다|알았어요|오호|아하|ok(?:ay)?|k+|kk|roger(?:\s+that)?|ack|noted|will\s+do|understood|sure|sounds\s+good|all\s+good|no\s+worries|np|nvm|never\s*mind|lol|lmao|(?:ha){1,10}h?|(?:he){2,10}h?|brb|afk|gm|okie(?:\s+dokie)?|okey\s+dokey)$/i;
/**
 * A message that checks the bot is there, or a test: "test", "테스트", "ping", "bot?", "살아있니?", "are you alive".
 * Answered with how to ask, never with a note that mentions tests.
 */
/** Stepping away or a message sent by mistake ("잠깐 자리 비울게요", "sorry wrong channel"): it asks nothing. */
const ASIDE =
  /^(?:(?:죄송(?:합니다|해요)?|미안(?:합니다|해요)?|sorry|oops|앗|헉)\s+(?:for\s+the\s+(?:spam|noise)\s+)?)?(?:(?:(?:저|제가)\s+)?(?:지금\s+)?(?:\S+\s+){0,2}중이라\s+)?(?:(?:fyi\s+)?(?:i'?ll|i\s+will|i'?m|i\s+am)\s+(?:be\s+)?(?:ooo|out\s+of\s+(?:the\s+)?office|off|on\s+(?:leave|pto|vacation))(?:\s+(?:tomorrow|today|this\s+afternoon|next\s+week|until\s+\w+|on\s+\w+))?|(?:(?:채널|방)\s*)?잘못\s*(?:보냈|올렸|왔|들어왔)(?:어요|습니다|네요|다)|wrong\s+(?:channel|thread|chat|window|room|dm|person|link|place|group|file|message)|(?:(?:잠깐|잠시)\s*)?자리\s*(?:비울게요|비워요|비웁니다|비움|비울게)|회의\s*(?:들어갑니다|들어가요|들어갈게요|중이에요|중입니다)|돌아왔(?:습니다|어요)|다녀왔(?:습니다|어요))(?:\s+(?:죄송합니다|죄송해요|sorry))?$/i;
const PRESENCE_CHECK =
  /^(?:(?:test(?:ing)?|테스트)(?:\s*\d)+|test(?:ing)?|테스트(?:입니다|중|요)?|ping|봇|봇아|bot|살아\s?있(?:니|냐|나요|어요|어|음)|(?:are\s+)?(?:you|u)\s+(?:even\s+|still\s+)?(?:alive|up|awake|working)|anyone\s+home|sup|wassup|what'?s\s+up|봇\s*(?:있(?:나요|어요|니|냐|음|어)|살아\s?있음)|(?:봇\s+)?(?:지금\s+)?(?:일\s?(?:하냐|하니|하나요|하세요|해|해요|하는\s?중)|계세요|계신가요|듣고\s?있(?:어|니|냐|나요|어요|음)|(?:작동|동작)\s?(?:중|하)(?:이에요|이야|인가요|이니|니|나요|냐|해요|해)?)|여보세요|거기\s*(?:누구\s*)?(?:있어요|있나요|계세요|있음)|(?:hello|hi|hey)\s+anyone|anyone|anybody|anyone\s+(?:there|around|here|awake))$/i;

/** A message asking about the bot itself, or for help using it: answered with what it does and its topics. */
const ABOUT_BOT =
  /^(?:(?:bot|봇아?|봇님)\s+)?(?:help(?:\s+me)?|도움말|헬프|사용법(?:\s*(?:좀|은|이)?\s*(?:알려\s*(?:줘|주세요|줄래)|뭐야|뭐예요|뭐에요))?|명령어\s*목록|what\s+(?:can|do)\s+(?:you|u)\s+do|what\s+are\s+(?:you|u)(?:\s+for)?|who\s+are\s+(?:you|u)|are\s+(?:you|u)\s+(?:a\s+bot|(?:an?\s+)?(?:ai|human|robot|real\s+person|person|chatgpt|gpt|llm))|(?:너|넌|너는|봇은?|이\s*봇은?)\s*(?:ai|인공지능|로봇|사람|챗봇|chatgpt|gpt)(?:이야|야|이에요|예요|에요|인가요|임|이니|니|냐|이냐|세요|이세요)?|how\s+do\s+(?:i|we)\s+use\s+(?:you|u|this(?:\s+bot)?|the\s+bot)|(?:너|넌|너는)\s*누구(?:야|니|세요|예요|에요)?|누구세요|(?:너|넌|너는)?\s*뭐\s*할\s*(?:수|줄)\s*(?:있어|있어요|있나요|있니|알아)|(?:넌|너는|이\s*봇은?|봇은?)\s*뭐\s*하는\s*(?:봇|애|거)(?:야|예요|에요|이야|임|니)?|무슨\s*봇이(?:야|에요|예요|니)|(?:이\s*봇\s*)?어떻게\s*(?:써|쓰는\s*거|사용해|사용하는\s*거)(?:요|야|예요|에요)?|(?:(?:도커|docker)\s*)?(?:(?:뭐|어떻게|뭐라고|어떤\s*식으로)\s*)?(?:질문|물어|여쭤)\s*(?:하나\s*|좀\s*|몇\s*개\s*)?(?:해도|봐도|볼게|봐|보면)?\s*(?:돼|돼요|될까요|되나요|되니|될까|괜찮아요|괜찮을까요|괜찮나요)|what\s+(?:topics|things|questions|stuff)\s+(?:do|can)\s+(?:you|u)\s+(?:cover|answer|know|handle|help\s+with)|what\s+do\s+(?:you|u)\s+(?:cover|know\s+about)|(?:뭐|무슨\s*질문|어떤\s*질문|어떤\s*거|무슨\s*거)\s*(?:물어볼|질문할|여쭤볼|받)\s*(?:수\s*있(?:어|어요|나요|니|음)|아요|나요|니|어요)|(?:can|could|may)\s+i\s+ask\s+(?:you\s+)?(?:something|a\s+question|a\s+few\s+questions|questions|anything)(?:\s+about\s+docker)?)$/i;
/**
 * Saying the bot got it wrong or was no help ("답이 틀렸어요", "이거 물어본 거 아닌데", "that's not what I asked",
 * "this bot is useless"): a short message with one, about the answer or the bot, is a complaint, answered with an
 * apology and how to ask again, never with a note. What the asker says of themselves ("제가 틀렸네요", "답이 늦어서
 * 죄송해요"), thanks ("nothing wrong, thanks!") and other things ("my wifi is so slow") are not.
 */
const COMPLAINT =
  /딴소리|틀렸|틀린\s?(?:답|거|말|내용)|잘못\s?(?:된|알려|답|대답)|엉뚱|동문서답|헛소리|뭐라는|이상한\s?(?:답|소리|대답|말)|(?:물어본|질문한|원한|묻는|찾던|궁금한)\s?(?:거|것|게|건)\s?(?:아닌|아니|아냐|아님)|(?:답|대답|답변)(?:이|은|도)?\s?(?:좀\s?|너무\s?|왜\s?이렇게\s?)?(?:길어|길다|기네|짧아|짧다|짧네|느려|느리네|늦어|늦네|이상해|이상하네|이상한데|이상함|이상하다|별로|엉망)|(?:상관|관계)\s?없는\s?(?:답|대답|답변|얘기|소리|내용)|(?:무슨|뭔)\s?소리(?:야|예요|에요|임|지|냐|래|세요)|\b(?:misunderstood|misread|wrong|incorrect|not\s+(?:what|the\s+answer)\s+(?:i|we)\s+(?:asked|meant|wanted|was\s+looking\s+for)|that'?s\s+not\s+(?:it|right|what\s+i\s+(?:asked|meant))|nonsense|bad|slow|not\s+even\s+close|missed\s+the\s+point)\b/i;
/** Saying the answer was no help: about the answer whatever else it names ("하나도 도움이 안 됐어요", "useless"). */
const NO_HELP =
  /도움(?:이|은|도)?\s?(?:하나도\s?|별로\s?|전혀\s?)?안\s?(?:돼|되|됐|됨)|쓸모\s?(?:가\s?)?없|\b(?:useless|not\s+(?:very\s+|really\s+)?helpful|unhelpful|(?:didn'?t|doesn'?t|does\s+not|did\s+not)\s+help|no\s+help|makes\s+no\s+sense|(?:doesn'?t|does\s+not)\s+make\s+(?:any\s+)?sense)\b/i;
/** What a complaint is about: the answer or the bot ("답이", "이거", "this bot", "that answer", "you"). */
const THE_ANSWER =
  /답|대답|답변|봇|이거|그거|이건|그건|이게|그게|\b(?:bot|answer|answers|reply|replies|response|this|that|it|you|u|ur|your)\b/i;
/** The asker speaking of themselves or apologising ("제가", "답이 늦어서 죄송해요", "I was wrong"), or a question ("what's wrong with my laptop?"). */
const NOT_OF_THE_BOT =
  /(?:제가|내가|저는|저도)(?!\s?(?:물어본|질문한|원한|찾던|묻는|궁금한))|죄송|미안|\b(?:i(?!\s+(?:asked|meant|wanted|was\s+looking))|i'm|my(?!\s+question)|me|we|our|sorry|what'?s|why|how)\b|왜|어떻게|뭐가/i;
/**
 * Still broken after the answer, or lost by it: "아직도 안 되는데요", "그대로 했는데 여전히 에러나요", "해결되지
 * 않았습니다", "무슨 말인지 모르겠어요", "still broken", "same error as before", "what do you mean?".
 */
const STILL_FAILING =
  /(?:했|해\s?봤|해)(?:는데도?|어도|도)\s?(?:안\s?(?:돼|되|됩|됨)|똑같|그대로|여전)|아직(?:도)?\s?안\s?(?:돼|되|됨)|여전히\s?(?:안\s?(?:돼|되|됨)|에러|오류|똑같|그대로)|(?:그대로|말씀(?:하신|해\s?주신)?\s?대로|알려\s?주신\s?대로)\s?했는데|말씀(?:하신|해\s?주신)?\s?대로|해결(?:이|은)?\s?(?:안\s?(?:됐|되|돼)|되지\s?않)|똑같은\s?(?:에러|오류)|무슨\s?말인지|\b(?:still\s+(?:broken|failing|fails|not\s+working|doesn'?t\s+work|the\s+same|same|erroring|no\s+luck)|same\s+(?:error|issue|problem)(?:\s+as\s+before)?|(?:didn'?t|did\s+not|doesn'?t|does\s+not)\s+(?:work|fix\s+it)|no\s+luck|what\s+do\s+you\s+mean|i'?m\s+(?:confused|lost)|not\s+answering\s+my\s+(?:question|query))\b/gi;
/** What was failing is fixed now ("the same error as before is gone now", "이제 똑같은 에러 안 나요"). */
const NOW_FIXED = /\b(?:gone|fixed|resolved|solved|works?\s+now)\b|사라졌|해결됐|해결했|이제\s?(?:돼|되|됨|안\s?나)/i;
/** An error code, a flag, a path or a dotted name: a message with one tells what broke, to be searched. */
const TECHNICAL_WORD = /\b[A-Z]{3,}\b|\w[./]\w|(?:^|\s)--?\w|\d{3,}|[a-zA-Z]\d/;
/** A complaint is short: a long message with one of its words in it tells a story. */
const MAX_COMPLAINT_CHARS = 80;

/**
 * Small talk about the day (lunch, coffee, the weather, being hungry or tired): a short message on one with no
 * Docker word or code in it asks the notes nothing, unless it asks how ("how to brew coffee" is a question the
 * notes do not cover, and a gap to record).
 */
const DAY_TALK =
  /점심|저녁\s*(?:뭐|먹|메뉴)|밥\s*(?:먹|뭐|메뉴)|커피|날씨|비\s*(?:온|와|오)|눈\s*(?:온|와|오)|배고|졸려|졸리|피곤|월요병|불금|퇴근|출근|야근|회식|휴가|연차|\b(?:lunch|coffee|weather|hungry|sleepy|raining|snowing|tgif|commute|weekend|vacation|holiday)\b/i;
// The notes' subjects, so that "퇴근 전에 $() 뜻 알려줘" or "what's a cluster, before the holiday" still asks them.
const DOCKER_TALK =
  /도커|docker|컨테이너|container|이미지|image|쿠버|k8s|kube|compose|컴포즈|swarm|스웜|registry|레지스트리|허브|\bhub\b|볼륨|volume|wsl|엔진|engine|서버|server|배포|deploy|빌드|build|클러스터|cluster|오케스트|orchestrat|노드|\bnodes?\b|마운트|mount|루트|디렉|director|셸|쉘|shell|변수|variable|명령|command|\$/i;
const WEEKDAY_FEELING =
  /(?:월요일|금요일|주말|\bmondays?|\bfridays?)\S*\s*(?:싫|좋|힘들|피곤|최고|화이팅|파이팅|이다|이네|ㅠ|ㅜ|ㅎ|ㅋ|sucks?\b|again\b|already\b|vibes\b)/i;
const MAX_DAY_TALK_CHARS = 40;
const ASKS_HOW = /어떻게|어케|방법|하는\s?법|추천|레시피|메뉴|\b(?:how|recipe|menu|recommend|best|which)\b/i;

/**
 * Small talk: greetings, thanks, praise and reactions ("정리 깔끔하네요", "lgtm", "makes sense now"), "got it",
 * goodbyes, laughter, a test message. A short sentence that has one and asks nothing is chat, whatever else it
 * says ("덕분에 바로 해결됐어요", "nice, works now").
 */
const SMALL_TALK =
  /생일|생신|축하(?:해|드려|드립|합니다|해요)|귀엽|귀여워|혼자\s?해결|해결함|안녕|ㅎㅇ|반가|잘\s?부탁|감사|고마|고맙|땡큐|쌩큐|수고|덕분|대박|최고|짱|굿굿|(?<!불)편하네|(?<!안\s?)좋(?:네요|네|다|아요|습니다)|멋지|멋있|훌륭|완벽|깔끔|명쾌|신기|유용(?:하|해|했|한|함)|헐|와우|우와|오오|아하|재밌|재미있|흥미롭|알\s?것\s?같아요|감\s?잡았|그렇군|그렇구나|그랬구나|(?:였|이었|거였)구나|해결\s?(?:됐|되었|했)|^\s*(?:오\s?)?(?:이제\s?)?(?:됐다|됐어요|됐네요|됨|되네요|돼요)[\s.!~ㅎㅋ]*$|\b(?:solved|fixed)\s+it\b|잘\s?(?:됐|되네|돼요|되요|봤|해\s?주시|하시|정리|설명|알겠)|이해(?:가\s?)?\s?(?:했|됐|되었|돼|되네|완료)|알겠|알았어|넵|ㅇㅋ|믿고\s?갑니다|테스트\s?메시지|무시하셔도|무시해|꿀팁|똑똑|웃기|빠르네|빠르다|찾던\s?(?:거|것|게)|화이팅|파이팅|잘못\s?(?:보냈|올렸|들어왔|눌렀)|오타|ㅈㅅ|ㄷㄷ|귀찮게|착각했|\b(?:thanks?|thx|ty|tysm|cheers|appreciated?|saved my|worked|works now|it works|working now|got it|gotcha|i see|makes sense|great|awesome|nice|cool|perfect|sweet|neat|wow|lgtm|brilliant|excellent|amazing|lovely|love it|helpful|good (?:bot|job|stuff|one)|nice one|bye|hi|hello|hey|morning|evening|test message|ignore this|ignore (?:that|it|me|my last|the last)|you'?re (?:so |really |way |much |even )?(?:faster|quicker|smarter|better) than|my bad|my mistake|typo|legend|goated|goat|lifesaver|life saver|mvp|happy birthday|hbd|congrats|congratulations|cute|figured it out|(?:this|the) bot is (?:\w+ )?(?:more useful|better|faster|great|awesome|amazing|the best))\b/i;
const MAX_SMALL_TALK_CHARS = 60;
/** A question this short ("-v 뒤에 뭐 붙이면 돼요?") leans on the wish before it for what it asks. */
const MAX_SHORT_QUESTION_WORDS = 5;
/** The kind of detail a short question asks for: an option, a tip, a way, a format. */
const DETAIL_ASKED = /옵션|팁|방법|형식|포맷|\b(?:option|flag|tip|way|format|syntax)s?\b/i;
/** The asker says no answer is needed: 그냥 하소연임, 답 안 해도 돼요, just testing, no need to reply, "…, ignore". */
const NEEDS_NO_ANSWER =
  /(?:물어본|질문한)\s?(?:거|것|건)\s?(?:취소|무시)|질문\s?취소|하소연|혼잣말|(?<![가-힣])(?:답|답장|대답)\s?(?:안\s?(?:해도|하셔도|주셔도|줘도)|없어도|필요\s?없)|(?:^|[,.]\s*)(?:pls\s|please\s)?ignore[\s.!]*$|\b(?:just testing (?:if|whether|the bot|this bot)|just venting|no need to (?:reply|answer))\b/i;
/** A problem told beside it ("no need to reply but my mount is empty", "don't reply yet"): still to answer. */
const BUT_TOLD = /\b(?:but|yet|though)\b|근데|는데|지만/i;
/** Whether something can or may be done: a short sentence with one asks a question of its own. */
const ASKS_IF = /가능|되나|될까|돼요|되요|할\s?수|있나|괜찮|\b(?:can|possible|allowed|ok|okay|safe)\b/i;
/** Words that ask: a sentence with one is not a reaction, even with praise in it ("뭐가 좋아요"). */
// "exactly what I needed", "just what we were looking for" asks nothing.
const ASKS =
  /뭐|뭔|무엇|무슨|어떻게|어떤|어디|언제|왜|몇|\b(?:what(?!\s+(?:i|we)\s+(?:needed|wanted|meant|was\s+looking|were\s+looking|was\s+after|were\s+after)\b)|how|why|where|when|which|who)\b/i;

const KOREAN_ASKS = /뭐|뭔|무엇|무슨|어떻게|어떤|어디|언제|왜|몇/;
/** Asking what something is: "정의가 뭔가요?", "what is a cluster?". */
const ASKS_WHAT = /뭐|뭔|뭘|무엇|\bwhat(?:'s| is| are| exactly| does)\b/i;
/** The asker's guess at what it is: "…라고 이해하면 되나요?", "…같은 거죠?", "Just a bunch of servers?". */
const PARAPHRASE =
  /(?:라고|이라고|으로|로)\s?(?:이해|보면|생각)|(?:말하|뜻하|가리키)는\s?(?:건|거)|같은\s?(?:거|것|관계|개념)|^(?:just|basically|so\s+(?:it'?s|basically)|like|kind\s+of|sort\s+of)\b|^(?:is|so)\s+it\s+(?:just|basically|like)\b/i;

/**
 * An English sentence telling that something worked or helped ("mounting it on its own disk fixed our space issue",
 * "the df -v tip was gold"), with no trouble, doubt or need in it: a remark, as isRemark reads a Korean one.
 */
// (roleOf reads a sentence with a question mark as a question before it asks this.)
function isEnglishRemark(sentence: string): boolean {
  return (
    sentence.length <= MAX_REMARK_CHARS &&
    ENGLISH_DONE.test(sentence) &&
    !STILL_TROUBLE.test(sentence) &&
    !DOUBT_OR_NEED.test(sentence) &&
    !ASKS.test(sentence)
  );
}
const MAX_REMARK_CHARS = 120;
const ENGLISH_DONE =
  /\b(?:fixed|solved|sorted)\s+(?:it|that|this|our|my|the)\b|\b(?:worked|works)\s+(?:like\s+a\s+charm|perfectly|great|now|fine)\b|\bdid\s+the\s+trick\b|\b(?:was|is|were)\s+(?:gold|golden|spot\s+on|a\s+lifesaver|exactly\s+(?:it|right|what))\b|\bsaved\s+(?:me|us|my|our)\b|\bcleared\s+(?:it|that|things)\s+up\b|\b(?:deploy(?:ment)?|build|release|rollout|migration|restart|job|pipeline)\s+(?:is\s+)?(?:finished|done|complete[d]?|succeeded|passed)\b|\ball\s+green\b/i;
/** Beside STILL_TROUBLE, what a remark may not say: a denial, a failure, a need or a doubt. */
const DOUBT_OR_NEED =
  /\b(?:not|no|never|yet|fail|failing|cannot|didn'?t|wasn'?t|need|needs|want|trying|how|should)\b|n't\b/i;

/** Wishes for someone's day and fond words (생일 축하, happy birthday, 귀엽네): greeted, not thanked. */
const WARM_WORDS = /생일|생신|축하|happy birthday|hbd|congrat|귀엽|귀여|\bcute\b/i;

/** A short reaction or word of thanks that asks nothing. */
function isReaction(sentence: string): boolean {
  return (
    sentence.length <= MAX_SMALL_TALK_CHARS &&
    SMALL_TALK.test(sentence) &&
    !ASKS.test(sentence) &&
    !STILL_TROUBLE.test(sentence)
  );
}
/** Trouble told beside the praise ("restarting fixed it but now the image won't delete"): still to answer. */
const STILL_TROUBLE = /\b(?:but|still|errors?|failed|fails|broke|broken|won'?t|can'?t|doesn'?t|isn'?t)\b/i;
const GREETING_WORD =
  /안녕|안[뇽냥]|굿\s?모닝|출근|ㅎㅇ|하이|하잉|헬로|인사\s?(?:드립|드려|올립|드릴)|잘\s?(?:자|가|있)|(?:내일|다음에|담에|이따|나중에)\s*(?:또\s*)?(?:봐|만나)|ㅂㅂ|ㅂㅇ|ㅃㅃ|바이바이|빠이|굿\s?밤|이만|여기까지|가볼게요|고생|반가|처음\s?뵙|오랜만|잘\s?부탁|좋은\s*(?:아침|하루|오후|저녁|주말|밤)|봬요|뵐게요|뵙겠|들어가|퇴근|\b(?:hi|hello|hey|heya|hiya|greetings|yo|howdy|morning|evening|afternoon|bye|goodbye|gotta|heading|off|peace|nite|catch|until|till|done|night|see|cya|later|ttyl|take care|have a|around|anyone|anybody|there|gn|hihi|byebye|hope|test|testing|ping|alive|awake|sup|wassup|you\s+up)\b|^(?:bot|봇아?)[?!.\s]*$|테스트|살아\s?있|여보세요|거기|봇\s*있|자리|회의|잘못|무시해|오타|착각|돌아왔|다녀왔|지내셨|보내셨|일\s?하(?:냐|니|나요|는)|듣고\s?있|(?:작동|동작)\s?(?:중|하)|계세요|계신가요|\b(?:wrong|oops|brb|afk|my bad|my mistake|ignore|typo)\b/i;
const THANKS_WORD =
  /감사|고마|고맙|땡큐|쌩큐|덕분|수고|\b(?:thanks?|thx|ty|tysm|cheers|appreciated?|you'?re the best|you rock)\b/i;

/** A question word opening a short question of its own ("Which flag?", "어떤 옵션?"). */
const SHORT_ASKING = /^(?:(?:which|what|how|where|when|why|who)\b|어떤|무슨|어느|어디|몇|뭐)/i;

/** Korean endings and English openings that ask something. */
const KOREAN_ASKING =
  /(?:나요|까요|가요|죠|니|냐|래요|는지|는지요|은지|인지|을까|은가|인가|어때|어때요|되나|하나|있나|없나|맞나|뭐야|뭐예요|뭐에요|뭔가요|뭐임|뭐지|뭔데|뭐고|뭘까|고요|는요|은요|면요|까)$/;
const ENGLISH_ASKING =
  /^(?:what|whats|what's|how|why|when|where|which|who|whose|can|could|is|are|do|does|did|should|would|will|may|must|please|pls|explain|tell me|describe|any|anyone|and)\b/i;
/**
 * A request asks as a question does, full stop or not, however politely it is put: "설명해 주실 수 있을까요",
 * "알려주시면 감사하겠습니다", "정리하여 주시면", "요약해주세요", "알고 싶어요", "could someone give me the gist of", "I need a
 * summary of", "I'd appreciate an explanation of".
 */
const KOREAN_REQUEST =
  /(?:알려|설명|요약|정리|안내|가르쳐|소개|추천|공유|짚어|말씀|보여|비교)\s?(?:해\s?|하여\s?)?(?:주[세시실십겠]|주셔(?!서)|줘|줄\s?수|줄래|주면|주라|드려|드립|부탁)|(?<!잘\s?)부탁\s?(?:드려|드립|해요|합니다|해)|어떻게\s?(?:해야|하면|하는)/;
/** Curious or wanting to know ("…쓰는지 기준이 궁금합니다"), not the doubt of a story ("뭐가 깔렸는지 모르겠어요"). */
const CURIOUS = /(?:싶|궁금)(?:어요|습니다|네요|어|은데요|다|해요|합니다|하네요|한데요)/;
/** A wish or a doubt ("알고 싶어요", "궁금합니다", "I need a summary of"): the question when nothing else asks. */
const KOREAN_WISH = new RegExp(`${CURIOUS.source}|모르겠(?:어요|습니다|네요|어)`);
const ENGLISH_REQUEST =
  /^(?:please|pls|plz|kindly|explain|describe|summari[sz]e|tell me|show me|give me|help me|walk me|run me through|eli5|(?:compare|contrast|define|outline|clarify|break down|lay out|spell out|go over)\b(?!\s*:))\b|\b(?:can|could|would|will) (?:you|someone|somebody|anyone|u|we|i) (?:please |kindly |quickly |briefly )?(?:give|tell|explain|summari[sz]e|describe|help|point|share|walk|show|clarify|break|outline|list|get|recommend)\b|\bwould you mind\b|\bi(?:'d| would) (?:appreciate|love|like)\b|\bwould (?:love|appreciate)\b|\b(?:gist|eli5|tl;?dr) of\b/i;
const ENGLISH_WISH =
  /\b(?:need|want|'m looking for|am looking for|are looking for|would like|'d like)\b|\b(?:wondering|curious)\b|\bi (?:don't|do not|can't|cannot)(?: really)? (?:know|understand|get|figure|tell)\b/i;

const ROLE_WORD =
  '(?:팀|신입|인턴|개발자|엔지니어|매니저|디자이너|기획자|지망생|담당자|리드|분석가|연구원|사원|대리|과장|팀장|pm|po|sre|qa)';
const KOREAN_INTRODUCTION = new RegExp(
  `${ROLE_WORD}(?:\\s?[가-힣]{2,4})?(?:입니다|이에요|예요|라고\\s?합니다|이라고\\s?합니다|인데요?,?|이고요?,?)$|(?:입사|합류|온보딩|신입|인턴|이직)[\\s\\S]*(?:됐습니다|됐어요|했습니다|했어요|왔습니다|왔어요|입니다|이에요|중입니다|중이에요)$`,
  'i',
);
const ENGLISH_INTRODUCTION =
  /^(?:(?:hi|hello|hey)\b[\s,!]*(?:all|team|everyone|folks|there)?[\s,!]*)?(?:(?:i'm|i am|this is|my name is)\b.*\b(?:team|engineer|engineering|developer|dev|manager|pm|designer|analyst|scientist|intern|lead|architect|student|hire|joined|new here)\b|(?:i'm|i am) from\b|(?:just )?joined\b|new (?:\w+ )?(?:here|hire|joiner)\b|(?:(?:it's|it is|today is) )?(?:my )?first (?:day|week)\b)/i;

/** A clause that says when, why or before what (지우기 전에, 지우려다가, before I delete anything): the setting. */
const KOREAN_SUBORDINATE =
  /(?:는데|은데|인데|던데|한데|더니|기\s?전에|려다가|려고|니까|때문에|해서요|라서요|어서요|아서요)요?,?$/;
const ENGLISH_SUBORDINATE =
  /^(?:(?:in|on|at|inside|for|from) (?:our|my|your|this|these|their)\b|(?:before|after|because|since|while|although|though|unless|once|when|whenever)\s+(?!(?:should|shall|do|does|did|is|are|was|were|can|could|would|will|must|may|to)\b)|so that\b|so (?:it|we|i|they)\b|for (?:a|an|my|our|the|this|tomorrow's|next|an upcoming)\b)/i;
/** Where an English sentence's setting begins: "…, but first I need", "before I remove anything". */
// A run of spaces is split at its start only (the lookbehinds), as it would be anyway: tried again from every space
// of it, a long run costs time quadratic in its length.
const ENGLISH_CLAUSE =
  /,\s+(?=but\b)|(?:,|(?<!\s))\s+(?=(?:(?:but|before|after|because|since|while|although|though|unless|once)\s+(?:i|we|you|they|it|he|she|someone|anything|everything|the|our|my|a|an|first|[a-z]+ing|cleanup|clean-up|deletion|removal|deploy|deployment|migration|upgrade|release|launch)|so that|so (?:it|we|i|they))\b)|(?<!\s)\s+(?:and|so)\s+(?=(?:(?:i|we) )?(?:need|want|would like|'d like)\b)/i;
/** A clause that is only where the asker is ("in our old wiki", "on my laptop"): it names the scenery. */
export const isOwnSetting = (clause: string) =>
  /^(?:in|on|at|inside|for|from) (?:our|my|your|this|these|their)\b/i.test(clause.trim());
/**
 * A trailing phrase of the asker's setting: "in our deploy script", "on my laptop". Not "from my own Dockerfile"
 * at the end of a question: "from" says what it starts from (a clause that is only "from our wiki" is still scenery).
 */
const OWN_SETTING = /\s(?:in|on|at|inside|for) (?:our|my|your|this|these|their) /gi;
const PLATFORM_SETTING = /\b(?:windows|win(?:10|11)|mac|macos|macbook|osx|linux|ubuntu|debian|centos|fedora|rhel)\b/i;
/** A trailing purpose after a request for an explanation: "(a summary of X) for a proposal I'm writing". */
const PURPOSE = /\s(?:for (?:a|an|my|our|the|this|tomorrow's|next|an upcoming)) /gi;
const EXPLANATION =
  /\b(?:summary|explanation|overview|gist|rundown|primer|intro|introduction|breakdown|description|explain|summari[sz]e)\b/i;

/**
 * Cuts the last setting phrase off a clause, if nothing but its own words follow it (no comma or question
 * mark): one pass over the clause, whatever its length.
 */
function splitTrailingSetting(clause: string): string[] {
  const last = (pattern: RegExp) => [...clause.matchAll(pattern)].at(-1)?.index;
  const own = last(OWN_SETTING);
  const purpose = last(PURPOSE);
  const at = [own, purpose !== undefined && EXPLANATION.test(clause.slice(0, purpose)) ? purpose : undefined]
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b)[0];
  if (at === undefined || /[,?]/.test(clause.slice(at).replace(/[?.!]+\s*$/, ''))) return [clause];
  // "on my windows laptop": the operating system is what the answer must be for, not scenery.
  if (PLATFORM_SETTING.test(clause.slice(at))) return [clause];
  return [clause.slice(0, at), clause.slice(at + 1)];
}
/** Where the main clause resumes after a setting without a comma: "before I remove anything | I want to list …". */
const MAIN_AFTER_SETTING = /\s+(?=(?:i|we) (?:want|need|would like|'d like|have to|must|should)\b)/i;
const splitMainClause = (clause: string) => clause.split(MAIN_AFTER_SETTING);
/** "I nodded along in the meeting but honestly, | what is a cluster?": what the asker did, then what they ask. */
const OWN_STORY_THEN_QUESTION = /^(?:i|we|i'm|i've|we're|we've)\s[^,]*,\s+(?=(?:what|how|why|where|which|who)\b)/i;
const isOwnStory = (clause: string, next: string | undefined) =>
  next !== undefined && OWN_STORY_THEN_QUESTION.test(`${clause.trim()} ${next.trim()}`);

/**
 * The sentences of a message with their roles, the question ones first within MAX_QUESTION_CHARS,
 * and whether it is only chat. Code in backticks stays whole.
 */
export function readMessage(text: string): Message {
  let clean = scannedPart(text).normalize('NFC');
  for (const [pattern, replacement] of SLACK_MARKUP) clean = clean.replace(pattern, replacement);
  const whole = bare(clean);
  if (ABOUT_BOT.test(whole)) return { sentences: [], chat: 'help' };
  // Small talk names nothing of Docker and quotes no code.
  const plainTalk = !DOCKER_TALK.test(clean) && !clean.includes('`');
  const complains =
    whole.length <= MAX_COMPLAINT_CHARS &&
    (NO_HELP.test(whole) || (COMPLAINT.test(whole) && THE_ANSWER.test(whole))) &&
    !NOT_OF_THE_BOT.test(whole) &&
    !THANKS_WORD.test(whole) &&
    plainTalk;
  if (complains) return { sentences: [], chat: 'sorry' };
  // "아직도 안 되는데요 ㅠㅠ", "same error as before": the answer did not help (search decides whether anything else,
  // the network of "네트워크가 여전히 안 돼요", is named).
  const failing =
    whole.length <= MAX_COMPLAINT_CHARS && plainTalk && !TECHNICAL_WORD.test(clean) && !NOW_FIXED.test(whole)
      ? [...whole.matchAll(STILL_FAILING)].map((m) => m[0]).join(' ')
      : '';
  // The day of the week with a feeling about it ("월요일 싫어 ㅠㅠ", "불금이다!"), not "월요일까지 YAML 정리해야 해요".
  const weekdayTalk = WEEKDAY_FEELING.test(whole) && !/[?？]/.test(clean) && !ASKS.test(whole);
  const dayTalk = (DAY_TALK.test(whole) || weekdayTalk) && plainTalk && !ASKS_HOW.test(whole);
  if (whole.length <= MAX_DAY_TALK_CHARS && dayTalk) return { sentences: [], chat: 'greeting' };
  const read = splitSentences(clean).map((clause) => ({ ...clause, role: roleOf(clause) }));
  const asks = read.some((s) => s.role === 'question');
  // "…읽기만 되게 막고 싶어요. -v 뒤에 뭐 붙이면 돼요?": a short wish about Docker's things right before a short
  // question naming none of its own is what that asks; not "커피 마시고 싶다. 컴포즈 뭐야?", which asks of Compose
  // alone, nor "…하고 싶어요. 옵션 뭐예요?", whose kind of detail is asked of the wish already.
  const wishAsked = (k: number) =>
    CURIOUS.test(read[k]!.text) &&
    read[k]!.text.length <= MAX_SMALL_TALK_CHARS &&
    DOCKER_TALK.test(read[k]!.text) &&
    read[k + 1]?.role === 'question' &&
    wordCount(read[k + 1]!.text) <= MAX_SHORT_QUESTION_WORDS &&
    !DOCKER_TALK.test(read[k + 1]!.text) &&
    !DETAIL_ASKED.test(read[k + 1]!.text);
  const sentences = read.map(
    ({ text, role, sentence }, k): Sentence => ({
      text,
      // A wish holding a question word ("어떤 상황엔 뭘 쓰는지 기준이 궁금합니다") asks, whatever else asks too.
      role:
        role === 'wish'
          ? asks && !(KOREAN_ASKS.test(text) && CURIOUS.test(text)) && !wishAsked(k)
            ? 'context'
            : 'question'
          : // Beside a question, what the asker knows is its story; alone ("컨테이너는 일회용인 거 알겠어요 감사해요")
            // it is thanks for what was learned.
            role === 'known'
            ? asks || !isReaction(text)
              ? 'context'
              : 'chat'
            : role,
      sentence,
    }),
  );
  // "json? yaml?" after a question are guesses at its answer, not questions of their own; "중첩 가능?" and
  // "Which flag?" ask.
  // "정의가 뭔가요? 그냥 서버 몇 대 묶어놓은 거로 이해하면 되나요?", "what is a cluster? Just a bunch of servers?":
  // after a sentence asking what something is, the asker's own paraphrase is a guess too.
  // The wondering is then the question, though put as a story ("뭘 가리키는 건지 감이 안 와서요").
  sentences.forEach((s, i) => {
    if (s.role !== 'question') return;
    const asked = sentences.slice(0, i).some((p) => p.role === 'question' && wordCount(p.text) > 2);
    const guess = wordCount(s.text) <= 2 && !ASKS_IF.test(s.text) && !SHORT_ASKING.test(s.text);
    const wondering = sentences
      .slice(0, i)
      .filter((p) => p.role !== 'chat' && p.sentence < s.sentence && ASKS_WHAT.test(p.text))
      .at(-1);
    if (wondering && PARAPHRASE.test(s.text)) {
      s.role = 'context';
      wondering.role = 'question';
    } else if (asked && guess) s.role = 'context';
  });
  // "오늘 회의 길었네요 ㅠㅠ 다들 고생 많으셨어요. 내일 봬요!": chat around a remark that asks nothing and says
  // nothing of Docker is chat too.
  const chatAround =
    sentences.some((s) => s.role === 'chat') &&
    sentences.every((s) => s.role === 'chat' || (!DOCKER_TALK.test(s.text) && !s.text.includes('`')));
  // So is thanks or cheer beside what the asker got done or liked, whatever Docker it names ("k8s 공부 시작했어요!
  // 화이팅", "이제 docker ps 잘 써요 ㅋㅋ 고마워요"); not when anything in it is sad (ㅠ), nor when the chat names
  // Docker or more than a word of thanks ("감사 다음엔 이미지 받으면 돼요", "감사 yaml 형식은요" may hold a question).
  // A reaction ending a clause of the story ("…지우니까 | 이미지도 깔끔하게 삭제됐어요", "…쳐보니까 | 다 나오네요") is
  // part of the remark, not chat beside it: only greetings, thanks and reactions of their own sentence are.
  const told = new Set(sentences.filter((s) => s.role !== 'chat').map((s) => s.sentence));
  const joinsRemark = (s: Sentence) => told.has(s.sentence) && !isChat(s.text);
  const besideRemark = (s: Sentence) => s.role === 'chat' && !joinsRemark(s);
  const doneOrLiked =
    !/[ㅠㅜ]/.test(clean) &&
    // Laughter or an emoji is cheer enough ("도커 바로 돌아가네요 ㅎㅎ").
    (sentences.some((s) => s.role === 'chat') || HAS_SENTENCE_MARK.test(clean)) &&
    sentences.every(
      (s) => !besideRemark(s) || (!DOCKER_TALK.test(s.text) && (isChat(s.text) || wordCount(s.text) <= 2)),
    ) &&
    // A remark is read whole: "컨테이너 먼저 지우니까 이미지도 잘 지워짐" tells why, then what got done.
    [...new Set(sentences.filter((s) => !besideRemark(s)).map((s) => s.sentence))].every((n) =>
      isRemark(
        sentences
          .filter((s) => s.sentence === n && !besideRemark(s))
          .map((s) => s.text)
          .join(' '),
      ),
    );
  const remarksOnly = !asks && (chatAround || doneOrLiked);
  if (
    remarksOnly ||
    (sentences.every((s) => s.role === 'chat') && (sentences.length > 0 || HAS_SENTENCE_MARK.test(clean)))
  ) {
    const all = sentences.map((s) => s.text).join(' ');
    // Thanks, or a reaction to an answer ("넵", "makes sense"); anything else ("음…", "umm", "안녕") is greeted.
    const thanks =
      [all, ...unstretchedForms(all)].some((form) => THANKS_WORD.test(form)) ||
      THANKS_MARK.test(clean) ||
      sentences.some((s) => THANKS.test(bare(s.text)) || ACKNOWLEDGEMENT.test(bare(s.text))) ||
      (!GREETING_WORD.test(all) && !WARM_WORDS.test(all) && SMALL_TALK.test(all));
    return { sentences: [], chat: thanks ? 'thanks' : 'greeting' };
  }
  // Without the words saying it is known, so that it reads as the topic it names, not as thanks.
  const known = asks
    ? sentences.filter((s) => s.role === 'context' && ACKNOWLEDGES.test(s.text)).map((s) => knownPart(s.text))
    : [];
  const toBot = sentences.some((s) => s.role === 'question' && TO_BOT.test(s.text));
  // "오후 회의는 3층에서 진행됩니다.", "Ticket closed, customer confirmed it's resolved": a short statement that asks
  // nothing, wishes nothing and tells no trouble (search decides whether it names anything of Docker).
  const states =
    !asks &&
    !read.some((s) => s.role === 'wish') &&
    whole.length <= MAX_STATEMENT_CHARS &&
    !ASKS.test(whole) &&
    !TECHNICAL_WORD.test(clean) &&
    !clean.includes('`') &&
    sentences.some((s) => s.role !== 'chat') &&
    sentences.every((s) => s.role === 'chat' || isStatement(s.text));
  return {
    sentences: withinBudget(sentences),
    ...(states ? { states } : {}),
    ...(failing ? { failing } : {}),
    ...(known.length > 0 ? { known } : {}),
    ...(toBot ? { toBot } : {}),
  };
}

/**
 * A short Korean sentence telling, finished, of something got done or liked (정리 끝, 공부 시작했어요, 옮겼어요, 잘
 * 써요, 재밌다), with no trouble, doubt or need in it: a remark. "안 지워져요", "재시작돼요", "헷갈려요", "깔아야 돼요",
 * "명령어요" and "봐줘요" tell of something to answer.
 */
function isRemark(sentence: string): boolean {
  const end = sentence
    .trim()
    .replace(/[\s.!~ㅋㅎ]+$/u, '')
    .replace(TRAILING_THANKS, '');
  return (
    sentence.length <= MAX_SMALL_TALK_CHARS &&
    FINISHED_ENDING.test(end) &&
    (DONE_OR_LIKED.test(sentence) || DONE.test(end)) &&
    !TROUBLE.test(sentence) &&
    !ASKS.test(sentence) &&
    !sentence.includes('`')
  );
}
/**
 * A sentence that states something, with no trouble in it: a Korean one closed by a finite ending (진행됩니다, 오네,
 * 복귀했어요), an English one with a subject or a verb said (it's resolved, Rahul is covering). A bare topic
 * ("이미지 용량 줄이기", "redis cluster setup") states nothing: it is asked.
 */
function isStatement(sentence: string): boolean {
  const end = sentence.trim().replace(/[\s.!~…ㅋㅎㅠㅜ]+$/u, '');
  if (/[\uac00-\ud7a3]$/.test(end))
    return STATEMENT_ENDING.test(end) && !TROUBLE.test(sentence) && !ASKED_INDIRECTLY.test(sentence);
  return ENGLISH_STATEMENT.test(sentence) && !STILL_TROUBLE.test(sentence) && !DOUBT_OR_NEED.test(sentence);
}
const MAX_STATEMENT_CHARS = 100;
/** "신청할 수 있는지 여쭙고자 합니다", "문의드립니다", "확인하고자 합니다": a question or a wish put as a statement. */
const ASKED_INDIRECTLY =
  /(?:는지|인지|을지|할지)(?![가-힣])|여쭙|여쭤|문의|고자\s?(?:합니다|해요)|려\s?(?:고\s?)?(?:합니다|해요)/;
const STATEMENT_ENDING =
  /(?:니다|[어아여해워와봐써돼줘왔였했]요|[에예]요|네요|[가-힣]다|[가-힣]네|구나|군요|[었았했됐]음|함|됨)$/;
const ENGLISH_STATEMENT =
  /\b(?:i|i'm|im|i've|we|we're|we've|he|she|they|it's|there's|is|are|was|were|am|been|has|had)\b|\b\w{3,}ed\b/i;

/** Thanks or cheer closing a remark ("…삭제됐어요 ㄱㅅ", "…나오네요 굿굿"). */
const TRAILING_THANKS = /(?:\s+(?:ㄱㅅ|ㄳ|감사\S*|고마\S*|굿+|굿굿|땡큐|ㅇㅋ))+$/u;
const FINISHED_ENDING = /(?:[어아여해워와봐써돼가]요|습니다|[가-힣]다|끝|완료|성공|됨|짐|네요)$/;
/** Past tense told (옮겼어요, 설치했습니다, 띄웠다): something done. */
const DONE = /[았었였했됐켰썼봤겼웠쳤꿨뤘졌](?:어요|습니다|다)$/;
const DONE_OR_LIKED =
  /끝|완료|성공|시작했|마쳤|해결|잘\s?(?:써|쓰|돼|되|했|됐|하|됨)|(?:^|\s)잘\s[가-힣]|재밌|재미있|좋았|좋네|좋아요|좋다|편하네|알\s?것\s?같|이해(?:했|됐|가\s?돼)|배웠|익혔|감\s?잡|(?:되|돌아가|나오|뜨|보이|먹히|붙)네요/;
const TROUBLE =
  /에러|오류|안\s|안(?:돼|되|됨|나|떠|뜨|보|지|켜|붙|써|열|깔)|못|실패|문제|죽|멈|종료|재시작|바뀌|바꼈|풀려|풀렸|낮아|많아|비어|없|먹어|느려|느리|터[졌져짐]|깨[졌져짐]|막[혔혀힘]|꺼[졌져짐]|끊|튕|뻗|다운|사라|날아|날라|헷갈|모르|궁금|어렵|어려워|이상|싶|필요|[아어여]야|하려|되려|할까|될까|말까/;

/** Whether a sentence speaks to the bot ("너 명령어 뭐 있어?", "can you list…"). */
export const speaksToBot = (sentence: string) => TO_BOT.test(sentence);

/** Whether a sentence is about an answer given before: 저번에 알려준, 아까 말한, the command you gave earlier. */
export const speaksOfEarlierAnswer = (sentence: string) => EARLIER_ANSWER.test(sentence);
const EARLIER_ANSWER =
  /저번|아까|지난번|알려\s?준|알려\s?주신|말씀하신|말한|\b(?:earlier|last time|before|you (?:gave|told|showed|sent))\b/i;

/** The bot spoken to: 너, 넌, 봇님은, you, this bot. */
const TO_BOT =
  /(?:^|[\s,])(?:너|넌|너는|너도|니가|네가|너한테|너에게|니한테|봇|봇님|봇아|봇은|봇이|봇님은|봇님이|봇님도|봇한테|봇에게)(?=$|[\s?!.,~])|\b(?:you|u|ya|yourself)\b|\b(?:this|the)\s+bot\b/i;

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
  return isChatAsTyped(sentence) || unstretchedForms(sentence).some(isChatAsTyped);
}

/**
 * A greeting drawn out ("hiii", "heyyy", "안녀엉", "고마워요오오") read as it is meant: a letter said three times and
 * more said once or twice, a Hangul syllable of ㅇ that only carries on the vowel before it folded into that one.
 * No form is returned for a sentence with nothing drawn out.
 */
function unstretchedForms(sentence: string): string[] {
  const hangul = foldDrawnOutSyllables(sentence);
  const forms = [hangul.replace(/(\p{L})\1{2,}/gu, '$1'), hangul.replace(/(\p{L})\1{2,}/gu, '$1$1')];
  return [...new Set(forms)].filter((form) => form !== sentence);
}

/** The vowel a drawn-out syllable carries on from each vowel (녀 → 어, 요 → 오, 워 → 어, 이 → 이). */
const VOWEL_CARRIED: Record<string, string> = {
  ㅏ: 'ㅏ',
  ㅑ: 'ㅏ',
  ㅘ: 'ㅏ',
  ㅓ: 'ㅓ',
  ㅕ: 'ㅓ',
  ㅝ: 'ㅓ',
  ㅗ: 'ㅗ',
  ㅛ: 'ㅗ',
  ㅜ: 'ㅜ',
  ㅠ: 'ㅜ',
  ㅡ: 'ㅡ',
  ㅣ: 'ㅣ',
  ㅢ: 'ㅣ',
  ㅟ: 'ㅣ',
  ㅐ: 'ㅐ',
  ㅒ: 'ㅐ',
  ㅔ: 'ㅔ',
  ㅖ: 'ㅔ',
};
function foldDrawnOutSyllables(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const prev = out.at(-1);
    const parts = disassembleCompleteCharacter(ch);
    const before = prev === undefined ? undefined : disassembleCompleteCharacter(prev);
    // A syllable of ㅇ alone (or ㅇ under it) carrying on the vowel before it, with no other final between them.
    const carriesOn =
      parts !== undefined &&
      before !== undefined &&
      parts.choseong === 'ㅇ' &&
      VOWEL_CARRIED[before.jungseong] === parts.jungseong &&
      (parts.jongseong === '' || parts.jongseong === 'ㅇ') &&
      (before.jongseong === '' || before.jongseong === parts.jongseong);
    if (!carriesOn) out.push(ch);
    else if (parts.jongseong === 'ㅇ' && before.jongseong === '')
      out[out.length - 1] = combineCharacter(before.choseong, before.jungseong, 'ㅇ');
  }
  return out.join('');
}

function isChatAsTyped(sentence: string): boolean {
  // "좋은 아침입니다 여러분", "morning all", "봇아 안뇽": a greeting addressed to the room or the bot; "하이하이",
  // "byebye": one said twice.
  const words = bare(sentence)
    .replace(
      /(?:\s+(?:모두|다들|팀|봇아?|봇님|all|everyone|team|folks|guys|y'all|bot)|\s*(?:여러분|여러분들|님들|팀원분들))$/i,
      '',
    )
    .replace(/^(?:(?:docker|도커)\s*(?:봇|bot)|봇아|봇님|bot|다들|모두|여러분)\s+/i, '')
    .replace(/^(\S{2,5}?)\s?\1$/u, '$1');
  if (words === '') return true;
  // A goodbye is short; the cap also bounds FAREWELL's repetition on a long clause.
  const farewell = words.length <= MAX_SMALL_TALK_CHARS && FAREWELL.test(words);
  if (GREETING.test(words) || THANKS.test(words) || PLEASANTRY.test(words) || farewell) return true;
  if (ACKNOWLEDGEMENT.test(words) || PRESENCE_CHECK.test(words) || ASIDE.test(words)) return true;
  // "hi team", "thanks a lot!", "감사합니다 여러분": a chat phrase with a filler word.
  const parts = words.split(' ');
  // "굿모닝 다들 출근하셨나요", "여보세요 듣고 있어요?": a greeting, then another (short, as greetings are).
  const opener = parts[0]!;
  const greets = GREETING.test(opener) || PRESENCE_CHECK.test(opener);
  if (parts.length > 1 && parts.length <= 6 && greets && isChat(parts.slice(1).join(' '))) return true;
  if (parts.length > 4) return false;
  const chatPart = (w: string) => GREETING.test(w) || THANKS.test(w) || PLEASANTRY.test(w) || ACKNOWLEDGEMENT.test(w);
  const fillers =
    /^(?:there|all|team|guys|everyone|folks|a|lot|so|much|very|again|bot|you|님|여러분|모두|다들|정말|진짜|너무|많이|항상|again)$/i;
  return parts.some(chatPart) && parts.every((w) => chatPart(w) || fillers.test(w) || /^(?:thank|you)$/i.test(w));
}

function roleOf({ text, subordinate, asked, leadIn }: Clause): ReadRole {
  if (isChat(text)) return 'chat';
  if (text.length <= MAX_SMALL_TALK_CHARS && NEEDS_NO_ANSWER.test(text) && !ASKS.test(text) && !BUT_TOLD.test(text))
    return 'chat';
  const trimmed = text.trim();
  const end = trimmed.replace(/[\s.!~。…]+$/u, '');
  // Tested only where the role is still open: most clauses are settled before it.
  const introduces = () => KOREAN_INTRODUCTION.test(end) || ENGLISH_INTRODUCTION.test(trimmed);
  // "I'm from the frontend side, so a plain answer would be great — what is …?": who asks, not what.
  if (leadIn && introduces()) return 'chat';
  // A clause cut at "…는데,", "…기 전에" or "before I …" tells what happened or why; the question is elsewhere.
  if (subordinate || KOREAN_SUBORDINATE.test(end) || ENGLISH_SUBORDINATE.test(trimmed)) return 'context';
  if (asked || /[?？]/.test(trimmed)) return 'question';
  if (KOREAN_REQUEST.test(end) || ENGLISH_REQUEST.test(trimmed)) return 'question';
  if (KOREAN_WISH.test(end) || ENGLISH_WISH.test(trimmed)) return 'wish';
  if (introduces()) return 'chat';
  // "WSL 먼저 까는 건 알겠어요": what the asker knows already, the story of a question or a word of thanks.
  if (ACKNOWLEDGES.test(trimmed)) return 'known';
  if (isReaction(trimmed) || isEnglishRemark(trimmed)) return 'chat';
  // A full stop makes "에러가 나요." a statement; without one, "…나요" is read as asking.
  if (/[.。]$/.test(trimmed)) return 'context';
  // "에러가 나요": the verb 나다 said, not the ending -나요, which is never a word of its own.
  if (/(?:^|\s)나요$/.test(end) && !KOREAN_ASKS.test(end)) return 'context';
  if (KOREAN_ASKING.test(end) || ENGLISH_ASKING.test(trimmed)) return 'question';
  return 'context';
}

/**
 * A clause saying the asker knows something already: "…인 건 알겠어요", "…라는 건 노트에서 봤어요", "…는 건
 * 아는데요", "…까지는 이해했어요", "I get that …", "I know the flow is …", "per the notes, …", "…, got it",
 * "…, fine".
 */
const ACKNOWLEDGES = new RegExp(
  [
    '(?:건|것은|거는|것|거|건요|점은|까지는|까지)\\s*(?:(?:노트|문서|위키)(?:에서|에선|에도)?\\s*)?(?:(?:저도|나도|저는|전|대충|대강|이제)\\s*)?(?:알겠|알아요|압니다|알고\\s?있|아는데|알긴\\s?하는데|이해(?:했|는|가\\s?돼|됐)|봤|읽었)',
    // "…라는 기준은 알겠어요", "흐름 자체는 대충 아는데": a thing, then that it is known or understood.
    '(?<=[가-힣])(?<!(?:^|\\s)(?:저|나|전|난|우리|제|내))[은는]\\s*(?:(?:저도|나도|대충|대강|이제|어느\\s?정도)\\s*)?(?:알겠|알아요|압니다|알고\\s?있|아는데|알긴\\s?하는데|이해(?:했|됐))',
    '(?:노트|문서|위키)(?:에서|에선|에는|엔)\\s*(?:봤|읽었)',
    '(?:라고|이라고|다고)는?\\s*(?:노트에\\s*)?(?:적혀|쓰여|나와|돼|되어)\\s*있(?:던데|는데|더라)',
    // Not "…라고 들었는데": what was heard is to be confirmed, not known.
    '(?:라고|이라고|다고)\\s*배웠(?:는데|어요|습니다)',
    // "…빠른 실행이 적혀 있던데요" (written is the notes'); "로그에 에러가 나와 있는데" is a symptom.
    '(?<=[가-힣])[이가]\\s*(?:(?:노트|문서|위키)에\\s*(?:적혀|쓰여|나와)|적혀|쓰여)\\s*있(?:던데|는데|더라)',
    '(?:라고|이라고|다고)\\s*(?:노트|문서|위키)에\\s*있(?:던데|는데|더라|어요|네요)',
    // Not "I got the message …" or "I see the error …": a symptom, not what is known.
    '^(?:ok(?:ay)?,?\\s+)?(?:so\\s+)?i\\s+(?:get|know|understand)\\s+(?:that|the|how|why|what)\\b',
    '\\b(?:our|the)\\s+notes\\s+(?:say|said|mention|cover|explain|describe)\\b',
    '\\b(?:per|according\\s+to)\\s+(?:our|the)\\s+notes\\b',
    // "Compose is multi-container config in YAML, got that": a statement before it, not "nice, got it".
    // (a fixed-length lookbehind: a clause has no line break, and a variable one would scan back at every comma)
    '(?<=.{16}),\\s*(?:got\\s+(?:it|that)|fine|understood|makes\\s+sense|clear)\\s*[.!]?$',
  ].join('|'),
  'iu',
);

/** What the clause says is known: before "…는 건 알겠어요", after "I get that …". */
function knownPart(clause: string): string {
  const said = ACKNOWLEDGES.exec(clause);
  if (!said) return clause;
  return (said.index > 0 ? clause.slice(0, said.index) : clause.slice(said[0].length)).trim();
}

/** One clause of a message, as splitSentences cuts it, with what its place says of its role. */
interface Clause {
  text: string;
  /** Which sentence of the message this is: the clauses of one sentence share it. */
  sentence: number;
  /** A clause of setting ("before I delete anything", "…기 전에"), cut off the sentence's main clause. */
  subordinate: boolean;
  /** The sentence it belongs to ends with a question mark. */
  asked: boolean;
  /** What comes before a dash and the question ("I'm from the frontend side — what is X?"): its lead-in. */
  leadIn: boolean;
}

/** Korean clause ends after which the asking part of the sentence follows (…는데, …기 전에, …려다가). */
const KOREAN_CLAUSE_END =
  /(?<=[\uac00-\ud7a3\s](?:(?:는데|은데|인데|던데|건데|한데|더니|기 전에|기전에|려다가|려고|니까|때문에)요?|해서요|라서요|어서요|아서요),?)\s+/u;

/** A dash before an interrogative: what follows it is the question, what precedes it may only lead in. */
const DASH_BEFORE_QUESTION =
  /\s*[—–]\s*(?=(?:what|whats|what's|how|why|where|when|which|who|is|are|do|does|can|could|should)\b)/i;

/**
 * "I'm from the frontend side — what is X?", "Before I touch it — what was Y?": who asks or when is cut
 * off the question. What else precedes the dash ("Deployment vs StatefulSet — when do I need which?",
 * "$FOO vs $(foo) — what does the one with the parentheses do?") is part of what is asked.
 */
function splitLeadIn(clause: string): Array<{ part: string; leadIn: boolean }> {
  const at = clause.search(DASH_BEFORE_QUESTION);
  const lead = at < 0 ? '' : clause.slice(0, at).trim();
  const leadsIn = ENGLISH_INTRODUCTION.test(lead) || KOREAN_INTRODUCTION.test(lead) || ENGLISH_SUBORDINATE.test(lead);
  if (!leadsIn) return [{ part: clause, leadIn: false }];
  return [
    { part: lead, leadIn: true },
    { part: clause.slice(at).replace(/^\s*[—–]\s*/, ''), leadIn: false },
  ];
}

/**
 * Sentences end at . ! ? followed by a space, at a line break, at an emoji, ㅠㅠ or a lone ㅠ (see SENTENCE_MARK),
 * at "…" after a sentence's ending (합니다…); within one, a Korean "…는데," or "…기 전에" clause and an English
 * "before I …" or "…, but" clause are cut off, since the question is in the clause that follows or precedes them.
 * Code in backticks is never cut.
 */
function splitSentences(text: string): Clause[] {
  const code: string[] = [];
  const masked = text.replace(/`[^`]*`/g, (span) => `\uE000${code.push(span) - 1}\uE000`);
  const unmask = (s: string) => s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)]!).trim();
  return (
    masked
      .replace(SENTENCE_MARK, '\n')
      // A question quoted inside a sentence ('도커가 뭐예요?'라고 물어보셔서) does not end it.
      // "Quick check: what does X do?": a question after a colon starts a sentence of its own. "e.g." ends none; "etc." may.
      .split(
        /(?<=[?？!！。])(?![’'"”」』])\s*|(?<=[다요죠](?:…|~+))\s+|(?<=\.)(?<!\b(?:e\.g|i\.e|vs|cf|approx)\.)\s+|\n+|(?<=:)\s+(?=(?:what|how|why|where|when|which|who|is|are|do|does|can|could|should)\b)/iu,
      )
      .flatMap((sentence, n) => {
        const asked = /[?？]\s*$/.test(sentence);
        return sentence
          .split(KOREAN_CLAUSE_END)
          .flatMap((clause) => clause.split(ENGLISH_CLAUSE))
          .flatMap((clause) => {
            const story = OWN_STORY_THEN_QUESTION.exec(clause)?.[0];
            return story ? [story, clause.slice(story.length)] : [clause];
          })
          .flatMap(splitLeadIn)
          .flatMap(({ part, leadIn }) => splitTrailingSetting(part).map((clause) => ({ clause, leadIn })))
          .flatMap(({ clause, leadIn }) =>
            (ENGLISH_SUBORDINATE.test(clause.trim())
              ? clause.split(/(?<=,)\s+/).flatMap(splitMainClause)
              : [clause]
            ).map((text) => ({ text, leadIn })),
          )
          .map(({ text, leadIn }, k, clauses) => ({
            text: unmask(text),
            sentence: n,
            // What comes before "…, but" is conceded: the point is what follows it.
            subordinate:
              ENGLISH_SUBORDINATE.test(text.trim()) ||
              /^but\b/i.test(clauses[k + 1]?.text.trim() ?? '') ||
              isOwnStory(text, clauses[k + 1]?.text),
            asked,
            leadIn,
          }));
      })
      .filter((s) => /[\p{L}\p{N}$]/u.test(s.text))
  );
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
