// A translation that stops short, or starts late: the untranslated sentences are beads of their own (1-0), not glued
// into the last translated one. The document's totals (its length ratio, how many Chinese sentences an English one
// takes) would have the English take two Chinese sentences each; the span the anchors cover says what is translated.
import { describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { anchoredSpan } from '../../server/align/anchored-span.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';

const resources = loadAlignResources();
const ZH = ['今天天气很好。', '我们去公园散步。', '公园里有很多人。', '孩子们在放风筝。', '老人们在下棋。', '我们很晚才回家。'];
const EN = ['The weather is fine today.', 'We go for a walk in the park.', 'There are many people in the park.', 'The children are flying kites.', 'The old people are playing chess.', 'We went home late.'];
const shape = (beads: { src: number[]; tgt: number[] }[]) => beads.map((b) => `${b.src.join(',')}:${b.tgt.join(',')}`);

describe('a partial translation', () => {
  it('when the English stops after three of six sentences then the other three Chinese stand alone, flagged', () => {
    const beads = align(ZH, EN.slice(0, 3), resources);
    expect(shape(beads)).toEqual(['0:0', '1:1', '2:2', '3:', '4:', '5:']);
    for (const b of beads.slice(3)) expect(b.score).toBeLessThan(0.5);
  });

  it('when the Chinese holds only the last three then the first three English sentences stand alone', () => {
    expect(shape(align(ZH.slice(3), EN, resources))).toEqual([':0', ':1', ':2', '0:3', '1:4', '2:5']);
  });

  it('when both sides are whole then the alignment is one to one', () => {
    expect(shape(align(ZH, EN, resources))).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5']);
  });
});

describe('anchoredSpan', () => {
  const chain = (pairs: [number, number][]) => pairs.map(([src, tgt]) => ({ src, tgt, weight: 1 }));
  it('when one side has three sentences more beyond the anchors then the anchors\' span stands for the document', () => {
    expect(anchoredSpan(chain([[0, 0], [1, 1], [2, 2]]), 6, 3)).toEqual({ src0: 0, src1: 3, tgt0: 0, tgt1: 3 });
    expect(anchoredSpan(chain([[3, 0], [5, 2], [8, 4]]), 9, 5)).toEqual({ src0: 3, src1: 9, tgt0: 0, tgt1: 5 });
  });

  it('when the ends outside the anchors are alike on both sides, or the span is short, then the document\'s totals stand', () => {
    expect(anchoredSpan(chain([[1, 1], [5, 5], [20, 21]]), 23, 24)).toBeUndefined();
    expect(anchoredSpan(chain([[0, 0], [1, 1]]), 10, 2)).toBeUndefined();
    expect(anchoredSpan(chain([[4, 4]]), 10, 5)).toBeUndefined();
  });
});
