// Each alignment operation as a pure function on a row list: the rows it makes, its minimal patch, its refusals.

import { describe, expect, it } from 'vitest';
import { applyOperation, type AlignOp } from '../../server/domain/align-ops.ts';
import { applyPatch, invertPatch, type AlignRow } from '../../server/domain/alignment-rows.ts';
import { context, refusalKey, rows, srcTexts, tgtTexts } from './rows-fixture.ts';
import { onlyRescored } from '../../server/domain/realign-rows.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';

const doc = () => rows([['甲一。', '甲二。'], ['A1.', 'A2.']], [['乙。'], ['B.']], [['丙一。', '丙二。'], ['C1.', 'C2.']]);

function run(before: AlignRow[], op: AlignOp) {
  const patch = applyOperation(before, op, context());
  const after = applyPatch(before, patch);
  expect(applyPatch(after, invertPatch(patch))).toEqual(before);
  return { patch, after };
}

const refused = (before: AlignRow[], op: AlignOp, key: string) => expect(refusalKey(() => applyOperation(before, op, context()))).toBe(key);

describe('move a sentence', () => {
  it('when the first Chinese sentence moves up then it ends the previous row and only the two rows are patched', () => {
    const { patch, after } = run(doc(), { kind: 'moveUp', side: 'src', row: 2 });
    expect(srcTexts(after)).toEqual([['甲一。', '甲二。'], ['乙。', '丙一。'], ['丙二。']]);
    expect(patch.at).toBe(1);
    expect(patch.removed.map((r) => r.key)).toEqual(['p1', 'p2']);
  });

  it('when the last English sentence moves down then it starts the next row and both texts follow', () => {
    const { after } = run(doc(), { kind: 'moveDown', side: 'tgt', row: 0 });
    expect(tgtTexts(after)).toEqual([['A1.'], ['A2.', 'B.'], ['C1.', 'C2.']]);
    expect(after.map((r) => r.tgtText)).toEqual(['A1.', 'A2. B.', 'C1. C2.']);
    expect(after.map((r) => r.mtText)).toEqual(['A1.', 'A2. B.', 'C1. C2.']);
  });

  it('when a row\'s only sentences move away then the empty row disappears', () => {
    const before = rows([['甲。'], ['A.']], [[], ['B.']]);
    const { after } = run(before, { kind: 'moveUp', side: 'tgt', row: 1 });
    expect(after).toHaveLength(1);
    expect(after[0]!.tgtText).toBe('A. B.');
  });

  it('when the first row moves up or the last row moves down then it is refused', () => {
    refused(doc(), { kind: 'moveUp', side: 'src', row: 0 }, 'errors.alignFirstRow');
    refused(doc(), { kind: 'moveDown', side: 'tgt', row: 2 }, 'errors.alignLastRow');
  });

  it('when the side is empty or the row does not exist then it is refused', () => {
    refused(rows([['甲。'], ['A.']], [['乙。'], []]), { kind: 'moveUp', side: 'tgt', row: 1 }, 'errors.alignEmptySide');
    refused(doc(), { kind: 'moveUp', side: 'src', row: 7 }, 'errors.alignRowRange');
  });

  it('when the document has a single row then nothing can move', () => {
    const one = rows([['甲。'], ['A.']]);
    refused(one, { kind: 'moveUp', side: 'src', row: 0 }, 'errors.alignFirstRow');
    refused(one, { kind: 'moveDown', side: 'src', row: 0 }, 'errors.alignLastRow');
  });
});

describe('shift a side', () => {
  it('when English shifts down then the row\'s English is empty and every later English cell moves down, the last into a new row', () => {
    const { patch, after } = run(doc(), { kind: 'shiftDown', side: 'tgt', row: 1 });
    expect(srcTexts(after)).toEqual([['甲一。', '甲二。'], ['乙。'], ['丙一。', '丙二。'], []]);
    expect(tgtTexts(after)).toEqual([['A1.', 'A2.'], [], ['B.'], ['C1.', 'C2.']]);
    expect(after[3]!.key).toBe('n0');
    expect(after[1]!.state).toBe(0);
    expect(patch.at).toBe(1);
  });

  it('when the last row\'s empty side shifts down then no row is appended', () => {
    const before = rows([['甲。'], ['A.']], [['乙。'], []]);
    refused(before, { kind: 'shiftDown', side: 'tgt', row: 5 }, 'errors.alignRowRange');
    const { after } = run(before, { kind: 'shiftDown', side: 'tgt', row: 1 });
    expect(after).toEqual(before);
  });

  it('when Chinese shifts up then it merges into the previous row, later cells move up and a row left empty disappears', () => {
    const before = rows([['甲。'], ['A.']], [['乙。'], ['B.']], [['丙。'], []]);
    const { after } = run(before, { kind: 'shiftUp', side: 'src', row: 1 });
    expect(srcTexts(after)).toEqual([['甲。', '乙。'], ['丙。']]);
    expect(tgtTexts(after)).toEqual([['A.'], ['B.']]);
  });

  it('when both sides shift down then an empty row is inserted before the row', () => {
    const { patch, after } = run(doc(), { kind: 'shiftDown', side: 'both', row: 0 });
    expect(patch).toMatchObject({ at: 0, removed: [] });
    expect(after[0]).toMatchObject({ key: 'n0', src: [], tgt: [], tgtText: '' });
    expect(after.slice(1)).toEqual(doc());
  });

  it('when both sides shift up then the row merges into the previous one; the first row cannot', () => {
    const { after } = run(doc(), { kind: 'shiftUp', side: 'both', row: 2 });
    expect(srcTexts(after)).toEqual([['甲一。', '甲二。'], ['乙。', '丙一。', '丙二。']]);
    refused(doc(), { kind: 'shiftUp', side: 'tgt', row: 0 }, 'errors.alignFirstRow');
    refused(doc(), { kind: 'shiftUp', side: 'both', row: 0 }, 'errors.alignFirstRow');
  });
});

