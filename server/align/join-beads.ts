// A second look at each boundary of a path: adjacent beads become one when content crosses the boundary, or when an unmatched sentence completes its neighbour.

import type { BeadCost, SpanBead } from './banded-search.ts';
import { boundaryShift } from './boundary-shift.ts';
import { clauseCutGain } from './clause-cut.ts';
import type { SpanScores } from './span-scorer.ts';

// Most sentences a side a joined bead may hold: the restructured beads literary translators make
// are two sentences against two or three.
const MAX_JOINED_SIDE = 3;
// How much a cut's two sides sitting apart in the span costs against the evidence crossing it (see
// clauseCutGain): left out on MAC-Dev, 1 to 4 give the same beads but one.
const CLAUSE_LENGTH_WEIGHT = 2;

/** Logistic weights of the odds that two adjacent beads are one, from the features of their boundary. */
export interface JoinModel {
  bias: number;
  /** The largest, second largest and mean share of a sentence's evidence that lies across the boundary. */
  maxLeak: number;
  secondLeak: number;
  meanLeak: number;
  /** The search's cost of the joined bead minus that of the two. */
  costGain: number;
  /** The length cost of the joined bead minus that of the two (see lengthCost). */
  lengthGain: number;
  /** The search's cost per sentence of the dearer of the two, and of the joined bead. */
  worsePart: number;
  joinedCost: number;
  /** The share of the matched evidence that a boundary moved on one side would stop crossing (see boundaryShift). */
  boundaryShift: number;
  /** How much cheaper the best cut of the joined span at clause ends is than the sentence boundary (see clauseCutGain). */
  clauseCut: number;
  /** The same cut over the links of the document's character table (see character-table.ts) instead of its word matches. */
  characterCut: number;
  /**
   * 1 when the joined bead holds five sentences (2-3, 3-2). Its weight is no logistic fit but
   * the operating point of those joins: the least that makes the fitting chapters find half their
   * gold 2-3 and 3-2 beads (see test/bench/fit-join-model.ts).
   */
  fiveSentences: number;
}

type BoundaryFeatures = Omit<JoinModel, 'bias'>;

/**
 * The path with adjacent beads joined where the model finds them likelier one bead than two,
 * the likeliest first: a join taken left to right could take a sentence that its other neighbour
 * needs more (on MAC-Dev two gold 2-2 and 2-3 beads were lost so). A joined bead's boundaries are
 * weighed anew. The search's costs price a join as a prior, the same everywhere; here the
 * sentences themselves testify: a sentence whose words are translated across the boundary, and
 * lengths that fit only when joined. A bead with an empty side is never joined: nothing
 * crosses its boundary, and a sentence left without a counterpart must stay visible.
 */
export function joinAcrossBoundaries(path: SpanBead[], cost: BeadCost, spans: SpanScores, length: (b: SpanBead) => number, model: JoinModel): SpanBead[] {
  const out = [...path];
  const odds = (k: number) => (canJoin(out[k]!, out[k + 1]!) ? joinOdds(boundaryFeatures(out[k]!, out[k + 1]!, cost, spans, length), model) : -Infinity);
  const at = Array.from({ length: Math.max(0, out.length - 1) }, (_, k) => odds(k));
  for (;;) {
    let k = -1;
    for (let i = 0; i < at.length; i++) if (at[i]! > 0 && (k < 0 || at[i]! > at[k]!)) k = i;
    if (k < 0) return out;
    const [x, y] = [out[k]!, out[k + 1]!];
    out.splice(k, 2, { s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 });
    at.splice(k, 1);
    if (k > 0) at[k - 1] = odds(k - 1);
    if (k < at.length) at[k] = odds(k);
  }
}

/** Whether the last look may join x and the bead y after it: both matched, at most MAX_JOINED_SIDE sentences a side joined. */
export function canJoin(x: SpanBead, y: SpanBead): boolean {
  return matched(x) && matched(y) && y.s1 - x.s0 <= MAX_JOINED_SIDE && y.t1 - x.t0 <= MAX_JOINED_SIDE;
}

/**
 * The path with each bead that has an empty side joined into a matched neighbour whose lengths
 * it completes: the joined bead fits the document's length model no worse than the neighbour
 * alone. A sentence the search left unmatched for want of evidence is most often a clause the
 * translator folded into the next or previous sentence (on MAC-Dev, 9 of the 11 such Chinese
 * sentences belonged to a 2-1 or 2-2 bead); one whose lengths fit nowhere stays unmatched, and
 * one absorbed still tells its bead's confidence that nothing explains it (weakestSentence).
 * Of two neighbours, the one the search's cost prefers.
 */
