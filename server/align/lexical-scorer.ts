// Dictionary evidence for alignment: the IDF-weighted share of each side's words that the other side translates.

import type { Bead } from '../domain/types.ts';
import { documentFeatures, documentMass, withLearnedLinks, type DocumentFeatures, type DocumentStatistics, type SegmentedDocument, type SourceSentence, type TargetSentence } from './sentence-features.ts';
import type { AnchorCandidate, Band, SpanScorer, SpanScores } from './span-scorer.ts';
import { learnTranslations, type LearnedTranslations } from './translation-table.ts';

// Only words this rare on both sides nominate anchors: they pin a sentence pair almost alone.
// Long documents repeat names more often, so the limit grows slowly with length.
const anchorMaxFrequency = (sentences: number) => Math.max(3, Math.ceil(sentences / 2000));
// An anchor must beat the runner-up for its source sentence by this much coverage.
const ANCHOR_MARGIN = 0.2;
// Cost of a bead's matches lying out of its sentences' order, per unit of matched weight and of
// distance (0-1) from the expected place.
const ORDER = 0.5;

/**
 * Dictionary evidence on a document or a part of one, with rarities from the whole document's
 * `stats`; `refine` adds the document's own translations (see learnFromPath). A part can take
 * its share of the whole's `features` (see featuresPart) instead of weighing its words again.
 */
export function lexicalScorer(doc: SegmentedDocument, stats: DocumentStatistics, features = documentFeatures(doc, stats)): Required<SpanScorer> {
  return {
    ...scorerOn(doc, features, stats, documentMass(stats)),
    refine: (learned) => scorerOn(doc, withLearnedLinks(features, doc, stats, learned), stats, documentMass(stats, learned)),
  };
}

