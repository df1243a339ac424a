import { describe, expect, it } from 'vitest';
import { burnUp, confidenceHistogram, effortByTranslator, qaByKind, thinBurnUp } from '../../server/domain/work-charts.ts';
import { postEditEffort } from '../../server/domain/edit-distance.ts';
import type { QaFlag } from '../../server/domain/qa-checks.ts';

const at = (h: number) => `2026-11-30T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('burnUp', () => {
  it('when nothing changed since the import then it is one point at the start with today\'s counts', () => {
    expect(burnUp([], { done: 3, approved: 1 }, at(8))).toEqual([{ at: at(8), done: 3, approved: 1 }]);
  });

  it('when a pair is saved, approved, and another saved then rejected then each change is a step ending at today\'s counts, the rejection a step down', () => {
    const points = burnUp([
      { at: at(9), oldState: 10, newState: 20 },
      { at: at(10), oldState: 20, newState: 30 },
      { at: at(11), oldState: 0, newState: 20 },
      { at: at(12), oldState: 20, newState: 25 },
    ], { done: 1, approved: 1 }, at(8));
    expect(points).toEqual([
      { at: at(8), done: 0, approved: 0 },
      { at: at(9), done: 1, approved: 0 },
      { at: at(10), done: 1, approved: 1 },
      { at: at(11), done: 2, approved: 1 },
      { at: at(12), done: 1, approved: 1 },
    ]);
  });

  it('when an alignment edit removed a row without a revision then the last point is still today\'s counts', () => {
    // The approved row was merged away: its approval is in the history, its removal is not.
    const points = burnUp([{ at: at(9), oldState: 20, newState: 30 }], { done: 4, approved: 0 }, at(8));
    expect(points.at(-1)).toEqual({ at: at(9), done: 4, approved: 0 });
    expect(points[0]!.approved).toBe(0);
  });

  it('when a save and its approval share an instant then they are one step', () => {
    const points = burnUp([{ at: at(9), oldState: 10, newState: 20 }, { at: at(9), oldState: 20, newState: 30 }], { done: 1, approved: 1 }, at(8));
    expect(points).toEqual([{ at: at(8), done: 0, approved: 0 }, { at: at(9), done: 1, approved: 1 }]);
  });
});

describe('thinBurnUp', () => {
  it('when a history has 10,000 steps then about 400 are kept, the first and the last among them, in order', () => {
    const t0 = Date.parse(at(8));
    const points = Array.from({ length: 10_000 }, (_, k) => ({ at: new Date(t0 + k * 60_000).toISOString(), done: k, approved: k >> 1 }));
    const kept = thinBurnUp(points);
    expect(kept.length).toBeLessThanOrEqual(401);
    expect(kept.length).toBeGreaterThan(300);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    kept.slice(1).forEach((p, k) => expect(p.done).toBeGreaterThan(kept[k]!.done));
  });

  it('when a history is short then it is kept whole', () => {
    const points = burnUp([{ at: at(9), oldState: 10, newState: 20 }], { done: 1, approved: 0 }, at(8));
    expect(thinBurnUp(points)).toEqual(points);
  });
});

describe('effortByTranslator', () => {
  it('when two people and a file wrote the English then each gets the effort of their pairs, most pairs first, the file last', () => {
    const lin = [{ author: 'lin', mt: 'the level and level', final: 'the level', seconds: 30 }, { author: 'lin', mt: 'A b.', final: 'A b.', seconds: 5 }];
    const mei = [{ author: 'mei', mt: 'one two three', final: 'one 2 three', seconds: 10 }];
    const file = [{ author: null, mt: 'x', final: 'y', seconds: 0 }];
    const groups = effortByTranslator([...mei, ...file, ...lin]);
    expect(groups.map((g) => g.author)).toEqual(['lin', 'mei', null]);
    expect(groups[0]!.effort).toEqual(postEditEffort(lin));
    expect(groups[1]!.effort.meanHter).toBeCloseTo(1 / 3);
  });
});

describe('confidenceHistogram', () => {
  it('when scores fall on bin edges then 0 is in the first bin, 1 in the last, and the unscored apart; the counts sum to the beads', () => {
    const beads = [0, 0.05, 0.1, 0.5, 0.99, 1, null].map((score) => ({ src: 1, tgt: 1, score }));
    const { bins, unscored } = confidenceHistogram(beads);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(unscored).toBe(1);
    expect(bins.reduce((n, b) => n + b.count, unscored)).toBe(beads.length);
    expect(bins[9]).toMatchObject({ from: 0.9, to: 1 });
  });
});

describe('qaByKind', () => {
  it('when a pair has two flags of one kind then it counts once, and every kind is listed in the filters\' order', () => {
    const flag = (code: QaFlag['code']): QaFlag => ({ code, message: '', params: {} });
    const counts = qaByKind([[flag('numbers'), flag('numbers'), flag('length')], [flag('numbers')], []]);
    expect(counts[0]).toEqual({ code: 'numbers', count: 2 });
    expect(counts.find((c) => c.code === 'length')!.count).toBe(1);
    expect(counts.map((c) => c.code)).toEqual(['numbers', 'glossary', 'repeated', 'fragment', 'broken', 'empty', 'length', 'punctuation', 'source']);
  });
});
