// Sentence alignment of a Chinese text and its English translation: anchors first, then a banded search over all bead shapes.

import type { Bead, ScoredBead } from '../domain/types.ts';
import type { AlignResources } from './align-resources.ts';
import { anchorChain, bandAround, fullBand } from './anchor-chain.ts';
import { bandedSearch, type BeadCost, type Shape, type SpanBead } from './banded-search.ts';
import { learnCharacterTable, withCharacterLinks, type CharacterTable } from './character-table.ts';
import { absorbUnmatched, joinAcrossBoundaries, neighbourJoinOdds, type JoinModel } from './join-beads.ts';
import { lengthCost, fitLengthModel, type LengthModel } from './length-model.ts';
import { anchoredSpan } from './anchored-span.ts';
import { learnFromPath, lexicalScorer } from './lexical-scorer.ts';
import { documentStatistics, segmentDocument, type DocumentStatistics, type SegmentedDocument } from './sentence-features.ts';
import type { AnchorCandidate, Band, SpanScorer, SpanScores } from './span-scorer.ts';
import { quoteAgreement } from './quotes.ts';
import type { LearnedTranslations } from './translation-table.ts';

export type { AlignResources } from './align-resources.ts';

export interface AlignOptions {
  /** Most sentences on one side of a bead; literary translation often renders one sentence as 3-5. */
  maxBeadSide?: number;
  /** Half-width of the search band around the anchor path, in sentences. */
  bandHalfWidth?: number;
  /** Overrides of the cost weights, for experiments. */
  weights?: Partial<CostWeights>;
  /** Overrides of the join model's weights (see join-beads.ts), for experiments. */
  join?: Partial<JoinModel>;
  /** Overrides of the confidence's weights, for experiments. */
  wrong?: Partial<typeof WRONG>;
  /** Sees each bead's confidence features: for fitting the confidence (test/bench/fit-confidence.ts). */
  inspectConfidence?: (bead: Bead, features: ConfidenceFeatures) => void;
  /** Sees the second pass's path before the last look, with its costs: for fitting the join model (test/bench/fit-join-model.ts). */
  inspect?: (path: SpanBead[], cost: BeadCost, spans: SpanScores, length: (b: SpanBead) => number) => void;
}

export type CostWeights = typeof WEIGHTS;

/** What a bead's confidence weighs (see WRONG). */
export type ConfidenceFeatures = Omit<typeof WRONG, 'bias'>;

/** Cost of each sentence joined into a bead beyond the first, per side. */
interface JoinCosts {
  src: number;
  tgt: number;
}

