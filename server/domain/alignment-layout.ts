// How stored pairs and sentences become the alignment editor's rows, with the places of the noise rows among them:
// pure, so that the SQLite and the PostgreSQL alignment repositories read a document alike.

import type { AlignRow, Sentence, Side } from './alignment-rows.ts';
import type { MtKind } from './types.ts';
import type { NoiseRow } from './row-numbers.ts';
import { joinSentences } from './assemble-pairs.ts';

export interface PairRecord {
  id: number;
  idx: number;
  noise: 0 | 1;
  state: number | null;
  score: number | null;
  mt_text: string;
  mt_kind: MtKind;
  tgt_text: string;
  confirmed_by: string | null;
  needs_review: string | null;
  src_changed: 0 | 1;
}

export interface SegmentRecord {
  id: number;
  pair_id: number;
  side: 'src' | 'tgt';
  idx: number;
  text: string;
  paragraph: number;
  start_offset: number;
  end_offset: number;
  source_id: number;
  kind: string;
  /** An English sentence that a line break, not a space, separates from the sentence before it (migration 030). */
  line_before: 0 | 1;
}

export const pairKey = (id: number) => `p${id}`;
export const sentenceKey = (id: number) => `s${id}`;
export const storedId = (key: string, prefix: 'p' | 's') =>
  (key.startsWith(prefix) && /^\d+$/.test(key.slice(1)) ? Number(key.slice(1)) : undefined);

/** One segment of a side as stored, in the side's order: a row's sentence, or a noise row's text (`noise`: its pair). */
export interface SideItem {
  segment: number;
  idx: number;
  source: number;
  noise?: number;
}

/** A pair as stored, in document order: a row of the alignment (its index in `rows`) or a noise row. */
export interface PairItem {
  id: number;
  idx: number;
  row?: number;
}

/** A document's alignment as stored: the rows to edit, the noise rows left out of editing, and where both stand. */
export interface LoadedAlignment {
  rows: AlignRow[];
  /** The noise rows where they stand, for the editor to number rows as the document page does. */
  noise: NoiseRow[];
  /** Every pair in order; noise follows its text in each side's order, which alignment edits keep (see region-layout.ts). */
  pairs: PairItem[];
  /** Where each row stands in `pairs`. */
  rowPlace: number[];
  sides: Record<Side, SideItem[]>;
  /** Where each row sentence (by key) stands in its side's list. */
  sentencePlace: Map<string, number>;
}

/** Rows in order; noise rows are left out of editing, and kept with the place of their text on each side. */
export function rowsFromRecords(pairs: PairRecord[], segments: SegmentRecord[]): LoadedAlignment {
  const byPair = new Map<number, SegmentRecord[]>();
  for (const s of segments) byPair.set(s.pair_id, [...(byPair.get(s.pair_id) ?? []), s]);
  const noisePairs = new Set(pairs.filter((p) => p.noise).map((p) => p.id));
  const rows: AlignRow[] = [];
  const noise: NoiseRow[] = [];
  const items: PairItem[] = [];
  const rowPlace: number[] = [];
  for (const p of pairs) {
    const segs = byPair.get(p.id) ?? [];
    if (p.noise) {
      const text = (side: Side) => joinSentences(segs.filter((s) => s.side === side).map((s) => s.text), side === 'src' ? 'zh' : 'en');
      noise.push({ at: rows.length, src: text('src'), tgt: text('tgt') });
      items.push({ id: p.id, idx: p.idx });
      continue;
    }
    const sentence = (s: SegmentRecord): Sentence => ({
      key: sentenceKey(s.id), text: s.text, paragraph: s.paragraph, start: s.start_offset, end: s.end_offset,
      ...(s.kind === 'headline' ? { kind: 'headline' as const } : {}),
      ...(s.line_before === 1 && s.side === 'tgt' ? { lineBefore: true } : {}),
    });
    rowPlace.push(items.length);
    items.push({ id: p.id, idx: p.idx, row: rows.length });
    rows.push({
      key: pairKey(p.id), src: segs.filter((s) => s.side === 'src').map(sentence), tgt: segs.filter((s) => s.side === 'tgt').map(sentence),
      tgtText: p.tgt_text, mtText: p.mt_text, mtKind: p.mt_kind, state: p.state ?? 0, score: p.score, confirmedBy: p.confirmed_by, needsReview: p.needs_review,
      srcChanged: p.src_changed === 1,
    });
  }
  const sentencePlace = new Map<string, number>();
  const side = (which: Side): SideItem[] => segments.filter((s) => s.side === which).map((s, i) => {
    if (noisePairs.has(s.pair_id)) return { segment: s.id, idx: s.idx, source: s.source_id, noise: s.pair_id };
    sentencePlace.set(sentenceKey(s.id), i);
    return { segment: s.id, idx: s.idx, source: s.source_id };
  });
  return { rows, noise, pairs: items, rowPlace, sides: { src: side('src'), tgt: side('tgt') }, sentencePlace };
}

/** A row's machine-text kind as stored: patches logged before migration 022 have none, and were machine text. */
export const storedKind = (row: AlignRow): MtKind => row.mtKind ?? 'mt';

/** A row's mark of changed Chinese as stored: patches logged before the rows carried it have none. */
export const storedSourceChange = (row: AlignRow): 0 | 1 => (row.srcChanged ? 1 : 0);

/** A sentence's line break as stored: only English sentences have one. */
export const storedLineBefore = (sentence: Sentence): 0 | 1 => (sentence.lineBefore ? 1 : 0);