function scorerOn(doc: SegmentedDocument, features: DocumentFeatures, stats: DocumentStatistics, mass: { src: number; tgt: number }): SpanScorer {
  const { src, tgt } = features;
  const matcher = new PairMatcher(src, tgt);
  // Normalising by the whole document's mass per bead makes one well-translated bead worth about
  // 1 whatever the genre, and the same in every part of a long document.
  const beads = Math.max(1, Math.min(stats.srcSentences, stats.tgtSentences));
  const srcUnit = Math.max(1e-9, mass.src / beads);
  const tgtUnit = Math.max(1e-9, mass.tgt / beads);

  return {
    anchorCandidates: () => anchorCandidates(doc, features, stats, matcher),
    inBand(band, maxSide) {
      // A bead reaches maxSide sentences back from a row; one more serves the looks past the
      // search at a bead's neighbours, which find nothing (no evidence) beyond the reach.
      const rows = pairRows(band, maxSide + 1, src.length, tgt.length, matcher, tgt);
      const tgtMass = Float64Array.from(tgt, (t) => t.mass);
      const srcMass = Float64Array.from(src, (z) => z.mass);
      // Covered and total weight per side, summed over the bead; reused to avoid allocating per call.
      const covered = new Float64Array(4);
      const srcLength = Float64Array.from(src, (z) => z.length);
      const tgtLength = Float64Array.from(tgt, (e) => e.length);
      const pairs = new Int32Array(64);
      // The search asks for the reward and the coverage of the same bead in a row.
      const last = new Int32Array([-1, -1, -1, -1]);
      const sums = (s0: number, s1: number, t0: number, t1: number) => {
        if (last[0] === s0 && last[1] === s1 && last[2] === t0 && last[3] === t1) return;
        last[0] = s0;
        last[1] = s1;
        last[2] = t0;
        last[3] = t1;
        const { start, end, offset, tgtPart, srcPart } = rows;
        let tgtCovered = 0;
        let tgtTotal = 0;
        for (let e = t0; e < t1; e++) {
          let m = 0;
          for (let z = s0; z < s1; z++) if (e >= start[z]! && e < end[z]!) m += tgtPart[offset[z]! + e - start[z]!]!;
          tgtCovered += Math.min(m, tgtMass[e]!);
          tgtTotal += tgtMass[e]!;
        }
        let srcCovered = 0;
        let srcTotal = 0;
        for (let z = s0; z < s1; z++) {
          let m = 0;
          const from = Math.max(t0, start[z]!);
          const to = Math.min(t1, end[z]!);
          for (let e = from; e < to; e++) m += srcPart[offset[z]! + e - start[z]!]!;
          srcCovered += Math.min(m, srcMass[z]!);
          srcTotal += srcMass[z]!;
        }
        covered[0] = tgtCovered;
        covered[1] = tgtTotal;
        covered[2] = srcCovered;
        covered[3] = srcTotal;
      };
      /**
       * In a bead of several sentences against one, how far each sentence's matches sit from
       * where its share of the bead puts it in the one: translators keep the order of clauses.
       */
      const manyToOne = (s0: number, s1: number, t0: number) => {
        const { start, end, offset, tgtPlaced, tgtAt } = rows;
        if (t0 < start[s0]! || t0 >= end[s1 - 1]!) return 0;
        for (let z = s0; z < s1; z++) pairs[z - s0] = offset[z]! + t0 - start[z]!;
        return outOfOrder(srcLength, s0, s1 - s0, pairs, tgtPlaced, tgtAt) / tgtUnit;
      };
      const oneToMany = (s0: number, t0: number, t1: number) => {
        const { start, end, offset, srcPlaced, srcAt } = rows;
        if (t0 < start[s0]! || t1 > end[s0]!) return 0;
        for (let e = t0; e < t1; e++) pairs[e - t0] = offset[s0]! + e - start[s0]!;
        return outOfOrder(tgtLength, t0, t1 - t0, pairs, srcPlaced, srcAt) / srcUnit;
      };
      // A pair's matches belong in the middle of both sentences: a 1-1 bead that holds a clause
      // of its neighbour pays as a 2-1 bead with a misplaced sentence does.
      const disorder = (s0: number, s1: number, t0: number, t1: number) => {
        if (s1 - s0 === 1 && t1 - t0 === 1) return 0.5 * (manyToOne(s0, s1, t0) + oneToMany(s0, t0, t1));
        if (t1 - t0 === 1) return manyToOne(s0, s1, t0);
        if (s1 - s0 === 1) return oneToMany(s0, t0, t1);
        return 0;
      };
      // Covered weight of sentence z by targets [from, to), and of target e by sources [from, to), capped at its mass.
      const srcCoveredBy = (z: number, from: number, to: number) => {
        const { start, end, offset, srcPart } = rows;
        let m = 0;
        for (let e = Math.max(from, start[z]!); e < Math.min(to, end[z]!); e++) m += srcPart[offset[z]! + e - start[z]!]!;
        return Math.min(m, srcMass[z]!);
      };
      const tgtCoveredBy = (e: number, from: number, to: number) => {
        const { start, end, offset, tgtPart } = rows;
        let m = 0;
        for (let z = from; z < to; z++) if (e >= start[z]! && e < end[z]!) m += tgtPart[offset[z]! + e - start[z]!]!;
        return Math.min(m, tgtMass[e]!);
      };
      // Per sentence, its covered weight if every sentence in its reach joined its bead; summed from the start.
      const tgtReach = new Float64Array(tgt.length + 1);
      const srcReach = new Float64Array(src.length + 1);
      const tgtAll = new Float64Array(tgt.length);
      for (let z = 0; z < src.length; z++) {
        let m = 0;
        for (let k = rows.offset[z]!, e = rows.start[z]!; e < rows.end[z]!; e++, k++) {
          m += rows.srcPart[k]!;
          tgtAll[e]! += rows.tgtPart[k]!;
        }
        srcReach[z + 1] = srcReach[z]! + Math.min(m, srcMass[z]!);
      }
      for (let e = 0; e < tgt.length; e++) tgtReach[e + 1] = tgtReach[e]! + Math.min(tgtAll[e]!, tgtMass[e]!);
      const tgtMassSum = prefixSums(tgtMass);
      const srcMassSum = prefixSums(srcMass);
      const share = (own: number, other: number) => (own + other > 0 ? other / (own + other) : 0);
      const found = new MatchBuffer();
      const scores: SpanScores = {
        weakestSentence(s0, s1, t0, t1) {
          let weakest = 1;
          for (let z = s0; z < s1; z++) if (srcMass[z]! > 0) weakest = Math.min(weakest, srcCoveredBy(z, t0, t1) / srcMass[z]!);
          for (let e = t0; e < t1; e++) if (tgtMass[e]! > 0) weakest = Math.min(weakest, tgtCoveredBy(e, s0, s1) / tgtMass[e]!);
          return weakest;
        },
        leaks(s0, sm, s1, t0, tm, t1) {
          const out: number[] = [];
          for (let z = s0; z < s1; z++) {
            const [own, other] = z < sm ? [[t0, tm], [tm, t1]] : [[tm, t1], [t0, tm]];
            out.push(share(srcCoveredBy(z, own[0]!, own[1]!), srcCoveredBy(z, other[0]!, other[1]!)));
          }
          for (let e = t0; e < t1; e++) {
            const [own, other] = e < tm ? [[s0, sm], [sm, s1]] : [[sm, s1], [s0, sm]];
            out.push(share(tgtCoveredBy(e, own[0]!, own[1]!), tgtCoveredBy(e, other[0]!, other[1]!)));
          }
          return out;
        },
        placedMatches(s0, sm, s1, t0, tm, t1) {
          const srcSpan = spanPlaces(srcLength, s0, sm, s1);
          const tgtSpan = spanPlaces(tgtLength, t0, tm, t1);
          found.n = 0;
          for (let z = s0; z < s1; z++) {
            for (let e = t0; e < t1; e++) {
              matcher.placedPairs(z, tgt[e]!, found, srcSpan.from[z - s0]!, srcSpan.scale[z - s0]!, tgtSpan.from[e - t0]!, tgtSpan.scale[e - t0]!);
            }
          }
          const n = found.n;
          return {
            src: found.src.slice(0, n),
            tgt: found.tgt.slice(0, n),
            weight: found.weight.slice(0, n),
            srcBoundary: srcSpan.boundary,
            tgtBoundary: tgtSpan.boundary,
            srcCuts: spanCuts(srcSpan, doc.srcClauseEnds, s0, sm),
            tgtCuts: spanCuts(tgtSpan, doc.tgtClauseEnds, t0, tm),
          };
        },
        reward(s0, s1, t0, t1) {
          sums(s0, s1, t0, t1);
          return 0.5 * (covered[0]! / tgtUnit + covered[2]! / srcUnit) - ORDER * disorder(s0, s1, t0, t1);
        },
        coverage(s0, s1, t0, t1) {
          sums(s0, s1, t0, t1);
          const a = covered[1]! > 0 ? covered[0]! / covered[1]! : 0;
          const b = covered[3]! > 0 ? covered[2]! / covered[3]! : 0;
          return a + b > 0 ? (2 * a * b) / (a + b) : 0;
        },
        maxReward: (s0, s1, t0, t1) => 0.5 * ((tgtReach[t1]! - tgtReach[t0]!) / tgtUnit + (srcReach[s1]! - srcReach[s0]!) / srcUnit),
        maxCoverage(s0, s1, t0, t1) {
          const tgtTotal = tgtMassSum[t1]! - tgtMassSum[t0]!;
          const srcTotal = srcMassSum[s1]! - srcMassSum[s0]!;
          const a = tgtTotal > 0 ? Math.min(1, (tgtReach[t1]! - tgtReach[t0]!) / tgtTotal) : 0;
          const b = srcTotal > 0 ? Math.min(1, (srcReach[s1]! - srcReach[s0]!) / srcTotal) : 0;
          return a + b > 0 ? (2 * a * b) / (a + b) : 0;
        },
      };
      return scores;
    },
  };
}

