// Numbers written in words or in figures, in Chinese or English, reduced to one token so 二十一 meets 21 and twenty-one.

import { chineseNumeralValue } from '../domain/chinese-numerals.ts';

const EN_SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, threescore: 60, fourscore: 80, score: 20,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, twelfth: 12, twentieth: 20,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };
// Any number word standing alone in lower-cased text: most sentences hold none, and one test spares their word walk.
const EN_NUMBER_WORD = new RegExp(`(?<![a-z])(?:${[...Object.keys(EN_SMALL), ...Object.keys(EN_SCALES)].join('|')})(?![a-z])`);

/** The token a number becomes on both sides. */
export function numberToken(n: number): string {
  return `#${n}`;
}

/** Value of a Chinese numeral such as 二十一, 一千九百五十 or 三万五千 (第 allowed before it), or undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  const body = text.replace(/^第/, '');
  // Decimals (三点五) are left out: English writes them as figures, which this module splits at the point.
  return /^[零〇一二两三四五六七八九十百千万亿]+$/.test(body) ? chineseNumeralValue(body) : undefined;
}

/** Number tokens of a Chinese word: its figures (1950-53 gives 1950 and 53) or its numeral value. */
export function chineseNumberTokens(word: string): string[] {
  const figures = word.normalize('NFKC').match(/[0-9]+/g);
  if (figures) return figures.map((f) => numberToken(Number(f)));
  const value = parseChineseNumeral(word);
  return value === undefined ? [] : [numberToken(value)];
}

/**
 * Number tokens of an English sentence: figures, and runs of number words
 * ("an hundred and twenty", "twenty-one", "threescore and ten") summed as English reads them.
 */
export function englishNumberTokens(text: string): string[] {
  const out: string[] = [];
  for (const f of text.replace(/(\d),(\d{3})/g, '$1$2').match(/[0-9]+/g) ?? []) out.push(numberToken(Number(f)));
  const lower = text.toLowerCase();
  if (!EN_NUMBER_WORD.test(lower)) return out;
  let total = 0;
  let current = 0;
  let inRun = false;
  const flush = () => {
    if (inRun) out.push(numberToken(total + current));
    total = 0;
    current = 0;
    inRun = false;
  };
  for (const w of lower.split(/[^a-z]+/)) {
    // hasOwn: a word such as 'constructor' must not find the tables' inherited members.
    if (Object.hasOwn(EN_SMALL, w)) {
      current += EN_SMALL[w]!;
      inRun = true;
    } else if (Object.hasOwn(EN_SCALES, w)) {
      const scale = EN_SCALES[w]!;
      if (scale >= 1000) {
        total += (current || 1) * scale;
        current = 0;
      } else {
        current = (current || 1) * scale;
      }
      inRun = true;
    } else if (!(inRun && (w === 'and' || w === ''))) {
      flush();
    }
  }
  flush();
  return out;
}
