/**
 * A small terminal for tests of the shell on a "TTY": fake input and output streams that say they
 * are terminals, and a screen that applies what the output draws (text, line feeds, the cursor
 * moves and erases readline uses), so a test reads what a person would see, not the byte stream.
 * One column per character (tests type ASCII), lines wrap at the width.
 */
import { PassThrough } from 'node:stream';

export class TerminalScreen {
  readonly lines: string[] = [''];
  private row = 0;
  private col = 0;

  /** Text reaching the last column goes on at the start of the next row, as on a terminal. */
  constructor(private readonly columns = 80) {}

  write(data: string): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what a terminal reads
    const tokens = data.match(/\x1b\[[?0-9;]*[A-Za-z]|\x1b.|[\s\S]/g) ?? [];
    for (const token of tokens) this.apply(token);
  }

  /** What is on the screen, trailing blanks dropped. */
  text(): string {
    return this.lines
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** The line the cursor is on. */
  cursorLine(): string {
    return (this.lines[this.row] ?? '').trimEnd();
  }

  private apply(token: string): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what a terminal reads
    const csi = /^\x1b\[([?0-9;]*)([A-Za-z])$/.exec(token);
    if (csi) {
      this.control(csi[1] ?? '', csi[2]!);
      return;
    }
    if (token.startsWith('\x1b')) return;
    if (token === '\n') {
      this.row++;
      this.col = 0;
      while (this.lines.length <= this.row) this.lines.push('');
      return;
    }
    if (token === '\r') {
      this.col = 0;
      return;
    }
    if (this.col >= this.columns) this.apply('\n');
    const line = this.lines[this.row]!.padEnd(this.col);
    this.lines[this.row] = line.slice(0, this.col) + token + line.slice(this.col + 1);
    this.col++;
  }

  private control(params: string, command: string): void {
    const n = Number.parseInt(params, 10);
    const count = Number.isNaN(n) ? 1 : n;
    const line = this.lines[this.row]!;
    switch (command) {
      case 'G':
        this.col = count - 1;
        break;
      case 'C':
        this.col += count;
        break;
      case 'D':
        this.col = Math.max(0, this.col - count);
        break;
      case 'A':
        this.row = Math.max(0, this.row - count);
        break;
      case 'B':
        this.row += count;
        while (this.lines.length <= this.row) this.lines.push('');
        break;
      case 'K':
        if (params === '2') this.lines[this.row] = '';
        else if (params === '1') this.lines[this.row] = ' '.repeat(this.col) + line.slice(this.col);
        else this.lines[this.row] = line.slice(0, this.col);
        break;
      case 'J':
        this.lines[this.row] = line.slice(0, this.col);
        this.lines.splice(this.row + 1);
        break;
      default:
        // Colours (m) and modes (h, l) change nothing a test reads from the screen.
        break;
    }
  }
}

/** Input and output streams that say they are a terminal 80 columns wide, the screen they draw, and every byte written. */
export function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true as const, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true as const, columns: 80, rows: 24 });
  const screen = new TerminalScreen(output.columns);
  let raw = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    raw += chunk;
    screen.write(chunk);
  });
  return { input, output, screen, raw: () => raw };
}
