// What a person typed survives every alignment edit, and approvals an edit touches go back to the reviewer.

import { describe, expect, it } from 'vitest';
import { applyOperation, type AlignOp } from '../../server/domain/align-ops.ts';
import { applyPatch, edited, type AlignRow } from '../../server/domain/alignment-rows.ts';
import { State } from '../../server/domain/types.ts';
import { context, en, lengthAligner, rows, zh } from './rows-fixture.ts';

const POSTEDIT = 'In people-to-people exchanges, Xi urged both sides to use the committee platform for exchanges in education, sports, media, youth and local affairs.';

const after = (before: AlignRow[], op: AlignOp) => applyPatch(before, applyOperation(before, op, context({ align: lengthAligner })));
const view = (rs: AlignRow[]) => rs.map((r) => ({ tgtText: r.tgtText, state: r.state, needsReview: r.needsReview }));

/** Row 1 holds the two cut English sentences, post-edited into one good sentence. */
function postedited(): AlignRow[] {
  const doc = rows([[zh[1]!], [en[1]!]], [[zh[2]!], [en[2]!, en[3]!]], [[zh[3]!], [en[4]!]]);
  doc[1] = { ...doc[1]!, tgtText: POSTEDIT, state: State.translated };
  return doc;
}

describe('post-edited English', () => {
  it('when an English sentence moves out of an edited row that keeps sentences then the text stays and both rows are marked', () => {
    const rs = after(postedited(), { kind: 'moveDown', side: 'tgt', row: 1 });
    expect(view(rs).slice(1)).toEqual([
      { tgtText: POSTEDIT, state: State.translated, needsReview: 'split-postedit' },
      { tgtText: `${en[3]} ${en[4]}`, state: State.machine, needsReview: 'split-postedit' },
    ]);
  });

  it('when an edited row\'s only English sentence moves then the whole text goes with it', () => {
    const doc = rows([['甲。'], ['A.']], [['乙。'], ['B.']]);
    doc[1] = { ...doc[1]!, tgtText: 'Bee, edited.' };
    const rs = after(doc, { kind: 'moveUp', side: 'tgt', row: 1 });
    expect(view(rs)).toEqual([
      { tgtText: 'A. Bee, edited.', state: State.translated, needsReview: null },
      { tgtText: '', state: State.untranslated, needsReview: null },
    ]);
  });

  it('when a sentence moves into an edited row then the person\'s text is kept and the sentence joins it', () => {
    const rs = after(postedited(), { kind: 'moveUp', side: 'tgt', row: 2 });
    expect(rs[1]!.tgtText).toBe(`${POSTEDIT} ${en[4]}`);
    expect(edited(rs[1]!)).toBe(true);
  });

  it('when an edited row is split then its whole text stays on the first row and the new row gets its sentences', () => {
    const rs = after(postedited(), { kind: 'split', row: 1, srcAt: 1, tgtAt: 1 });
    expect(view(rs).slice(1, 3)).toEqual([
      { tgtText: POSTEDIT, state: State.translated, needsReview: 'split-postedit' },
      { tgtText: en[3], state: State.machine, needsReview: 'split-postedit' },
    ]);
  });

  it('when an edited row merges then both English texts and machine texts are joined', () => {
    const rs = after(postedited(), { kind: 'merge', row: 0 });
    expect(rs[0]).toMatchObject({ tgtText: `${en[1]} ${POSTEDIT}`, mtText: `${en[1]} ${en[2]} ${en[3]}`, state: State.translated });
  });

  it('when an English side with a post-edit shifts down then the text travels with its sentences', () => {
    const rs = after(postedited(), { kind: 'shiftDown', side: 'tgt', row: 1 });
    expect(rs.map((r) => r.tgtText)).toEqual([en[1], '', POSTEDIT, en[4]]);
  });

  it('when an edited row is realigned then its text goes whole to the row holding its first sentence, marked', () => {
    const doc = rows([[zh[2]!], [en[2]!]], [[zh[3]!], [en[3]!, en[4]!]]);
    doc[0] = { ...doc[0]!, tgtText: 'Typed by a person.' };
    doc[1] = { ...doc[1]!, tgtText: 'Also typed.' };
    expect(view(after(doc, { kind: 'realign' }))).toEqual([
      { tgtText: 'Typed by a person. Also typed.', state: State.translated, needsReview: 'split-postedit' },
      { tgtText: en[4], state: State.machine, needsReview: 'split-postedit' },
    ]);
  });

  it('when a sentence is split or joined inside an edited row then the person\'s text does not change', () => {
    const joined = after(postedited(), { kind: 'joinSentences', side: 'tgt', row: 1, sentence: 0 });
    expect(joined[1]!.tgtText).toBe(POSTEDIT);
    expect(after(joined, { kind: 'splitSentence', side: 'tgt', row: 1, sentence: 0, offset: 5 })[1]!.tgtText).toBe(POSTEDIT);
  });
});