describe('merge and split rows', () => {
  it('when two rows merge then their sentences, English and machine texts join and the first key stays', () => {
    const { patch, after } = run(doc(), { kind: 'merge', row: 0 });
    expect(after[0]).toMatchObject({ key: 'p0', tgtText: 'A1. A2. B.', mtText: 'A1. A2. B.', score: null });
    expect(srcTexts(after)).toEqual([['甲一。', '甲二。', '乙。'], ['丙一。', '丙二。']]);
    expect(patch).toMatchObject({ at: 0, inserted: [{ key: 'p0' }] });
    refused(doc(), { kind: 'merge', row: 2 }, 'errors.alignLastRow');
  });

  it('when a row splits at a sentence on each side then the rest goes to a new row below', () => {
    const { after } = run(doc(), { kind: 'split', row: 2, srcAt: 1, tgtAt: 1 });
    expect(srcTexts(after).slice(2)).toEqual([['丙一。'], ['丙二。']]);
    expect(after.slice(2).map((r) => [r.key, r.tgtText])).toEqual([['p2', 'C1.'], ['n0', 'C2.']]);
  });

  it('when a row splits at 0 or the full length then one side of a row is empty', () => {
    const { after } = run(doc(), { kind: 'split', row: 0, srcAt: 2, tgtAt: 0 });
    expect(after.slice(0, 2).map((r) => [r.src.length, r.tgtText, r.state])).toEqual([[2, '', 0], [0, 'A1. A2.', 10]]);
  });

  it('when a split index is outside the row then it is refused', () => {
    refused(doc(), { kind: 'split', row: 0, srcAt: 3, tgtAt: 0 }, 'errors.alignSplitRange');
    refused(doc(), { kind: 'split', row: 0, srcAt: 0, tgtAt: -1 }, 'errors.alignSplitRange');
  });
});

describe('confirm rows', () => {
  it('when a row is confirmed then only that row records who did it', () => {
    const { patch } = run(doc(), { kind: 'confirm', row: 1, by: 'li' });
    expect(patch.inserted).toEqual([{ ...doc()[1], confirmedBy: 'li' }]);
  });

  it('when every row above is confirmed then earlier confirmations keep their name and the row itself stays open', () => {
    const before = doc();
    before[0] = { ...before[0]!, confirmedBy: 'wang' };
    const { patch, after } = run(before, { kind: 'confirmAbove', row: 2, by: 'li' });
    expect(after.map((r) => r.confirmedBy)).toEqual(['wang', 'li', null]);
    expect(patch.at).toBe(1);
    // Above the first row there is nothing: refused, rather than logged as a change that changed nothing.
    expect(() => run(before, { kind: 'confirmAbove', row: 0, by: 'li' })).toThrow('There is no row to confirm above row 1.');
  });
});

describe('a long document', () => {
  it('when a sentence moves in a 20,000-row document then the patch holds the two rows (its speed is in test/bench/pure-speed.ts)', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => rows([[`第${i}句。`], [`Sentence ${i}.`]])[0]!).map((r, i) => ({ ...r, key: `p${i}` }));
    const patch = applyOperation(big, { kind: 'moveDown', side: 'tgt', row: 10_000 }, context());
    const after = applyPatch(big, patch);
    expect(patch.removed).toHaveLength(2);
    expect(after[10_001]!.tgtText).toBe('Sentence 10000. Sentence 10001.');
  });
});

describe('a realign that moves no row', () => {
  // Two 1:1 rows at confidence 0.9, and an aligner that pairs them the same way at a confidence of its choosing.
  const twoRows = (score: number | null) => rows([['甲。'], ['A.']], [['乙。'], ['B.']]).map((r) => ({ ...r, score }));
  const pairing = (score: number): Aligner => (src) => src.map((_, i) => ({ src: [i], tgt: [i], score }));
  const realigned = (before: AlignRow[], score: number) => applyOperation(before, { kind: 'realign' }, context({ align: pairing(score) }));

  it('when the new confidence reads as the old one (same two decimals, same band) then nothing changes', () => {
    expect(realigned(twoRows(0.9), 0.9004)).toMatchObject({ removed: [], inserted: [] });
  });

  it('when the new confidence reads differently, or a row had none, then only the confidences change, and the patch says how many', () => {
    for (const [old, score] of [[0.9, 0.8], [0.7996, 0.8004], [null, 0.9]] as const) {
      const patch = realigned(twoRows(old), score);
      expect(patch.inserted.map((r) => r.score)).toEqual([score, score]);
      expect(onlyRescored(patch)).toBe(2);
    }
  });

  it('when it moves a row boundary then it is more than new confidences', () => {
    const joined: Aligner = (src, tgt) => [{ src: src.map((_, i) => i), tgt: tgt.map((_, i) => i), score: 0.9 }];
    expect(onlyRescored(applyOperation(twoRows(0.9), { kind: 'realign' }, context({ align: joined })))).toBeUndefined();
  });
});
