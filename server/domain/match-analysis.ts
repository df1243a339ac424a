// A document's match analysis, as CAT tools quote from: each pair's best memory match put in a band, with its source words.

import { matchKey, matchPercent } from './fuzzy-match.ts';
import { sourceWordCount } from './quality-score.ts';

/**
 * The bands, best first. The matcher finds nothing under 70 % (its floor: below it the bigram filter rules out
 * too little to stay cheap), so the lowest fuzzy band is 70–74 % and everything under it is "none".
 */
export const BANDS = ['repetition', '100', '95-99', '85-94', '75-84', '70-74', 'none'] as const;
export type Band = (typeof BANDS)[number];

export interface BestMatch {
  similarity: number;
}

export interface BandFigures {
  band: Band;
  pairs: number;
  /** Source words as CAT tools count Chinese (see sourceWordCount). */
  words: number;
  /** This band's words over all the document's words; 0 when it has none. */
  share: number;
}

export interface MatchAnalysis {
  bands: BandFigures[];
  total: { pairs: number; words: number };
}

/** The band of a match by the whole percent the editor shows for it (a 99.6 % match reads and counts as 100 %). */
export function bandOf(match: BestMatch | null): Exclude<Band, 'repetition'> {
  if (!match) return 'none';
  const percent = matchPercent(match.similarity);
  if (percent >= 100) return '100';
  if (percent >= 95) return '95-99';
  if (percent >= 85) return '85-94';
  if (percent >= 75) return '75-84';
  if (percent >= 70) return '70-74';
  return 'none';
}

/**
 * Bands every pair, in document order: a pair whose Chinese (compared as the matcher compares it) an earlier pair
 * already had is a repetition and is not looked up; the others get `best`'s match. A pair without Chinese is never
 * a repetition.
 */
export function analyseMatches(pairs: readonly { src: string }[], best: (src: string, key: string) => BestMatch | null): MatchAnalysis {
  const figures = new Map<Band, { pairs: number; words: number }>(BANDS.map((b) => [b, { pairs: 0, words: 0 }]));
  const seen = new Set<string>();
  let words = 0;
  for (const { src } of pairs) {
    const key = matchKey(src);
    const band = key && seen.has(key) ? 'repetition' : bandOf(best(src, key));
    seen.add(key);
    const count = sourceWordCount(src);
    const f = figures.get(band)!;
    f.pairs++;
    f.words += count;
    words += count;
  }
  return {
    bands: BANDS.map((band) => ({ band, ...figures.get(band)!, share: words ? figures.get(band)!.words / words : 0 })),
    total: { pairs: pairs.length, words },
  };
}
