// A long document aligned in two halves on two threads: the stitch keeps every index once, and the halves learn as one document.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { alignLong, stitch } from '../../server/align/align-parallel.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { documentFeatures, documentPart, documentStatistics, segmentDocument } from '../../server/align/sentence-features.ts';
import type { ScoredBead } from '../../server/domain/types.ts';
import { bibleDir, fixturesDir, hasBible, readLines } from './shared-data.ts';

const bead = (src: number[], tgt: number[]): ScoredBead => ({ src, tgt, score: 1 });
const resources = loadAlignResources();

describe('stitch', () => {
  it('when both paths pass through a boundary then it joins them there', () => {
    const first = [bead([0], [0]), bead([1, 2], [1]), bead([3], [2]), bead([4], [3, 4]), bead([5], [5])];
    const second = [bead([2, 3], [1, 2]), bead([4], [3, 4]), bead([5], []), bead([6], [5, 6])];
    const joined = stitch(first, second, 3, 3)!;
    expect(joined.flatMap((b) => b.src)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(joined.flatMap((b) => b.tgt)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(joined.slice(0, 3)).toEqual(first.slice(0, 3));
  });

  it('when the paths never meet then there is no stitch', () => {
    const first = [bead([0, 1], [0]), bead([2], [1, 2])];
    const second = [bead([1], [0, 1]), bead([2], [2])];
    expect(stitch(first, second, 1, 1)).toBeUndefined();
  });
});

describe('document parts', () => {
  it('when a part is weighed with the whole document\'s statistics then its sentences weigh as in the whole', () => {
    const file = (ext: string) => readLines(path.join(fixturesDir, `novel-river.${ext}`));
    const doc = segmentDocument(file('zh'), file('en'), resources);
    const stats = documentStatistics(doc);
    const whole = documentFeatures(doc, stats);
    const part = documentFeatures(documentPart(doc, { srcFrom: 3, srcTo: doc.src.length, tgtFrom: 2, tgtTo: doc.tgt.length }), stats);
    expect(part.src).toEqual(whole.src.slice(3));
    expect(part.tgt).toEqual(whole.tgt.slice(2));
  });
});

describe('alignLong', () => {
  it.skipIf(!hasBible)('when a document is aligned in two halves then its beads and confidences are the whole document\'s', async () => {
    // Halves that found their own anchors missed rival pairs beyond their edges: on Bible 001 the
    // beads agreed, but the length spread did not, and confidences differed by up to 3e-4 (on
    // 006, 2 beads too). Only a document whose anchor search reaches past the halves' overlap
    // (over 4,000 source sentences) shows it.
    const src = readLines(path.join(bibleDir, '001.zh'));
    const tgt = readLines(path.join(bibleDir, '001.en'));
    const halves = await alignLong(src, tgt, resources, 0);
    expect(halves).toEqual(align(src, tgt, resources));
  }, 180_000);
});
