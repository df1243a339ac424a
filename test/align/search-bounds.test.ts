// The search's lower bound of a bead's cost: it spares costs without changing the path, because the scorer's upper bounds hold.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullBand } from '../../server/align/anchor-chain.ts';
import { bandedSearch, type BeadCost } from '../../server/align/banded-search.ts';
import { beadShapes } from '../../server/align/align.ts';
import { lexicalScorer } from '../../server/align/lexical-scorer.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { documentStatistics, segmentDocument } from '../../server/align/sentence-features.ts';
import { fixturesDir, readLines } from './shared-data.ts';

// A cost with a cheap part (the shape's price, known before looking at the sentences) and a dear one.
const price = (a: number, b: number) => 0.4 * (a + b) + (a > 1 && b > 1 ? 1 : 0);
const evidence = (s0: number, s1: number, t0: number, t1: number) => ((s0 * 7 + s1 * 3 + t0 * 5 + t1 * 11) % 13) / 13;

describe('bandedSearch with a lower bound', () => {
  it('when a bound is given then the path is the same and fewer costs are computed', () => {
    let calls = 0;
    const cost: BeadCost = (s0, s1, t0, t1) => {
      calls++;
      return price(s1 - s0, t1 - t0) - (s1 > s0 && t1 > t0 ? 1.2 * evidence(s0, s1, t0, t1) : 0);
    };
    const bound: BeadCost = (s0, s1, t0, t1) => price(s1 - s0, t1 - t0) - (s1 > s0 && t1 > t0 ? 1.2 : 0);
    const band = fullBand(30, 36);
    const plain = bandedSearch(band, beadShapes(4), cost);
    const plainCalls = calls;
    calls = 0;
    const bounded = bandedSearch(band, beadShapes(4), cost, bound);
    expect(bounded).toEqual(plain);
    expect(calls).toBeLessThan(0.8 * plainCalls);
  });
});

describe('lexical scorer bounds', () => {
  it('when any bead of a real document is scored then its reward and coverage stay under their bounds', () => {
    const zh = readLines(path.join(fixturesDir, 'novel-river.zh'));
    const en = readLines(path.join(fixturesDir, 'novel-river.en'));
    const doc = segmentDocument(zh, en, loadAlignResources());
    const spans = lexicalScorer(doc, documentStatistics(doc)).inBand(fullBand(zh.length, en.length), 3);
    let beads = 0;
    let tight = 0;
    for (let s0 = 0; s0 < zh.length; s0++) {
      for (let t0 = 0; t0 < en.length; t0++) {
        for (let a = 1; a <= 3 && s0 + a <= zh.length; a++) {
          for (let b = 1; b <= 3 && t0 + b <= en.length; b++) {
            const reward = spans.reward(s0, s0 + a, t0, t0 + b);
            const maxReward = spans.maxReward(s0, s0 + a, t0, t0 + b);
            expect(reward).toBeLessThanOrEqual(maxReward + 1e-12);
            expect(spans.coverage(s0, s0 + a, t0, t0 + b)).toBeLessThanOrEqual(spans.maxCoverage(s0, s0 + a, t0, t0 + b) + 1e-12);
            beads++;
            // A bound of use to the search is far below the most a bead could hold for most pairs.
            if (maxReward < 0.5 * (a + b)) tight++;
          }
        }
      }
    }
    expect(beads).toBeGreaterThan(100);
    expect(tight).toBeGreaterThan(0);
  });
});
