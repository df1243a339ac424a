// Word's symbol characters (`w:sym`) as text: the Symbol font's letters and signs as the Unicode characters they show.

import { NOT_XML_CHAR } from '../../domain/control-characters.ts';

/**
 * The Symbol font's characters 0x20-0x7E and 0xA0-0xFE (but 0xF0), as Adobe's Symbol encoding maps them to Unicode (the table
 * mammoth reads with, through dingbat-to-unicode, agrees): Greek letters, mathematical signs, arrows.
 */
const SYMBOL_FONT = new Map<number, string>([
  ...[...' !∀#∃%&∍()*+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}~'].map((c, i) => [0x20 + i, c] as const),
  ...[...'€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪'].map((c, i) => [0xa0 + i, c] as const),
  // 0xF0 is Apple's logo, in private use: left out like the other fonts' pictograms.
  ...[...'〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭'].map((c, i) => [0xf1 + i, c] as const),
]);

/**
 * The text of `<w:sym w:font w:char>`. Word writes a symbol font's character in private use, F000 plus the font's
 * byte (F0B1 is the Symbol font's ±), older files the byte alone. The Symbol font's are read through its table.
 * Other symbol fonts (Wingdings, Webdings) hold pictograms, bullets and boxes rather than words to translate:
 * their private-use characters are left out, as they would show as an empty box in any other font. A character
 * outside private use is itself, whatever the font; one XML cannot carry is left out.
 */
export function symbolText(font: string | undefined, char: string | undefined): string {
  if (!char || !/^[0-9A-Fa-f]{1,6}$/.test(char)) return '';
  const code = parseInt(char, 16);
  const byte = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code <= 0xff ? code : undefined;
  if (font?.trim().toLowerCase() === 'symbol' && byte !== undefined) return SYMBOL_FONT.get(byte) ?? '';
  if (code > 0x10ffff || (code >= 0xe000 && code <= 0xf8ff)) return '';
  const text = String.fromCodePoint(code);
  return NOT_XML_CHAR.test(text) ? '' : text;
}
