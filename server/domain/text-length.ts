// Lengths of what users write, in characters (Unicode code points) as people count them and as SQLite's and
// PostgreSQL's length() count them: 𠮷, outside the BMP, is one character, though two UTF-16 code units in a JS string.

/** The number of code points in `text`; a lone surrogate counts as one. */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Whether `text` has more than `max` characters. Text of at most `max` code units cannot, and is not counted. */
export function longerThan(text: string, max: number): boolean {
  return text.length > max && charCount(text) > max;
}

/** The first `max` characters of `text`: never half of a surrogate pair. */
export function firstChars(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (let n = 0; n < max && end < text.length; n++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return text.slice(0, end);
}
