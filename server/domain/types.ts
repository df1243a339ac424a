// The domain's nouns, named after the standards: languages, aligner beads (and when one is weak), pair states and what wrote a draft, roles.

export type Lang = 'zh' | 'en';

/** An alignment bead: source and target sentence indices; an empty side is a 1-0 or 0-1 bead. */
export interface Bead {
  src: number[];
  tgt: number[];
}

/**
 * A bead scoring under this is weak: a row shows it as low confidence, the alignment editor lists it among the
 * irregular rows and the charts count it; the aligner's quality tests measure what share of its mistakes it flags.
 */
export const WEAK_SCORE = 0.5;

/** The confidence band a row's colour shows: high, mid, low, or none for a row without a score. */
export function scoreBand(score: number | null): 'high' | 'mid' | 'low' | 'none' {
  if (score === null) return 'none';
  return score >= 0.8 ? 'high' : score >= WEAK_SCORE ? 'mid' : 'low';
}

/** Two confidences a translator cannot tell apart: the same band, and the same number at the two decimals shown. */
export const sameShownScore = (a: number | null, b: number | null): boolean =>
  a === b || (a !== null && b !== null && scoreBand(a) === scoreBand(b) && Math.round(a * 100) === Math.round(b * 100));

/** A bead as the aligner returns it, with its confidence in [0, 1]. */
export interface ScoredBead extends Bead {
  score: number;
}

/** Ordered states with room between them, so "at least translated" is `state >= 20`. */
export const State = {
  untranslated: 0,
  machine: 10,
  translated: 20,
  rejected: 25,
  approved: 30,
} as const;
export type StateValue = (typeof State)[keyof typeof State];

/**
 * What wrote a pair's machine text: a machine translation engine or the imported file ('mt'), or the offline
 * word-by-word dictionary gloss ('gloss'), a rough draft that is labelled apart and never counted as machine translation.
 */
export type MtKind = 'mt' | 'gloss';

/** A pair's state as the interface names it: a machine-state draft of the gloss is a "gloss draft". */
export const ROW_STATES = ['untranslated', 'gloss', 'machine', 'translated', 'rejected', 'approved'] as const;
export type RowState = (typeof ROW_STATES)[number];

const STATE_NAMES: Record<number, RowState> = { 0: 'untranslated', 10: 'machine', 20: 'translated', 25: 'rejected', 30: 'approved' };

export function rowState(state: number | null, mtKind: MtKind = 'mt'): RowState {
  const name = STATE_NAMES[state ?? 0] ?? 'untranslated';
  return name === 'machine' && mtKind === 'gloss' ? 'gloss' : name;
}

export type Role = 'admin' | 'reviewer' | 'translator';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'translator'];
