// Splits a word the dictionary lacks into dictionary words (高水平 → 高 水平), unless it looks like a name (金灿荣).

import { firstSense } from './dictionary-sense.ts';

export interface WordSenses {
  /** English senses of a word, best first, as CC-CEDICT gives them; [] when unknown. */
  lookup: (word: string) => string[];
  /** A single character's senses from its common-word entries. */
  common?: (word: string) => string[];
}

/**
 * The segments with each unknown word that is no name replaced by the fewest dictionary words that make it up: jieba
 * keeps 高水平 and 双边关系 whole, which CC-CEDICT glosses only in parts. A word nothing splits into stays as it was.
 */
export function composeUnknownWords(segments: string[], deps: WordSenses): string[] {
  return segments.flatMap((segment, i) => {
    const word = segment.trim();
    if (!isUnknownHan(word, deps) || looksLikeName(word, segments[i - 1]?.trim() ?? '', deps)) return [segment];
    return splitIntoWords(word, deps) ?? [segment];
  });
}

/**
 * A name is a surname and a given name of one or two characters that are no word together (金 + 灿荣, not 高 + 水平),
 * or such a given name alone after a surname jieba set apart (华 / 春莹).
 */
export function looksLikeName(word: string, before: string, deps: WordSenses): boolean {
  const chars = [...word];
  if (chars.length <= 2 && [...before].length === 1 && isSurname(before, deps)) return true;
  if (chars.length < 2 || chars.length > 3 || !isSurname(chars[0]!, deps)) return false;
  return chars.length === 2 || !firstSense(deps.lookup(chars.slice(1).join('')));
}

export function isUnknownHan(word: string, deps: WordSenses): boolean {
  return /^\p{Script=Han}+$/u.test(word) && !firstSense(deps.lookup(word));
}

const isSurname = (char: string, deps: WordSenses) => deps.lookup(char).some((s) => /^surname /i.test(s));

const hasSense = (word: string, deps: WordSenses) =>
  firstSense(deps.lookup(word)) !== undefined || ([...word].length === 1 && firstSense(deps.common?.(word) ?? []) !== undefined);

/** The fewest dictionary words that spell the word, longer words first among equals; undefined when a part has no sense. */
function splitIntoWords(word: string, deps: WordSenses): string[] | undefined {
  const chars = [...word];
  // best[k]: the fewest words spelling the first k characters.
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= chars.length; end++) {
    for (let start = 0; start < end; start++) {
      const before = best[start];
      const piece = chars.slice(start, end).join('');
      if (!before || (end - start === chars.length) || !hasSense(piece, deps)) continue;
      if (!best[end] || before.length + 1 < best[end]!.length) best[end] = [...before, piece];
    }
  }
  return best[chars.length];
}
