// Chart geometry as numbers: scales, ticks, bar bands, the burn-up's steps and the alignment path's beads.

/** The drawing area inside a chart's viewBox, in viewBox units; y grows downwards as in SVG. */
export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const CHART = { width: 640, height: 300 } as const;

/** The plot area of a chart of the usual width, with room for axis labels left and below. */
export function plotArea(margin = { left: 56, right: 16, top: 14, bottom: 44 }, height: number = CHART.height): Plot {
  return { left: margin.left, top: margin.top, width: CHART.width - margin.left - margin.right, height: height - margin.top - margin.bottom };
}

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * Whole-number ticks from 0 to at least `max`, about `count` of them, at steps of 1, 2 or 5 times a power of ten,
 * so labels read as round numbers in any language.
 */
export function integerTicks(max: number, count = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  const rough = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * Ticks over [0, max] for fractional values (HTER, confidence) at a step of 0.1, 0.2, 0.25 or 0.5 times a power of
 * ten; the axis reaches at least 0.01, below which the differences do not show.
 */
export function fractionTicks(max: number, count = 5): number[] {
  const top = max > 0 ? Math.max(max, 0.01) : 1;
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, k) => Number((k * step).toPrecision(12)));
}

/** `n` equal bands over [start, start + length] with a gap between them: where each bar sits across its axis. */
export function bands(n: number, start: number, length: number, gap = 0.2): { pos: number; size: number }[] {
  if (n === 0) return [];
  const slot = length / n;
  const size = slot * (1 - gap);
  return Array.from({ length: n }, (_, k) => ({ pos: start + k * slot + (slot - size) / 2, size }));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Steps a reader counts in: minutes, hours, days, weeks; ticks fall on their multiples (in UTC, as the axis says). */
const TIME_STEPS = [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE).concat([1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7, 14, 28].map((d) => d * DAY));
/** The narrowest time axis: events seconds apart still get minute ticks, and one event alone a span to sit in. */
export const MIN_TIME_SPAN = 5 * MINUTE;

/**
 * The span of a time axis over events from `first` to `last` (ms) drawn at `now`: it ends a little after the last
 * event but never past now, so a line held to the axis's end does not run into the future; when the events lie
 * closer together than MIN_TIME_SPAN the axis reaches back before the first instead.
 */
export function timeSpan(first: number, last: number, now: number): { t0: number; t1: number } {
  const t1 = Math.max(last, Math.min(now, last + (last - first) / 20));
  return { t0: Math.min(first, t1 - MIN_TIME_SPAN), t1 };
}

/** Instants over [t0, t1] (ms) at the first round step giving at most `count` intervals; one tick when the span is empty. */
export function timeTicks(t0: number, t1: number, count = 5): { ticks: number[]; step: number } {
  if (t1 <= t0) return { ticks: [t0], step: 0 };
  const rough = (t1 - t0) / count;
  const step = TIME_STEPS.find((s) => s >= rough) ?? Math.ceil(rough / (28 * DAY)) * 28 * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) ticks.push(t);
  return { ticks, step };
}

/**
 * A step line through points in plot coordinates: the value holds until the next point changes it, as counts of
 * pairs do. An SVG path's `d`.
 */
export function stepPath(points: readonly { x: number; y: number }[]): string {
  if (!points.length) return '';
  const f = (v: number) => round(v);
  let d = `M${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let k = 1; k < points.length; k++) d += ` H${f(points[k]!.x)} V${f(points[k]!.y)}`;
  return d;
}

export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export interface BeadMark {
  /** The row's position among the beads, 0-based. */
  row: number;
  shape: string;
  /** First sentence of each side in the bead, 0-based, counted over the whole document. */
  src: number;
  tgt: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The alignment path: Chinese sentence index along x, English along y (upwards), each bead a rectangle from the
 * sentences before it to the sentences after it. A 1-0 or 0-1 bead has no extent on one side: it gets a minimum
 * thickness, so every bead shows as a mark.
 */
export function beadMarks(beads: readonly { src: number; tgt: number }[], plot: Plot, minSize = 3): BeadMark[] {
  const totalSrc = beads.reduce((n, b) => n + b.src, 0);
  const totalTgt = beads.reduce((n, b) => n + b.tgt, 0);
  const x = linearScale(0, Math.max(1, totalSrc), plot.left, plot.left + plot.width);
  const y = linearScale(0, Math.max(1, totalTgt), plot.top + plot.height, plot.top);
  let i = 0;
  let j = 0;
  return beads.map((b, row) => {
    const x0 = x(i), x1 = x(i + b.src), y0 = y(j + b.tgt), y1 = y(j);
    const width = Math.max(minSize, x1 - x0);
    const height = Math.max(minSize, y1 - y0);
    const mark = {
      row, shape: `${b.src}:${b.tgt}`, src: i, tgt: j,
      x: round((x0 + x1 - width) / 2), y: round((y0 + y1 - height) / 2), width: round(width), height: round(height),
    };
    i += b.src;
    j += b.tgt;
    return mark;
  });
}
