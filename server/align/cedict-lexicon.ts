// A compact zh→en word index built from CC-CEDICT text: headword → ids of the English stems of its glosses.

import { contentStems } from './english-words.ts';
import { lexiconFromIndex, packLexicon, type Lexicon } from './lexicon-index.ts';

export type { Lexicon } from './lexicon-index.ts';

/** What CC-CEDICT says, before packing: per headword, the ids (in `stems`) of its glosses' stems. */
export interface ParsedLexicon {
  /** English stems, sorted; a stem's id is its place here. */
  stems: string[];
  headwords: Map<string, number[]>;
  maxHeadwordLength: number;
}

// Glosses that point elsewhere or classify rather than translate.
const SKIPPED_GLOSS = /^(variant of|old variant|see |see also|CL:|used in|abbr\. for|erhua variant|surname |also pr\.|also written)/;
/**
 * CC-CEDICT lists a word's usual senses first; a common character's later ones link it to English
 * words it rarely means, and such a character stands in nearly every sentence. Beyond this many
 * stems the links are noise: on MAC-Dev, with the join look refitted five chapters at a time, 16
 * stems gave F1 0.910, 10 0.917, 8 0.920, 6 0.919 but our fixtures fell from 0.958 to 0.930.
 * Putting a word's short glosses before its long ones (老's first gloss explains its use as a
 * prefix; "old" comes after it, past the eighth stem) lost 0.004: what the cap buys is fewer
 * links for the commonest characters, whose links match English words in any bead.
 */
export const MAX_STEMS = 8;

/**
 * Names the index file (see lexiconIndexFile): a change to how glosses become stems (here or in
 * contentStems) must change it, or an installed index would keep the old links.
 */
export const LEXICON_FORMAT = 'stems8-contractions-est';

/** Parses CC-CEDICT lines (`trad simp [pin yin] /gloss/gloss/`), indexing both scripts. */
export function parseCedict(cedictText: string): ParsedLexicon {
  const perHeadword = new Map<string, Set<string>>();
  const allStems = new Set<string>();
  let maxHeadwordLength = 1;
  for (const line of cedictText.split('\n')) {
    if (line.startsWith('#') || line.length < 4) continue;
    const space1 = line.indexOf(' ');
    const space2 = line.indexOf(' ', space1 + 1);
    const slash = line.indexOf('/');
    if (space1 < 0 || space2 < 0 || slash < 0) continue;
    const stems = new Set<string>();
    for (const gloss of line.slice(slash + 1).split('/')) {
      if (!gloss || SKIPPED_GLOSS.test(gloss)) continue;
      for (const s of contentStems(gloss.replace(/\([^)]*\)/g, ' ').replace(/[^\x00-\x7f]+/g, ' '))) stems.add(s);
    }
    if (stems.size === 0) continue;
    for (const s of stems) allStems.add(s);
    for (const headword of new Set([line.slice(0, space1), line.slice(space1 + 1, space2)])) {
      const known = perHeadword.get(headword);
      if (known) for (const s of stems) known.add(s);
      else perHeadword.set(headword, new Set(stems));
      maxHeadwordLength = Math.max(maxHeadwordLength, headword.length);
    }
  }
  const stems = [...allStems].sort();
  const id = new Map(stems.map((s, k) => [s, k]));
  const headwords = new Map<string, number[]>();
  for (const [headword, set] of perHeadword) headwords.set(headword, [...set].slice(0, MAX_STEMS).map((s) => id.get(s)!));
  return { stems, headwords, maxHeadwordLength };
}

/** The lexicon straight from CC-CEDICT text, through the same packed form the prebuilt index has. */
export function buildLexicon(cedictText: string): Lexicon {
  return lexiconFromIndex(packLexicon(parseCedict(cedictText)));
}
