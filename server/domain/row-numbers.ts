// The document page's row numbers for the alignment editor, whose rows leave the page-noise rows out: one numbering
// for both pages, so "row 37" names the same pair wherever a translator reads it.

/** A page-noise row as the alignment editor shows it: where it stands and its text, not aligned. */
export interface NoiseRow {
  /** How many alignment rows come before it. */
  at: number;
  src: string;
  tgt: string;
}

/** Each noise row's place: the number of alignment rows before it, in order. */
export const noisePlaces = (noise: readonly { at: number }[]): number[] => noise.map((n) => n.at);

/** The 0-based document-page index of alignment row `row`: the row itself and every noise row before it. */
export function documentIndex(row: number, noiseAt: readonly number[]): number {
  let before = 0;
  for (const at of noiseAt) if (at <= row) before++;
  return row + before;
}

/** How a translator reads alignment row `row`: its number on the document page. */
export const rowNumber = (noise: readonly { at: number }[]) => {
  const noiseAt = noisePlaces(noise);
  return (row: number): number => documentIndex(row, noiseAt) + 1;
};

/** The 0-based document-page index of the `j`-th noise row. */
export const noiseIndex = (j: number, noiseAt: readonly number[]): number => noiseAt[j]! + j;

/** How many rows the document page lists: the alignment rows and the noise rows. */
export const documentRowCount = (rows: number, noiseAt: readonly number[]): number => rows + noiseAt.length;
