// Alignment edits that fix the segmenter: split a sentence at a character, join two neighbouring sentences.

import { cellOf, patchBetween, resentence, settle, sideText, withSides, type AlignRow, type RowPatch, type Sentence, type Side } from './alignment-rows.ts';
import { ValidationError } from './errors.ts';
import { moveBetween, rowAt, type KeySource } from './move-sentences.ts';

function sentenceAt(row: AlignRow, side: Side, index: number): Sentence {
  const sentence = row[side][index];
  if (!sentence) {
    throw new ValidationError(`There is no sentence ${index + 1} on this side of the row.`, 'errors.alignSentenceRange', { sentence: index + 1 });
  }
  return sentence;
}

/** The row with new sentences on one side; unedited English follows them, a person's English stays. */
function resplit(row: AlignRow, side: Side, sentences: Sentence[]): AlignRow {
  const changed = side === 'src' ? withSides(row, sentences, cellOf(row)) : withSides(row, row.src, resentence(cellOf(row), sentences));
  return settle(changed, [row]);
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Splits a sentence before UTF-16 offset `offset` into two sentences of the same row. The spaces at the
 * cut are dropped, since joining puts them back; a cut that leaves an empty piece is refused.
 */
export function splitSentence(rows: readonly AlignRow[], index: number, side: Side, sentence: number, offset: number, ctx: KeySource): RowPatch {
  const row = rowAt(rows, index);
  const s = sentenceAt(row, side, sentence);
  const text = s.text;
  const head = text.slice(0, offset).trimEnd();
  const tail = text.slice(offset).trimStart();
  if (!Number.isInteger(offset) || offset <= 0 || offset >= text.length || !head || !tail) {
    throw new ValidationError(
      `A sentence can only be split between two of its characters with text on both sides; offset ${offset} is not such a place.`,
      'errors.alignOffsetRange', { offset, max: text.length - 1 },
    );
  }
  if (isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))) {
    throw new ValidationError(`Offset ${offset} falls inside a character; choose a place between two characters.`, 'errors.alignSurrogate', { offset });
  }
  const first: Sentence = { ...s, text: head, end: Math.min(s.end, s.start + head.length) };
  // A cut at a line break of a subtitle cue's sentence keeps the break, between the two sentences now.
  const second: Sentence = {
    key: ctx.newKey(), text: tail, paragraph: s.paragraph, start: Math.max(s.start, s.end - tail.length), end: s.end,
    ...(side === 'tgt' && text.slice(head.length, text.length - tail.length).includes('\n') ? { lineBefore: true } : {}),
  };
  const sentences = [...row[side].slice(0, sentence), first, second, ...row[side].slice(sentence + 1)];
  return { at: index, removed: [row], inserted: [resplit(row, side, sentences)] };
}

/** Joins two sentences that follow each other in the row, the way the side's script writes them. */
function joinWithin(row: AlignRow, side: Side, sentence: number): AlignRow {
  const a = row[side][sentence]!;
  const b = row[side][sentence + 1]!;
  const joined: Sentence = { ...a, text: sideText([a, b], side), end: b.end };
  return resplit(row, side, [...row[side].slice(0, sentence), joined, ...row[side].slice(sentence + 2)]);
}

/**
 * Joins a sentence with the next one of its side. When that one is in a later row (rows with that side
 * empty are skipped), it first moves into this row, with the same text rules as moving a sentence up.
 */
export function joinSentences(rows: readonly AlignRow[], index: number, side: Side, sentence: number): RowPatch {
  const row = rowAt(rows, index);
  sentenceAt(row, side, sentence);
  if (sentence + 1 < row[side].length) return { at: index, removed: [row], inserted: [joinWithin(row, side, sentence)] };
  let next = index + 1;
  while (next < rows.length && !rows[next]![side].length) next++;
  if (next === rows.length) {
    throw new ValidationError('There is no next sentence on this side to join with.', 'errors.alignNoNeighbour');
  }
  const [gained, ...rest] = moveBetween(rows, next, index, side);
  return patchBetween(rows, index, next + 1, [joinWithin(gained!, side, sentence), ...rest]);
}
