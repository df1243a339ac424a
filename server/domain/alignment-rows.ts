// The rows a translator edits the alignment in, the patches operations return, and the text rules they share.

import { englishText, joinSentences } from './assemble-pairs.ts';
import { State, type MtKind } from './types.ts';

export type Side = 'src' | 'tgt';

/** One sentence of one side; `key` is 's<id>' for a stored segment or a fresh key for a new one. */
export interface Sentence {
  key: string;
  text: string;
  paragraph: number;
  start: number;
  end: number;
  /** A headline entry of a page: paired by its place in the headline list, never by the aligner. */
  kind?: 'headline';
  /**
   * English only: a line break, not a space, stands before it in its row's English (a subtitle cue's next line). Stored
   * with the sentence (segments.line_before) and carried with it wherever an operation moves it, so that it still
   * joins the sentence before it on a new line after it started a row of its own.
   */
  lineBefore?: boolean;
}

export interface AlignRow {
  /** 'p<id>' for a stored pair, a fresh key for a new row. */
  key: string;
  src: Sentence[];
  tgt: Sentence[];
  /** The current English; differs from the joined tgt sentences once a person post-edited it. */
  tgtText: string;
  /** The machine translation as imported. */
  mtText: string;
  /** What wrote mtText: machine translation, or the offline gloss. */
  mtKind: MtKind;
  state: number;
  score: number | null;
  /** Who confirmed the row's alignment; null = automatic. */
  confirmedBy: string | null;
  /** Why a person should look at the row, e.g. 'split-postedit' or 'approval-reset'. */
  needsReview: string | null;
  /**
   * Its Chinese changed after its English was made (a Chinese-side replace): QA says so until someone saves, confirms
   * or approves the English. Patches logged before it existed lack it, which reads as false.
   */
  srcChanged: boolean;
}

/**
 * Where the page-noise rows of a patch's region stand among its rows: before how many rows each noise row comes, and
 * on each side, before how many sentences each noise text comes (see server/domain/region-layout.ts).
 */
export interface NoisePlaces {
  pairs: number[];
  src: number[];
  tgt: number[];
}

/** Replace `removed.length` rows from index `at` by `inserted`. */
export interface RowPatch {
  at: number;
  removed: AlignRow[];
  inserted: AlignRow[];
  /** As written, the places of the noise among the removed and the inserted rows, for undo and redo to put it back exactly. */
  noise?: { removed: NoisePlaces; inserted: NoisePlaces };
}

/** The English side of a row: its sentences and the texts that travel with them. */
export interface TgtCell {
  tgt: Sentence[];
  tgtText: string;
  mtText: string;
  mtKind: MtKind;
}

export const REVIEW_SPLIT = 'split-postedit';
export const REVIEW_APPROVAL = 'approval-reset';

export const sideText = (sentences: Sentence[], side: Side): string => (side === 'src' ? joinSentences(sentences.map((s) => s.text), 'zh') : englishText(sentences));
const joinedTgt = (tgt: Sentence[]) => sideText(tgt, 'tgt');

/** The row's English was changed by a person. */
export const edited = (row: TgtCell): boolean => row.tgtText !== joinedTgt(row.tgt);

/** Joins two texts with a space (a line break when `b` starts a line), without stray spaces when one is empty. */
export const joinTexts = (a: string, b: string, lineBefore = false): string => (a && b ? `${a}${lineBefore ? '\n' : ' '}${b}` : a || b);

export const cellOf = (row: AlignRow): TgtCell => ({ tgt: row.tgt, tgtText: row.tgtText, mtText: row.mtText, mtKind: row.mtKind });
export const EMPTY_CELL: TgtCell = { tgt: [], tgtText: '', mtText: '', mtKind: 'mt' };

/** Machine text joined with any gloss is a gloss: a rough draft is never passed off as machine translation. */
export const joinKinds = (parts: { mtText: string; mtKind: MtKind }[]): MtKind =>
  (parts.some((p) => p.mtText && p.mtKind === 'gloss') ? 'gloss' : 'mt');

export const joinCells = (a: TgtCell, b: TgtCell): TgtCell => ({
  tgt: [...a.tgt, ...b.tgt], tgtText: joinTexts(a.tgtText, b.tgtText, b.tgt[0]?.lineBefore), mtText: joinTexts(a.mtText, b.mtText, b.tgt[0]?.lineBefore),
  mtKind: joinKinds([a, b]),
});

/**
 * Divides a cell before sentence `at`. Unedited texts follow their sentences; a person's text is never
 * cut: it stays whole on the `keep` part if that part has sentences, else on the other one, and the
 * part without it gets its sentences' English. `split` says the person's text now spans two rows.
 */
