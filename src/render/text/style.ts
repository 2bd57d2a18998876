/**
 * How terminal text is marked: plain (a pipe, a file, NO_COLOR) or ANSI styling for a terminal
 * (headings bold, code coloured, metadata dim). The renderers call a style; whoever knows where the
 * text goes (the shell) picks it.
 */
export interface TextStyle {
  heading(text: string): string;
  code(text: string): string;
  dim(text: string): string;
}

export const PLAIN_STYLE: TextStyle = { heading: (t) => t, code: (t) => t, dim: (t) => t };

/** SGR codes that end only what they start (bold off, default colour), so they nest safely. */
export const ANSI_STYLE: TextStyle = {
  heading: (t) => `\x1b[1m${t}\x1b[22m`,
  code: (t) => `\x1b[36m${t}\x1b[39m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/**
 * Styling only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org):
 * piped or redirected output stays plain text.
 */
export function styleFor(output: { isTTY?: boolean }, env: Record<string, string | undefined>): TextStyle {
  return output.isTTY === true && !env.NO_COLOR ? ANSI_STYLE : PLAIN_STYLE;
}
