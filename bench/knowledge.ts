/**
 * Retrieval quality on the dev questions, and query latency at the real knowledge base
 * and at synthetic 1k/10k-entry bases, side by side with plain Fuse.js defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fuse from 'fuse.js';
import { BUNDLED_KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/config.ts';
import { loadKnowledgeDir } from '../src/knowledge/load.ts';
import { createKnowledgeBase } from '../src/knowledge/search.ts';
import type { KnowledgeEntry } from '../src/knowledge/types.ts';

interface DevQuestion {
  q: string;
  /** in: a note answers it; partial: a note covers part of it; out: none does; chat: a greeting or thanks. */
  kind: 'in' | 'out' | 'partial' | 'chat';
  /** Phrases of the right note's body (for partial: of the note that covers the part); any one will do. */
  expect?: string[];
  /** What the question tests (fresh sets). */
  class?: string;
}

const DATA = path.join(PROJECT_ROOT, 'bench', 'data');
const DEV_SET = path.join(DATA, 'dev-questions.jsonl');
/**
 * Each set was written by someone who saw only the notes' bodies, not the aliases or the matcher, and each
 * was used for tuning after its first measurement (README has the first-sight scores), so none is a clean
 * test any more: held-out (120 questions), second blind (100, other voices), third and fourth (90 and 80,
 * short), Slack (80 messages as people post them), fresh A (in/partial/out/chat, with a class each), and fresh
 * B to E (round 2: long Slack requests, context against question, typos, shared words, reactions), and F
 * (round 3, the same kinds; its first-sight score is in the README too).
 */
