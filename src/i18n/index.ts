import { en } from './en.ts';
import { ko } from './ko.ts';
import type { Strings } from './strings.ts';

export type { Strings } from './strings.ts';

export type Lang = 'ko' | 'en';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** The reply follows the question's language: any Hangul makes it Korean. */
export function detectLang(text: string): Lang {
  return HANGUL.test(text) ? 'ko' : 'en';
}

const TABLES: Record<Lang, Strings> = { ko, en };

/** Everything the bot says, in `lang`. */
export function strings(lang: Lang): Strings {
  return TABLES[lang];
}
