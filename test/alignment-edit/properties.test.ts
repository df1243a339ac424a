// Whatever operations a translator makes: undo restores the rows, every sentence stays once in order, nothing typed is lost.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, type AlignOp } from '../../server/domain/align-ops.ts';
import { applyPatch, edited, invertPatch, type AlignRow, type RowPatch } from '../../server/domain/alignment-rows.ts';
import { englishText } from '../../server/domain/assemble-pairs.ts';
import { ValidationError } from '../../server/domain/errors.ts';
import { State } from '../../server/domain/types.ts';
import { context, lengthAligner, row, zh, en } from './rows-fixture.ts';

const zhPool = [...zh, '𠀀字。', '好。'];
const enPool = [...en, 'Yes.', 'A B'];

const arbRow = fc.record({
  src: fc.array(fc.constantFrom(...zhPool), { maxLength: 3 }),
  tgt: fc.array(fc.constantFrom(...enPool), { maxLength: 3 }),
  // Which English sentences a line break separates from the sentence before (a subtitle cue's next line), the first
  // of a row too: the second line of a cue that was split off keeps its break for when it joins the first again.
  breaks: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  postEdit: fc.option(fc.constantFrom('Typed by a person.', '人工译文 typed', 'Post-edited: 𠀀.'), { nil: undefined }),
  state: fc.constantFrom(State.machine, State.translated, State.rejected, State.approved),
  confirmedBy: fc.option(fc.constantFrom('li', 'wang'), { nil: null }),
});

/** A row whose English sentences carry their line breaks, and whose unedited English has them where they stand. */
function withBreaks(r: AlignRow, breaks: boolean[], postEdit: string | undefined): AlignRow {
  const tgt = r.tgt.map((x, i) => (breaks[i] ? { ...x, lineBefore: true } : x));
  const text = englishText(tgt);
  return { ...r, tgt, mtText: text, tgtText: postEdit ?? text };
}

const arbRows = fc.array(arbRow, { minLength: 1, maxLength: 6 }).map((specs) =>
  specs.map((s, i) => withBreaks(row(`p${i}`, s.src, s.tgt, { confirmedBy: s.confirmedBy, state: s.state }), s.breaks, s.postEdit)));

const side = fc.constantFrom('src' as const, 'tgt' as const);
const index = fc.nat({ max: 7 });
const arbOp: fc.Arbitrary<AlignOp> = fc.oneof(
  fc.record({ kind: fc.constantFrom('moveUp' as const, 'moveDown' as const), side, row: index }),
  fc.record({ kind: fc.constantFrom('shiftUp' as const, 'shiftDown' as const), side: fc.constantFrom('src' as const, 'tgt' as const, 'both' as const), row: index }),
  fc.record({ kind: fc.constant('merge' as const), row: index }),
  fc.record({ kind: fc.constant('split' as const), row: index, srcAt: fc.nat({ max: 3 }), tgtAt: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('splitSentence' as const), side, row: index, sentence: fc.nat({ max: 2 }), offset: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('joinSentences' as const), side, row: index, sentence: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'confirmAbove' as const), row: index, by: fc.constant('li') }),
  fc.constant({ kind: 'realign' as const }),
);

/** The patch and the rows after it, or undefined when the operation is refused as impossible on these rows. */
function applied(rows: AlignRow[], op: AlignOp): { patch: RowPatch; after: AlignRow[] } | undefined {
  const patch = tryOp(rows, op, 0);
  return patch && { patch, after: applyPatch(rows, patch) };
}

function tryOp(rows: AlignRow[], op: AlignOp, n: number): RowPatch | undefined {
  let k = 0;
  try {
    return applyOperation(rows, op, { ...context(), newKey: () => `n${n}.${k++}`, align: lengthAligner });
  } catch (e) {
    if (e instanceof ValidationError) return undefined;
    throw e;
  }
}

const sentencesOf = (rows: AlignRow[], s: 'src' | 'tgt') => rows.flatMap((r) => r[s]);
const squeezed = (rows: AlignRow[], s: 'src' | 'tgt') => sentencesOf(rows, s).map((x) => x.text).join('').replace(/\s+/g, '');

