// Alignment edits that move whole sentences between rows: move one, shift a side, merge and split rows.

import {
  EMPTY_CELL, REVIEW_SPLIT, cellOf, divideCell, emptyRow, isEmptyRow, joinCells, patchBetween, sameRow, settle, withSides,
  type AlignRow, type RowPatch, type Side, type TgtCell,
} from './alignment-rows.ts';
import { ValidationError } from './errors.ts';

export interface KeySource {
  newKey: () => string;
}

/** The refusal of a row that is not there, named `n` as the translator reads it. */
export const noSuchRow = (n: number) => new ValidationError(`There is no row ${n}.`, 'errors.alignRowRange', { row: n });

/** The row at `index`, or a ValidationError naming it (applyOperation has named it as the document page does already). */
export function rowAt(rows: readonly AlignRow[], index: number): AlignRow {
  const row = rows[index];
  if (!row) throw noSuchRow(index + 1);
  return row;
}

/** Numbers a row as the translator reads it; applyOperation passes the document page's numbers. */
export type RowNumber = (row: number) => number;
const ordinal: RowNumber = (row) => row + 1;

// Named by number: on a page that starts or ends with noise rows, the first row of the alignment is not row 1.
export function previousRow(rows: readonly AlignRow[], index: number, number = ordinal): AlignRow {
  if (index === 0) {
    throw new ValidationError(`Row ${number(0)} is the first row of the alignment: there is no row above it.`, 'errors.alignFirstRow', { row: number(0) });
  }
  return rows[index - 1]!;
}

export function nextRow(rows: readonly AlignRow[], index: number, number = ordinal): AlignRow {
  if (index === rows.length - 1) {
    throw new ValidationError(`Row ${number(index)} is the last row of the alignment: there is no row below it.`, 'errors.alignLastRow', { row: number(index) });
  }
  return rows[index + 1]!;
}

/** One side of a row as it travels between rows: Chinese sentences, or the English cell with its texts. */
type Part = AlignRow['src'] | TgtCell;

const partOf = (row: AlignRow, side: Side): Part => (side === 'src' ? row.src : cellOf(row));
const emptyPart = (side: Side): Part => (side === 'src' ? [] : EMPTY_CELL);
const joinParts = (side: Side, a: Part, b: Part): Part =>
  side === 'src' ? [...(a as AlignRow['src']), ...(b as AlignRow['src'])] : joinCells(a as TgtCell, b as TgtCell);
const withPart = (row: AlignRow, side: Side, part: Part): AlignRow =>
  side === 'src' ? withSides(row, part as AlignRow['src'], cellOf(row)) : withSides(row, row.src, part as TgtCell);
const partIsEmpty = (side: Side, part: Part) =>
  side === 'src' ? (part as AlignRow['src']).length === 0 : !(part as TgtCell).tgt.length && !(part as TgtCell).tgtText && !(part as TgtCell).mtText;

/** Divides a side before sentence `at`; see divideCell for where a person's English goes. */
function dividePart(row: AlignRow, side: Side, at: number, keep: 'first' | 'second'): { first: Part; second: Part; split: boolean } {
  if (side === 'src') return { first: row.src.slice(0, at), second: row.src.slice(at), split: false };
  return divideCell(cellOf(row), at, keep);
}

/** Moves the first sentence of a side up into the previous row, or the last one down into the next. */
export function moveSentence(rows: readonly AlignRow[], index: number, side: Side, dir: 'up' | 'down'): RowPatch {
  const row = rowAt(rows, index);
  if (dir === 'up') previousRow(rows, index);
  else nextRow(rows, index);
  if (!row[side].length) throw new ValidationError('This side of the row has no sentence to move.', 'errors.alignEmptySide');
  const to = dir === 'up' ? index - 1 : index + 1;
  return patchBetween(rows, Math.min(index, to), Math.max(index, to) + 1, moveBetween(rows, index, to, side));
}

/**
 * Moves the first sentence of `side` in row `from` to the end of row `to` above it, or the last one to
 * the start of row `to` below it, and returns rows min(from, to)..max(from, to) as they become; the
 * rows between are unchanged and row `from` disappears if nothing is left in it.
 */