export function divideCell(cell: TgtCell, at: number, keep: 'first' | 'second'): { first: TgtCell; second: TgtCell; split: boolean } {
  const parts = [cell.tgt.slice(0, at), cell.tgt.slice(at)] as const;
  const both = parts[0].length > 0 && parts[1].length > 0;
  const holder = both ? (keep === 'first' ? 0 : 1) : parts[0].length > 0 || (!parts[1].length && keep === 'first') ? 0 : 1;
  const divide = (text: string): [string, string] => {
    if (text === joinedTgt(cell.tgt)) return [joinedTgt(parts[0]), joinedTgt(parts[1])];
    return holder === 0 ? [text, joinedTgt(parts[1])] : [joinedTgt(parts[0]), text];
  };
  const [t0, t1] = divide(cell.tgtText);
  const [m0, m1] = divide(cell.mtText);
  return {
    first: { tgt: parts[0], tgtText: t0, mtText: m0, mtKind: cell.mtKind },
    second: { tgt: parts[1], tgtText: t1, mtText: m1, mtKind: cell.mtKind },
    split: both && edited(cell),
  };
}

/** The cell with new sentences: unedited texts are recomputed from them, a person's text is kept. */
export function resentence(cell: TgtCell, tgt: Sentence[]): TgtCell {
  const follow = (text: string) => (text === joinedTgt(cell.tgt) ? joinedTgt(tgt) : text);
  return { tgt, tgtText: follow(cell.tgtText), mtText: follow(cell.mtText), mtKind: cell.mtKind };
}

export const isEmptyRow = (row: AlignRow): boolean => !row.src.length && !row.tgt.length && !row.tgtText && !row.mtText;

export const emptyRow = (key: string): AlignRow => ({
  key, src: [], tgt: [], tgtText: '', mtText: '', mtKind: 'mt', state: State.untranslated, score: null, confirmedBy: null, needsReview: null, srcChanged: false,
});

/**
 * A row's English that no person wrote: the machine text as it is (a drafted row has no English sentences, so
 * it reads as edited) is still a draft; English differing from it, or with none behind it, is a person's.
 */
export const draftState = (row: TgtCell): number =>
  (row.mtText.trim() && (row.tgtText === row.mtText || !edited(row)) ? State.machine : State.translated);

/**
 * Whether a row made from `from` keeps the mark that its English was made for other Chinese: when any of them had
 * it, as long as the row has English for the mark to be about (as a Chinese-side replace marks only such rows).
 */
export const carriesSourceChange = (state: number, from: readonly Pick<AlignRow, 'srcChanged'>[]): boolean =>
  state !== State.untranslated && from.some((r) => r.srcChanged);

/**
 * Finishes a row an operation changed, from the rows its content came from: approvals are reset (the
 * reviewer approved other text), the state follows the new text (English with no machine text behind it
 * is a person's: translated), the mark of changed Chinese goes with the English, and the aligner's score and
 * a person's confirmation no longer describe it.
 */
export function settle(row: AlignRow, from: AlignRow[], review: string | null = null): AlignRow {
  const approved = from.some((r) => r.state === State.approved);
  const same = from.length === 1 && from[0]!.tgtText === row.tgtText;
  const state = !row.tgtText.trim()
    ? State.untranslated
    : approved ? State.translated
    : same ? from[0]!.state
    : draftState(row);
  const needsReview = review ?? (approved ? REVIEW_APPROVAL : from.find((r) => r.needsReview)?.needsReview ?? null);
  return { ...row, state, score: null, confirmedBy: null, needsReview, srcChanged: carriesSourceChange(state, from) };
}

/** The row with a new src side and English cell, keeping field order so rows compare as JSON. */
export const withSides = (row: AlignRow, src: Sentence[], cell: TgtCell): AlignRow => ({
  ...row, src, tgt: cell.tgt, tgtText: cell.tgtText, mtText: cell.mtText, mtKind: cell.mtKind,
});

export const sameRow = (a: AlignRow, b: AlignRow): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A patch replacing rows [from, to) by `inserted`, without the unchanged rows at either end. */
export function patchBetween(rows: readonly AlignRow[], from: number, to: number, inserted: AlignRow[]): RowPatch {
  let at = from;
  let end = to;
  let lo = 0;
  let hi = inserted.length;
  while (at < end && lo < hi && sameRow(rows[at]!, inserted[lo]!)) { at++; lo++; }
  while (at < end && lo < hi && sameRow(rows[end - 1]!, inserted[hi - 1]!)) { end--; hi--; }
  return { at, removed: rows.slice(at, end), inserted: inserted.slice(lo, hi) };
}

export function applyPatch(rows: readonly AlignRow[], patch: RowPatch): AlignRow[] {
  return [...rows.slice(0, patch.at), ...patch.inserted, ...rows.slice(patch.at + patch.removed.length)];
}

/** The patch that undoes `patch`; applying it again redoes. */
export const invertPatch = (patch: RowPatch): RowPatch => ({
  at: patch.at, removed: patch.inserted, inserted: patch.removed,
  ...(patch.noise ? { noise: { removed: patch.noise.inserted, inserted: patch.noise.removed } } : {}),
});
