import { isHangul, spelling } from './normalize.ts';

/**
 * Repairs a misspelt word to a known one (도거 → docker, kubernets → kubernetes).
 * Korean compares by jamo, so 도거/도커 differ by one letter. Candidates come from a
 * table of deletions (SymSpell): two words within k edits share a form with at most k
 * letters deleted, so a lookup touches a few words instead of the whole vocabulary.
 */
export class TypoRepair {
  private readonly words: Array<{ spelling: string; token: string; curated: boolean }> = [];
  private readonly byDeletion = new Map<string, number[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(corpusTokens: string[], forms: ReadonlyMap<string, string>) {
    const known = new Set(corpusTokens);
    const add = (surface: string, token: string, curated: boolean) => {
      if (/^\d+$/.test(surface)) return;
      const spelt = spelling(surface);
      const id = this.words.push({ spelling: spelt, token, curated }) - 1;
      for (const variant of deletions(spelt, allowedEdits(spelt, isHangul(surface)))) {
        const list = this.byDeletion.get(variant);
        if (list) list.push(id);
        else this.byDeletion.set(variant, [id]);
      }
    };
    // A note word that is a lexicon concept (swarm) is as curated as the concept's other forms.
    for (const t of corpusTokens) add(t, t, forms.has(t));
    // Lexicon forms repair to their concept, but only concepts the notes use.
    for (const [form, canonical] of forms) if (known.has(canonical) && form !== canonical) add(form, canonical, true);
  }

  /**
   * The known word `token` is a typo of, if any. `everyday`: the word is an everyday English word, seldom a
   * typo, and then a slip of the keyboard (a letter left out, doubled or swapped: swam → swarm) that makes a
   * lexicon word, not another word that differs by one letter (gist ≠ list, lost ≠ host) or by an ending
   * (give ≠ gives).
   */
  correct(token: string, { everyday = false } = {}): string | undefined {
    const key = everyday ? `\u0001${token}` : token;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const target = spelling(token);
    const maxEdits = /^\d+$/.test(token) ? 0 : allowedEdits(target, isHangul(token));
    // A Korean word of one or two syllables is one jamo from many others (바로/따로, 분기/분리, 전에/전체):
    // it may only become a lexicon word that sounds alike (도거 → 도커, 역활 → 역할).
    const shortKorean = isHangul(token) && token.length <= 2;
    const curatedOnly = everyday || (isHangul(token) && target.length < SHORT_KOREAN) || shortKorean;
    let best: { token: string; distance: number } | undefined;
    if (maxEdits > 0) {
      const seen = new Set<number>();
      for (const variant of deletions(target, maxEdits)) {
        for (const id of this.byDeletion.get(variant) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const word = this.words[id]!;
          if (curatedOnly && !word.curated) continue;
          if (everyday && !isKeyboardSlip(target, word.spelling)) continue;
          if (shortKorean && !soundsAlike(target, word.spelling)) continue;
          const d = editDistance(target, word.spelling, maxEdits);
          if (d <= maxEdits && (!best || d < best.distance)) best = { token: word.token, distance: d };
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, best?.token ?? null);
    return best?.token;
  }
}

/** A letter left out, doubled or two swapped, keeping the first letter; not one word's ending added to another. */
function isKeyboardSlip(typed: string, known: string): boolean {
  if (typed[0] !== known[0] || typed.startsWith(known) || known.startsWith(typed)) return false;
  return typed.length !== known.length || [...typed].sort().join('') === [...known].sort().join('');
}

/** Consonants and vowels people mix up by sound or by the shift key. */
// ㅁㄴㅇ: the nasals, side by side on the Korean keyboard's home row too (개녕 for 개념).
const SOUND_ALIKE = ['ㄱㅋㄲ', 'ㄷㅌㄸ', 'ㅂㅍㅃ', 'ㅈㅊㅉ', 'ㅅㅆ', 'ㅁㄴㅇ', 'ㅐㅔ', 'ㅒㅖ', 'ㅓㅔ', 'ㅕㅖ'];

/**
 * Two jamo spellings one edit apart where the edit keeps the sound: a consonant or vowel of the same group
 * (도거/도커, 쿠베/쿠버), a vowel with or without the glide that makes it compound (역활/역할, 왜/외: jamo
 * spell ㅘ as ㅗㅏ), or a final consonant added or left out at the end (감싼/감싸).
 */
function soundsAlike(a: string, b: string): boolean {
  if (a.length === b.length) {
    const at = [...a].findIndex((c, i) => c !== b[i]);
    if (at < 0) return true;
    if (a.slice(at + 1) !== b.slice(at + 1)) return false;
    const pair = a[at]! + b[at]!;
    const afterGlide = a[at - 1] === 'ㅗ' && /^[ㅐㅣ]{2}$/.test(pair);
    return afterGlide || SOUND_ALIKE.some((group) => group.includes(a[at]!) && group.includes(b[at]!));
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  if (long.startsWith(short)) return true;
  const at = [...short].findIndex((c, i) => c !== long[i]);
  const glide = long[at] === 'ㅗ' ? /[ㅏㅐㅣ]/ : long[at] === 'ㅜ' ? /[ㅓㅔㅣ]/ : undefined;
  return glide?.test(short[at] ?? '') === true && long.slice(at + 1) === short.slice(at);
}

/** Jamo count below which a Korean word is short (two open syllables: 도거 = ㄷㅗㄱㅓ). */
export const SHORT_KOREAN = 6;

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

/** Longer than any word worth repairing (a pasted hash, Korean typed without spaces). */
const MAX_REPAIR_LENGTH = 30;

/**
 * Short words tolerate no typo (cook ≠ code); longer ones one or two. Very long ones none: the
 * deletion table of a word grows with the square of its length.
 */
function allowedEdits(spelt: string, korean: boolean): number {
  if (spelt.length > MAX_REPAIR_LENGTH) return 0;
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