// Costs are in units of one well-translated bead's lexical reward.
const WEIGHTS = {
  lexical: 1,
  length: 0.05,
  /**
   * Each sentence joined into a bead beyond the first on a side (see joinCosts). Since a
   * document's own translations count from probability 0.2, a join's evidence is heard better
   * and a cheaper prior pays: 0.175 against 0.2 raises 2-1 recall on MAC-Dev from 0.73 to 0.78.
   */
  merge: 0.175,
  /** Extra for beads with several sentences on both sides. */
  manyToMany: 0.6,
  /**
   * A sentence left without a counterpart. Kept below the dearest join (about 0.46, see
   * joinCosts): otherwise an untranslated line is always glued to a neighbour, however little
   * evidence it adds there.
   */
  skip: 0.4,
  /**
   * Reward for the share of the bead's words the evidence explains, on top of the amount: a
   * sentence with nothing in common with a good pair dilutes it, as it dilutes a sentence
   * embedding. Without it an unmatched short sentence joins whichever neighbour is cheaper by length.
   */
  coverage: 0.3,
  /**
   * A bead ending inside a quotation on one side only, times how far the document's anchors agree
   * on quotes. 0.5 was set while a straight " closing a quotation opened in an earlier sentence
   * read as opening, which halved the agreement of a translation that uses them (MAC-Dev 006).
   */
  quote: 0.4,
  /**
   * A bead with speech (words inside a quotation) on one side only, times how far the document's
   * anchors agree on speech: “来得好。” and the sentence after it, rendered as "'Excellent!' cried
   * his opponent, grappling …", is one bead, not speech against narration beside it. With quote,
   * chosen on five MAC-Dev chapters and applied to the sixth, in turn (a 3×4 grid, the same pick
   * but once): F1 0.898 to 0.904.
   */
  speech: 0.15,
};
/**
 * Logistic weights of the odds that a bead is wrong, fitted on the six MAC-Dev chapters (literary
 * translation, where mistakes are common enough to learn from), a fifth as many beads of Bible
 * 001, and the beads holding sentences of another chapter slipped into each MAC-Dev chapter (five
 * a side, weighed half): a sentence the translator added must not hide in a confident bead.
 * Left out one chapter at a time, the fit flagged 54 % of the left-out chapter's wrong beads
 * among 15 % of its beads. The strongest witnesses besides cost and margin: the sentence of the
 * bead that the other side explains least, and how near the join model (see JOIN) came to
 * joining the bead with a neighbour. When the join model learned boundaryShift its odds fell at
 * most boundaries; the bias alone moved from 1.306 to 1.432 so that 14 % of MAC-Dev's beads are
 * flagged again, as before (test/bench/fit-confidence.ts prints that line): a refit caught fewer
 * of the slipped-in and the fixtures' added sentences. When the join look heard clauseCut and
 * took the likeliest join first, the beads it won were ones this had flagged, and the same weights
 * at 14 % held 47 % of the fewer wrong beads; joinOdds' weight 0.559 -> 0.65 and the bias 1.78
 * flag 14.7 % holding 51 % (Bible 001: a weak bead 3.75 times as likely wrong, against 4.25 for the
 * bias alone at 14 %). A full refit held 51-54 % but left 15 of the fixtures' 36 insertions unflagged.
 * A bead with no neighbour it could join (an empty side, or a join too large) has an indicator of
 * its own, noNeighbour, at what its old join odds of -5 gave (-5 × 0.65), so that a refitted join
 * model no longer moves how sure it looks; refitted with it, the confidence held only 46 % of the
 * wrong beads at 14.7 % (49 % at 15.9 % left out), so the weights stay.
 */
export const WRONG = {
  bias: 2.45, costPerSentence: 1.857, margin: -2.114, coverage: 3.04, length: 0.226, unmatched: 0.548,
  oneToOne: 0.18, manySentences: -0.729, joinOdds: 0.9, noNeighbour: -3.25, weakest: -3.633,
};
/**
 * Logistic weights of the odds that joining two adjacent beads of the second pass (see
 * join-beads.ts) raises strict F1, fitted on the boundaries of the six MAC-Dev chapters by
 * test/bench/fit-join-model.ts: each weighed by what its join is worth (a gold bead won, the
 * gold beads it breaks, one bead fewer), with an L2 penalty of 3. The earlier fit (gold joins
 * as positives weighed 1.5 times, barely penalised) scored 0.905 in sample but 0.898 on each
 * chapter left out and fitted on the other five, hardly above no look at all (0.896); this one
 * scored 0.906 in sample and 0.904 left out, and refitted once grammar words stopped linking (see
 * sentence-features.ts) 0.920 in sample and 0.920 left out. With boundaryShift (where the crossing
 * words sit, see boundary-shift.ts) 0.9246 in sample and 0.9246 left out, 2-2 recall 8 -> 12 of 25;
 * with clauseCut (the best cut at clause ends, see clause-cut.ts) and the likeliest join taken
 * first, 0.9320 in sample and left out, 2-2 14 of 25 and 2-3 4 of 12 (3 before). With characterCut
 * (the clause cut over the document's character table, see character-table.ts) and fiveSentences
 * (not fitted: the least offset at which the fitting chapters find half their gold 2-3 beads),
 * 0.9341 in sample and 0.9337 left out, 2-2 15 of 25, 2-3 6 of 12, 2-1 58 of 67.
 */
