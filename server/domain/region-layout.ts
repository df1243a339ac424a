// Where a patch's rows go among the page-noise rows around them, and each side's sentences among the noise texts: pure,
// so that both databases lay a region out alike, and so that an undo or redo puts every noise row back where it stood.
//
// A noise row's text keeps its place in each side's order of sentences, whatever happens to the rows: that order is the
// page's, and it is what says where the noise row belongs when a merged row is split again. Rows (pairs) are then
// placed around it: after the row holding the sentence before its text, before the row holding the one after it, and,
// where that leaves a choice, after the same rows as before.

import type { AlignRow, NoisePlaces, RowPatch, Sentence, Side } from './alignment-rows.ts';
import { sentenceKey, type LoadedAlignment, type SideItem } from './alignment-layout.ts';

const SIDES = ['src', 'tgt'] as const;

/**
 * What a patch rewrites: pairs `lo`..`hi` (its removed rows, and every noise row between the rows it leaves around
 * them) and, on each side, segments `lo`..`hi` (the removed rows' sentences, and every noise text between the
 * sentences around them). An undo finds the very same noise rows and texts in its region.
 */
export interface Region {
  lo: number;
  hi: number;
  /** Where the region starts and ends among the loaded pairs. */
  first: number;
  last: number;
  /** The region's pairs in order: a removed row, by key, or a noise row, by pair id. */
  pairs: ({ row: string } | { noise: number })[];
  sides: Record<Side, { lo: number; hi: number; items: SideItem[] }>;
}

/** The idx range of list[from..to], or an empty range where list[from] would stand. */
function idxRange(list: readonly { idx: number }[], from: number, to: number): { lo: number; hi: number } {
  if (from > to) {
    const lo = list[from]?.idx ?? (list.at(-1)?.idx ?? -1) + 1;
    return { lo, hi: lo - 1 };
  }
  return { lo: list[from]!.idx, hi: list[to]!.idx };
}

export function regionOf(loaded: LoadedAlignment, patch: RowPatch): Region {
  const { rows, pairs, rowPlace, sides, sentencePlace } = loaded;
  const end = patch.at + patch.removed.length;
  const first = patch.at > 0 ? rowPlace[patch.at - 1]! + 1 : 0;
  const last = end < rows.length ? rowPlace[end]! - 1 : pairs.length - 1;
  const side = (s: Side) => {
    let before: Sentence | undefined;
    for (let i = patch.at - 1; i >= 0 && !before; i--) before = rows[i]![s].at(-1);
    let after: Sentence | undefined;
    for (let i = end; i < rows.length && !after; i++) after = rows[i]![s][0];
    const from = before ? sentencePlace.get(before.key)! + 1 : 0;
    const to = after ? sentencePlace.get(after.key)! - 1 : sides[s].length - 1;
    return { ...idxRange(sides[s], from, to), items: sides[s].slice(from, to + 1) };
  };
  return {
    ...idxRange(pairs, first, last), first, last,
    pairs: pairs.slice(first, last + 1).map((p) => (p.row === undefined ? { noise: p.id } : { row: rows[p.row]!.key })),
    sides: { src: side('src'), tgt: side('tgt') },
  };
}

const noiseIds = (region: Region): number[] => region.pairs.flatMap((p) => ('noise' in p ? [p.noise] : []));

/** How many items before each noise item of a list: where the noise stands as the region is now. */
const countsBefore = <T>(list: readonly T[], isNoise: (item: T) => boolean): number[] => {
  let n = 0;
  return list.flatMap((item) => (isNoise(item) ? [n] : (n++, [])));
};

/** The noise rows and texts of the region where they stand now, among the rows the patch removes. */
export const placesNow = (region: Region): NoisePlaces => ({
  pairs: countsBefore(region.pairs, (p) => 'noise' in p),
  src: countsBefore(region.sides.src.items, (i) => i.noise !== undefined),
  tgt: countsBefore(region.sides.tgt.items, (i) => i.noise !== undefined),
});

/** Places that fit the region and the rows going in: a recorded layout is used only then. */
function fits(places: NoisePlaces | undefined, region: Region, inserted: readonly AlignRow[]): places is NoisePlaces {
  if (!places) return false;
  const now = placesNow(region);
  const within = (list: number[], expected: number[], max: number) =>
    list.length === expected.length && list.every((n, i) => Number.isInteger(n) && n >= 0 && n <= max && (i === 0 || n >= list[i - 1]!));
  return within(places.pairs, now.pairs, inserted.length)
    && SIDES.every((s) => within(places[s], now[s], inserted.reduce((n, r) => n + r[s].length, 0)));
}

/**
 * One side's noise texts among the inserted rows' sentences: each stays before the first sentence after it that is
 * still there. `firstText` holds where each noise row's first text on this side goes.
 */
function textPlaces(region: Region, inserted: readonly AlignRow[], side: Side) {
  const news = inserted.flatMap((r, row) => r[side].map((x) => ({ key: x.key, row })));
  const position = new Map(news.map((n, i) => [n.key, i]));
  const items = region.sides[side].items;
  const places: number[] = [];
  const firstText = new Map<number, number>();
  let next = news.length;
  for (let t = items.length - 1; t >= 0; t--) {
    const item = items[t]!;
    if (item.noise === undefined) {
      next = position.get(sentenceKey(item.segment)) ?? next;
      continue;
    }
    places.push(next);
    firstText.set(item.noise, next);
  }
  return { news, places: places.reverse(), firstText };
}

