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
const SKIPPED_GLOSS = /^(variant of|old variant|see |see also|CL:|used in|abbr\. for|erhua variant|surname )/;
// Very common characters have dozens of senses; beyond this many stems they are noise.
const MAX_STEMS = 16;

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