export function absorbUnmatched(path: SpanBead[], cost: BeadCost, length: (b: SpanBead) => number): SpanBead[] {
  const total = (b: SpanBead) => cost(b.s0, b.s1, b.t0, b.t1);
  const out = [...path];
  for (let k = 0; k < out.length; k++) {
    const b = out[k]!;
    if (matched(b)) continue;
    let best: { at: number; joined: SpanBead; gain: number } | undefined;
    for (const at of [k - 1, k + 1]) {
      const x = out[at];
      if (!x || !matched(x)) continue;
      const joined = { s0: Math.min(x.s0, b.s0), s1: Math.max(x.s1, b.s1), t0: Math.min(x.t0, b.t0), t1: Math.max(x.t1, b.t1) };
      if (length(joined) > length(x)) continue;
      const gain = total(joined) - total(x) - total(b);
      if (!best || gain < best.gain) best = { at, joined, gain };
    }
    if (!best) continue;
    out.splice(Math.min(k, best.at), 2, best.joined);
    k = Math.min(k, best.at) - 1;
  }
  return out;
}

const matched = (b: SpanBead) => b.s1 > b.s0 && b.t1 > b.t0;

/**
 * Per bead of the path, the largest odds by the model that it and a neighbour are one bead, or
 * undefined when it has no neighbour it could be joined with (an empty side, or a joined bead
 * too large): that is a fact of its own, not odds, and must not move when the model is refitted.
 * Each boundary is weighed once for both its beads.
 */
export function neighbourJoinOdds(path: SpanBead[], cost: BeadCost, spans: SpanScores, length: (b: SpanBead) => number, model: JoinModel): (number | undefined)[] {
  const odds: (number | undefined)[] = path.map(() => undefined);
  for (let k = 0; k + 1 < path.length; k++) {
    const [x, y] = [path[k]!, path[k + 1]!];
    if (!canJoin(x, y)) continue;
    const o = joinOdds(boundaryFeatures(x, y, cost, spans, length), model);
    odds[k] = Math.max(odds[k] ?? o, o);
    odds[k + 1] = Math.max(odds[k + 1] ?? o, o);
  }
  return odds;
}

function joinOdds(f: BoundaryFeatures, model: JoinModel): number {
  return (Object.keys(f) as (keyof BoundaryFeatures)[]).reduce((sum, k) => sum + model[k] * f[k], model.bias);
}

/** What the boundary between adjacent beads x and y shows (see JoinModel). */
export function boundaryFeatures(x: SpanBead, y: SpanBead, cost: BeadCost, spans: SpanScores, length: (b: SpanBead) => number): BoundaryFeatures {
  const leaks = spans.leaks(x.s0, x.s1, y.s1, x.t0, x.t1, y.t1).sort((a, b) => b - a);
  const joined = { s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 };
  const total = (b: SpanBead) => cost(b.s0, b.s1, b.t0, b.t1);
  const perSentence = (b: SpanBead) => total(b) / (b.s1 - b.s0 + b.t1 - b.t0);
  return {
    maxLeak: leaks[0] ?? 0,
    secondLeak: leaks[1] ?? 0,
    meanLeak: leaks.reduce((sum, l) => sum + l, 0) / Math.max(1, leaks.length),
    costGain: total(joined) - total(x) - total(y),
    lengthGain: length(joined) - length(x) - length(y),
    worsePart: Math.max(perSentence(x), perSentence(y)),
    joinedCost: perSentence(joined),
    ...placedFeatures(leaks[0] !== 0, x, y, spans),
    fiveSentences: y.s1 - x.s0 + y.t1 - x.t0 === 5 ? 1 : 0,
  };
}

// No leak, no word match crossing: no moved boundary or other cut of the words can save anything.
// The character table's links may cross where no word match does.
function placedFeatures(leak: boolean, x: SpanBead, y: SpanBead, spans: SpanScores) {
  const found = spans.characterLinks?.(x.s0, y.s1, x.t0, y.t1);
  const links = found && found.weight.length > 0 ? found : undefined;
  const m = leak || links ? spans.placedMatches(x.s0, x.s1, y.s1, x.t0, x.t1, y.t1) : undefined;
  return {
    boundaryShift: leak && m ? boundaryShift(m) : 0,
    clauseCut: leak && m ? clauseCutGain(m, m.srcCuts, m.tgtCuts, CLAUSE_LENGTH_WEIGHT) : 0,
    characterCut: links && m ? clauseCutGain({ ...m, ...links }, m.srcCuts, m.tgtCuts, CLAUSE_LENGTH_WEIGHT) : 0,
  };
}