describe('alignment editing properties', () => {
  it('when any sequence of operations is undone in reverse then the original rows come back', () => {
    fc.assert(fc.property(arbRows, fc.array(arbOp, { maxLength: 12 }), (original, ops) => {
      let rows = original;
      const done: RowPatch[] = [];
      ops.forEach((op, n) => {
        const patch = tryOp(rows, op, n);
        if (!patch) return;
        rows = applyPatch(rows, patch);
        done.push(patch);
      });
      for (const patch of done.reverse()) rows = applyPatch(rows, invertPatch(patch));
      expect(rows).toEqual(original);
    }), { numRuns: 300 });
  });

  it('when an operation applies then every sentence of each side stays exactly once, in order', () => {
    fc.assert(fc.property(arbRows, arbOp, (rows, op) => {
      const done = applied(rows, op);
      if (!done) return;
      const { after } = done;
      for (const s of ['src', 'tgt'] as const) {
        const keys = (rs: AlignRow[]) => sentencesOf(rs, s).map((x) => x.key);
        if (op.kind === 'splitSentence' || op.kind === 'joinSentences') {
          expect(squeezed(after, s)).toBe(squeezed(rows, s));
          const [fewer, more] = op.kind === 'splitSentence' ? [keys(rows), keys(after)] : [keys(after), keys(rows)];
          expect(more.filter((k) => fewer.includes(k))).toEqual(fewer);
          expect(more.length - fewer.length).toBe(op.side === s ? 1 : 0);
        } else {
          expect(sentencesOf(after, s)).toEqual(sentencesOf(rows, s));
        }
      }
    }), { numRuns: 1000 });
  });

  it('when an operation applies then no machine English reads as post-edited: each line break stays before its sentence, wherever it goes', () => {
    fc.assert(fc.property(arbRows, arbOp, (rows, op) => {
      const done = applied(rows, op);
      if (!done) return;
      const breaks = (rs: AlignRow[]) => new Map(rs.flatMap((r) => r.tgt).map((x) => [x.key, Boolean(x.lineBefore)]));
      const was = breaks(rows);
      // A sentence joined or split keeps its key and takes the break that now stands before it.
      if (op.kind !== 'joinSentences' && op.kind !== 'splitSentence') for (const [key, lineBefore] of breaks(done.after)) expect(lineBefore).toBe(was.get(key));
      // Rows made only of rows no person edited.
      if (done.patch.removed.some(edited)) return;
      for (const r of done.patch.inserted) {
        expect(r.mtText).toBe(englishText(r.tgt));
        expect(edited(r)).toBe(false);
      }
    }), { numRuns: 1000 });
  });

  it('when an operation applies then every post-edited English text is still in some row', () => {
    fc.assert(fc.property(arbRows, arbOp, (rows, op) => {
      const done = applied(rows, op);
      if (!done) return;
      const { after } = done;
      for (const r of rows.filter(edited)) {
        expect(after.some((a) => a.tgtText.includes(r.tgtText))).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it('when an operation applies then rows it changed are settled: an approval survives only an untouched row, empty English is untranslated', () => {
    fc.assert(fc.property(arbRows, arbOp, (rows, op) => {
      const { patch } = applied(rows, op) ?? {};
      if (!patch) return;
      const before = new Map(patch.removed.map((r) => [r.key, r]));
      for (const r of patch.inserted) {
        if (!r.tgtText.trim()) expect(r.state === State.untranslated || before.get(r.key)?.tgtText === r.tgtText).toBe(true);
        // A confirmation, or a realign that left the row as it was but for the aligner's score, is no edit of the row.
        const content = (x: AlignRow | undefined) => x && JSON.stringify({ ...x, confirmedBy: null, score: null });
        if (r.state === State.approved) expect(content(before.get(r.key))).toBe(content(r));
      }
    }), { numRuns: 1000 });
  });
});
