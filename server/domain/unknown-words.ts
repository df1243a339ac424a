// Splits a word the dictionary lacks into dictionary words (高水平 → 高 水平), unless it looks like a name (金灿荣).

import { firstSense } from './dictionary-sense.ts';
import { bearsSurname, looksLikeGivenName, type PersonNameCounts } from './person-names.ts';

export interface WordSenses {
  /** English senses of a word, best first, as CC-CEDICT gives them; [] when unknown. */
  lookup: (word: string) => string[];
  /** A single character's senses from its common-word entries. */
  common?: (word: string) => string[];
  /** Who CC-CEDICT's people are: without it any surname character starts a name. */
  people?: PersonNameCounts;
  /** Whether the segmenter's dictionary holds the word as the name of a place or body (jieba: 成都 ns). */
  isPlaceName?: (word: string) => boolean;
}

/**
 * The segments with each unknown word that is no name replaced by the fewest dictionary words that make it up: jieba
 * keeps 高水平 and 双边关系 whole, which CC-CEDICT glosses only in parts. A word nothing splits into stays as it was.
 * `pieces` holds the places of the words a split made, which were no word of their own in the sentence.
 */
export function composeUnknownWords(segments: string[], deps: WordSenses): { segments: string[]; pieces: Set<number> } {
  const out: string[] = [];
  const pieces = new Set<number>();
  segments.forEach((segment, i) => {
    const word = segment.trim();
    const parts = isUnknownHan(word, deps) && !looksLikeName(word, segments[i - 1]?.trim() ?? '', deps) ? splitIntoWords(word, deps) : undefined;
    if (!parts) return out.push(segment);
    for (const part of parts) pieces.add(out.push(part) - 1);
  });
  return { segments: out, pieces };
}

/**
 * A name is a surname and a given name of one or two characters that are no word together (金 + 灿荣), or such a given
 * name alone after a surname jieba set apart (华 / 春莹). Where the dictionary's people are known, a two-character name's
 * surname must be one of theirs (水中 and 加盐 are words: no one is surnamed 水 or 加) unless the segmenter knows the word
 * as a place (成都); and a given name that is a word counts when people have its characters in their names and the
 * surname makes no word with the next one (王建国, not 高水平 or 高中生).
 */
export function looksLikeName(word: string, before: string, deps: WordSenses): boolean {
  const chars = [...word];
  const surname = (c: string) => isSurname(c, deps) && (!deps.people || bearsSurname(c, deps.people));
  if (chars.length <= 2 && [...before].length === 1 && surname(before)) return true;
  if (chars.length < 2 || chars.length > 3 || !isSurname(chars[0]!, deps)) return false;
  if (chars.length === 2) return surname(chars[0]!) || !!deps.isPlaceName?.(word);
  const given = chars.slice(1).join('');
  if (!firstSense(deps.lookup(given))) return true;
  return !!deps.people && surname(chars[0]!) && looksLikeGivenName(given, deps.people) && !firstSense(deps.lookup(chars[0]! + chars[1]!));
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