export const JOIN: JoinModel = {
  bias: -5.373, maxLeak: 0.189, secondLeak: -0.003, meanLeak: -0.251, costGain: -0.448, lengthGain: -0.528,
  worsePart: 0.509, joinedCost: 0.247, boundaryShift: 9.096, clauseCut: 0.188, characterCut: 4.258, fiveSentences: 1,
};
// Join odds under this say no more than it does: the bead stands apart from its neighbours.
const JOIN_ODDS_FLOOR = -5;
// A bead with odds of 1 to 2.5 or more (three chances in ten) of being wrong is worth a look: it scores under 0.5.
const WORTH_A_LOOK = 0.9;
// Even with no surplus of sentences, a side still joins some: this share sets the dearest join.
const JOIN_FLOOR = 0.2;
// Below this many DP cells the whole matrix is searched: anchors are unreliable in short texts.
const EXHAUSTIVE_CELLS = 250_000;
// Half-width of the band around the anchor path. Anchors stray in places, and a band of 8 missed
// the true path there: 24 gains 0.004-0.008 F1 on Bible 001-006 for about 15% more time.
const BAND_HALF_WIDTH = 24;
// The second pass searches around the first pass's path, which strays far less than the anchors.
const REFINED_BAND_HALF_WIDTH = 6;
// In a long document the first pass tries beads of up to 3 sentences a side, for a quarter less
// time: it only guides the second, which tries every shape around its path (same F1 on Bible 001-004).
const FIRST_PASS_MAX_SIDE = 3;
// Anchors need at least this much of both sentences explained (sum of the two coverages).
const ANCHOR_MIN_WEIGHT = 0.6;

/**
 * Aligns sentences src (Chinese) with tgt (English). Pure: the lexicon and segmenter come in
 * `resources`. Every index of each side appears exactly once, in order; each bead has a confidence.
 */
export function align(src: string[], tgt: string[], resources: AlignResources, options: AlignOptions = {}): ScoredBead[] {
  if (src.length === 0 || tgt.length === 0) return unmatched(src.length, tgt.length);
  return alignSegmented(segmentDocument(src, tgt, resources), options);
}

/** `align` on a document already segmented: anchors, a first pass, and a second that knows the document's own words. */
export function alignSegmented(doc: SegmentedDocument, options: AlignOptions = {}): ScoredBead[] {
  const stats = documentStatistics(doc);
  const scorer = lexicalScorer(doc, stats);
  const anchors = findAnchors(scorer, doc);
  const lengths = fitLengthModel(stats.lengthRatio, doc.srcLength, doc.tgtLength, anchors);
  const quotes = quoteGuidance(anchors, doc);
  const first = firstPass(doc, { stats, anchors, lengths, quotes, sentences: translatedSentences(stats, anchors) }, options, scorer);
  return first.secondPass(learnFromPath(doc, first.path), learnCharacterTable(first.path, doc.srcHan, doc.tgtStems));
}

/**
 * What the whole document teaches a pass over it or over a part of it (see align-parallel.ts):
 * its statistics, its anchors and its length model. The second pass waits for one more lesson,
 * the document's own translations, learned from the whole first path.
 */
export interface Guidance {
  stats: DocumentStatistics;
  /** Confident 1-1 pairs, in the indices of the document or part being searched. */
  anchors: AnchorCandidate[];
  lengths: LengthModel;
  quotes: QuoteGuidance;
  /** The whole document's sentences a side where its translation runs: what the join costs weigh (see translatedSentences). */
  sentences: { src: number; tgt: number };
}

/**
 * Sentences a side over the span the whole document's anchors cover (see anchored-span.ts), or the document's counts:
 * the English of a translation that stops halfway would otherwise look like it takes two Chinese sentences each.
 */
export function translatedSentences(stats: DocumentStatistics, anchors: AnchorCandidate[]): { src: number; tgt: number } {
  const span = anchoredSpan(anchors, stats.srcSentences, stats.tgtSentences);
  return span ? { src: span.src1 - span.src0, tgt: span.tgt1 - span.tgt0 } : { src: stats.srcSentences, tgt: stats.tgtSentences };
}

/** How far the document's anchors agree (see quoteAgreement) on where quotations end, and on which sentences hold speech. */
export interface QuoteGuidance {
  end: number;
  speech: number;
}

export function quoteGuidance(anchors: AnchorCandidate[], doc: SegmentedDocument): QuoteGuidance {
  return {
    end: quoteAgreement(anchors, doc.srcInQuote, doc.tgtInQuote),
    speech: quoteAgreement(anchors, doc.srcSpeech, doc.tgtSpeech),
  };
}

export interface FirstPass {
  path: Bead[];
  /** The second pass, with the document's own word translations and its character table (see character-table.ts), both learned from the whole first path. */
  secondPass(learned: LearnedTranslations, characters: CharacterTable): ScoredBead[];
}

/**
 * The anchors of a whole document: each is judged against every rival pair the document holds,
 * so a part of a long document takes its share of these rather than finding its own.
 */
