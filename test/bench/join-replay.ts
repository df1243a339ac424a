// What the replays of the join look on captured paths share (join-adaptation.ts, clause-join.ts): each boundary as a fitting example, and the line a variant prints.

import type { BeadCost, SpanBead } from '../../server/align/banded-search.ts';
import { beadF1, beadShape, recallByShape } from '../../server/align/bead-f1.ts';
import { formatBead } from '../../server/align/bead-format.ts';
import { absorbUnmatched, canJoin } from '../../server/align/join-beads.ts';
import type { Bead } from '../../server/domain/types.ts';
import type { LogisticExample } from './logistic.ts';

// As in fit-join-model.ts: one bead fewer is worth F1 / 2 of a correct bead, and the fit's L2 penalty.
export const FEWER_BEADS = 0.45;
export const L2 = 3;

export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
export const indices = (b: SpanBead): Bead => ({ src: range(b.s0, b.s1), tgt: range(b.t0, b.t1) });

/**
 * Each joinable boundary of the path as an example: positive when its join raises strict F1 (a
 * gold bead won, less the gold beads it breaks, plus one bead fewer), weighed by how much.
 */
export function joinExamples(path: SpanBead[], gold: ReadonlySet<string>, vector: (x: SpanBead, y: SpanBead) => number[]): LogisticExample[] {
  const isGold = (b: SpanBead) => (gold.has(formatBead(indices(b))) ? 1 : 0);
  return range(0, path.length - 1)
    .filter((k) => canJoin(path[k]!, path[k + 1]!))
    .map((k) => {
      const [x, y] = [path[k]!, path[k + 1]!];
      const worth = isGold({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 }) - isGold(x) - isGold(y) + FEWER_BEADS;
      return { x: vector(x, y), positive: worth > 0, weight: Math.abs(worth) };
    });
}

/** One line: F1, recall of the shapes the look decides, and correct beads chapter by chapter (a total can hide gains and losses that cancel). */
export function reportReplay(name: string, pairs: { gold: Bead[]; auto: Bead[] }[]): void {
  const shapes = recallByShape(pairs);
  const recall = (k: string) => `${k} ${shapes.get(k)?.found ?? 0}/${shapes.get(k)?.gold ?? 0}`;
  const byChapter = pairs.map((p) => beadF1([p]).correct).join(' ');
  // 1-1 precision: the join look must not buy many-to-many beads with right 1-1 beads.
  const oneToOne = pairs.flatMap((p) => {
    const gold = new Set(p.gold.map(formatBead));
    return p.auto.filter((b) => beadShape(b) === '1-1').map((b) => gold.has(formatBead(b)));
  });
  const precision = oneToOne.filter(Boolean).length / Math.max(1, oneToOne.length);
  console.log(`${name.padEnd(40)} F1 ${beadF1(pairs).f1.toFixed(4)}  ${['1-1', '2-1', '2-2', '2-3'].map(recall).join(' ')}  1-1 precision ${precision.toFixed(3)}  correct by chapter ${byChapter}`);
}

/**
 * The last look replayed on a captured path with the given odds: the likeliest join first, as
 * join-beads.ts takes them, or left to right, as it did before; then unmatched sentences absorbed.
 */
export function replayLook(path: SpanBead[], odds: (x: SpanBead, y: SpanBead) => number, cost: BeadCost, length: (b: SpanBead) => number, bestFirst = true): Bead[] {
  const at = (x: SpanBead, y: SpanBead) => (canJoin(x, y) ? odds(x, y) : -Infinity);
  const join = (x: SpanBead, y: SpanBead): SpanBead => ({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 });
  const out: SpanBead[] = [];
  if (bestFirst) {
    out.push(...path);
    const o = range(0, out.length - 1).map((k) => at(out[k]!, out[k + 1]!));
    for (;;) {
      let k = -1;
      for (let i = 0; i < o.length; i++) if (o[i]! > 0 && (k < 0 || o[i]! > o[k]!)) k = i;
      if (k < 0) break;
      out.splice(k, 2, join(out[k]!, out[k + 1]!));
      o.splice(k, 1);
      if (k > 0) o[k - 1] = at(out[k - 1]!, out[k]!);
      if (k < o.length) o[k] = at(out[k]!, out[k + 1]!);
    }
  } else if (path.length > 0) {
    let current = path[0]!;
    for (const next of path.slice(1)) {
      if (at(current, next) > 0) current = join(current, next);
      else {
        out.push(current);
        current = next;
      }
    }
    out.push(current);
  }
  return absorbUnmatched(out, cost, length).map(indices);
}
