// Rounding a share or a score down for display, so that what is not done never reads as done.

/**
 * `value` rounded down to `decimals` places. Floating point writes 29 / 100 × 100 as 28.999999999999996, which a
 * plain Math.floor turns into 28: the nudge (far below any real fraction of a count) keeps 29 of 100 at 29%.
 */
export function roundDown(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 1e-9) / scale;
}