/**
 * Where the region's noise goes among the patch's inserted rows: as the patch's record says when an undo or redo
 * carries the layout it restores, else by its text. On each side a noise text stays before the first sentence after it
 * that is still there (after a split sentence's tail, after a joined sentence); its row goes between the rows holding
 * the sentences around its text (after the row, when both are in one), and where several places fit, after the rows it
 * stood after: the same rows, or new rows made only of their sentences. So a sentence a person moves across a noise
 * row crosses it, and nothing else does.
 */
export function placeNoise(region: Region, patch: RowPatch): NoisePlaces {
  const { inserted } = patch;
  if (fits(patch.noise?.inserted, region, inserted)) return patch.noise.inserted;
  const sides = { src: textPlaces(region, inserted, 'src'), tgt: textPlaces(region, inserted, 'tgt') };

  // Where each inserted row stood among the region's pairs: its own place if it was a row there, else, for a new row,
  // the last place its sentences came from; a new row with none stood nowhere.
  const order = new Map<string, number>();
  const cameFrom = new Map<string, number>();
  let removed = 0;
  region.pairs.forEach((p, i) => {
    if (!('row' in p)) return;
    order.set(p.row, i);
    const row = patch.removed[removed++];
    for (const x of [...(row?.src ?? []), ...(row?.tgt ?? [])]) cameFrom.set(x.key, i);
  });
  const kept = inserted.flatMap((r, i) => {
    const from = order.get(r.key) ?? Math.max(-1, ...[...r.src, ...r.tgt].map((x) => cameFrom.get(x.key) ?? -1));
    return from >= 0 ? [{ i, at: from }] : [];
  }).sort((a, b) => a.at - b.at);
  let stay = 0;
  let seen = 0;
  let previous = 0;
  const pairs = region.pairs.flatMap((p, at) => {
    if ('row' in p) return [];
    while (seen < kept.length && kept[seen]!.at < at) stay = Math.max(stay, kept[seen++]!.i + 1);
    let lower = 0;
    let upper = inserted.length;
    for (const s of SIDES) {
      const c = sides[s].firstText.get(p.noise);
      if (c === undefined) continue;
      const { news } = sides[s];
      lower = Math.max(lower, c > 0 ? news[c - 1]!.row + 1 : 0);
      upper = Math.min(upper, c < news.length ? news[c]!.row : inserted.length);
    }
    const k = Math.max(previous, Math.min(Math.max(stay, Math.min(lower, upper)), Math.max(lower, upper)));
    previous = k;
    return [k];
  });
  return { pairs, src: sides.src.places, tgt: sides.tgt.places };
}

/** The patch with where its region's noise stands before and after it, as the log keeps it for undo and redo. */
export function withNoisePlaces(loaded: LoadedAlignment, patch: RowPatch): RowPatch {
  const region = regionOf(loaded, patch);
  return { ...patch, noise: { removed: placesNow(region), inserted: placeNoise(region, patch) } };
}

export type RegionItem = { row: AlignRow } | { noise: number };

/** Interleaves items with the noise that goes before the item numbered by each place. */
function interleave<T, N>(items: readonly T[], noise: readonly N[], places: readonly number[]): (T | N)[] {
  const out: (T | N)[] = [];
  let j = 0;
  items.forEach((item, i) => {
    while (j < noise.length && places[j]! <= i) out.push(noise[j++]!);
    out.push(item);
  });
  return [...out, ...noise.slice(j)];
}

/** The region's pairs in their new order. */
export const regionSequence = (region: Region, inserted: readonly AlignRow[], places: NoisePlaces): RegionItem[] =>
  interleave<RegionItem, RegionItem>(inserted.map((row) => ({ row })), noiseIds(region).map((noise) => ({ noise })), places.pairs);

export interface SentencePlace {
  pairId: number;
  key?: string;
  sentence?: Sentence;
  segmentId?: number;
}

/** One side's segments of the region in their new order: noise texts keep their pairs, sentences go to their rows' pairs. */
export function sideOrder(region: Region, side: Side, inserted: readonly AlignRow[], places: NoisePlaces, rowPairIds: readonly number[]): SentencePlace[] {
  const sentences = inserted.flatMap((r, i) => r[side].map((sentence): SentencePlace => ({ pairId: rowPairIds[i]!, key: sentence.key, sentence })));
  const noise = region.sides[side].items.flatMap((item) => (item.noise === undefined ? [] : [{ pairId: item.noise, segmentId: item.segment }]));
  return interleave<SentencePlace, SentencePlace>(sentences, noise, places[side]);
}

/** Each noise row's `at` once the patch is written: how the document page will number rows then. */
export function noiseAtAfter(loaded: LoadedAlignment, patch: RowPatch, region: Region, places: NoisePlaces): number[] {
  let inRegion = 0;
  let j = 0;
  return loaded.pairs.flatMap((p, place) => {
    if (p.row !== undefined) return [];
    const { at } = loaded.noise[j++]!;
    if (place < region.first) return [at];
    if (place > region.last) return [at + patch.inserted.length - patch.removed.length];
    return [patch.at + places.pairs[inRegion++]!];
  });
}
