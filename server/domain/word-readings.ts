// Which reading of a word a sentence means, where the dictionary reads it more than one way (说 shuo1 "speak", shui4
// "persuade"), and that reading's senses first.

export interface WordReadings {
  /** A word's numbered pinyin as a reader says it (说 shuo1, 银行 yin2hang2), as CC-CEDICT writes it without spaces. */
  reading?: (word: string) => string;
  /** The senses of each reading of a word the dictionary reads more than one way (说: shui4 persuade, shuo1 speak). */
  sensesByReading?: (word: string) => ReadonlyMap<string, string[]> | undefined;
  /** Whether the segmenter's dictionary holds a one-character word as a particle (jieba: 地 uv, 着 uz, 吧 y). */
  isParticle?: (word: string) => boolean;
}

/** Each segment's reading, for the segments the dictionary reads more than one way; a particle's is its neutral tone. */
export function readingsOf(segments: string[], deps: WordReadings): (string | undefined)[] {
  const { reading, sensesByReading } = deps;
  return segments.map((s) => {
    const word = s.trim();
    if (!reading || !sensesByReading?.(word)) return undefined;
    return particleReading(word, deps) ?? reading(word);
  });
}

/**
 * A particle's neutral-tone reading: pinyin-pro reads 地 dì "earth" even in 慢慢地, where it is de5 "-ly"; jieba, which
 * left it alone as a word, holds it a particle.
 */
function particleReading(word: string, deps: WordReadings): string | undefined {
  if ([...word].length !== 1 || !deps.isParticle?.(word)) return undefined;
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