/**
 * Sentences [from, to) as one span, by their lengths in characters: where each starts in it and
 * what share of it each is (a place p in sentence k sits at from[k] + p · scale[k]), and where
 * sentence `at` starts.
 */
function spanPlaces(lengths: Float64Array, from: number, at: number, to: number) {
  let total = 0;
  for (let k = from; k < to; k++) total += lengths[k]!;
  const unit = total > 0 ? 1 / total : 0;
  const starts = new Float64Array(to - from);
  const scale = new Float64Array(to - from);
  let before = 0;
  let boundary = 0;
  for (let k = from; k < to; k++) {
    if (k === at) boundary = before * unit;
    starts[k - from] = before * unit;
    scale[k - from] = lengths[k]! * unit;
    before += lengths[k]!;
  }
  return { from: starts, scale, boundary };
}

/**
 * The clause ends and sentence starts of a span placed by spanPlaces, the first sentence's start
 * and the boundary at sentence `at` left out.
 */
function spanCuts(span: ReturnType<typeof spanPlaces>, clauseEnds: number[][], from: number, at: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < span.from.length; k++) {
    if (k > 0 && from + k !== at) out.push(span.from[k]!);
    for (const p of clauseEnds[from + k]!) out.push(span.from[k]! + p * span.scale[k]!);
  }
  return out;
}