export function findAnchors(scorer: SpanScorer, doc: SegmentedDocument): AnchorCandidate[] {
  const candidates = scorer.anchorCandidates().filter((c) => c.weight >= ANCHOR_MIN_WEIGHT);
  return anchorChain(candidates, doc.srcLength.length, doc.tgtLength.length);
}

/** The first pass over a document or a part of one, in a band around the anchors; the second on demand. */
export function firstPass(doc: SegmentedDocument, guide: Guidance, options: AlignOptions = {}, scorer = lexicalScorer(doc, guide.stats)): FirstPass {
  const { anchors, lengths, quotes } = guide;
  const srcCount = doc.srcLength.length;
  const tgtCount = doc.tgtLength.length;
  const exhaustive = (srcCount + 1) * (tgtCount + 1) <= EXHAUSTIVE_CELLS;
  const join = joinCosts(options.weights?.merge ?? WEIGHTS.merge, guide.sentences.src, guide.sentences.tgt);
  const search = searcher(doc, lengths, join, quotes, options);
  const firstBand = exhaustive
    ? fullBand(srcCount, tgtCount)
    : bandAround(anchors, srcCount, tgtCount, options.bandHalfWidth ?? BAND_HALF_WIDTH);
  // Only the path outlives the first pass: its pair scores are garbage before the second starts.
  const path = exhaustive ? search(scorer, firstBand).path : search(scorer, firstBand, FIRST_PASS_MAX_SIDE).path;
  const secondBand = exhaustive
    ? firstBand
    : bandAround(path.map(corner), srcCount, tgtCount, REFINED_BAND_HALF_WIDTH);
  return {
    path: path.map(indices),
    secondPass: (learned, characters) => search(scorer.refine(learned), secondBand).scored(characters),
  };
}

// Where a bead ends, as a point for the band of the second pass.
function corner(b: SpanBead): AnchorCandidate {
  return { src: b.s1 - 1, tgt: b.t1 - 1, weight: 1 };
}

/** The cheapest path through a band under one scorer's evidence; its beads' confidences on demand. */
function searcher(doc: SegmentedDocument, lengths: LengthModel, join: JoinCosts, agreement: QuoteGuidance, options: AlignOptions) {
  const srcChars = prefixSums(doc.srcLength);
  const tgtChars = prefixSums(doc.tgtLength);
  const weights = { ...WEIGHTS, ...options.weights };
  const quotes: QuoteCosts = {
    src: [false, ...doc.srcInQuote],
    tgt: [false, ...doc.tgtInQuote],
    cost: weights.quote * agreement.end,
    speech: {
      src: prefixSums(doc.srcSpeech.map(Number)),
      tgt: prefixSums(doc.tgtSpeech.map(Number)),
      cost: weights.speech * agreement.speech,
    },
  };
  return (scorer: SpanScorer, band: Band, maxSide = options.maxBeadSide ?? 7) => {
    const spans = scorer.inBand(band, maxSide);
    const cost = beadCost(spans, weights, join, lengths, srcChars, tgtChars, quotes);
    const searched = bandedSearch(band, beadShapes(maxSide), cost, beadCostBound(spans, weights, join, lengths, srcChars, tgtChars));
    const length = (b: SpanBead) => lengthCost(lengths, srcChars[b.s1]! - srcChars[b.s0]!, tgtChars[b.t1]! - tgtChars[b.t0]!);
    const scored = (characters: CharacterTable): ScoredBead[] => {
      const join = { ...JOIN, ...options.join };
      const withLinks = withCharacterLinks(spans, doc, characters);
      options.inspect?.(searched, cost, withLinks, length);
      const path = absorbUnmatched(joinAcrossBoundaries(searched, cost, withLinks, length, join), cost, length);
      const margins = path.map((b, k) => Math.min(3, localMargin(path, k, cost(b.s0, b.s1, b.t0, b.t1), cost)));
      // The look's fitted odds, without the operating point of five-sentence joins: that offset buys
      // 2-3 beads, it is no evidence that a bead is wrong (heard, the confidence flagged 15.0 % of
      // MAC-Dev's beads holding 49 % of the wrong ones at best, and Bible 001's ratio fell to 2.8-2.9).
      const joinOdds = neighbourJoinOdds(path, cost, withLinks, length, { ...join, fiveSentences: 0 });
      const wrong = { ...WRONG, ...options.wrong };
      return path.map((b, k) => {
        const features = confidenceFeatures(b, cost, spans, margins[k]!, length, joinOdds[k]);
        options.inspectConfidence?.(indices(b), features);
        return { ...indices(b), score: confidence(features, wrong) };
      });
    };
    return { path: searched, scored };
  };
}

