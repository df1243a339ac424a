// The boundary shift: how much of two adjacent beads' crossing evidence a moved boundary would stop crossing, and the placed word matches it reads.

import { describe, expect, it } from 'vitest';
import { fullBand } from '../../server/align/anchor-chain.ts';
import { boundaryShift } from '../../server/align/boundary-shift.ts';
import { lexicalScorer } from '../../server/align/lexical-scorer.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { documentStatistics, segmentDocument } from '../../server/align/sentence-features.ts';

/** Matches as [Chinese place, English place, weight], both boundaries at the middle of the span. */
function span(matches: [number, number, number][], srcBoundary = 0.5, tgtBoundary = 0.5) {
  return {
    src: Float64Array.from(matches, (m) => m[0]),
    tgt: Float64Array.from(matches, (m) => m[1]),
    weight: Float64Array.from(matches, (m) => m[2]),
    srcBoundary,
    tgtBoundary,
    srcCuts: [],
    tgtCuts: [],
  };
}

describe('boundaryShift', () => {
  it('when every match lies on its own side of the boundary then no move saves anything', () => {
    expect(boundaryShift(span([[0.1, 0.2, 1], [0.3, 0.4, 1], [0.6, 0.7, 1], [0.9, 0.8, 1]]))).toBe(0);
  });

  it('when the last clause of the first Chinese sentence opens the second English one then a moved English boundary saves it', () => {
    // The Chinese words at 0.4 and 0.45 are rendered at 0.55 and 0.6, past the English boundary:
    // moving that boundary to 0.65 saves their weight (2 of 6); moving the Chinese one to 0.35
    // saves it too (2 of 6).
    const matches: [number, number, number][] = [[0.1, 0.1, 1], [0.2, 0.3, 1], [0.4, 0.55, 1], [0.45, 0.6, 1], [0.7, 0.8, 1], [0.9, 0.9, 1]];
    expect(boundaryShift(span(matches))).toBeCloseTo(4 / 6);
  });

  it('when the crossing matches come from far in both sentences then a moved boundary saves less than they weigh', () => {
    // A common word at the start of the first Chinese sentence matched at the end of the second
    // English one, and the reverse: no split of one side takes both back.
    const matches: [number, number, number][] = [[0.05, 0.95, 1], [0.2, 0.2, 1], [0.3, 0.3, 1], [0.7, 0.7, 1], [0.8, 0.8, 1], [0.95, 0.05, 1]];
    expect(boundaryShift(span(matches))).toBe(0);
  });

  it('when matches weigh differently then the saving is a share of their weight', () => {
    expect(boundaryShift(span([[0.2, 0.2, 3], [0.4, 0.6, 1]]))).toBeCloseTo(2 / 4);
  });

  it('when nothing matches then nothing is saved', () => {
    expect(boundaryShift(span([]))).toBe(0);
  });
});

describe('placedMatches of the lexical scorer', () => {
  it('when a clause of the first Chinese sentence opens the second English one then its matches sit past the English boundary, placed by characters', () => {
    const src = ['老人在河边钓鱼，天下雨了。', '他回家了。'];
    const tgt = ['The old man was fishing by the river.', 'It rained, and he went home.'];
    const doc = segmentDocument(src, tgt, loadAlignResources());
    const spans = lexicalScorer(doc, documentStatistics(doc)).inBand(fullBand(2, 2), 2);
    const m = spans.placedMatches(0, 1, 2, 0, 1, 2);
    const visible = (s: string) => s.replace(/\s+/g, '').length;
    expect(m.srcBoundary).toBeCloseTo(visible(src[0]!) / visible(src.join('')));
    expect(m.tgtBoundary).toBeCloseTo(visible(tgt[0]!) / visible(tgt.join('')));
    const placed = Array.from(m.weight, (w, k) => ({ src: m.src[k]!, tgt: m.tgt[k]!, w }));
    expect(placed.length).toBeGreaterThan(0);
    for (const p of placed) expect(p.w).toBeGreaterThan(0);
    // 雨 (rain), in the first Chinese sentence, is rendered in the second English one.
    expect(placed.some((p) => p.src < m.srcBoundary && p.tgt >= m.tgtBoundary)).toBe(true);
    expect(boundaryShift(m)).toBeGreaterThan(0);
  });
});