/** Word matches placed in a span (see SpanMatches), appended one by one; it grows as needed. */
class MatchBuffer {
  src = new Float64Array(64);
  tgt = new Float64Array(64);
  weight = new Float64Array(64);
  n = 0;

  push(srcAt: number, tgtAt: number, weight: number): void {
    if (this.n === this.src.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.src = grow(this.src);
      this.tgt = grow(this.tgt);
      this.weight = grow(this.weight);
    }
    this.src[this.n] = srcAt;
    this.tgt[this.n] = tgtAt;
    this.weight[this.n++] = weight;
  }
}

function prefixSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k]! + values[k]!;
  return out;
}

/**
 * Matched weight times its distance from where the sentence's share of the bead puts it, summed
 * over `count` sentences from `first`; pairs[k] indexes the k-th sentence's pair with the one.
 */
function outOfOrder(lengths: Float64Array, first: number, count: number, pairs: Int32Array, part: Float32Array, at: Float32Array): number {
  let total = 0;
  for (let k = 0; k < count; k++) total += lengths[first + k]!;
  let before = 0;
  let out = 0;
  for (let k = 0; k < count; k++) {
    const expected = (before + lengths[first + k]! / 2) / Math.max(1, total);
    before += lengths[first + k]!;
    out += part[pairs[k]!]! * Math.abs(at[pairs[k]!]! - expected);
  }
  return out;
}

/** The document's own word translations, learned from the beads of a first pass over all of it. */
export function learnFromPath(doc: SegmentedDocument, path: Bead[]): LearnedTranslations {
  return learnTranslations(path.map((b) => ({ src: b.src.map((i) => doc.src[i]!), tgt: b.tgt.map((j) => doc.tgt[j]!) })));
}

/**
 * Matches one Chinese sentence against English sentences: covered weight on each side. The
 * Chinese sentence's links are laid out by English id once, so that each English sentence costs
 * a look-up per word rather than a walk through all the links (a sentence of 30 words has a
 * hundred or more).
 */
class PairMatcher {
  private stamp: Int32Array;
  private epoch = 0;
  /** Per English id, 1 + the first index in the prepared sentence's linkTarget that holds it (0: none). */
  private firstLink: Int32Array;
  private prepared = -1;
  constructor(private src: SourceSentence[], tgt: TargetSentence[]) {
    this.stamp = new Int32Array(Math.max(1, ...src.map((s) => s.words.length)));
    let maxId = 0;
    for (const s of src) if (s.linkTarget.length > 0) maxId = Math.max(maxId, s.linkTarget[s.linkTarget.length - 1]!);
    for (const e of tgt) if (e.ids.length > 0) maxId = Math.max(maxId, e.ids[e.ids.length - 1]!);
    this.firstLink = new Int32Array(maxId + 1);
  }