function unmatched(srcCount: number, tgtCount: number): ScoredBead[] {
  return [
    ...Array.from({ length: srcCount }, (_, i) => ({ src: [i], tgt: [], score: 1 })),
    ...Array.from({ length: tgtCount }, (_, j) => ({ src: [], tgt: [j], score: 1 })),
  ];
}

/**
 * 1-0, 0-1, one sentence against up to maxSide, and many-to-many up to 4-2, 2-4 and 3-3:
 * translators split and join sentences freely, but rarely three against four.
 */
export function beadShapes(maxSide: number): Shape[] {
  const shapes: Shape[] = [{ src: 1, tgt: 0 }, { src: 0, tgt: 1 }];
  for (let a = 1; a <= maxSide; a++) {
    for (let b = 1; b <= maxSide; b++) {
      if (Math.min(a, b) === 1 || a + b <= 6) shapes.push({ src: a, tgt: b });
    }
  }
  return shapes;
}

function prefixSums(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, k) => (out[k + 1] = out[k]! + v));
  return out;
}

/**
 * Joining sentences costs less on the side that has more of them: a translation with 30% more
 * English sentences than Chinese splits sentences often, one with fewer joins them often.
 * A side with 30% more sentences than the other pays `merge` per join. The counts are the whole
 * document's, when aligned in parts.
 */
function joinCosts(merge: number, srcCount: number, tgtCount: number): JoinCosts {
  // Capped so that a join never becomes free, however lopsided the counts.
  const surplus = (mine: number, other: number) => Math.min(0.9, Math.max(0, (mine - other) / Math.max(1, mine)) + JOIN_FLOOR);
  const scale = (mine: number, other: number) => merge * Math.log(surplus(mine, other)) / Math.log(0.3 + JOIN_FLOOR);
  return { src: scale(srcCount, tgtCount), tgt: scale(tgtCount, srcCount) };
}

/** Per side, how many sentences before each index hold speech, to price a bead holding it on one side only. */
interface SpeechCounts {
  src: Float64Array;
  tgt: Float64Array;
  cost: number;
}

interface QuoteCosts {
  src: boolean[];
  tgt: boolean[];
  cost: number;
  speech: SpeechCounts;
}

function speechMismatch(p: SpeechCounts, s0: number, s1: number, t0: number, t1: number): number {
  return (p.src[s1]! > p.src[s0]!) === (p.tgt[t1]! > p.tgt[t0]!) ? 0 : p.cost;
}

function beadCost(scores: SpanScores, weights: CostWeights, join: JoinCosts, lengths: LengthModel, srcChars: Float64Array, tgtChars: Float64Array, quotes: QuoteCosts): BeadCost {
  return (s0, s1, t0, t1) => {
    const a = s1 - s0;
    const b = t1 - t0;
    const quote = quotes.src[s1] === quotes.tgt[t1] ? 0 : quotes.cost;
    if (a === 0 || b === 0) return quote + weights.skip * (a + b);
    return quote + speechMismatch(quotes.speech, s0, s1, t0, t1)
      + join.src * (a - 1) + join.tgt * (b - 1)
      + weights.manyToMany * (Math.min(a, b) - 1)
      + weights.length * lengthCost(lengths, srcChars[s1]! - srcChars[s0]!, tgtChars[t1]! - tgtChars[t0]!)
      - weights.lexical * scores.reward(s0, s1, t0, t1)
      - weights.coverage * scores.coverage(s0, s1, t0, t1);
  };
}

/**
 * A lower bound of beadCost from the scores' upper bounds, leaving out the costs that are never
 * negative (quotes, speech, disorder). Less a hair, so that rounding cannot make it exceed the cost.
 */
function beadCostBound(scores: SpanScores, weights: CostWeights, join: JoinCosts, lengths: LengthModel, srcChars: Float64Array, tgtChars: Float64Array): BeadCost {
  return (s0, s1, t0, t1) => {
    const a = s1 - s0;
    const b = t1 - t0;
    if (a === 0 || b === 0) return -Infinity;
    return join.src * (a - 1) + join.tgt * (b - 1)
      + weights.manyToMany * (Math.min(a, b) - 1)
      + weights.length * lengthCost(lengths, srcChars[s1]! - srcChars[s0]!, tgtChars[t1]! - tgtChars[t0]!)
      - weights.lexical * scores.maxReward(s0, s1, t0, t1)
      - weights.coverage * scores.maxCoverage(s0, s1, t0, t1)
      - 1e-9;
  };
}

