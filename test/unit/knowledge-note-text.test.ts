/**
 * One note file's bytes and text as people's editors and tools leave them, and as an attacker might
 * write them: what is read, what is refused, and that each refusal names the field in one bounded,
 * printable line. Folder-level shapes (links, FIFOs, devices) are in knowledge-hostile.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadFile, decodeNote, FRONT_MATTER_LIMITS, parseEntry } from '../../src/knowledge/parse.ts';

const fm = (lines: string) => `---\n${lines}\n---\nThe body.\n`;
const parse = (text: string) => parseEntry(text, 'n.md');
/** The message parseEntry refuses the text with. */
function refusal(text: string): string {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof BadFile) return err.message;
    throw err;
  }
  throw new Error('the text was accepted');
}

afterEach(() => vi.restoreAllMocks());

describe('encodings', () => {
  const text = fm('id: utf\ntitle: 도커 노트');
  const utf16le = (s: string) => Buffer.from(s, 'utf16le');
  const utf16be = (s: string) => utf16le(s).swap16();

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 either way round, with or without one', () => {
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
      utf16le(text),
      utf16be(text),
    ]) {
      expect(parse(decodeNote(bytes))).toMatchObject({ id: 'utf', title: '도커 노트', body: 'The body.' });
    }
  });

  it('refuses text in another encoding (a Korean note saved as EUC-KR), naming its line, rather than serving mojibake', () => {
    const euckr = Buffer.concat([
      Buffer.from('---\nid: k\n'),
      Buffer.from([0xb5, 0xb5, 0xc4, 0xbf]),
      Buffer.from('\n'),
    ]);
    expect(() => decodeNote(euckr)).toThrow(
      /^is not UTF-8 text \(line 3 has bytes that are not UTF-8\); save it as UTF-8/,
    );
  });

  it('refuses a file with NUL bytes as not text', () => {
    expect(() => decodeNote(Buffer.from(`${text}\0\0\0`))).toThrow(/NUL bytes/);
  });
});

describe('line endings and the front-matter block', () => {
  it('reads Windows and old Mac line endings, blank lines before the front-matter, and YAML’s ... as its end', () => {
    for (const variant of [
      text('\r\n'),
      text('\r'),
      `\n\n  \n${text('\n')}`,
      '---\nid: ends\ntitle: Ends\n...\nThe body.\n',
      '---  \nid: ends\ntitle: Ends\n---\t\nThe body.\n',
    ]) {
      expect(parse(variant)).toMatchObject({ id: 'ends', title: 'Ends', body: 'The body.' });
    }
    function text(eol: string) {
      return ['---', 'id: ends', 'title: Ends', '---', 'The body.', ''].join(eol);
    }
  });

  it('says what is wrong with the block itself: never closed, TOML, missing, empty', () => {
    expect(refusal('\n---\nid: a\ntitle: A\nThe body, with no closing line.\n')).toBe(
      'front-matter opened on line 2 is never closed: end it with a --- line before the body',
    );
    expect(refusal('+++\nid = "a"\n+++\nbody\n')).toMatch(/^front-matter is TOML \(\+\+\+\)/);
    expect(refusal('# A note without front-matter\n')).toMatch(
      /^no front-matter \(the file must start with a --- line/,
    );
    expect(refusal('---\n---\nbody\n')).toBe('front-matter is empty: it must hold id and title');
    expect(refusal('  ---\nid: a\ntitle: A\n---\nbody\n')).toBe(
      'the --- line that opens the front-matter is indented: it must start at the beginning of its line',
    );
  });
});

describe('YAML', () => {
  it('places a syntax error once, by the line of the file (the --- line and the blank lines before it counted)', () => {
    const message = refusal('\n---\nid: a\ntitle: [unclosed\naliases: []\n---\nbody\n');
    expect(message).toMatch(/^front-matter is not valid YAML at line 5, column \d+ \([^()]+\)$/);
    expect(message.match(/line/g)).toHaveLength(1);
    expect(refusal(fm('id: a\ntitle: A\nid: b'))).toBe(
      'front-matter is not valid YAML at line 4, column 1 (Map keys must be unique: "id")',
    );
  });

  it('keeps a number or yes/true as it is written: an id of 0777 is "0777", not 777', () => {
    const entry = parse(fm('id: 0777\ntitle: 0x1F\ntitle_en: true\naliases: [1e3, 010, yes, -0]'));
    expect(entry).toMatchObject({ id: '0777', title: '0x1F', titleEn: 'true', aliases: ['1e3', '010', 'yes', '-0'] });
  });

  it('skips an empty list item (a template’s `- `), and names a list or mapping where text belongs', () => {
    expect(parse(fm('id: a\ntitle: A\ntags:\n  - \n  - docker')).tags).toEqual(['docker']);
    expect(refusal(fm('id: a\ntitle: {text: A}'))).toBe('title must be text, not a mapping');
    expect(refusal(fm('id: a\ntitle: A\naliases: [[nested]]'))).toBe('aliases[0] must be text, not a list');
    expect(refusal(fm('id: a\ntitle: A\ntags: {docker: yes}'))).toBe('tags must be a list of text, not a mapping');
  });

  it('prints nothing of its own for tags it does not know (the library would warn on stderr, naming no file)', () => {
    // The library warns through process.emitWarning, which Node prints to stderr on a later tick.
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn');
    expect(parse(fm(`id: a\ntitle: A\naliases: [${Array(200).fill('!x a').join(', ')}]`)).aliases).toHaveLength(200);
    expect(emitWarning).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses aliases that expand past a bound (a billion-laughs document) instead of building them', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      laughs.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(refusal(fm(`id: a\ntitle: A\n${laughs.join('\n')}`))).toBe(
      'front-matter is not valid YAML (it expands too many aliases)',
    );
  });
});

