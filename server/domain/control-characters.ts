// Finds characters that XML 1.0 cannot carry (NUL and the other C0 controls but tab, LF and CR; U+FFFE, U+FFFF):
// text holding one imports fine but can never be exported as TMX or XLIFF, so imports refuse it up front.

export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first such character and its 1-based line, or undefined when the text is clean. */
export function firstControlCharacter(text: string): { char: string; line: number } | undefined {
  const bad = NOT_XML_CHAR.exec(text);
  if (!bad) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < bad.index; i = text.indexOf('\n', i + 1)) line++;
  return { char: codePointLabel(bad[0]), line };
}