function indices(b: SpanBead): { src: number[]; tgt: number[] } {
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  return { src: range(b.s0, b.s1), tgt: range(b.t0, b.t1) };
}

/**
 * How sure the search is of a bead, from its cost per sentence, the margin by which it beats its
 * local alternatives (merging with a neighbour, splitting in two, moving a boundary), how much of
 * it the evidence explains, its least explained sentence, its length fit, its shape, and how near
 * the join model came to joining it with a neighbour.
 */
function confidenceFeatures(b: SpanBead, cost: BeadCost, spans: SpanScores, margin: number, length: (b: SpanBead) => number, joinOdds: number | undefined): ConfidenceFeatures {
  const a = b.s1 - b.s0;
  const n = b.t1 - b.t0;
  const matched = a > 0 && n > 0;
  return {
    costPerSentence: cost(b.s0, b.s1, b.t0, b.t1) / (a + n),
    margin,
    coverage: matched ? spans.coverage(b.s0, b.s1, b.t0, b.t1) : 0,
    length: matched ? length(b) : 0,
    unmatched: matched ? 0 : 1,
    oneToOne: a === 1 && n === 1 ? 1 : 0,
    manySentences: a + n > 2 ? 1 : 0,
    joinOdds: joinOdds === undefined ? 0 : Math.max(JOIN_ODDS_FLOOR, joinOdds),
    noNeighbour: joinOdds === undefined ? 1 : 0,
    weakest: matched ? spans.weakestSentence(b.s0, b.s1, b.t0, b.t1) : 0,
  };
}

/** The names of the confidence's features, in WRONG's order (the fitting script's too). */
export const CONFIDENCE_FEATURES = (Object.keys(WRONG) as (keyof typeof WRONG)[]).filter((k): k is keyof ConfidenceFeatures => k !== 'bias');

function confidence(f: ConfidenceFeatures, wrong: typeof WRONG): number {
  const x = CONFIDENCE_FEATURES.reduce((sum, k) => sum + wrong[k] * f[k], wrong.bias);
  return 1 / (1 + Math.exp(x + WORTH_A_LOOK));
}

/** How much more the best local alternative to path[k] would cost (1 when there is none). */
function localMargin(path: SpanBead[], k: number, own: number, cost: BeadCost): number {
  const b = path[k]!;
  let margin = Infinity;
  const prev = path[k - 1];
  const next = path[k + 1];
  if (prev) margin = Math.min(margin, cost(prev.s0, b.s1, prev.t0, b.t1) - own - cost(prev.s0, prev.s1, prev.t0, prev.t1));
  if (next) margin = Math.min(margin, cost(b.s0, next.s1, b.t0, next.t1) - own - cost(next.s0, next.s1, next.t0, next.t1));
  // The boundary with a neighbour moved: the two beads' sentences cut elsewhere.
  for (const n of [prev, next]) {
    if (!n) continue;
    const [x, y] = n === prev ? [n, b] : [b, n];
    const pair = cost(x.s0, x.s1, x.t0, x.t1) + cost(y.s0, y.s1, y.t0, y.t1);
    for (let s = x.s0; s <= y.s1; s++) {
      for (let t = x.t0; t <= y.t1; t++) {
        if ((s === x.s1 && t === x.t1) || s - x.s0 + t - x.t0 === 0 || y.s1 - s + y.t1 - t === 0) continue;
        if (Math.abs(s - x.s1) + Math.abs(t - x.t1) > 2) continue;
        margin = Math.min(margin, cost(x.s0, s, x.t0, t) + cost(s, y.s1, t, y.t1) - pair);
      }
    }
  }
  for (let s = b.s0; s <= b.s1; s++) {
    for (let t = b.t0; t <= b.t1; t++) {
      if (s - b.s0 + t - b.t0 === 0 || b.s1 - s + b.t1 - t === 0) continue;
      margin = Math.min(margin, cost(b.s0, s, b.t0, t) + cost(s, b.s1, t, b.t1) - own);
    }
  }
  return margin === Infinity ? 1 : margin;
}