export function moveBetween(rows: readonly AlignRow[], from: number, to: number, side: Side): AlignRow[] {
  const row = rows[from]!;
  const other = rows[to]!;
  const up = to < from;
  const { first, second, split } = up ? dividePart(row, side, 1, 'second') : dividePart(row, side, row[side].length - 1, 'first');
  const review = split ? REVIEW_SPLIT : null;
  const left = settle(withPart(row, side, up ? second : first), [row], review);
  const joined = up ? joinParts(side, partOf(other, side), first) : joinParts(side, second, partOf(other, side));
  const gained = settle(withPart(other, side, joined), [other], review);
  const kept = isEmptyRow(left) ? [] : [left];
  const between = rows.slice(Math.min(from, to) + 1, Math.max(from, to));
  return up ? [gained, ...between, ...kept] : [...kept, ...between, gained];
}

/** Inserts an empty row before `index`: the row and everything after it move down. */
function insertEmptyRow(rows: readonly AlignRow[], index: number, ctx: KeySource): RowPatch {
  rowAt(rows, index);
  return { at: index, removed: [], inserted: [emptyRow(ctx.newKey())] };
}

/** Every cell of `side` from `index` on moves down one row; one falling off the end gets a new row. */
function shiftSideDown(rows: readonly AlignRow[], index: number, side: Side, ctx: KeySource): RowPatch {
  rowAt(rows, index);
  const out: AlignRow[] = [];
  let carried = emptyPart(side);
  for (let i = index; i < rows.length; i++) {
    const row = rows[i]!;
    const moved = withPart(row, side, carried);
    out.push(sameRow(moved, row) ? row : settle(moved, [row]));
    carried = partOf(row, side);
  }
  if (!partIsEmpty(side, carried)) out.push(settle(withPart(emptyRow(ctx.newKey()), side, carried), []));
  return patchBetween(rows, index, rows.length, out);
}

/** The cell of `side` at `index` merges into the previous row; every later cell moves up one row. */
function shiftSideUp(rows: readonly AlignRow[], index: number, side: Side): RowPatch {
  const row = rowAt(rows, index);
  const prev = previousRow(rows, index);
  const out = [settle(withPart(prev, side, joinParts(side, partOf(prev, side), partOf(row, side))), [prev])];
  for (let i = index; i < rows.length; i++) {
    const cur = rows[i]!;
    const moved = withPart(cur, side, rows[i + 1] ? partOf(rows[i + 1]!, side) : emptyPart(side));
    if (sameRow(moved, cur)) out.push(cur);
    else if (!isEmptyRow(moved)) out.push(settle(moved, [cur]));
  }
  return patchBetween(rows, index - 1, rows.length, out);
}

export function shift(rows: readonly AlignRow[], index: number, side: Side | 'both', dir: 'up' | 'down', ctx: KeySource): RowPatch {
  if (side === 'both' && dir === 'up') {
    rowAt(rows, index);
    previousRow(rows, index);
    return mergeRows(rows, index - 1);
  }
  if (side === 'both') return insertEmptyRow(rows, index, ctx);
  return dir === 'up' ? shiftSideUp(rows, index, side) : shiftSideDown(rows, index, side, ctx);
}

/** Merges row `index` with the next one; their English texts join, so nothing typed is lost. */
export function merge(rows: readonly AlignRow[], index: number): RowPatch {
  rowAt(rows, index);
  nextRow(rows, index);
  return mergeRows(rows, index);
}

function mergeRows(rows: readonly AlignRow[], first: number): RowPatch {
  const a = rows[first]!;
  const b = rows[first + 1]!;
  const merged = withSides(a, [...a.src, ...b.src], joinCells(cellOf(a), cellOf(b)));
  return { at: first, removed: [a, b], inserted: [settle(merged, [a, b])] };
}

/** Splits a row: src sentences [0, srcAt) and tgt [0, tgtAt) stay, the rest go to a new row below. */
export function split(rows: readonly AlignRow[], index: number, srcAt: number, tgtAt: number, ctx: KeySource): RowPatch {
  const row = rowAt(rows, index);
  const inRange = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (!inRange(srcAt, row.src.length) || !inRange(tgtAt, row.tgt.length)) {
    throw new ValidationError(
      `A row can only be split between its sentences: Chinese 0 to ${row.src.length}, English 0 to ${row.tgt.length}.`,
      'errors.alignSplitRange', { srcMax: row.src.length, tgtMax: row.tgt.length },
    );
  }
  const { first, second, split: cut } = divideCell(cellOf(row), tgtAt, 'first');
  const review = cut ? REVIEW_SPLIT : null;
  const top = settle(withSides(row, row.src.slice(0, srcAt), first), [row], review);
  const bottom = settle(withSides(emptyRow(ctx.newKey()), row.src.slice(srcAt), second), [row], review);
  return { at: index, removed: [row], inserted: [top, bottom] };
}
