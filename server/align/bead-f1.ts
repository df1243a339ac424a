// Strict bead F1 (Bertalign's MAC/Bible metric): a bead counts only if it equals a gold bead exactly.

import type { Bead } from '../domain/types.ts';
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