  /** Covered weight of the pair; the source side's is left in `srcCovered` to avoid allocating. */
  srcCovered = 0;
  /** Matched weight whose place in its sentence is known (see TargetSentence.placed). */
  tgtPlaced = 0;
  srcPlaced = 0;
  /** Where the matched words sit in the English and in the Chinese sentence, from 0 to 1. */
  tgtCentroid = 0.5;
  srcCentroid = 0.5;

  private prepare(z: number): void {
    if (this.prepared === z) return;
    const first = this.firstLink;
    if (this.prepared >= 0) for (const id of this.src[this.prepared]!.linkTarget) first[id] = 0;
    const links = this.src[z]!.linkTarget;
    for (let k = links.length - 1; k >= 0; k--) first[links[k]!] = k + 1;
    this.prepared = z;
  }

  /**
   * Appends to `out` each word pair linking sentence z to English sentence e whose words each
   * have one place in their sentence, placed in a span where the two sentences start at srcFrom
   * and tgtFrom and take srcScale and tgtScale of it, weighed by the smaller of the two words' weights.
   */
  placedPairs(z: number, e: TargetSentence, out: MatchBuffer, srcFrom: number, srcScale: number, tgtFrom: number, tgtScale: number): void {
    this.prepare(z);
    const s = this.src[z]!;
    const { linkTarget, linkWord } = s;
    const first = this.firstLink;
    for (let b = 0; b < e.ids.length; b++) {
      const y = e.ids[b]!;
      if (y >= first.length || e.placed[b] === 0) continue;
      for (let a = first[y]! - 1; a >= 0 && a < linkTarget.length && linkTarget[a] === y; a++) {
        const w = linkWord[a]!;
        if (s.placed[w] !== 0) out.push(srcFrom + s.positions[w]! * srcScale, tgtFrom + e.positions[b]! * tgtScale, Math.min(s.weights[w]!, e.weights[b]!));
      }
    }
  }

  match(z: number, e: TargetSentence): number {
    this.prepare(z);
    const s = this.src[z]!;
    const { linkTarget, linkWord } = s;
    const first = this.firstLink;
    const epoch = ++this.epoch;
    let tgtCovered = 0;
    let tgtPlaced = 0;
    let srcCovered = 0;
    let srcPlaced = 0;
    let tgtAt = 0;
    let srcAt = 0;
    // English ids ascending, and for each the words linked to it in link order: the sums add up
    // in the order of a merge of the two sorted lists.
    for (let b = 0; b < e.ids.length; b++) {
      const y = e.ids[b]!;
      if (y >= first.length) continue;
      let a = first[y]! - 1;
      if (a < 0) continue;
      tgtCovered += e.weights[b]!;
      tgtPlaced += e.placed[b]!;
      tgtAt += e.placed[b]! * e.positions[b]!;
      for (; a < linkTarget.length && linkTarget[a] === y; a++) {
        const w = linkWord[a]!;
        if (this.stamp[w] !== epoch) {
          this.stamp[w] = epoch;
          srcCovered += s.weights[w]!;
          srcPlaced += s.placed[w]!;
          srcAt += s.placed[w]! * s.positions[w]!;
        }
      }
    }
    this.srcCovered = srcCovered;
    this.tgtPlaced = tgtPlaced;
    this.tgtCentroid = tgtPlaced > 0 ? tgtAt / tgtPlaced : 0.5;
    this.srcPlaced = srcPlaced;
    this.srcCentroid = srcPlaced > 0 ? srcAt / srcPlaced : 0.5;
    return tgtCovered;
  }
}

