// Dictionary evidence for alignment: the IDF-weighted share of each side's words that the other side translates.

import type { DocumentFeatures, SourceSentence, TargetSentence } from './sentence-features.ts';
import type { AnchorCandidate, Band, SpanScorer, SpanScores } from './span-scorer.ts';

// Only words this rare on both sides nominate anchors: they pin a sentence pair almost alone.
const ANCHOR_MAX_FREQUENCY = 3;
// The widest bead the search tries reaches this many sentences back from a row.
const BEAD_REACH = 8;

export function lexicalScorer(features: DocumentFeatures): SpanScorer {
  const { src, tgt } = features;
  const matcher = new PairMatcher(src);
  // Normalising by mass per bead makes one well-translated bead worth about 1 whatever the genre.
  const beads = Math.max(1, Math.min(src.length, tgt.length));
  const srcUnit = Math.max(1e-9, src.reduce((s, x) => s + x.mass, 0) / beads);
  const tgtUnit = Math.max(1e-9, tgt.reduce((s, x) => s + x.mass, 0) / beads);

  return {
    anchorCandidates: () => anchorCandidates(features, matcher),
    inBand(band) {
      const rows = pairRows(band, src.length, tgt.length, matcher, tgt);
      const sums = (s0: number, s1: number, t0: number, t1: number) => {
        let tgtCovered = 0;
        let tgtMass = 0;
        for (let e = t0; e < t1; e++) {
          let m = 0;
          for (let z = s0; z < s1; z++) m += rows.tgtMatch(z, e);
          tgtCovered += Math.min(m, tgt[e]!.mass);
          tgtMass += tgt[e]!.mass;
        }
        let srcCovered = 0;
        let srcMass = 0;
        for (let z = s0; z < s1; z++) {
          let m = 0;
          for (let e = t0; e < t1; e++) m += rows.srcMatch(z, e);
          srcCovered += Math.min(m, src[z]!.mass);
          srcMass += src[z]!.mass;
        }
        return { tgtCovered, tgtMass, srcCovered, srcMass };
      };
      const scores: SpanScores = {
        reward(s0, s1, t0, t1) {
          const m = sums(s0, s1, t0, t1);
          return 0.5 * (m.tgtCovered / tgtUnit + m.srcCovered / srcUnit);
        },
        coverage(s0, s1, t0, t1) {
          const m = sums(s0, s1, t0, t1);
          const a = m.tgtMass > 0 ? m.tgtCovered / m.tgtMass : 0;
          const b = m.srcMass > 0 ? m.srcCovered / m.srcMass : 0;
          return a + b > 0 ? (2 * a * b) / (a + b) : 0;
        },
      };
      return scores;
    },
  };
}

/** Matches one Chinese sentence against one English sentence: covered weight on each side. */
class PairMatcher {
  private stamp: Int32Array;
  private epoch = 0;
  constructor(private src: SourceSentence[]) {
    this.stamp = new Int32Array(Math.max(1, ...src.map((s) => s.words.length)));
  }

  match(z: number, e: TargetSentence): { tgt: number; src: number } {
    const s = this.src[z]!;
    const epoch = ++this.epoch;
    let tgtCovered = 0;
    let srcCovered = 0;
    let a = 0;
    let b = 0;
    while (a < s.linkTarget.length && b < e.ids.length) {
      const x = s.linkTarget[a]!;
      const y = e.ids[b]!;
      if (x < y) a++;
      else if (y < x) b++;
      else {
        tgtCovered += e.weights[b]!;
        while (a < s.linkTarget.length && s.linkTarget[a] === x) {
          const w = s.linkWord[a]!;
          if (this.stamp[w] !== epoch) {
            this.stamp[w] = epoch;
            srcCovered += s.weights[w]!;
          }
          a++;
        }
        b++;
      }
    }
    return { tgt: tgtCovered, src: srcCovered };
  }
}

// Pair matches for every (source, target) a bead inside the band can join, stored row by row.
function pairRows(band: Band, srcCount: number, tgtCount: number, matcher: PairMatcher, tgt: TargetSentence[]) {
  const start = new Int32Array(srcCount);
  const end = new Int32Array(srcCount);
  const offset = new Int32Array(srcCount + 1);
  for (let z = 0; z < srcCount; z++) {
    start[z] = band.lo[Math.max(0, z - BEAD_REACH)]!;
    end[z] = Math.min(tgtCount, band.hi[Math.min(srcCount, z + BEAD_REACH)]!);
    offset[z + 1] = offset[z]! + Math.max(0, end[z]! - start[z]!);
  }
  const tgtPart = new Float32Array(offset[srcCount]!);
  const srcPart = new Float32Array(offset[srcCount]!);
  for (let z = 0; z < srcCount; z++) {
    for (let e = start[z]!; e < end[z]!; e++) {
      const m = matcher.match(z, tgt[e]!);
      const k = offset[z]! + e - start[z]!;
      tgtPart[k] = m.tgt;
      srcPart[k] = m.src;
    }
  }
  const at = (z: number, e: number) => (e >= start[z]! && e < end[z]! ? offset[z]! + e - start[z]! : -1);
  return {
    tgtMatch: (z: number, e: number) => {
      const k = at(z, e);
      return k < 0 ? 0 : tgtPart[k]!;
    },
    srcMatch: (z: number, e: number) => {
      const k = at(z, e);
      return k < 0 ? 0 : srcPart[k]!;
    },
  };
}

// Pairs that share words rare on both sides, each pair's weight the summed rarity of what it shares.
function anchorCandidates(features: DocumentFeatures, matcher: PairMatcher): AnchorCandidate[] {
  const { src, tgt, tgtFrequency, srcFrequency } = features;
  const postings = new Map<number, number[]>();
  tgt.forEach((e, k) => {
    for (const id of e.ids) if ((tgtFrequency.get(id) ?? 0) <= ANCHOR_MAX_FREQUENCY) {
      const list = postings.get(id);
      if (list) list.push(k);
      else postings.set(id, [k]);
    }
  });
  const slope = tgt.length / Math.max(1, src.length);
  const reach = Math.max(50, 0.1 * tgt.length);
  const out: AnchorCandidate[] = [];
  src.forEach((s, z) => {
    const seen = new Set<number>();
    for (let k = 0; k < s.linkTarget.length; k++) {
      if ((srcFrequency.get(s.words[s.linkWord[k]!]!) ?? 0) > ANCHOR_MAX_FREQUENCY) continue;
      for (const e of postings.get(s.linkTarget[k]!) ?? []) {
        if (Math.abs(e - z * slope) <= reach) seen.add(e);
      }
    }
    let best = -1;
    let bestWeight = 0;
    for (const e of seen) {
      const m = matcher.match(z, tgt[e]!);
      const weight = m.tgt / Math.max(1e-9, tgt[e]!.mass) + m.src / Math.max(1e-9, s.mass);
      if (weight > bestWeight) [best, bestWeight] = [e, weight];
    }
    if (best >= 0) out.push({ src: z, tgt: best, weight: bestWeight });
  });
  return out;
}
