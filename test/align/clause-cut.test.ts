// The clause cut: where clauses end in a sentence, and how much cheaper the best cut of two adjacent beads' joined span at clause ends is than their sentence boundary.

import { describe, expect, it } from 'vitest';
import { fullBand } from '../../server/align/anchor-chain.ts';
import { clauseCutGain, clauseEnds } from '../../server/align/clause-cut.ts';
import { lexicalScorer } from '../../server/align/lexical-scorer.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { documentStatistics, segmentDocument } from '../../server/align/sentence-features.ts';

/** Matches as [Chinese place, English place, weight], both boundaries at the middle of the span. */
function span(matches: [number, number, number][]) {
  return {
    src: Float64Array.from(matches, (m) => m[0]),
    tgt: Float64Array.from(matches, (m) => m[1]),
    weight: Float64Array.from(matches, (m) => m[2]),
    srcBoundary: 0.5,
    tgtBoundary: 0.5,
    srcCuts: [],
    tgtCuts: [],
  };
}

// The last clause of the first Chinese sentence (from 0.35) is rendered at the start of the second English one.
const CARRIED: [number, number, number][] = [[0.1, 0.1, 1], [0.2, 0.3, 1], [0.4, 0.55, 1], [0.45, 0.6, 1], [0.7, 0.8, 1], [0.9, 0.9, 1]];

describe('clauseEnds', () => {
  it('when a sentence has Chinese or English clause marks then each clause end is placed by visible characters, the sentence end not', () => {
    expect(clauseEnds('他到医院找我时，医院说我不存在。')).toEqual([0.5]);
    // "He went," is 7 visible characters of 27; "then he left" follows a dash.
    expect(clauseEnds('He went, she stayed—then he left')).toEqual([7 / 27, 17 / 27]);
    expect(clauseEnds('Run, ')).toEqual([]);
    expect(clauseEnds('一句话。')).toEqual([]);
  });
});

describe('clauseCutGain', () => {
  it('when every match lies on its own side of the boundary then no cut is cheaper', () => {
    expect(clauseCutGain(span([[0.1, 0.2, 1], [0.3, 0.4, 1], [0.6, 0.7, 1], [0.9, 0.8, 1]]), [0.25, 0.75], [0.3], 2)).toBe(0);
  });

  it('when a clause is carried across the boundary and a clause ends where it starts then the cut there saves its matches, less the length misfit', () => {
    // At the boundary 2 of the 6 matches cross; cut at (0.35, 0.5) none do, but its sides sit 0.15 apart.
    expect(clauseCutGain(span(CARRIED), [0.35], [], 0)).toBeCloseTo(1 / 3);
    expect(clauseCutGain(span(CARRIED), [0.35], [], 1)).toBeCloseTo(1 / 3 - 0.15);
  });

  it('when no clause ends where the carried content starts then no cut saves it, and one near an end of the span pays for its misfit', () => {
    // Cut at (0.05, 0.2), only one match crosses, but its sides sit 0.15 apart: a nearly empty bead.
    expect(clauseCutGain(span(CARRIED), [0.05, 0.8], [0.2], 2)).toBe(0);
    expect(clauseCutGain(span(CARRIED), [0.05, 0.8], [0.2], 0)).toBeCloseTo(1 / 6);
  });
});

describe('clause cuts of the lexical scorer', () => {
  it('when two adjacent beads are joined then their clause ends and inner sentence starts are placed in the span, the boundary left out', () => {
    const src = ['老人在河边钓鱼，天下雨了。', '他回家了。'];
    const tgt = ['The old man was fishing.', 'It rained, and he went home.'];
    const doc = segmentDocument(src, tgt, loadAlignResources());
    const m = lexicalScorer(doc, documentStatistics(doc)).inBand(fullBand(2, 2), 2).placedMatches(0, 1, 2, 0, 1, 2);
    const visible = (s: string) => s.replace(/\s+/g, '').length;
    const srcTotal = visible(src.join(''));
    const tgtTotal = visible(tgt.join(''));
    expect(m.srcCuts.map((c) => c * srcTotal)).toEqual([expect.closeTo(8)]);
    expect(m.tgtCuts.map((c) => c * tgtTotal)).toEqual([expect.closeTo(visible(tgt[0]!) + visible('It rained,'))]);
  });
});
