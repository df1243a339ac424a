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

/** Pairs and source words by band, of some of a document's pairs: the tallies of its slices add up to the whole's. */
export type Tallies = Record<Band, { pairs: number; words: number }>;

export const noTallies = (): Tallies => Object.fromEntries(BANDS.map((b) => [b, { pairs: 0, words: 0 }])) as Tallies;

export function addTallies(into: Tallies, more: Tallies): Tallies {
  for (const b of BANDS) {
    into[b].pairs += more[b].pairs;
    into[b].words += more[b].words;
  }
  return into;
}

/**
 * The pairs' Chinese as the matcher compares it, and whether an earlier pair already had it (a repetition, not looked
 * up). A pair without Chinese is never a repetition.
 */
export function repetitions(srcs: readonly string[]): { keys: string[]; repeated: Uint8Array } {
  const keys = srcs.map(matchKey);
  const repeated = new Uint8Array(keys.length);
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (key && seen.has(key)) repeated[i] = 1;
    seen.add(key);
  });
  return { keys, repeated };
}

/** Bands the pairs `from` to `to` (exclusive) of a document, as `repetitions` found them; the others get `best`'s match. */
export function tallySlice(
  srcs: readonly string[], { keys, repeated }: ReturnType<typeof repetitions>, from: number, to: number,
  best: (src: string, key: string) => BestMatch | null,
): Tallies {
  const tallies = noTallies();
  for (let i = from; i < Math.min(to, srcs.length); i++) {
    const band = repeated[i] ? 'repetition' : bandOf(best(srcs[i]!, keys[i]!));
    const f = tallies[band];
    f.pairs++;
    f.words += sourceWordCount(srcs[i]!);
  }
  return tallies;
}

/** The analysis of a document of `pairs` pairs from its tallies: each band's share of the words. */
export function summarise(tallies: Tallies, pairs: number): MatchAnalysis {
  const words = BANDS.reduce((sum, b) => sum + tallies[b].words, 0);
  return {
    bands: BANDS.map((band) => ({ band, ...tallies[band], share: words ? tallies[band].words / words : 0 })),
    total: { pairs, words },
  };
}

/**
 * Bands every pair, in document order: a pair whose Chinese (compared as the matcher compares it) an earlier pair
 * already had is a repetition and is not looked up; the others get `best`'s match. A pair without Chinese is never
 * a repetition.
 */
export function analyseMatches(pairs: readonly { src: string }[], best: (src: string, key: string) => BestMatch | null): MatchAnalysis {
  const srcs = pairs.map((p) => p.src);
  return summarise(tallySlice(srcs, repetitions(srcs), 0, srcs.length, best), srcs.length);
}