const SETS: Array<[string, string]> = [
  ['dev set', DEV_SET],
  ['held-out set', path.join(DATA, 'heldout-questions.jsonl')],
  ['second blind set', path.join(DATA, 'blind-questions.jsonl')],
  ['third set', path.join(DATA, 'third-questions.jsonl')],
  ['fourth set', path.join(DATA, 'fourth-questions.jsonl')],
  ['slack set', path.join(DATA, 'slack-dev-questions.jsonl')],
  ['fresh set A', path.join(DATA, 'fresh-a-questions.jsonl')],
  // Round 2 of issue #10 (README has their first-sight scores): B was written first and tuned on; C, D and E
  // were written later, each measured once before the tuning on it.
  ['fresh set B', path.join(DATA, 'fresh-b-questions.jsonl')],
  ['fresh set C', path.join(DATA, 'fresh-c-questions.jsonl')],
  ['fresh set D', path.join(DATA, 'fresh-d-questions.jsonl')],
  ['fresh set E', path.join(DATA, 'fresh-e-questions.jsonl')],
  // Round 3: F was written from the note bodies alone and measured once before the tuning on it.
  ['fresh set F', path.join(DATA, 'fresh-f-questions.jsonl')],
  // Round 4: H (long Slack messages, follow-up fragments, partial, farewells), from the note bodies alone,
  // measured once before the tuning on it.
  ['fresh set H', path.join(DATA, 'fresh-h-questions.jsonl')],
  // The lead's held-out set G (220, from the notes text alone, by a writer who saw no code): not tuned on in
  // rounds 2 to 4; its misses were read by class at the start of round 5 (README).
  ['held-out set G', path.join(DATA, 'fresh-g-questions.jsonl')],
  // Round 5 (README): I, J, K and L were written by four helpers from the note bodies alone, none of them
  // seeing code or another set. I was measured once and then tuned on; J's totals were watched during the
  // round; K's misses were printed once near its end; L was measured only on the code before round 5 and on
  // its last commit, then read by class at the start of round 6 (J's and K's misses were read then too).
  ['fresh set I', path.join(DATA, 'fresh-i-questions.jsonl')],
  ['held-out set J', path.join(DATA, 'fresh-j-questions.jsonl')],
  ['held-out set K', path.join(DATA, 'fresh-k-questions.jsonl')],
  ['held-out set L', path.join(DATA, 'fresh-l-questions.jsonl')],
  // Round 6 (README): L's misses were read by class at its start; N, written by a helper from the note bodies
  // alone, was measured once mid-round and then tuned on; M, written the same way at the same time, was
  // measured only on round 5's code and on round 6's, and none of its questions has been read.
  ['fresh set N', path.join(DATA, 'fresh-n-questions.jsonl')],
  ['held-out set M', path.join(DATA, 'fresh-m-questions.jsonl')],
  // Round 8 (README): O and P, written by two helpers from the note bodies alone in round 7, were first
  // measured at round 8's start. P's misses were read then, by class; none of O's questions has been read.
  ['fresh set P', path.join(DATA, 'fresh-p-questions.jsonl')],
  ['held-out set O', path.join(DATA, 'fresh-o-questions.jsonl')],
  // Round 9 (README): Q and R, written by two helpers from the note bodies alone at round 9's start, each with
  // its own persona. Q's misses were read by class and tuned on; R is held out (only its totals are printed
  // when it is measured by hand, and none of its questions has been read). S, written mid-round with R's
  // persona, was measured once and then read and tuned on; so was T, written near the round's end.
  ['fresh set Q', path.join(DATA, 'fresh-q-questions.jsonl')],
  ['fresh set S', path.join(DATA, 'fresh-s-questions.jsonl')],
  ['fresh set T', path.join(DATA, 'fresh-t-questions.jsonl')],
  ['held-out set R', path.join(DATA, 'fresh-r-questions.jsonl')],
  // Round 10: U and V, written by two helpers from the note bodies alone at round 10's start, each with a new
  // persona (new hires; developers who use Docker now and then). U was measured once, then read and tuned on;
  // V is held out like R.
  ['fresh set U', path.join(DATA, 'fresh-u-questions.jsonl')],
  // Probe W: 120 long Slack messages only (84 in, 18 partial, 18 out), written by a helper the same way in round 10
  // to study the class the held-out sets miss most; measured once, then read and tuned on.
  ['probe W (long messages)', path.join(DATA, 'fresh-w-questions.jsonl')],
  ['held-out set V', path.join(DATA, 'fresh-v-questions.jsonl')],
  // Round 11: X (200, the same kinds as V) from the note bodies alone, by a helper who saw no code; first sight
  // 91.1% right-1st, 3 confident wrong, all 56 declined (README). Held out: its misses are not read.
  ['held-out set X', path.join(DATA, 'fresh-x-questions.jsonl')],
  // Round 12: Y (200; an SRE team that just adopted Docker: terse, impatient, asking for others), from the note
  // bodies alone by a helper who saw no code. Held out: its totals are printed, its misses not read.
  ['held-out set Y', path.join(DATA, 'fresh-y-questions.jsonl')],
  // Probe Z: 120 long Slack messages in Y's voice (60 in, 40 partial, 20 out), written the same way in round 12;
  // measured once (58.3% right-1st, 9 confident wrong, partial 8 (+2) of 40), then read and tuned on.
  ['probe Z (long messages)', path.join(DATA, 'probe-z-questions.jsonl')],
  // Round 13: AA (200, the same kinds as Y; a fintech backend team moving off VMs, code-switching Korean and
  // English), from the note bodies alone by a helper who saw no code; first sight 86.7% right-1st, 4 confident
  // wrong, all 56 declined (README). Held out: its totals are printed, its misses not read.
  ['held-out set AA', path.join(DATA, 'fresh-aa-questions.jsonl')],
  // Round 14: AB (200, same kinds; a university ML lab on a shared GPU server, Korean with student slang and English
  // terms, two English-only members), from the note bodies alone by a helper who saw no code; first sight 85.6%
  // right-1st, 6 confident wrong, 54 of 56 declined (README). Held out: its totals are printed, its misses not read.
  ['held-out set AB', path.join(DATA, 'fresh-ab-questions.jsonl')],
  // Round 15: AC (200, same kinds; a game studio's live-ops team, Korean with English-only members), from the note
  // bodies alone by a helper who saw no code; first sight on round 14's code 92.2% right-1st, 4 confident wrong,
  // 55 of 56 declined, chat 16 of 24 (README). Held out: its totals are printed, its misses not read.
  ['held-out set AC', path.join(DATA, 'fresh-ac-questions.jsonl')],
  // Probe chat: 160 messages (100 chat in many forms, 40 chatty Docker questions, 20 chatty ones the notes lack),
  // written by a helper from the note bodies alone in round 15 to study the chat the held-out sets miss; first
  // sight 67 of 100 chat, 38 of 40 in, 20 of 20 declined; then read and tuned on.
  ['probe chat', path.join(DATA, 'probe-chat-questions.jsonl')],
  // Probe AD: 180 mostly long messages (90 in, 50 partial, 40 out; a fintech platform team), written by a helper
  // from the note bodies alone in round 15; first sight on round 14's code 87.8% right-1st, 7 confident wrong,
  // 40/40 declined, partial 23 of 50; then read and tuned on.
  ['probe AD', path.join(DATA, 'probe-ad-questions.jsonl')],
  // Round 15: AE (200, same kinds as AC; a hospital IT team, formal Korean, English-speaking contractors), from the
  // note bodies alone by a helper who saw no code; first sight on round 14's code 90.0% right-1st, 4 confident
  // wrong, 56/56 declined, chat 12 of 24. Held out: its totals are printed (a debugging print once showed how its
  // words were read; nothing was tuned on it).
  ['held-out set AE', path.join(DATA, 'fresh-ae-questions.jsonl')],
  // Round 16: AF (200, same kinds; a fintech startup's platform team, casual Korean with English), from the note
  // bodies alone by a helper who saw no code; first sight on round 15's code 86.7% right-1st, 10 confident wrong,
  // 54 of 56 declined, chat 15 of 24 (README). Held out: its totals are printed, its misses not read.
  ['held-out set AF', path.join(DATA, 'fresh-af-questions.jsonl')],
  // Held-out set AI: 200 messages (90 in, 30 partial, 56 out, 24 chat; a mobile game studio's live-ops team and a
  // hospital IT department), written by a helper from the note bodies alone in round 17 and never read; first sight
  // on 970b827 90.0% right-1st, 6 confident wrong, 55 of 56 declined, partial 23 of 30, chat 21 of 24 (round 16's
  // code, 2e00466: 90.0%, 8, 54 of 56, 21 of 30, 21 of 24).
  ['held-out set AI', path.join(DATA, 'fresh-ai-questions.jsonl')],
  // Held-out set AK: 200 messages (90 in, 30 partial, 56 out, 24 chat; an SRE team at a travel-booking company with
  // Korean colleagues, half in English, and bootcamp students), written by a helper from the note bodies alone in
  // round 17 and never read; first sight on 230ded0 94.4% right-1st, 3 confident wrong, 53 of 56 declined, partial 27
  // of 30, chat 19 of 24 (round 16's code, 2e00466: 94.4%, 2, 54 of 56, 27 of 30, 19 of 24).
  ['held-out set AK', path.join(DATA, 'fresh-ak-questions.jsonl')],
  // Held-out set AL: 200 messages (90 in, 30 partial, 56 out, 24 chat; a Korean fintech backend team moving from VMs
  // to containers and a university data-science lab), written by a helper from the note bodies alone in round 18,
  // asking the way someone who never read a note would (no title or alias word for word), and never read. Its
  // partial questions named their note; each got that note's heading as its expected phrase. First sight on eda491b
  // 64.4% right-1st, 3 confident wrong, 56 of 56 declined, partial 16 of 30, chat 20 of 24: of the 32 misses, 18
  // were declined and 11 offered as partial, 18 of these 29 with the right note first. End of round 18: 67.8%, 3.
  ['held-out set AL', path.join(DATA, 'fresh-al-questions.jsonl')],
  // Held-out set AN: 200 messages (90 in, 30 partial, 56 out, 24 chat; a public-sector SI team writing formal Korean
  // and an app team mixing Korean and English in one message), written in round 18 like AL (no title or alias word
  // for word, partial questions expecting their note's heading) and never read. First sight on c09a4d4 (the code of
  // eda491b) 51.1% right-1st, 7 confident wrong, 56 of 56 declined, partial 14 of 30, chat 21 of 24; of its 27
  // Korean answerable questions 8 were answered right. End of round 18: 57.8%, 7.
  ['held-out set AN', path.join(DATA, 'fresh-an-questions.jsonl')],
  // Held-out set AP: 200 messages (90 in, 30 partial, 56 out, 24 chat; a logistics company's IT operations team and a
  // hospital research-computing group), written in round 18 like AL, after most of the round's changes, to measure
  // them on questions none of them saw, and never read. First sight on da65675 57.8% right-1st, 9 confident wrong,
  // 55 of 56 declined, partial 15 of 30, chat 23 of 24 (eda491b, the round's start: 55.6%, 8, 55, 15, 22). The
  // round's later changes left it as it was.
  ['held-out set AP', path.join(DATA, 'fresh-ap-questions.jsonl')],
  // Held-out set AQ: 200 messages (90 in, 30 partial, 56 out, 24 chat; a university's campus IT club in casual Korean
  // and a broadcaster's media-engineering team), written in round 19 in the way of the shared dev sets (context
  // before the question, fragments, mentions, typos; the notes' own words where a person would use them), and never
  // read. First sight on 12b896b (round 18's end) 94.4% right-1st, 6 confident wrong, 54 of 56 declined, partial 19
  // of 30, chat 21 of 24; round 19's changes left it as it was.
  ['held-out set AQ', path.join(DATA, 'fresh-aq-questions.jsonl')],
  // Held-out set AR: 200 messages (90 in, 30 partial, 56 out, 24 chat; a factory's operations-technology team and a
  // startup's 3am on-call SRE channel), written in round 19 like AL, and never read. Its writer's check kept every
  // title and alias out of its answerable questions, names such as Kubernetes, Swarm and WSL included (they appear
  // as typos or descriptions), so it is harder still than AL. First sight on 12b896b 66.7% right-1st, 8 confident
  // wrong, 56 of 56 declined, partial 17 of 30, chat 18 of 24. End of round 19: the same but partial 18.
  ['held-out set AR', path.join(DATA, 'fresh-ar-questions.jsonl')],
  // Held-out set AU: 200 messages (60 chat, 60 partial, 50 in, 30 out, seven of them trouble reported with thanks; a
  // ride-hailing platform team and a national library's archive IT staff), written at the end of round 19 to measure
  // its chat and partial changes on questions none of them saw, and never read. First sight on 0f91a4f: 100% right-1st,
  // 4 confident wrong, 30 of 30 declined, partial 43 of 60, chat 56 of 60 (12b896b, the round's start: 100%, 4, 30,
  // 44, 53). The round's last change, a date asked that no note gives (0bdf6c9), took its confident wrong to 3.
  ['held-out set AU', path.join(DATA, 'fresh-au-questions.jsonl')],
  // Probe AS: 160 messages (110 chat of every register, 30 Docker questions wrapped in greetings or thanks, 20 such
  // questions the notes lack), written by a helper from the note bodies alone in round 19 to study the chat the
  // held-out sets miss; first sight on 12b896b 94 of 110 chat, 30 of 30 in, 20 of 20 declined; then read and tuned on
  // (end of round 19: 109 of 110 chat).
  ['probe AS', path.join(DATA, 'probe-as-questions.jsonl')],
  // Probe AT: 180 messages (100 partial over all 22 notes, 40 in, 40 out), written by a helper from the note bodies
  // alone in round 19 to study questions a note covers only part of; first sight on 12b896b partial 51 of 100 (11
  // answered as if covered), 40 of 40 in, 40 of 40 declined; then read and tuned on (end of round 19: partial 58, 5
  // answered as if covered).
  ['probe AT', path.join(DATA, 'probe-at-questions.jsonl')],
  // Held-out set AV: 200 messages (100 in, 30 partial, 40 out, 30 chat; a mobile game studio's build team in casual
  // Korean and a hospital EMR system's infra staff, formal and long), written at round 20's start in the way of the
  // shared dev sets, and never read. First sight on 05bcda4 (round 19's end): 85.0% right-1st, 8 confident wrong, 39
  // of 40 declined, partial 15 of 30, chat 30 of 30; round 20's changes left it as it was.
  ['held-out set AV', path.join(DATA, 'fresh-av-questions.jsonl')],
  // Probe AW: 200 messages (100 in, two thirds of them in everyday words that name no term; 30 partial; 50 out, 34 of
  // them traps in the notes' own words; 20 chat; a university lab's grad students and a fintech platform team),
  // written at round 20's start from the note bodies alone; first sight on 05bcda4 66.0% right-1st, 6 confident
  // wrong, 50 of 50 declined, partial 12 of 30, chat 16 of 20; then read and tuned on (end of round 20: 73.0%, 6, chat
  // 20 of 20).
  ['probe AW', path.join(DATA, 'probe-aw-questions.jsonl')],
  // Held-out set AX: 200 messages (100 in, 30 partial, 40 out, 30 chat; an online retailer's data-engineering team in
  // casual Korean and a robotics startup's firmware team in terse English), written at round 21's start the way of the
  // shared dev sets, and never read. First sight on fbfbe13 (round 20's end): 86.0% right-1st, 5 confident wrong, 38 of
  // 40 declined, partial 16 of 30, chat 29 of 30.
  ['held-out set AX', path.join(DATA, 'fresh-ax-questions.jsonl')],
  // Probe AY: 200 messages (100 in where a sibling note shares many words with the right one, 50 partial, 50 out in the
  // notes' own words; a broadcaster's media-engineering team and an e-learning platform team), written at round 21's
  // start to study confident wrong answers; first sight on fbfbe13 75.0% right-1st, 13 confident wrong, 50 of 50
  // declined, partial 22 of 50; then read and tuned on.
  ['probe AY', path.join(DATA, 'probe-ay-questions.jsonl')],
  // Held-out set AZ: 200 messages (100 in, 30 partial, 40 out, 30 chat; an insurer's core-systems team moving Java batch
  // jobs to containers, and an indie game studio's two-person backend team), written mid-round 21 to measure the round's
  // changes unseen, and never read. First sight on fbfbe13: 82.0% right-1st, 5 confident wrong, 40 of 40 declined,
  // partial 16 of 30, chat 27 of 30.
  ['held-out set AZ', path.join(DATA, 'fresh-az-questions.jsonl')],
  // Probe BA: 160 messages (110 chat of every register, 30 questions and 20 out-of-scope ones wrapped in chat), written
  // by a helper from the note bodies alone mid-round 21 to study the chat the held-out sets miss; first sight on fbfbe13
  // 83 of 110 chat, 29 of 30 in, 20 of 20 declined; then read and tuned on.
  ['probe BA', path.join(DATA, 'probe-ba-questions.jsonl')],
  // Held-out sets BB and BD: 200 messages each (100 in, 30 partial, 40 out, 30 chat), written at round 22's start the way
  // of the shared dev sets and never read. BB: a telecom NOC team adopting containers for monitoring tools, in Korean
  // with English terms and shift-handover messages, and a Berlin SaaS team in English; first sight on 712118a (round
  // 21's end) 79.0% right-1st, 6 confident wrong, 39 of 40 declined, partial 21 of 30, chat 27 of 30. BD: a bank's
  // mainframe-to-cloud team in formal Korean, a high-school computer-science class in casual Korean and a freelance web
  // developer in lowercase English; first sight on 712118a 73.0%, 8, 39 of 40, 18 of 30, chat 21 of 30.
  ['held-out set BB', path.join(DATA, 'fresh-bb-questions.jsonl')],
  ['held-out set BD', path.join(DATA, 'fresh-bd-questions.jsonl')],
  // Probe BC: 200 messages where a neighbouring note shares many words with the right one (130 in, 50 partial, 20 out;
  // an e-commerce platform team and a QA automation team), written at round 22's start from the note bodies alone;
  // first sight on 712118a 79.2% right-1st, 9 confident wrong, 19 of 20 declined, partial 35 of 50; then read and tuned
  // on.
  ['probe BC', path.join(DATA, 'probe-bc-questions.jsonl')],
  // Probe BE: 200 messages (130 chat of every register, including "still broken" and statements to the room; 40
  // questions and 30 out-of-scope ones wrapped in chat), written mid-round 22 from the note bodies alone; first sight on
  // 10ae041 chat 103 of 130, 37 of 40 in, 30 of 30 declined; then read and tuned on.
  ['probe BE', path.join(DATA, 'probe-be-questions.jsonl')],
  // Probe BF: 200 messages (120 a note covers in part, of seven kinds: how-to, option, number, version, comparison,
  // troubleshooting, best practice; 40 in, 40 out), written mid-round 22 from the note bodies alone; first sight on
  // 10ae041 partial 47 of 120 (15 answered as if covered), 38 of 40 in, 40 of 40 declined; then read and tuned on.
  ['probe BF', path.join(DATA, 'probe-bf-questions.jsonl')],
  // Held-out set BG: 200 messages (100 in, 30 partial, 40 out, 30 chat; a car-parts maker's factory IT team, an
  // Australian e-commerce startup's two developers, graduate students sharing a GPU server), written mid-round 22 the
  // way of the shared dev sets to measure the round's changes unseen, and never read. First sight on 712118a (round
  // 21's end): 66.0% right-1st, 10 confident wrong, 40 of 40 declined, partial 17 of 30, chat 24 of 30; on f4a4213
  // (mid-round 22) 67.0%, 10, 40 of 40, 18 of 30, chat 26 of 30.
  ['held-out set BG', path.join(DATA, 'fresh-bg-questions.jsonl')],
  // Probe AG: 180 mostly long messages asking for a note's list, comparison, criteria or steps (100 in, 40 partial,
  // 40 out; a university lab, a logistics backend team, a freelancer), written by a helper from the note bodies
  // alone in round 16; first sight on round 15's code 78.0% right-1st, 10 confident wrong, 39 of 40 declined,
  // partial 23 of 40; then read and tuned on.
  ['probe AG', path.join(DATA, 'probe-ag-questions.jsonl')],
  // Probe AH: 200 messages, 120 of them out-of-scope traps reusing the notes' words (40 in, 40 partial), written by a
  // helper from the note bodies alone in round 16; first sight on round 15's code 95.0% right-1st, 8 confident wrong,
  // 115 of 120 declined, partial 31 of 40; then read.
  ['probe AH', path.join(DATA, 'probe-ah-questions.jsonl')],
  // Probe AJ: 200 messages where a sibling note shares many words with the right one (130 in, 40 partial, 30 out;
  // an e-commerce data team and a university DevOps class), written by a helper from the note bodies alone in round
  // 17; first sight on c88b5f4 88.5% right-1st, 11 confident wrong, 29 of 30 declined, partial 29 of 40; then read.
  ['probe AJ', path.join(DATA, 'probe-aj-questions.jsonl')],
  // Probe AM: 200 messages asked as by someone who never read a note (140 in, 20 partial, 40 out; a game-server team
  // writing Konglish and an e-commerce ops team with a Korean PM), written by a helper from the note bodies alone in
  // round 18; first sight on c09a4d4 45.0% right-1st, 20 confident wrong, 39 of 40 declined, partial 11 of 20; then
  // read and tuned on (end of round 18: 55.0%, 18).
  ['probe AM', path.join(DATA, 'probe-am-questions.jsonl')],
  // Probe AO: 180 messages in formal Korean as public institutions and large firms write it, asked as by someone
  // who never read a note (140 in, 40 out), written by a helper from the note bodies alone in round 18; first
  // sight on 20ccce2 34.3% right-1st, 11 confident wrong, 40 of 40 declined (eda491b: 33.6%, 10); then read and
  // tuned on (end of round 18: 44.3%, 15).
  ['probe AO', path.join(DATA, 'probe-ao-questions.jsonl')],
];

