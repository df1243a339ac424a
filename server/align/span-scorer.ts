// The seam between the search and the evidence: a scorer rates spans of sentences as translations of each other.

import type { PlacedLinks } from './character-table.ts';
import type { LearnedTranslations } from './translation-table.ts';

/** DP rows 0..srcCount; row i may hold target positions lo[i]..hi[i] inclusive. Both are non-decreasing. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** A source and a target sentence that probably translate each other, with the strength of that evidence. */
export interface AnchorCandidate {
  src: number;
  tgt: number;
  weight: number;
}

/**
 * The word matches inside a span of two adjacent beads whose words have one place in their
 * sentences: where each word sits in its side of the span, from 0 (start) to 1 (end) by
 * characters, and its weight; and where the sentence boundary between the beads sits on each side.
 */
export interface SpanMatches {
  src: Float64Array;
  tgt: Float64Array;
  weight: Float64Array;
  srcBoundary: number;
  tgtBoundary: number;
  /** The places in the span where a clause ends or a sentence starts, boundary aside, on each side: where a translator may have cut it. */
  srcCuts: number[];
  tgtCuts: number[];
}

/** Ratings of the spans src[s0, s1) × tgt[t0, t1) inside a band. */
export interface SpanScores {
  /** Evidence that the spans translate each other, in units of a typical bead; additive over beads. */
  reward(s0: number, s1: number, t0: number, t1: number): number;
  /** The smallest share of one sentence's content that the other side explains (1 when none has content). */
  weakestSentence(s0: number, s1: number, t0: number, t1: number): number;
  /**
   * Two adjacent beads src[s0, sm) × tgt[t0, tm) and src[sm, s1) × tgt[tm, t1): for each of their
   * sentences, source then target, the share of its evidence that lies in the other bead.
   */
  leaks(s0: number, sm: number, s1: number, t0: number, tm: number, t1: number): number[];
  /** Two adjacent beads as for leaks: the word matches of their joined span, placed in it (see SpanMatches). */
  placedMatches(s0: number, sm: number, s1: number, t0: number, tm: number, t1: number): SpanMatches;
  /**
   * Two adjacent beads as for placedMatches: the links of the document's character table in their
   * joined span (see character-table.ts), when the scores know one.
   */
  characterLinks?(s0: number, s1: number, t0: number, t1: number): PlacedLinks;
  /** The share of both spans' content that the evidence accounts for, in [0, 1]. */
  coverage(s0: number, s1: number, t0: number, t1: number): number;
  /**
   * Upper bounds of reward and coverage, far cheaper than them: what each sentence's evidence
   * anywhere in its reach would give. They let the search skip beads that cannot win.
   */
  maxReward(s0: number, s1: number, t0: number, t1: number): number;
  maxCoverage(s0: number, s1: number, t0: number, t1: number): number;
}

/**
 * A lexical scorer implements this today; a sentence-embedding scorer can implement it later
 * (anchors from nearest neighbours, reward from cosine similarity) without touching the search.
 */
export interface SpanScorer {
  /** Pairs that probably translate each other, by source sentence; anchor-chain.ts picks among them. */
  anchorCandidates(): AnchorCandidate[];
  /** Ratings of the beads of up to maxSide sentences a side that the band holds. */
  inBand(band: Band, maxSide: number): SpanScores;
  /** A scorer that also knows the document's own word translations; scorers that cannot use them leave it out. */
  refine?(learned: LearnedTranslations): SpanScorer;
}
