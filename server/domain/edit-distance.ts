// Post-editing effort: word edit distance and HTER between a machine draft and its final version.

import { tokenizeWords } from './tokenize-words.ts';
import type { Lang } from './types.ts';

/**
 * Levenshtein distance over word tokens (substitution, insertion and deletion each cost 1).
 * No TER block shifts: a moved phrase counts as its deletions plus insertions, so the result is
 * an upper bound of TER's edit count. Tokens compare exactly, case and punctuation included,
 * because a post-editor fixing "korea" to "Korea" did do an edit.
 */
export function wordEditDistance(mt: string, final: string, lang: Lang): number {
  return tokenDistance(tokenizeWords(mt, lang), tokenizeWords(final, lang));
}

/** Human-targeted TER: edits needed to turn the draft into the final text, per final token. */
export function hter(mt: string, final: string, lang: Lang): number {
  return wordEditDistance(mt, final, lang) / Math.max(1, tokenizeWords(final, lang).length);
}

/**
 * Levenshtein distance between token sequences (words, or code points for fuzzy matching):
 * O(n·m) time, two rows of memory, so 200-token sentences take well under a millisecond.
 */
export function tokenDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  let prev = new Uint32Array(b.length + 1);
  let row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      row[j] = Math.min(substitute, prev[j]! + 1, row[j - 1]! + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

export interface EditedPair {
  mt: string;
  final: string;
  /** Time the translator spent on the segment. */
  seconds: number;
}

export interface PostEditEffort {
  pairs: number;
  /** Pairs whose final text differs from the draft. */
  changed: number;
  /** changed / pairs, 0 for an empty document. */
  changedShare: number;
  totalEdits: number;
  /** Mean of the per-pair HTER, so each segment weighs the same whatever its length. */
  meanHter: number;
  totalSeconds: number;
}

/** One pair's share of the document's effort: word edits from the MT to the final text, and the final text's word count. */
export interface PairEdits {
  edits: number;
  finalWords: number;
  changed: boolean;
  seconds: number;
}

export function pairEdits(pair: EditedPair, lang: Lang = 'en'): PairEdits {
  const finalTokens = tokenizeWords(pair.final, lang);
  return {
    edits: tokenDistance(tokenizeWords(pair.mt, lang), finalTokens), finalWords: finalTokens.length,
    changed: pair.mt !== pair.final, seconds: pair.seconds,
  };
}

/** Document-level effort; the final text is English unless `lang` says otherwise. */
export function postEditEffort(pairs: readonly EditedPair[], lang: Lang = 'en'): PostEditEffort {
  const sum = new EffortSum();
  for (const p of pairs) {
    const e = pairEdits(p, lang);
    sum.add(e.edits, e.finalWords, e.changed, e.seconds);
  }
  return sum.result();
}

/** Document-level effort summed one pair at a time, so a caller may keep the per-pair figures between calls (in columns). */
export class EffortSum {
  private n = 0;
  private changed = 0;
  private totalEdits = 0;
  private hterSum = 0;
  private totalSeconds = 0;

  add(edits: number, finalWords: number, changed: boolean, seconds: number): void {
    this.n++;
    if (changed) this.changed++;
    this.totalEdits += edits;
    this.hterSum += edits / Math.max(1, finalWords);
    this.totalSeconds += seconds;
  }

  result(): PostEditEffort {
    const n = this.n;
    return {
      pairs: n,
      changed: this.changed,
      changedShare: n ? this.changed / n : 0,
      totalEdits: this.totalEdits,
      meanHter: n ? this.hterSum / n : 0,
      totalSeconds: this.totalSeconds,
    };
  }
}
