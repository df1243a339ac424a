// How stored pairs and sentences become the alignment editor's rows, and how a patch lays out the region of rows it
// replaces: pure, so that the SQLite and the PostgreSQL alignment repositories place rows, sentences and noise alike.

import type { AlignRow, RowPatch, Sentence } from '../domain/alignment-rows.ts';
import type { MtKind } from '../domain/types.ts';
import type { NoiseRow } from '../domain/row-numbers.ts';
import { joinSentences } from '../domain/assemble-pairs.ts';

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
}

export const pairKey = (id: number) => `p${id}`;
export const sentenceKey = (id: number) => `s${id}`;
export const storedId = (key: string, prefix: 'p' | 's') =>
  (key.startsWith(prefix) && /^\d+$/.test(key.slice(1)) ? Number(key.slice(1)) : undefined);

/** A document's alignment as stored: the rows to edit, and the noise rows left out of editing. */
export interface LoadedAlignment {
  rows: AlignRow[];
  /** Noise follows a sentence, not a row: the noise pairs after each sentence key (null: before the first row). */
  noiseAfter: Map<string | null, number[]>;
  /** The noise rows where they stand, for the editor to number rows as the document page does. */
  noise: NoiseRow[];
}

/** Rows in order; noise rows are left out of editing and reported by the sentence they follow. */
export function rowsFromRecords(pairs: PairRecord[], segments: SegmentRecord[]): LoadedAlignment {
  const byPair = new Map<number, SegmentRecord[]>();
  for (const s of segments) byPair.set(s.pair_id, [...(byPair.get(s.pair_id) ?? []), s]);
  const rows: AlignRow[] = [];
  const noiseAfter = new Map<string | null, number[]>();
  const noise: NoiseRow[] = [];
  for (const p of pairs) {
    const segs = byPair.get(p.id) ?? [];
    if (p.noise) {
      // Noise follows a sentence, not a row: sentences move between rows, and the noise goes with them.
      const previous = rows.at(-1);
      const anchor = (previous?.tgt.at(-1) ?? previous?.src.at(-1))?.key ?? null;
      noiseAfter.set(anchor, [...(noiseAfter.get(anchor) ?? []), p.id]);
      const text = (side: 'src' | 'tgt') => joinSentences(segs.filter((s) => s.side === side).map((s) => s.text), side === 'src' ? 'zh' : 'en');
      noise.push({ at: rows.length, src: text('src'), tgt: text('tgt') });
      continue;
    }
    const sentence = (s: SegmentRecord): Sentence => ({
      key: sentenceKey(s.id), text: s.text, paragraph: s.paragraph, start: s.start_offset, end: s.end_offset,
      ...(s.kind === 'headline' ? { kind: 'headline' as const } : {}),
    });
    rows.push({
      key: pairKey(p.id), src: segs.filter((s) => s.side === 'src').map(sentence), tgt: segs.filter((s) => s.side === 'tgt').map(sentence),
      tgtText: p.tgt_text, mtText: p.mt_text, mtKind: p.mt_kind, state: p.state ?? 0, score: p.score, confirmedBy: p.confirmed_by, needsReview: p.needs_review,
      srcChanged: p.src_changed === 1,
    });
  }
  return { rows, noiseAfter, noise };
}

/** A row's machine-text kind as stored: patches logged before migration 022 have none, and were machine text. */
export const storedKind = (row: AlignRow): MtKind => row.mtKind ?? 'mt';

/** A row's mark of changed Chinese as stored: patches logged before the rows carried it have none. */
export const storedSourceChange = (row: AlignRow): 0 | 1 => (row.srcChanged ? 1 : 0);

export type RegionItem = { row: AlignRow } | { noise: number };

/** The region's new order: each inserted row, then the noise (of `regionNoise`) that followed its sentences before. */
export function regionSequence(patch: RowPatch, noiseAfter: Map<string | null, number[]>, regionNoise: number[]): RegionItem[] {
  const placed = new Set<number>();
  const sequence: RegionItem[] = [];
  const place = (anchor: string | null) => {
    const ids = (noiseAfter.get(anchor) ?? []).filter((id) => regionNoise.includes(id) && !placed.has(id));
    ids.forEach((id) => placed.add(id));
    return ids.map((id) => ({ noise: id }));
  };
  if (patch.at === 0) sequence.push(...place(null));
  for (const row of patch.inserted) {
    sequence.push({ row });
    for (const sentence of [...row.src, ...row.tgt]) sequence.push(...place(sentence.key));
  }
  for (const id of regionNoise) if (!placed.has(id)) sequence.push({ noise: id });
  return sequence;
}

export interface SentencePlace {
  pairId: number;
  key?: string;
  sentence?: Sentence;
  segmentId?: number;
}

/** One side's sentences of the region in their new order: noise rows keep theirs, inserted rows bring theirs. */
export function sideOrder(sequence: RegionItem[], side: 'src' | 'tgt', old: SegmentRecord[], pairIds: number[]): SentencePlace[] {
  const order: SentencePlace[] = [];
  sequence.forEach((item, i) => {
    if ('noise' in item) for (const seg of old.filter((x) => x.pair_id === item.noise)) order.push({ pairId: item.noise, segmentId: seg.id });
    else for (const sentence of item.row[side]) order.push({ pairId: pairIds[i]!, key: sentence.key, sentence });
  });
  return order;
}
