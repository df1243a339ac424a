// Strict bead F1 (Bertalign's MAC/Bible metric): a bead counts only if it equals a gold bead exactly.

import { WEAK_SCORE, type Bead } from '../domain/types.ts';
import { formatBead } from './bead-format.ts';

export interface BeadScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  auto: number;
  /** Distinct automatic beads found in the gold. */
  correct: number;
}

/** Scores one or more documents together, summing counts before dividing, as align-f1.py does. */
export function beadF1(pairs: { gold: Bead[]; auto: Bead[] }[]): BeadScore {
  let correct = 0;
  let gold = 0;
  let auto = 0;
  for (const p of pairs) {
    const goldSet = new Set(p.gold.map(formatBead));
    for (const b of new Set(p.auto.map(formatBead))) if (goldSet.has(b)) correct++;
    gold += p.gold.length;
    auto += p.auto.length;
  }
  const precision = auto ? correct / auto : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, auto, correct };
}

/** A bead's shape as the MAC and Bible evaluations name it: source count, target count ("2-1"). */
export function beadShape(bead: Bead): string {
  return `${bead.src.length}-${bead.tgt.length}`;
}

/** Per gold bead shape: how many gold beads, and how many of them the automatic beads hold exactly. */
export function recallByShape(pairs: { gold: Bead[]; auto: Bead[] }[]): Map<string, { gold: number; found: number }> {
  const out = new Map<string, { gold: number; found: number }>();
  for (const p of pairs) {
    const auto = new Set(p.auto.map(formatBead));
    for (const g of p.gold) {
      const row = out.get(beadShape(g)) ?? { gold: 0, found: 0 };
      row.gold++;
      if (auto.has(formatBead(g))) row.found++;
      out.set(beadShape(g), row);
    }
  }
  return out;
}

/**
 * How well a confidence mark flags mistakes: the share of all beads under `threshold`, and the
 * share of the wrong beads (not in the gold) that are under it.
 */
export function weakBeads(pairs: { gold: Bead[]; auto: (Bead & { score: number })[] }[], threshold = WEAK_SCORE): { weakShare: number; wrongCaught: number } {
  let beads = 0;
  let weak = 0;
  let wrong = 0;
  let wrongWeak = 0;
  for (const p of pairs) {
    const gold = new Set(p.gold.map(formatBead));
    for (const b of p.auto) {
      const isWeak = b.score < threshold;
      const isWrong = !gold.has(formatBead(b));
      beads++;
      if (isWeak) weak++;
      if (isWrong) wrong++;
      if (isWeak && isWrong) wrongWeak++;
    }
  }
  return { weakShare: beads ? weak / beads : 0, wrongCaught: wrong ? wrongWeak / wrong : 0 };
}
