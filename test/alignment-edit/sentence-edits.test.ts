// Fixing the segmenter: splitting a sentence at a character, joining neighbours, and realigning what follows.

import { describe, expect, it } from 'vitest';
import { applyOperation, type AlignOp } from '../../server/domain/align-ops.ts';
import { applyPatch, invertPatch, type AlignRow } from '../../server/domain/alignment-rows.ts';
import { context, demoRows, en, lengthAligner, refusalKey, rows, srcTexts, tgtTexts, zh } from './rows-fixture.ts';

const ctx = () => context({ align: lengthAligner });

function run(before: AlignRow[], op: AlignOp) {
  const patch = applyOperation(before, op, ctx());
  const after = applyPatch(before, patch);
  expect(applyPatch(after, invertPatch(patch))).toEqual(before);
  return { patch, after };
}

const refusedWith = (before: AlignRow[], op: AlignOp) => refusalKey(() => applyOperation(before, op, ctx()));

describe('split a sentence', () => {
  it('when an English sentence is split after "exchanges." then the row has two sentences and the same English', () => {
    const joined = `${en[2]} ${en[3]}`;
    const before = rows([[zh[2]!], [joined]]);
    const { after } = run(before, { kind: 'splitSentence', side: 'tgt', row: 0, sentence: 0, offset: en[2]!.length + 1 });
    expect(tgtTexts(after)).toEqual([[en[2], en[3]]]);
    expect(after[0]!.tgt[1]!.key).toBe('n0');
    expect(after[0]!.tgtText).toBe(joined);
  });

  it('when a Chinese sentence is split between characters then joining the pieces gives it back', () => {
    const before = rows([[zh[0]! + zh[1]!], ['A.']]);
    const { after } = run(before, { kind: 'splitSentence', side: 'src', row: 0, sentence: 0, offset: zh[0]!.length });
    expect(srcTexts(after)).toEqual([[zh[0], zh[1]]]);
    const back = run(after, { kind: 'joinSentences', side: 'src', row: 0, sentence: 0 }).after;
    expect(srcTexts(back)).toEqual([[zh[0]! + zh[1]!]]);
  });

  it('when the offset is next to a non-BMP character then it splits, and inside its surrogate pair it is refused', () => {
    const before = rows([['𠀀字。'], ['A.']]);
    expect(srcTexts(run(before, { kind: 'splitSentence', side: 'src', row: 0, sentence: 0, offset: 2 }).after)).toEqual([['𠀀', '字。']]);
    expect(refusedWith(before, { kind: 'splitSentence', side: 'src', row: 0, sentence: 0, offset: 1 })).toBe('errors.alignSurrogate');
  });

  it('when the offset is at an end, beyond the text or leaves only spaces then it is refused', () => {
    const before = rows([['甲乙。'], ['One two.']]);
    for (const offset of [0, 3, 9, -1]) {
      expect(refusedWith(before, { kind: 'splitSentence', side: 'src', row: 0, sentence: 0, offset })).toBe('errors.alignOffsetRange');
    }
    expect(refusedWith(rows([[], ['A  ']]), { kind: 'splitSentence', side: 'tgt', row: 0, sentence: 0, offset: 1 })).toBe('errors.alignOffsetRange');
    expect(refusedWith(before, { kind: 'splitSentence', side: 'tgt', row: 0, sentence: 1, offset: 1 })).toBe('errors.alignSentenceRange');
  });
});

describe('join sentences', () => {
  it('when two English sentences of one row are joined then they become one, written with a space', () => {
    const before = rows([[zh[2]!], [en[2]!, en[3]!]]);
    const { after } = run(before, { kind: 'joinSentences', side: 'tgt', row: 0, sentence: 0 });
    expect(tgtTexts(after)).toEqual([[`${en[2]} ${en[3]}`]]);
    expect(after[0]!.tgtText).toBe(`${en[2]} ${en[3]}`);
  });

  it('when the next sentence is in a later row then it moves up, skipping rows whose side is empty, and an emptied row disappears', () => {
    const before = rows([['甲。'], ['A']], [['乙。'], []], [[], ['B.']]);
    const { patch, after } = run(before, { kind: 'joinSentences', side: 'tgt', row: 0, sentence: 0 });
    expect(tgtTexts(after)).toEqual([['A B.'], []]);
    expect(patch).toMatchObject({ at: 0 });
    expect(patch.removed.map((r) => r.key)).toEqual(['p0', 'p1', 'p2']);
    expect(patch.inserted.map((r) => r.key)).toEqual(['p0', 'p1']);
  });

  it('when there is no next sentence on that side then it is refused', () => {
    expect(refusedWith(rows([['甲。'], ['A.']], [['乙。'], []]), { kind: 'joinSentences', side: 'tgt', row: 0, sentence: 0 })).toBe('errors.alignNoNeighbour');
    expect(refusedWith(rows([['甲。'], ['A.']]), { kind: 'joinSentences', side: 'src', row: 0, sentence: 0 })).toBe('errors.alignNoNeighbour');
  });
});

describe('the demo article', () => {
  it('when the cut English sentence is joined and the rest realigned then every Chinese sentence meets its English', () => {
    let doc = demoRows();
    doc = run(doc, { kind: 'confirmAbove', row: 2, by: 'li' }).after;
    doc = run(doc, { kind: 'joinSentences', side: 'tgt', row: 2, sentence: 0 }).after;
    expect(tgtTexts(doc)[2]).toEqual([`${en[2]} ${en[3]}`]);
    expect(tgtTexts(doc)[3]).toEqual([]);
    const { patch, after } = run(doc, { kind: 'realign' });
    expect(after.map((r) => [r.src.map((s) => s.text), r.tgtText])).toEqual([
      [[zh[0]], en[0]], [[zh[1]], en[1]], [[zh[2]], `${en[2]} ${en[3]}`], [[zh[3]], en[4]],
    ]);
    expect(after[3]).toMatchObject({ key: 'p3', state: 10, confirmedBy: null });
    expect(patch.at).toBe(2);
  });

  it('when confirmed rows sit between unconfirmed runs then they stay fixed and each run is aligned on its own', () => {
    const doc = rows([[zh[0]!], []], [[], [en[0]!]], [[zh[1]!], [en[1]!]], [[zh[3]!], []], [[], [en[4]!]]);
    doc[2] = { ...doc[2]!, confirmedBy: 'li' };
    const asked: string[][] = [];
    const spy = (src: string[], tgt: string[]) => { asked.push([...src, ...tgt]); return lengthAligner(src, tgt); };
    const patch = applyOperation(doc, { kind: 'realign' }, context({ align: spy }));
    const after = applyPatch(doc, patch);
    expect(asked).toEqual([[zh[0], en[0]], [zh[3], en[4]]]);
    expect(after.map((r) => [r.key, r.tgtText])).toEqual([['p0', en[0]], ['p2', en[1]], ['p3', en[4]]]);
  });

  it('when every row is confirmed then realigning changes nothing', () => {
    const doc = demoRows().map((r) => ({ ...r, confirmedBy: 'li' }));
    expect(applyOperation(doc, { kind: 'realign' }, ctx())).toEqual({ at: 5, removed: [], inserted: [] });
  });
});
