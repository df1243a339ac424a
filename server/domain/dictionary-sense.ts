// Picks the sense of a CC-CEDICT headword a gloss writes: the first meaning, cleaned of the dictionary's annotations.

// Senses that only point elsewhere in the dictionary say nothing a reader can use.
// So does 答 dā's "bound form having the same meaning as the free word 答[da2]", which came out in a draft as written.
const POINTER_SENSE = /^(?:surname |(?:old |archaic |euphemistic )?variant of|see |see also|abbr\. for|used in|erhua variant|also written|also pr\.|pr\.|taiwan pr\.|japanese variant|cl:|bound form having the same meaning as)/i;
// A saying's sense is the saying itself, commas and all ("small capital, huge profit (idiom)").
const SAYING = /\((?:idiom|proverb|saying)\b/i;
// A word-for-word reading of an idiom, which CC-CEDICT follows with what it means ("lit. ... (idiom); fig. ...").
const LITERAL = /^\s*(?:\(lit\.\)|lit\.)\s*/i;
const FIGURATIVE = /^\s*(?:\(fig\.\)|fig\.)\s*/i;

/**
 * The first usable sense of a headword. A literal reading gives way to the meaning CC-CEDICT gives after it (after its
 * semicolon, or the next sense), as a translator writes 一日千里 "rapid progress", not "one day, a thousand miles".
 */
export function firstSense(senses: string[]): string | undefined {
  for (let i = 0; i < senses.length; i++) {
    const sense = senses[i]!;
    if (LITERAL.test(sense)) {
      const meaning = [sense.split(';').slice(1).join(';'), senses[i + 1] ?? ''].map(cleanSense).find(Boolean);
      if (meaning) return meaning;
    }
    const clean = cleanSense(sense);
    if (clean) return clean;
  }
  return undefined;
}

/**
 * First meaning of a CC-CEDICT sense, without classifiers, pinyin, bracketed remarks, "to", or a description after a
 * comma ("Beijing municipality, capital of …"); a saying keeps its commas, as they are part of it.
 */
export function cleanSense(sense: string): string {
  const first = sense.split('/').map((s) => s.trim()).find(Boolean) ?? '';
  if (POINTER_SENSE.test(first)) return '';
  const meaning = first.replace(LITERAL, '').replace(FIGURATIVE, '');
  return meaning
    .replace(/CL:\S+/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\([^)]*\)/g, '')
    .split(SAYING.test(first) ? /;/ : /;|, /)[0]!
    .replace(/^\s*to\s+(?=\S)/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,.;]+$/g, '');
}
