import { describe, expect, it } from 'vitest';
import { showControlChars, truncateCodePoints } from '../../src/text/visible.ts';

describe('showControlChars', () => {
  it.each([
    ['ESC sequences', 'web\x1b[2J\x1b]0;owned\x07', 'web\\x1b[2J\\x1b]0;owned\\x07'],
    ['newline, CR, tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['NUL, DEL, C1', 'a\x00b\x7fc\x9bd', 'a\\x00b\\x7fc\\x9bd'],
    ['bidi override and isolates', 'abc\u202etxt.exe\u2066x\u2069', 'abc\\u202etxt.exe\\u2066x\\u2069'],
    ['bidi marks', 'a\u200eb\u200fc\u061cd', 'a\\u200eb\\u200fc\\u061cd'],
    ['zero-width and BOM', 'pa\u200bss\ufeff\u2060', 'pa\\u200bss\\ufeff\\u2060'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['soft hyphen', 'pass\u00adword', 'pass\\xadword'],
    ['tag characters', 'ok\u{e0041}\u{e0042}', 'ok\\u{e0041}\\u{e0042}'],
    ['a lone surrogate', 'a\ud800b\udc00', 'a\\ud800b\\udc00'],
  ])('%s', (_what, input, expected) => {
    expect(showControlChars(input)).toBe(expected);
  });

  it('leaves printable text, emoji and the zero-width joiner alone', () => {
    for (const text of ['docker ps -a', '컨테이너 목록', 'naïve café', '👩‍💻 🇰🇷 ❤️', 'a\\x1b literal']) {
      expect(showControlChars(text)).toBe(text);
    }
  });
});

describe('truncateCodePoints', () => {
  it('keeps text that fits, and cuts with … on code points', () => {
    expect(truncateCodePoints('abc', 3)).toBe('abc');
    expect(truncateCodePoints('abcd', 3)).toBe('ab…');
    expect(truncateCodePoints('😀😀😀', 3)).toBe('😀😀😀');
    expect(truncateCodePoints('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncateCodePoints('a😀😀😀', 2)).toBe('a…');
  });
});
