// Which reading of a word a sentence means, where the dictionary reads it more than one way (说 shuo1 "speak", shui4
// "persuade"), and that reading's senses first.

import { charCount } from './text-length.ts';

export interface WordReadings {
  /** A word's numbered pinyin as a reader says it (说 shuo1, 银行 yin2hang2), as CC-CEDICT writes it without spaces. */
  reading?: (word: string) => string;
  /** The senses of each reading of a word the dictionary reads more than one way (说: shui4 persuade, shuo1 speak). */
  sensesByReading?: (word: string) => ReadonlyMap<string, string[]> | undefined;
  /**
   * What kind of particle the segmenter's dictionary holds a one-character word as, if any: one that follows a verb or
   * an adjective (jieba's u…: 地 uv, 着 uz, 过 ug) or a mood particle that ends a clause after anything (y: 吧, 哩).
   */
  particleKind?: (word: string) => 'auxiliary' | 'mood' | undefined;
  /** Whether the segmenter's dictionary holds a word as a pronoun (jieba: r…), which no aspect particle follows. */
  isPronoun?: (word: string) => boolean;
}

/** Each segment's reading, for the segments the dictionary reads more than one way; a particle's is its neutral tone. */
export function readingsOf(segments: string[], deps: WordReadings): (string | undefined)[] {
  const { reading, sensesByReading } = deps;
  return segments.map((s, i) => {
    const word = s.trim();
    if (!reading || !sensesByReading?.(word)) return undefined;
    const kind = charCount(word) === 1 ? deps.particleKind?.(word) : undefined;
    // A mood particle ends a clause after any word; at a clause's start it is the interjection (哇 "wow").
    const particle = kind === 'mood' ? followsWord(segments, i) : kind === 'auxiliary' && (followsPredicate(segments, i, deps) || endsClause(segments, i));
    return (particle ? particleReading(word, deps) : undefined) ?? reading(word);
  });
}

/**
 * Whether the word before can take a particle: 过 after 去 is the particle guo5 (去过北京), but at the start of a clause
 * (过马路) or after a pronoun (他过马路) it is the verb guò "cross". Nouns are not asked: jieba's dictionary tags many
 * verbs as nouns (证实 "confirm", 学会 "learn"), and 了 after a noun (下雨了) is the particle all the same.
 */
function followsPredicate(segments: string[], i: number, deps: WordReadings): boolean {
  return followsWord(segments, i) && !deps.isPronoun?.(segments[i - 1]!.trim());
}

/** Whether a word (or a quotation, ‘贵人多忘事’了, whose closing mark ends it) stands just before. */
function followsWord(segments: string[], i: number): boolean {
  const before = segments[i - 1]?.trim() ?? '';
  return /\p{Script=Han}/u.test(before) || /^[”’」』）)]$/u.test(before);
}

/**
 * Whether punctuation follows: a clause-final 了 is the particle whatever stands before it (怎么了？). The end of the
 * words is no clause end, as a number may come next (我过二十一岁生日).
 */
function endsClause(segments: string[], i: number): boolean {
  const after = segments[i + 1]?.trim() ?? '';
  return after !== '' && !/[\p{L}\p{N}]/u.test(after);
}

/**
 * A particle's neutral-tone reading: pinyin-pro reads 地 dì "earth" even in 慢慢地, where it is de5 "-ly"; jieba, which
 * left it alone as a word, holds it a particle.
 */
function particleReading(word: string, deps: WordReadings): string | undefined {
  return [...(deps.sensesByReading?.(word)?.keys() ?? [])].find((reading) => reading.endsWith('5'));
}

/**
 * The senses of the reading a word has here, first: CC-CEDICT orders a word's readings by their pinyin, so 说 would be
 * shui4 "persuade" and 合 ge3 "100 ml" where 他说话 reads shuo1 "speak" and 合上书 he2 "close".
 */
export function readFirst(word: string, senses: string[], reading: string | undefined, deps: WordReadings): string[] {
  const read = reading === undefined ? undefined : deps.sensesByReading?.(word)?.get(reading);
  return read ? [...read, ...senses.filter((s) => !read.includes(s))] : senses;
}

// A neutral-tone particle's senses describe grammar ("(completed action marker)", "aspect particle indicating …",
// "(question tag)") rather than translate: English says it by tense, aspect or a question mark, not by a word.
const GRAMMAR = /\b(?:particle|marker|question tag|used (?:in|at|after|before|to))\b/i;

/**
 * Whether a word here is a grammatical particle a gloss leaves out: a one-character word read in the neutral tone (as
 * the segmenter's particle, or as pinyin reads it here: 啊 a5), one of whose senses in that reading describes grammar
 * (了 le5, 着 zhe5, 吗 ma5, 地 de5).
 * 了 liǎo "finish" in 了不起's pieces or a 着 zháo read another way is not one.
 */
export function isGrammaticalParticle(word: string, reading: string | undefined, senses: readonly string[], deps: WordReadings): boolean {
  if (charCount(word) !== 1) return false;
  // A character read one way only (们 men5, "plural marker for pronouns …") is a particle when all it says is grammar.
  if (reading === undefined) return !deps.sensesByReading?.(word) && senses.length > 0 && senses.every((sense) => GRAMMAR.test(sense));
  if (!reading.endsWith('5')) return false;
  // 地 de5 reads "-ly" first and "structural particle: …" after it; 着 zhe5's first sense points at its variant.
  return (deps.sensesByReading?.(word)?.get(reading) ?? []).some((sense) => GRAMMAR.test(sense));
}