/** A ranker under test: entry ids best first, and what it claims. */
type Ranker = (q: string) => { ids: string[]; outcome: 'answered' | 'partial' | 'none'; chat?: string };

export function loadDevQuestions(file = DEV_SET): DevQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevQuestion);
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/**
 * right first: an in question answered with the right note first. confident wrong: an in question answered
 * with a wrong note, an out question answered, or a partial one answered (with its covering note or not;
 * `partialAnsweredRight` says how many of those had the covering note). Declined: an out question not
 * answered (of which `outPartial` were offered as partial).
 */
export function measureQuality(questions: DevQuestion[], entries: KnowledgeEntry[], rank: Ranker) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hits = (id: string | undefined, expect: string[]) =>
    id !== undefined && expect.some((phrase) => squash(byId.get(id)?.body ?? '').includes(squash(phrase)));
  const m = {
    inCount: 0,
    top1: 0,
    recall3: 0,
    rr: 0,
    inPartial: 0,
    outCount: 0,
    declined: 0,
    outPartial: 0,
    partialCount: 0,
    partialRight: 0,
    partialAnsweredRight: 0,
    chatCount: 0,
    chatRight: 0,
    confidentWrong: 0,
    misses: [] as string[],
  };
  for (const q of questions) {
    const { ids, outcome, chat } = rank(q.q);
    const tag = q.class ? ` [${q.class}]` : '';
    const shown = `${ids.slice(0, 3).join(', ') || '-'} (${outcome}${chat ? `, ${chat}` : ''})`;
    if (q.kind === 'chat') {
      m.chatCount++;
      if (chat) m.chatRight++;
      else m.misses.push(`chat missed${tag}: ${q.q} → ${shown}`);
      continue;
    }
    if (q.kind === 'out') {
      m.outCount++;
      if (outcome !== 'answered') m.declined++;
      else m.confidentWrong++;
      if (outcome === 'partial') m.outPartial++;
      if (outcome !== 'none') m.misses.push(`out ${outcome}${tag}: ${q.q} → ${shown}`);
      continue;
    }
    const rankOfHit = ids.findIndex((id) => hits(id, q.expect ?? []));
    if (q.kind === 'partial') {
      m.partialCount++;
      if (outcome === 'partial' && rankOfHit === 0) m.partialRight++;
      else if (outcome === 'answered') {
        m.confidentWrong++;
        if (rankOfHit === 0) m.partialAnsweredRight++;
      }
      if (outcome !== 'partial' || rankOfHit !== 0) m.misses.push(`partial missed${tag}: ${q.q} → ${shown}`);
      continue;
    }
    m.inCount++;
    if (rankOfHit === 0 && outcome === 'answered') m.top1++;
    else m.misses.push(`in missed${tag}: ${q.q} → ${shown}`);
    if (outcome === 'answered' && rankOfHit !== 0) m.confidentWrong++;
    if (outcome === 'partial') m.inPartial++;
    if (rankOfHit >= 0 && rankOfHit < 3) m.recall3++;
    if (rankOfHit >= 0) m.rr += 1 / (rankOfHit + 1);
  }
  return m;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timeQueries(queries: string[], run: (q: string) => unknown, rounds: number): { p50: number; p99: number } {
  for (const q of queries.slice(0, 5)) run(q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Plain Fuse.js with its defaults over the same fields: the baseline the issue compares against. */
function plainFuse(entries: KnowledgeEntry[]) {
  return new Fuse(entries, { keys: ['title', 'titleEn', 'aliases', 'tags', 'body'], includeScore: true });
}

const WORDS = [
  '서버',
  '배포',
  '로그',
  '모니터링',
  '네트워크',
  '보안',
  '인증',
  '캐시',
  '큐',
  '데이터베이스',
  '백업',
  '복구',
  '스케일',
  '프록시',
  'latency',
  'throughput',
  'cache',
  'queue',
  'replica',
  'shard',
  'index',
  'schema',
  'token',
  'session',
  'cookie',
  'gateway',
  'router',
  'balancer',
  'metric',
  'alert',
  'pipeline',
  'artifact',
  'release',
  'rollback',
  'canary',
  'feature',
  'flag',
  'tenant',
  'quota',
  'limit',
  '설정',
  '권한',
  '계정',
  '요청',
  '응답',
  '지연',
  '장애',
  '점검',
  '운영',
  '개발',
  '테스트',
  '빌드',
  '패키지',
  '버전',
  '업데이트',
  '마이그레이션',
  '트랜잭션',
  '락',
  '스레드',
  '프로세스',
];

/** Deterministic synthetic notes: the real ones plus generated topics with long bodies. */
export function syntheticEntries(real: KnowledgeEntry[], size: number): KnowledgeEntry[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const out = [...real];
  for (let i = out.length; i < size; i++) {
    const topic = `${pick()} ${pick()} ${i}`;
    const body = Array.from({ length: 60 }, () => Array.from({ length: 6 }, pick).join(' ')).join('. ');
    out.push({
      id: `syn-${i}`,
      title: topic,
      titleEn: topic,
      aliases: [`${pick()} ${pick()}`, `${pick()} ${pick()}`],
      tags: [],
      related: [],
      body,
      file: `syn-${i}.md`,
    });
  }
  return out;
}

export async function runKnowledgeBench(): Promise<void> {
  const real = loadKnowledgeDir(BUNDLED_KNOWLEDGE_DIR).entries;
  const kb = createKnowledgeBase(real);
  const fuse = plainFuse(real);
  const ours: Ranker = (q) => {
    const a = kb.ask(q);
    return { ids: a.matches.map((m) => m.entry.id), outcome: a.outcome, ...(a.chat ? { chat: a.chat } : {}) };
  };
  // Plain Fuse has no abstain rule of its own: anything with a result counts as answered.
  const baseline: Ranker = (q) => {
    const r = fuse.search(q, { limit: 3 });
    return { ids: r.map((x) => x.item.id), outcome: r.length > 0 ? 'answered' : 'none' };
  };

  const questions = loadDevQuestions();
  const header =
    'ranker            right-1st  recall@3  conf.wrong   out declined (partial)   partial ok (+answered) / n   chat ok';
  const row = (label: string, m: ReturnType<typeof measureQuality>) => {
    const judged = m.inCount + m.outCount + m.partialCount;
    console.log(
      [
        label.padEnd(17),
        ratio(m.top1, m.inCount).padEnd(10),
        ratio(m.recall3, m.inCount).padEnd(9),
        `${m.confidentWrong}/${judged}`.padEnd(12),
        `${ratio(m.declined, m.outCount)} (${m.outPartial})`.padEnd(24),
        (m.partialCount ? `${m.partialRight} (+${m.partialAnsweredRight}) / ${m.partialCount}` : '-').padEnd(28),
        m.chatCount ? `${m.chatRight}/${m.chatCount}` : '-',
      ].join(' '),
    );
  };
  for (const [name, file] of SETS) {
    if (!fs.existsSync(file)) continue;
    const set = loadDevQuestions(file);
    const mine = measureQuality(set, real, ours);
    console.log(
      `\n== Knowledge retrieval quality, ${name} (${set.length}: ${mine.inCount} in, ${mine.partialCount} partial, ${mine.outCount} out, ${mine.chatCount} chat) ==`,
    );
    console.log(header);
    row('docker-notes-bot', mine);
    row('plain Fuse.js', measureQuality(set, real, baseline));
    if (mine.inPartial > 0) console.log(`  (${mine.inPartial} in-scope questions were offered as partial)`);
    for (const miss of mine.misses) console.log(`  ${miss}`);
  }

  console.log('\n== Knowledge query latency (ms per query) ==');
  console.log('knowledge base        ours p50  ours p99   plain Fuse p50  plain Fuse p99');
  const devQueries = questions.map((q) => q.q);
  // Questions about the generated topics too: their words sit in thousands of entries, the prefilter's worst case.
  const syntheticQueries = Array.from(
    { length: 20 },
    (_, i) => `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 13 + 5) % WORDS.length]} 문제`,
  );
  for (const size of [real.length, 1_000, 10_000]) {
    const entries = size === real.length ? real : syntheticEntries(real, size);
    const queries = size === real.length ? devQueries : [...devQueries, ...syntheticQueries];
    const build = performance.now();
    const big = createKnowledgeBase(entries);
    const buildMs = performance.now() - build;
    const mine = timeQueries(queries, (q) => big.ask(q), size >= 10_000 ? 5 : 20);
    const plain = plainFuse(entries);
    const base = timeQueries(
      size >= 10_000 ? queries.slice(0, 15) : queries,
      (q) => plain.search(q, { limit: 3 }),
      size >= 1_000 ? 1 : 20,
    );
    const label = size === real.length ? `real (${size} entries)` : `${size} entries`;
    console.log(
      `${label.padEnd(21)} ${ms(mine.p50)}  ${ms(mine.p99)}   ${ms(base.p50)}      ${ms(base.p99)}    (index built in ${buildMs.toFixed(0)} ms)`,
    );
  }
}

const ratio = (n: number, of: number) => (of === 0 ? '-' : `${((n / of) * 100).toFixed(1).padStart(5)}%`);
const ms = (x: number) => x.toFixed(3).padStart(8);
