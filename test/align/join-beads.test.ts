// The second look at a path's boundaries: adjacent beads join where content crosses between them, and an unmatched sentence joins the neighbour whose lengths it completes.

import { describe, expect, it } from 'vitest';
import type { SpanBead } from '../../server/align/banded-search.ts';
import { absorbUnmatched, joinAcrossBoundaries, neighbourJoinOdds, type JoinModel } from '../../server/align/join-beads.ts';
import type { SpanScores } from '../../server/align/span-scorer.ts';

// Joins when at least two sentences find half their evidence across the boundary.
const MODEL: JoinModel = { bias: -1, maxLeak: 0, secondLeak: 2.5, meanLeak: 0, costGain: 0, lengthGain: 0, worsePart: 0, joinedCost: 0, boundaryShift: 0, clauseCut: 0, characterCut: 0, fiveSentences: 0 };
const flat = () => 0;
const bead = (s0: number, s1: number, t0: number, t1: number): SpanBead => ({ s0, s1, t0, t1 });

/** Evidence in which the sentences either side of the boundary at (crossAt, crossAt) share half of theirs. */
function crossingAt(crossAt: number): SpanScores {
  return {
    reward: flat,
    coverage: flat,
    maxReward: flat,
    maxCoverage: flat,
    weakestSentence: () => 1,
    leaks: (s0, sm, s1, t0, tm, t1) => Array.from({ length: s1 - s0 + t1 - t0 }, () => (sm === crossAt && tm === crossAt ? 0.5 : 0)),
    placedMatches: () => ({ src: new Float64Array(), tgt: new Float64Array(), weight: new Float64Array(), srcBoundary: 0.5, tgtBoundary: 0.5, srcCuts: [], tgtCuts: [] }),
  };
}

describe('neighbourJoinOdds', () => {
  // The confidence weighs "no neighbour to join" apart from the odds: a refitted join model must
  // not move how sure an unmatched sentence looks (insertions flagged in the fixtures fell 33 -> 28
  // over refits while it was odds of -5).
  it('when a bead has no neighbour it could join then it has no odds, whatever the model', () => {
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 2), bead(2, 2, 2, 3)];
    for (const bias of [-20, 0, 20]) {
      const odds = neighbourJoinOdds(path, flat, crossingAt(1), flat, { ...MODEL, bias });
      expect(odds[2]).toBeUndefined();
      expect(odds[0]).toBe(odds[1]);
      expect(odds[0]).toBeCloseTo(bias + 2.5 * 0.5);
    }
  });
});

describe('joinAcrossBoundaries', () => {
  it('when content crosses a boundary between two 1-1 beads then they become one 2-2 bead', () => {
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 2), bead(2, 3, 2, 3), bead(3, 4, 3, 4)];
    expect(joinAcrossBoundaries(path, flat, crossingAt(2), flat, MODEL)).toEqual([bead(0, 1, 0, 1), bead(1, 3, 1, 3), bead(3, 4, 3, 4)]);
  });

  it('when nothing crosses the boundaries then the path stays as it is', () => {
    const path = [bead(0, 1, 0, 2), bead(1, 2, 2, 3)];
    expect(joinAcrossBoundaries(path, flat, crossingAt(9), flat, MODEL)).toEqual(path);
  });

  it('when a bead has an empty side then it is never joined, so an added sentence stays visible', () => {
    const path = [bead(0, 1, 0, 1), bead(1, 1, 1, 2), bead(1, 2, 2, 3)];
    const everything = { ...MODEL, bias: 10 };
    expect(joinAcrossBoundaries(path, flat, crossingAt(1), flat, everything)).toEqual(path);
  });

  it('when two joins compete for one bead then the likelier takes it, whichever comes first', () => {
    // Half of the evidence crosses between beads 0 and 1, four fifths between 1 and 2, and nothing
    // crosses a boundary once a bead is joined: taken left to right, 0 and 1 would be joined.
    const cross = new Map([[1, 0.5], [2, 0.8]]);
    const spans: SpanScores = {
      ...crossingAt(-1),
      leaks: (s0, sm, s1, t0, tm, t1) => Array.from({ length: s1 - s0 + t1 - t0 }, () => (s1 - s0 === 2 && t1 - t0 === 2 && sm === tm ? cross.get(sm) ?? 0 : 0)),
    };
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 2), bead(2, 3, 2, 3)];
    expect(joinAcrossBoundaries(path, flat, spans, flat, MODEL)).toEqual([bead(0, 1, 0, 1), bead(1, 3, 1, 3)]);
  });

  it('when joining would put more than three sentences on a side then the beads stay apart', () => {
    const path = [bead(0, 2, 0, 2), bead(2, 4, 2, 3)];
    expect(joinAcrossBoundaries(path, flat, crossingAt(2), flat, { ...MODEL, bias: 10 })).toEqual(path);
  });
});

/** A length fit: how far apart the two sides' lengths lie, one unit per sentence length given. */
function lengthMismatch(src: number[], tgt: number[]) {
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((n, x) => n + x, 0);
  return (b: SpanBead) => Math.abs(sum(src, b.s0, b.s1) - sum(tgt, b.t0, b.t1));
}

describe('absorbUnmatched', () => {
  it('when an unmatched sentence completes the length of its neighbour then it joins that neighbour', () => {
    // Source 1 is half of what target 1 says: alone, target 1 is twice source 2's length.
    const length = lengthMismatch([10, 10, 10, 10], [10, 20, 10]);
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 1), bead(2, 3, 1, 2), bead(3, 4, 2, 3)];
    expect(absorbUnmatched(path, flat, length)).toEqual([bead(0, 1, 0, 1), bead(1, 3, 1, 2), bead(3, 4, 2, 3)]);
  });

  it('when both neighbours fit as well then the one the cost prefers takes the sentence', () => {
    const length = flat;
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 1), bead(2, 3, 1, 2)];
    // Source 0 and 1 together cost one unit more than apart.
    const cheaperAfter = (s0: number, s1: number) => (s0 === 0 && s1 === 2 ? 1 : 0);
    expect(absorbUnmatched(path, cheaperAfter, length)).toEqual([bead(0, 1, 0, 1), bead(1, 3, 1, 2)]);
  });

  it('when joining would spoil the length fit of every neighbour then the sentence stays unmatched, visible', () => {
    const length = lengthMismatch([10, 10, 10], [10, 10]);
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 1), bead(2, 3, 1, 2)];
    expect(absorbUnmatched(path, flat, length)).toEqual(path);
  });
});
