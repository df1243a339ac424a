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
  // A dictionary's lookup hands back the same array for a word each time, and a sentence asks about a word many times.
  let memo = memos.get(frequency ?? memos);
  if (!memo) memos.set(frequency ?? memos, (memo = new WeakMap()));
  const known = memo.get(senses);
  if (known !== undefined) return known || undefined;
  const sense = pickSense(senses, frequency);
  memo.set(senses, sense ?? '');
  return sense;
}

// The senses picked from each array of senses, by the frequencies they were picked with (the map itself: none).
const memos = new WeakMap<object, WeakMap<string[], string>>();

function pickSense(senses: string[], frequency?: EnglishFrequency): string | undefined {
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

/** How many dictionary entries translate by an English word alone: a frequent one is the plain word a translator writes. */
export type EnglishFrequency = (word: string) => number;

// An alternative replaces the first only when the dictionary translates by it this much more often: "horizontal;
// level" reads "level" (3 and 34 entries), "universe; cosmos; space" stays "universe" (3 and 7).
const PLAINER = 4;

/**
 * First meaning of a CC-CEDICT sense, without classifiers, pinyin, bracketed remarks, "to", or a description after a
 * comma ("Beijing municipality, capital of …"); a saying keeps its commas, as they are part of it. Of the alternatives a
 * semicolon separates, the first is taken unless the dictionary translates by another word far more often (frequency).
 */
export function cleanSense(sense: string, frequency?: EnglishFrequency): string {
  const first = sense.split('/').map((s) => s.trim()).find(Boolean) ?? '';
  if (POINTER_SENSE.test(first)) return '';
  const meaning = first.replace(LITERAL, '').replace(FIGURATIVE, '').replace(/CL:\S+/g, '').replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '');
  const raw = meaning.split(';').map((a) => (SAYING.test(first) ? a : a.split(', ')[0]!).replace(/\s+/g, ' ').trim());
  const alternatives = raw.map((a) => a.replace(/^\s*to\s+(?=\S)/i, '').replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,.;]+$/g, ''));
  if (SAYING.test(first) || !frequency) return alternatives[0]!;
  // Word against word, a verb against verbs ("to state" is not "state"): a first alternative of several words ("look
  // after") or a function word ("that; the") stays.
  const count = (i: number) => (ONE_WORD.test(raw[i]!) ? frequency(raw[i]!.toLowerCase()) : 0);
  let best = 0;
  for (let i = 1; i < raw.length; i++) if (count(0) > 0 && count(i) >= PLAINER * count(best)) best = i;
  return alternatives[best]!;
}

const ONE_WORD = /^(?:to )?[a-z]+$/i;

/** The single English words an entry translates by, each alone in a sense or between semicolons ("to say", "level"). */
export function plainWords(glosses: string[]): string[] {
  const words: string[] = [];
  for (const gloss of glosses) {
    for (const a of gloss.includes(';') ? gloss.split(';') : [gloss]) {
      const word = a.trim();
      if (ONE_WORD.test(word)) words.push(word.toLowerCase());
    }
  }
  return words;
}

/** CC-CEDICT's and pinyin-pro's numbered pinyin alike: shui3ping2, lv4, le5 (pinyin-pro writes a neutral tone 0). */
export function normalisePinyin(pinyin: string): string {
  return pinyin.toLowerCase().replace(/u:|ü/g, 'v').replace(/0/g, '5').replace(/\s+/g, '');
}
