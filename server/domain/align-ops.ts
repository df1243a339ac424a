// The alignment edits a translator makes, one action each: checked from untrusted JSON, applied as a row patch.

import type { AlignRow, RowPatch, Side } from './alignment-rows.ts';
import type { Aligner } from './assemble-pairs.ts';
import { ValidationError, shown } from './errors.ts';
import { joinSentences, splitSentence } from './edit-sentences.ts';
import { merge, moveSentence, nextRow, noSuchRow, previousRow, shift, split } from './move-sentences.ts';
import { confirm, confirmAbove, realign } from './realign-rows.ts';
import { longerThan } from './text-length.ts';

/** Rows and sentences are 0-based indices into the rows the operation is applied to. */
export type AlignOp =
  | { kind: 'moveUp' | 'moveDown'; side: Side; row: number }
  | { kind: 'shiftDown' | 'shiftUp'; side: Side | 'both'; row: number }
  | { kind: 'merge'; row: number }
  | { kind: 'split'; row: number; srcAt: number; tgtAt: number }
  | { kind: 'splitSentence'; side: Side; row: number; sentence: number; offset: number }
  | { kind: 'joinSentences'; side: Side; row: number; sentence: number }
  | { kind: 'confirm'; row: number; by: string }
  | { kind: 'confirmAbove'; row: number; by: string }
  | { kind: 'realign'; by?: string };

export interface AlignContext {
  /** Keys for new rows and sentences; the caller chooses them, so operations stay pure. */
  newKey: () => string;
  /** Needed by 'realign' only. */
  align?: Aligner;
  /** Who acts; recorded by the caller, not on rows the aligner made. */
  by?: string;
  /** A row's number as the translator reads it (the document page's, noise rows counted), for refusals; else `row + 1`. */
  number?: (row: number) => number;
}

/** Applies one operation; the patch replaces only the rows it touched. */
export function applyOperation(rows: readonly AlignRow[], op: AlignOp, ctx: AlignContext): RowPatch {
  const number = ctx.number ?? ((row: number) => row + 1);
  // Confirming every row above the end of the document is confirming them all.
  if ('row' in op && op.row >= rows.length && !(op.kind === 'confirmAbove' && op.row === rows.length)) throw noSuchRow(number(op.row));
  // Refused here so that the refusal names the row as the page does.
  if (op.kind === 'moveUp' || op.kind === 'shiftUp') previousRow(rows, op.row, number);
  if (op.kind === 'moveDown' || op.kind === 'merge') nextRow(rows, op.row, number);
  switch (op.kind) {
    case 'moveUp': return moveSentence(rows, op.row, op.side, 'up');
    case 'moveDown': return moveSentence(rows, op.row, op.side, 'down');
    case 'shiftUp': return shift(rows, op.row, op.side, 'up', ctx);
    case 'shiftDown': return shift(rows, op.row, op.side, 'down', ctx);
    case 'merge': return merge(rows, op.row);
    case 'split': return split(rows, op.row, op.srcAt, op.tgtAt, ctx);
    case 'splitSentence': return splitSentence(rows, op.row, op.side, op.sentence, op.offset, ctx);
    case 'joinSentences': return joinSentences(rows, op.row, op.side, op.sentence);
    case 'confirm': return confirm(rows, op.row, op.by);
    case 'confirmAbove': return confirmAbove(rows, op.row, op.by, number);
    case 'realign':
      if (!ctx.align) throw new Error('Realigning needs an aligner in the context.');
      return realign(rows, ctx.align, ctx);
  }
}

const FIELDS = {
  moveUp: ['side', 'row'], moveDown: ['side', 'row'],
  shiftUp: ['side', 'row'], shiftDown: ['side', 'row'],
  merge: ['row'], split: ['row', 'srcAt', 'tgtAt'],
  splitSentence: ['side', 'row', 'sentence', 'offset'], joinSentences: ['side', 'row', 'sentence'],
  confirm: ['row', 'by'], confirmAbove: ['row', 'by'], realign: [],
} as const satisfies Record<AlignOp['kind'], readonly string[]>;

const MAX_NAME = 200;

function bad(field: string, expected: string): never {
  throw new ValidationError(`The alignment operation needs "${field}" to be ${expected}.`, 'errors.alignOpField', { field, expected });
}

function checkField(kind: AlignOp['kind'], field: string, value: unknown): unknown {
  if (field === 'side') {
    const sides = kind === 'shiftUp' || kind === 'shiftDown' ? ['src', 'tgt', 'both'] : ['src', 'tgt'];
    return sides.includes(value as string) ? value : bad(field, sides.map((s) => `"${s}"`).join(' or '));
  }
  if (field === 'by') {
    return typeof value === 'string' && value.trim() && !longerThan(value, MAX_NAME) ? value : bad(field, `a name of 1 to ${MAX_NAME} characters`);
  }
  return Number.isSafeInteger(value) && (value as number) >= 0 ? value : bad(field, 'a whole number, 0 or more');
}

/** Checks untrusted JSON and returns the operation it describes, with only the fields that kind has. */
export function parseAlignOp(json: unknown): AlignOp {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError('An alignment operation must be a JSON object.', 'errors.alignOpShape');
  }
  const input = json as Record<string, unknown>;
  const kind = input.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind)) {
    throw new ValidationError(`There is no alignment operation called "${shown(kind)}".`, 'errors.alignOpKind', { kind: shown(kind) });
  }
  const k = kind as AlignOp['kind'];
  const op: Record<string, unknown> = { kind: k };
  for (const field of FIELDS[k]) op[field] = checkField(k, field, input[field]);
  if (k === 'realign' && input.by !== undefined) op.by = checkField(k, 'by', input.by);
  return op as AlignOp;
}
