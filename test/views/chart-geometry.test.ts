import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bands, beadMarks, fractionTicks, integerTicks, linearScale, plotArea, stepPath, timeSpan, timeTicks, MIN_TIME_SPAN } from '../../views/chart-geometry.ts';

describe('ticks', () => {
  it('when counts go up to 27 then the ticks are round and reach past it', () => {
    expect(integerTicks(27)).toEqual([0, 10, 20, 30]);
    expect(integerTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('when fractions go up to 0.09 then the ticks step by 0.02 without float noise', () => {
    expect(fractionTicks(0.09)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(fractionTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(fractionTicks(1.3)).toEqual([0, 0.5, 1, 1.5]);
  });

  it('whatever the maximum, the ticks start at 0, rise, and the last reaches the maximum', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (max) => {
      for (const ticks of [integerTicks(max), fractionTicks(max)]) {
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(12);
        ticks.slice(1).forEach((t, k) => expect(t).toBeGreaterThan(ticks[k]!));
      }
    }));
  });

  const MIN = 60_000;
  const T = Date.UTC(2026, 11, 5, 7, 31, 20);

  it('when a time span is empty then it has one tick, else ticks on round minutes, hours or days inside it', () => {
    expect(timeTicks(5, 5).ticks).toEqual([5]);
    // Seven minutes: a tick each two minutes on the minute, none past the end.
    expect(timeTicks(T, T + 7 * MIN).ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['07:32', '07:34', '07:36', '07:38']);
    expect(timeTicks(T, T + 3 * 3_600_000).step).toBe(3_600_000);
    expect(timeTicks(T, T + 20 * 86_400_000).step).toBe(7 * 86_400_000);
    for (const span of [5 * MIN, 47 * MIN, 5 * 3_600_000, 3 * 86_400_000, 400 * 86_400_000]) {
      const { ticks, step } = timeTicks(T, T + span);
      expect(ticks.length, String(span)).toBeGreaterThanOrEqual(2);
      expect(ticks.length, String(span)).toBeLessThanOrEqual(6);
      expect(ticks.every((t) => t >= T && t <= T + span && t % step === 0), String(span)).toBe(true);
    }
  });

  it('when the work was minutes ago then the time axis ends a little after it, never past now, and spans at least five minutes', () => {
    // Three minutes of work seen a minute later: a twentieth of them (9 s) after the last event, not an hour on.
    expect(timeSpan(T, T + 3 * MIN, T + 4 * MIN)).toEqual({ t0: T + 3 * MIN + 9_000 - MIN_TIME_SPAN, t1: T + 3 * MIN + 9_000 });
    // 100 minutes of work seen two minutes later: the twentieth would pass now, so the axis ends at now.
    expect(timeSpan(T, T + 100 * MIN, T + 102 * MIN)).toEqual({ t0: T, t1: T + 102 * MIN });
    // Seen a day later: a twentieth of the work's span after its end.
    expect(timeSpan(T, T + 100 * MIN, T + 1440 * MIN)).toEqual({ t0: T, t1: T + 105 * MIN });
    // One event alone, now: the axis reaches back five minutes and ends at the event.
    expect(timeSpan(T, T, T)).toEqual({ t0: T - MIN_TIME_SPAN, t1: T });
  });
});

describe('scales, bands and paths', () => {
  it('when a domain is mapped onto a flipped range then its ends land on the range\'s ends; one value lands in the middle', () => {
    const y = linearScale(0, 30, 200, 10);
    expect([y(0), y(30), y(15)]).toEqual([200, 10, 105]);
    expect(linearScale(4, 4, 0, 100)(4)).toBe(50);
  });

  it('when four bars share 100 units then they are equal, in order, inside and apart', () => {
    const b = bands(4, 0, 100);
    expect(b.map((x) => x.size)).toEqual([20, 20, 20, 20]);
    expect(b[0]!.pos).toBe(2.5);
    b.slice(1).forEach((x, k) => expect(x.pos).toBeGreaterThan(b[k]!.pos + b[k]!.size));
    expect(bands(0, 0, 100)).toEqual([]);
  });

  it('when counts step up then the path holds each value until the next point', () => {
    expect(stepPath([{ x: 0, y: 10 }, { x: 5, y: 3 }, { x: 9.456, y: 3 }])).toBe('M0 10 H5 V3 H9.46 V3');
    expect(stepPath([])).toBe('');
  });
});

describe('beadMarks', () => {
  const plot = plotArea();

  it('when beads are 1:1, 2:1 and 1:0 then each is a mark from the sentences before it, the 1:0 one kept visible', () => {
    const marks = beadMarks([{ src: 1, tgt: 1 }, { src: 2, tgt: 1 }, { src: 1, tgt: 0 }], plot);
    expect(marks.map((m) => [m.shape, m.src, m.tgt])).toEqual([['1:1', 0, 0], ['2:1', 1, 1], ['1:0', 3, 2]]);
    const unitX = plot.width / 4;
    expect(marks[1]!.width).toBeCloseTo(2 * unitX, 1);
    expect(marks[1]!.height).toBeCloseTo(plot.height / 2, 1);
    expect(marks[2]!.height).toBe(3);
    // The first bead starts at the origin (bottom left); English grows upwards.
    expect(marks[0]!.x).toBe(plot.left);
    expect(marks[0]!.y + marks[0]!.height).toBeCloseTo(plot.top + plot.height, 1);
  });

  it('whatever the shapes, there is one mark per bead, each inside the plot, moving right and up', () => {
    const shape = fc.record({ src: fc.integer({ min: 0, max: 4 }), tgt: fc.integer({ min: 0, max: 4 }) }).filter((b) => b.src + b.tgt > 0);
    fc.assert(fc.property(fc.array(shape, { minLength: 1, maxLength: 300 }), (beads) => {
      const marks = beadMarks(beads, plot);
      expect(marks).toHaveLength(beads.length);
      marks.forEach((m, k) => {
        expect(m.x).toBeGreaterThanOrEqual(plot.left - 1.5);
        expect(m.x + m.width).toBeLessThanOrEqual(plot.left + plot.width + 1.5);
        expect(m.y).toBeGreaterThanOrEqual(plot.top - 1.5);
        expect(m.y + m.height).toBeLessThanOrEqual(plot.top + plot.height + 1.5);
        if (k) expect(m.src + m.tgt).toBeGreaterThan(marks[k - 1]!.src + marks[k - 1]!.tgt);
      });
    }));
  });
});
