// SQL for alignment editing: a document's rows as the editor sees them, and writing a patch of rows back.

import type { Db } from './open-database.ts';
import type { AlignRow, Sentence } from '../domain/alignment-rows.ts';

/** A document's rows as the alignment editor sees them; the domain's row type is the storage shape too. */
export type StoredRow = AlignRow;
type StoredSentence = Sentence;

interface PairRecord {
  id: number;
  idx: number;
  noise: 0 | 1;
  state: number | null;
  score: number | null;
  mt_text: string;
  tgt_text: string;
  confirmed_by: string | null;
  needs_review: string | null;
}

interface SegmentRecord {
  id: number;
  pair_id: number;
  side: 'src' | 'tgt';
  text: string;
  paragraph: number;
  start_offset: number;
  end_offset: number;
  source_id: number;
}

const pairKey = (id: number) => `p${id}`;
const sentenceKey = (id: number) => `s${id}`;
const storedId = (key: string, prefix: 'p' | 's') => (key.startsWith(prefix) && /^\d+$/.test(key.slice(1)) ? Number(key.slice(1)) : undefined);

export function alignmentRepo(db: Db) {
  const q = {
    pairs: db.prepare(`SELECT p.id, p.idx, p.noise, p.state, p.score, p.mt_text, p.tgt_text, u.name AS confirmed_by, p.needs_review
      FROM pairs p LEFT JOIN users u ON u.id = p.confirmed_by WHERE p.document_id = ? ORDER BY p.idx`),
    segments: db.prepare(`SELECT s.id, s.pair_id, s.side, s.text, s.paragraph, s.start_offset, s.end_offset, s.source_id
      FROM segments s WHERE s.document_id = ? ORDER BY s.side, s.idx`),
    userId: db.prepare('SELECT id FROM users WHERE name = ?').pluck(),
    docVersion: db.prepare('SELECT version FROM documents WHERE id = ?').pluck(),
    bumpDoc: db.prepare('UPDATE documents SET version = version + 1 WHERE id = ?'),
    hidePairs: db.prepare('UPDATE pairs SET idx = -1 - idx WHERE document_id = ?'),
    hideSegments: db.prepare('UPDATE segments SET idx = -1 - idx WHERE document_id = ?'),
    pairIdx: db.prepare('UPDATE pairs SET idx = ? WHERE id = ?'),
    segmentIdx: db.prepare('UPDATE segments SET idx = ?, pair_id = ? WHERE id = ?'),
    updatePair: db.prepare(`UPDATE pairs SET score = ?, state = ?, mt_text = ?, tgt_text = ?, confirmed_by = ?, needs_review = ?,
      version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`),
    insertPair: db.prepare(`INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, tgt_text, confirmed_by, needs_review)
      VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`),
    deletePair: db.prepare('DELETE FROM pairs WHERE id = ?'),
    updateSegment: db.prepare('UPDATE segments SET text = ?, paragraph = ?, start_offset = ?, end_offset = ? WHERE id = ?'),
    insertSegment: db.prepare(`INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise)
      VALUES (?, ?, ?, ?, ?, ?, 'sentence', ?, ?, ?, 0)`),
    deleteSegment: db.prepare('DELETE FROM segments WHERE id = ?'),
    insertOp: db.prepare('INSERT INTO alignment_ops (document_id, author_id, op, patch) VALUES (?, ?, ?, ?)'),
    dropRedo: db.prepare('DELETE FROM alignment_ops WHERE document_id = ? AND undone = 1'),
    lastDone: db.prepare('SELECT id, op, patch FROM alignment_ops WHERE document_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1'),
    firstUndone: db.prepare('SELECT id, op, patch FROM alignment_ops WHERE document_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1'),
    markOp: db.prepare('UPDATE alignment_ops SET undone = ?, patch = ? WHERE id = ?'),
    counts: db.prepare(`SELECT coalesce(sum(undone = 0), 0) AS undo, coalesce(sum(undone = 1), 0) AS redo FROM alignment_ops WHERE document_id = ?`),
  };

  return {
    documentVersion: (documentId: number) => q.docVersion.get(documentId) as number | undefined,
    bumpDocument: (documentId: number) => q.bumpDoc.run(documentId),

    /** Rows in order; noise rows are left out of editing and reported by the row they follow. */
    load(documentId: number): { rows: StoredRow[]; noiseAfter: Map<string | null, number[]> } {
      const pairs = q.pairs.all(documentId) as PairRecord[];
      const segments = q.segments.all(documentId) as SegmentRecord[];
      const byPair = new Map<number, SegmentRecord[]>();
      for (const s of segments) byPair.set(s.pair_id, [...(byPair.get(s.pair_id) ?? []), s]);
      const rows: StoredRow[] = [];
      const noiseAfter = new Map<string | null, number[]>();
      for (const p of pairs) {
        if (p.noise) {
          const anchor = rows.at(-1)?.key ?? null;
          noiseAfter.set(anchor, [...(noiseAfter.get(anchor) ?? []), p.id]);
          continue;
        }
        const segs = byPair.get(p.id) ?? [];
        const sentence = (s: SegmentRecord): StoredSentence => ({ key: sentenceKey(s.id), text: s.text, paragraph: s.paragraph, start: s.start_offset, end: s.end_offset });
        rows.push({
          key: pairKey(p.id), src: segs.filter((s) => s.side === 'src').map(sentence), tgt: segs.filter((s) => s.side === 'tgt').map(sentence),
          tgtText: p.tgt_text, mtText: p.mt_text, state: p.state ?? 0, score: p.score, confirmedBy: p.confirmed_by, needsReview: p.needs_review,
        });
      }
      return { rows, noiseAfter };
    },

    /**
     * Writes the rows `touched` (the patch's inserted rows) and removes the rows `gone`, then
     * renumbers the document in the order of `rows`. Returns the keys that new rows and
     * sentences received, so a stored patch can name them.
     */
    write(documentId: number, rows: StoredRow[], touched: StoredRow[], gone: StoredRow[], noiseAfter: Map<string | null, number[]>): Map<string, string> {
      const keys = new Map<string, string>();
      const segments = q.segments.all(documentId) as SegmentRecord[];
      const sourceOf = new Map(segments.map((s) => [sentenceKey(s.id), s.source_id]));
      const fallbackSource = { src: segments.find((s) => s.side === 'src')?.source_id, tgt: segments.find((s) => s.side === 'tgt')?.source_id };
      q.hidePairs.run(documentId);
      q.hideSegments.run(documentId);
      const keep = new Set(touched.flatMap((r) => [r.key, ...r.src.map((s) => s.key), ...r.tgt.map((s) => s.key)]));
      for (const r of gone) {
        for (const s of [...r.src, ...r.tgt]) {
          const id = storedId(s.key, 's');
          if (id !== undefined && !keep.has(s.key)) q.deleteSegment.run(id);
        }
      }
      const userId = (name: string | null) => (name ? (q.userId.get(name) as number | undefined) ?? null : null);
      for (const r of touched) {
        const id = storedId(r.key, 'p');
        const values = [r.score, r.state, r.mtText, r.tgtText, userId(r.confirmedBy), r.needsReview] as const;
        if (id !== undefined && (q.updatePair.run(...values, id).changes === 1)) continue;
        const newId = Number(q.insertPair.run(documentId, -1_000_000 - keys.size, ...values).lastInsertRowid);
        keys.set(r.key, pairKey(newId));
      }
      const pairIdOf = (key: string) => storedId(keys.get(key) ?? key, 'p')!;
      for (const r of touched) {
        for (const side of ['src', 'tgt'] as const) {
          r[side].forEach((s, i) => {
            const id = storedId(s.key, 's');
            if (id !== undefined && sourceOf.has(s.key)) {
              q.updateSegment.run(s.text, s.paragraph, s.start, s.end, id);
              return;
            }
            // A sentence split off another keeps that sentence's source text.
            const neighbour = r[side][i - 1] ?? r[side][i + 1];
            const source = (neighbour && sourceOf.get(keys.get(neighbour.key) ?? neighbour.key)) ?? fallbackSource[side];
            const newId = Number(q.insertSegment.run(documentId, pairIdOf(r.key), source, side, -1_000_000 - keys.size, s.text, s.paragraph, s.start, s.end).lastInsertRowid);
            keys.set(s.key, sentenceKey(newId));
            sourceOf.set(sentenceKey(newId), source!);
          });
        }
      }
      const gonePairs = gone.map((r) => r.key).filter((k) => !keep.has(k));
      let idx = 0;
      const next = { src: 0, tgt: 0 };
      const segmentsOfPair = new Map<number, SegmentRecord[]>();
      for (const seg of segments) segmentsOfPair.set(seg.pair_id, [...(segmentsOfPair.get(seg.pair_id) ?? []), seg]);
      const placeNoise = (anchor: string | null) => {
        for (const id of noiseAfter.get(anchor) ?? []) {
          q.pairIdx.run(idx++, id);
          for (const seg of segmentsOfPair.get(id) ?? []) q.segmentIdx.run(next[seg.side]++, id, seg.id);
        }
      };
      placeNoise(null);
      const present = new Set(rows.map((r) => r.key));
      for (const r of rows) {
        const pairId = pairIdOf(r.key);
        q.pairIdx.run(idx++, pairId);
        for (const side of ['src', 'tgt'] as const) {
          for (const s of r[side]) q.segmentIdx.run(next[side]++, pairId, storedId(keys.get(s.key) ?? s.key, 's')!);
        }
        placeNoise(r.key);
      }
      // Noise that followed a row which no longer exists stays at the end of the region it was in.
      for (const [anchor] of noiseAfter) if (anchor !== null && !present.has(anchor)) placeNoise(anchor);
      for (const key of gonePairs) q.deletePair.run(storedId(key, 'p')!);
      return keys;
    },

    recordOp: (documentId: number, authorId: number | null, op: unknown, patch: unknown) => {
      q.dropRedo.run(documentId);
      q.insertOp.run(documentId, authorId, JSON.stringify(op), JSON.stringify(patch));
    },
    lastDone: (documentId: number) => q.lastDone.get(documentId) as { id: number; op: string; patch: string } | undefined,
    firstUndone: (documentId: number) => q.firstUndone.get(documentId) as { id: number; op: string; patch: string } | undefined,
    markOp: (id: number, undone: boolean, patch: unknown) => q.markOp.run(undone ? 1 : 0, JSON.stringify(patch), id),
    counts: (documentId: number) => q.counts.get(documentId) as { undo: number; redo: number },
  };
}
export type AlignmentRepo = ReturnType<typeof alignmentRepo>;
