// The figures behind a document's charts, from plain rows: burn-up, effort per translator, bead shapes, confidence, QA.

import { postEditEffort, type EditedPair, type PostEditEffort } from './edit-distance.ts';
import { State } from './types.ts';
import type { QaCode, QaFlag } from './qa-checks.ts';

/** One change of a pair's state, as its revision recorded it (states as in the pairs table; null for none). */
export interface StateChange {
  at: string;
  oldState: number | null;
  newState: number | null;
}

/** How many pairs were translated or approved (a rejected pair is work to do again) and how many approved, at a time. */
export interface BurnUpPoint {
  at: string;
  done: number;
  approved: number;
}

const isDone = (s: number | null) => s === State.translated || s === State.approved;
const isApproved = (s: number | null) => s === State.approved;

/**
 * The burn-up series: a point at `start` and one after each change, anchored on today's counts and walked
 * backwards through the history. Alignment edits delete and create rows without a revision for every row they
 * remove, so a walk forwards from the import could drift; walked backwards the last point is always the counts
 * the document shows now. `changes` are in time order.
 */
export function burnUp(changes: readonly StateChange[], now: { done: number; approved: number }, start: string): BurnUpPoint[] {
  const points: BurnUpPoint[] = new Array(changes.length + 1);
  let { done, approved } = now;
  for (let k = changes.length - 1; k >= 0; k--) {
    const c = changes[k]!;
    points[k + 1] = { at: c.at, done, approved };
    done -= Number(isDone(c.newState)) - Number(isDone(c.oldState));
    approved -= Number(isApproved(c.newState)) - Number(isApproved(c.oldState));
  }
  points[0] = { at: start, done: Math.max(0, done), approved: Math.max(0, approved) };
  // Changes at the same instant (a save and its approval) are one step of the chart.
  return points.filter((p, k) => k === points.length - 1 || points[k + 1]!.at !== p.at || k === 0);
}

/**
 * At most about `max` points of a burn-up, for a long history: the first point, then the last point in each of
 * `max - 1` equal spans of time, so the curve keeps its shape and its last point. Shorter series come back as they are.
 */
export function thinBurnUp(points: readonly BurnUpPoint[], max = 400): BurnUpPoint[] {
  if (points.length <= max) return [...points];
  const t0 = Date.parse(points[0]!.at);
  const span = Math.max(1, Date.parse(points.at(-1)!.at) - t0);
  const slot = (p: BurnUpPoint) => Math.min(max - 2, Math.floor(((Date.parse(p.at) - t0) / span) * (max - 1)));
  return points.filter((p, k) => k === 0 || k === points.length - 1 || slot(p) !== slot(points[k + 1]!));
}

/** A worked pair with who last wrote its English; null when nobody here did (a file's translation). */
export interface AuthoredPair extends EditedPair {
  author: string | null;
}

export interface TranslatorEffort {
  author: string | null;
  effort: PostEditEffort;
}

/** Post-editing effort per person who last wrote the English, most pairs first, then by name. */
export function effortByTranslator(pairs: readonly AuthoredPair[]): TranslatorEffort[] {
  const groups = new Map<string | null, AuthoredPair[]>();
  for (const p of pairs) {
    const group = groups.get(p.author);
    if (group) group.push(p);
    else groups.set(p.author, [p]);
  }
  return [...groups].map(([author, group]) => ({ author, effort: postEditEffort(group) }))
    .sort((a, b) => b.effort.pairs - a.effort.pairs || (a.author ?? '\uffff').localeCompare(b.author ?? '\uffff'));
}

/** A bead: how many sentences it holds on each side, and the aligner's confidence (null when a person set it). */
export interface BeadShape {
  src: number;
  tgt: number;
  score: number | null;
}

export interface HistogramBin {
  /** Lower bound, inclusive; the last bin includes 1. */
  from: number;
  to: number;
  count: number;
}

/** Confidences in `bins` equal bins over [0, 1]; beads without a score are counted apart, so the counts sum to the beads. */
export function confidenceHistogram(beads: readonly BeadShape[], bins = 10): { bins: HistogramBin[]; unscored: number } {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, k) => ({ from: k / bins, to: (k + 1) / bins, count: 0 }));
  let unscored = 0;
  for (const b of beads) {
    if (b.score === null) unscored++;
    else out[Math.min(bins - 1, Math.max(0, Math.floor(b.score * bins)))]!.count++;
  }
  return { bins: out, unscored };
}

export const QA_KINDS: readonly QaCode[] = ['numbers', 'glossary', 'repeated', 'fragment', 'broken', 'empty', 'length', 'punctuation', 'source'];

/** How many pairs carry each kind of flag, in the order the filters list them. */
export function qaByKind(flagsPerPair: readonly (readonly QaFlag[])[]): { code: QaCode; count: number }[] {
  const counts = new Map<QaCode, number>(QA_KINDS.map((c) => [c, 0]));
  for (const flags of flagsPerPair) {
    for (const code of new Set(flags.map((f) => f.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count }));
}
