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
export function firstSense(senses: string[], frequency?: EnglishFrequency): string | undefined {
  let explanation: string | undefined;
  for (let i = 0; i < senses.length; i++) {
    const sense = senses[i]!;
    if (LITERAL.test(sense)) {
      const meaning = [sense.split(';').slice(1).join(';'), senses[i + 1] ?? ''].map((s) => cleanSense(s, frequency)).find(Boolean);
      if (meaning) return meaning;
    }
    const clean = cleanSense(sense, frequency);
    if (clean && isExplanation(sense)) explanation ??= clean;
    else if (clean) return clean;
  }
  return explanation;
}

// A sense that explains the word rather than translating it (打: "a semantically light, transitive verb that is
// combined with …") gives way to a later sense; one over this many words explains.
const EXPLANATION_WORDS = 15;
const isExplanation = (sense: string) =>
  !SAYING.test(sense) && sense.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s+/).filter(Boolean).length > EXPLANATION_WORDS;

/** How many dictionary entries use an English word: a frequent one is the plain word a translator writes. */
export type EnglishFrequency = (word: string) => number;

// An alternative replaces the first only when its word is this much more common: "horizontal; level" reads "level",
// "to speak; to talk" stays "speak".
const PLAINER = 4;

/**
 * First meaning of a CC-CEDICT sense, without classifiers, pinyin, bracketed remarks, "to", or a description after a
 * comma ("Beijing municipality, capital of …"); a saying keeps its commas, as they are part of it. Of the alternatives a
 * semicolon separates, the first is taken unless the frequency given finds another's words far more common.
 */
export function cleanSense(sense: string, frequency?: EnglishFrequency): string {
  const first = sense.split('/').map((s) => s.trim()).find(Boolean) ?? '';
  if (POINTER_SENSE.test(first)) return '';
  const meaning = first.replace(LITERAL, '').replace(FIGURATIVE, '').replace(/CL:\S+/g, '').replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '');
  const alternatives = meaning.split(';').map((a) => (SAYING.test(first) ? a : a.split(', ')[0]!))
    .map((a) => a.replace(/^\s*to\s+(?=\S)/i, '').replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,.;]+$/g, ''));
  if (SAYING.test(first)) return alternatives[0]!;
  if (!frequency) return alternatives[0]!;
  const plainness = (a: string) => Math.min(...(a.toLowerCase().match(/[a-z]+/g) ?? []).map(frequency));
  // Only a single word replaces the first: "work together" is no plainer than "cooperate" for being made of common words.
  // A first alternative the frequency ignores (a function word: "that; the; those") stays.
  const firstPlainness = plainness(alternatives[0]!);
  return alternatives.reduce((best, a) => (/^[a-z]+$/i.test(a) && firstPlainness > 0 && plainness(a) >= PLAINER * plainness(best) ? a : best), alternatives[0]!);
}

/** The English words of an entry's senses, outside its brackets, once each. */
export function englishWords(glosses: string[]): Set<string> {
  return new Set(glosses.join(' ').toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').match(/[a-z]+/g) ?? []);
}

/** CC-CEDICT's and pinyin-pro's numbered pinyin alike: shui3ping2, lv4, le5 (pinyin-pro writes a neutral tone 0). */
export function normalisePinyin(pinyin: string): string {
  return pinyin.toLowerCase().replace(/u:|ü/g, 'v').replace(/0/g, '5').replace(/\s+/g, '');
}