describe('approved rows', () => {
  const approved = () => rows([['甲。'], ['A.']], [['乙。'], ['B.']]).map((r) => ({ ...r, state: State.approved }));

  it('when an operation touches an approved row then it goes back to translated and says why', () => {
    const rs = after(approved(), { kind: 'moveUp', side: 'src', row: 1 });
    expect(view(rs)).toEqual([
      { tgtText: 'A.', state: State.translated, needsReview: 'approval-reset' },
      { tgtText: 'B.', state: State.translated, needsReview: 'approval-reset' },
    ]);
  });

  it('when an approved row loses all its English then it is untranslated but still says why', () => {
    const rs = after(approved(), { kind: 'moveDown', side: 'tgt', row: 0 });
    expect(view(rs)[0]).toEqual({ tgtText: '', state: State.untranslated, needsReview: 'approval-reset' });
  });

  it('when an approved row is merely confirmed then its approval stands', () => {
    expect(after(approved(), { kind: 'confirm', row: 0, by: 'li' })[0]!.state).toBe(State.approved);
  });

  it('when a machine row gains a sentence then it stays machine with the new English', () => {
    const rs = after(rows([['甲。'], ['A.']], [['乙。'], ['B.']]), { kind: 'moveUp', side: 'tgt', row: 1 });
    expect(view(rs)[0]).toEqual({ tgtText: 'A. B.', state: State.machine, needsReview: null });
  });
});

describe('rows whose Chinese changed after their English was made', () => {
  // Row 1's Chinese was replaced after it was translated (a Chinese-side replace marks such rows).
  const marked = () => rows([['甲。'], ['A.']], [['乙。', '丙。'], ['B.', 'C.']], [['丁。'], ['D.']]).map((r, i) => ({ ...r, srcChanged: i === 1 }));
  const marks = (rs: AlignRow[]) => rs.map((r) => r.srcChanged);

  it('when a marked row is merged into the row above then the merged row is marked', () => {
    expect(marks(after(marked(), { kind: 'merge', row: 0 }))).toEqual([true, false]);
    expect(marks(after(marked(), { kind: 'merge', row: 1 }))).toEqual([false, true]);
  });

  it('when a marked row is split then both rows with English keep the mark, a row left without English does not', () => {
    expect(marks(after(marked(), { kind: 'split', row: 1, srcAt: 1, tgtAt: 1 }))).toEqual([false, true, true, false]);
    const noEnglish = after(marked(), { kind: 'split', row: 1, srcAt: 1, tgtAt: 2 });
    expect(noEnglish.map((r) => [r.state, r.srcChanged])).toEqual([[State.machine, false], [State.machine, true], [State.untranslated, false], [State.machine, false]]);
  });

  it('when rows are realigned then the rows holding a marked row\'s sentences are marked', () => {
    const rs = after(marked(), { kind: 'realign' });
    const holding = rs.map((r) => r.src.some((s) => ['乙。', '丙。'].includes(s.text)));
    expect(marks(rs)).toEqual(holding);
  });
});