describe('nesting', () => {
  it('refuses front-matter nested past the stack, saying so the same way each time', () => {
    const deep = `id: a\ntitle: A\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(refusal(fm(deep))).toBe('front-matter is not valid YAML (it is nested too deeply)');
  });
});

describe('sizes', () => {
  it('refuses front-matter over its limit before parsing it, so no shape of YAML can hold a reload up', () => {
    const tags = Array(4000).fill('!x a').join(', ');
    expect(refusal(fm(`id: a\ntitle: A\naliases: [${tags}]`))).toMatch(
      new RegExp(`^front-matter is \\d+ KB, over the limit of ${FRONT_MATTER_LIMITS.bytes / 1024} KB; `),
    );
  });

  it('bounds each field, naming it', () => {
    const many = Array.from({ length: FRONT_MATTER_LIMITS.listItems + 1 }, (_, i) => `t${i}`).join(', ');
    expect(refusal(fm(`id: a\ntitle: A\ntags: [${many}]`))).toBe(
      `tags has ${FRONT_MATTER_LIMITS.listItems + 1} items, over the limit of ${FRONT_MATTER_LIMITS.listItems}`,
    );
    expect(refusal(fm(`id: a\ntitle: ${'가'.repeat(FRONT_MATTER_LIMITS.titleChars + 1)}`))).toBe(
      `title is longer than ${FRONT_MATTER_LIMITS.titleChars} characters`,
    );
    expect(refusal(fm(`id: a\ntitle: A\nrelated: [ok, ${'x'.repeat(FRONT_MATTER_LIMITS.itemChars + 1)}]`))).toBe(
      `related[1] is longer than ${FRONT_MATTER_LIMITS.itemChars} characters`,
    );
    expect(refusal(fm(`id: ${'a'.repeat(65)}\ntitle: A`))).toBe('id is longer than 64 characters');
  });

  it('reads what pastes leave in a title or alias: tabs and line breaks as spaces, invisible marks dropped, joiners kept', () => {
    const england = '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}';
    const persian = 'می\u200cخواهم';
    const entry = parse(fm(`id: a\ntitle: "Docker\\tRoot\u00adDir\u200b"\naliases: ["${persian}", "${england}"]`));
    expect(entry.title).toBe('Docker RootDir');
    expect(entry.aliases).toEqual([persian, england]);
  });

  it('quotes a bad id bounded, and refuses control and bidi characters in what is shown, naming them', () => {
    expect(refusal(fm('id: "bad\\u001b[2J\\u202eid"\ntitle: A'))).toBe(
      'id holds a control or bidi character (\\x1b); remove it',
    );
    expect(refusal(fm('id: a\ntitle: A\naliases: [ok, "left\\u202eright"]'))).toBe(
      'aliases[1] holds a control or bidi character (\\u202e); remove it',
    );
    expect(refusal(fm('id: "docker\\u200b"\ntitle: A'))).toBe(
      'id "docker\\u200b" must be lowercase letters, digits and dashes',
    );
    expect(refusal(fm(`id: ${'Ab'.repeat(32)}\ntitle: A`))).toBe(
      `id "${'Ab'.repeat(29)}A…" must be lowercase letters, digits and dashes`,
    );
  });
});