// Pair matches for every (source, target) a bead inside the band can join, stored row by row.
function pairRows(band: Band, reach: number, srcCount: number, tgtCount: number, matcher: PairMatcher, tgt: TargetSentence[]) {
  const start = new Int32Array(srcCount);
  const end = new Int32Array(srcCount);
  const offset = new Int32Array(srcCount + 1);
  for (let z = 0; z < srcCount; z++) {
    start[z] = band.lo[Math.max(0, z - reach)]!;
    end[z] = Math.min(tgtCount, band.hi[Math.min(srcCount, z + reach)]!);
    offset[z + 1] = offset[z]! + Math.max(0, end[z]! - start[z]!);
  }
  const tgtPart = new Float32Array(offset[srcCount]!);
  const srcPart = new Float32Array(offset[srcCount]!);
  const tgtPlaced = new Float32Array(offset[srcCount]!);
  const srcPlaced = new Float32Array(offset[srcCount]!);
  const tgtAt = new Float32Array(offset[srcCount]!);
  const srcAt = new Float32Array(offset[srcCount]!);
  for (let z = 0; z < srcCount; z++) {
    for (let e = start[z]!; e < end[z]!; e++) {
      const k = offset[z]! + e - start[z]!;
      tgtPart[k] = matcher.match(z, tgt[e]!);
      srcPart[k] = matcher.srcCovered;
      tgtPlaced[k] = matcher.tgtPlaced;
      srcPlaced[k] = matcher.srcPlaced;
      tgtAt[k] = matcher.tgtCentroid;
      srcAt[k] = matcher.srcCentroid;
    }
  }
  return { start, end, offset, tgtPart, srcPart, tgtPlaced, srcPlaced, tgtAt, srcAt };
}

/**
 * Pairs that share words rare on both sides, each pair's weight the summed rarity of what it
 * shares. Pairs are sought near the whole document's diagonal, as far from it as the whole
 * would look, so that a part sees the same rival pairs for a sentence as the whole does.
 */
function anchorCandidates(doc: SegmentedDocument, features: DocumentFeatures, stats: DocumentStatistics, matcher: PairMatcher): AnchorCandidate[] {
  const { src, tgt } = features;
  const { tgtFrequency, srcFrequency } = stats;
  const postings = new Map<number, number[]>();
  const tgtRare = anchorMaxFrequency(stats.tgtSentences);
  const srcRare = anchorMaxFrequency(stats.srcSentences);
  tgt.forEach((e, k) => {
    for (const id of e.ids) if ((tgtFrequency.get(id) ?? 0) <= tgtRare) {
      const list = postings.get(id);
      if (list) list.push(k);
      else postings.set(id, [k]);
    }
  });
  const slope = stats.tgtSentences / Math.max(1, stats.srcSentences);
  const reach = Math.max(50, 0.1 * stats.tgtSentences);
  const out: AnchorCandidate[] = [];
  src.forEach((s, z) => {
    const seen = new Set<number>();
    // A word has several links: its rarity is looked up once.
    const rare = s.words.map((w) => (srcFrequency.get(w) ?? 0) <= srcRare);
    for (let k = 0; k < s.linkTarget.length; k++) {
      if (!rare[s.linkWord[k]!]) continue;
      for (const e of postings.get(s.linkTarget[k]!) ?? []) {
        if (Math.abs(e + doc.tgtFrom - (z + doc.srcFrom) * slope) <= reach) seen.add(e);
      }
    }
    let best = -1;
    let bestWeight = 0;
    let runnerUp = 0;
    for (const e of seen) {
      const tgtCovered = matcher.match(z, tgt[e]!);
      const weight = tgtCovered / Math.max(1e-9, tgt[e]!.mass) + matcher.srcCovered / Math.max(1e-9, s.mass);
      if (weight > bestWeight) [best, bestWeight, runnerUp] = [e, weight, bestWeight];
      else runnerUp = Math.max(runnerUp, weight);
    }
    if (best >= 0 && bestWeight - runnerUp >= ANCHOR_MARGIN) out.push({ src: z, tgt: best, weight: bestWeight });
  });
  return out;
}
