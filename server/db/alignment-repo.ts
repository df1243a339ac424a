// SQL for alignment editing: a document's rows as the editor sees them, and writing a patch of rows back.

import type { Db } from './open-database.ts';
import type { AlignRow, RowPatch } from '../domain/alignment-rows.ts';
import {
  pairKey, rowsFromRecords, sentenceKey, storedId, storedKind, storedLineBefore, storedSourceChange, type LoadedAlignment, type PairRecord, type SegmentRecord,
} from '../domain/alignment-layout.ts';
import { placeNoise, regionOf, regionSequence, sideOrder } from '../domain/region-layout.ts';

/** A document's rows as the alignment editor sees them; the domain's row type is the storage shape too. */
export type StoredRow = AlignRow;

/** The sizes of a document's undo and redo stacks, and who made the change undo would revert (nulls when none). */
export interface UndoStack {
  undo: number;
  redo: number;
  lastAuthor: string | null;
  lastAuthorId: number | null;
}

/** One logged alignment operation, as undo and redo find it. */
export interface LoggedOp {
  id: number;
  op: string;
  patch: string;
  authorId: number | null;
  author: string | null;
}

export function alignmentRepo(db: Db) {
  const q = {
    pairs: db.prepare(`SELECT p.id, p.idx, p.noise, p.state, p.score, p.mt_text, p.mt_kind, p.tgt_text, u.name AS confirmed_by, p.needs_review,
      p.src_changed FROM pairs p LEFT JOIN users u ON u.id = p.confirmed_by WHERE p.document_id = ? ORDER BY p.idx`),
    segments: db.prepare(`SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.paragraph, s.start_offset, s.end_offset, s.source_id, s.kind,
      s.line_before FROM segments s WHERE s.document_id = ? ORDER BY s.side, s.idx`),
    userId: db.prepare('SELECT id FROM users WHERE name = ?').pluck(),
    docVersion: db.prepare('SELECT version FROM documents WHERE id = ?').pluck(),
    claimVersion: db.prepare('UPDATE documents SET version = version + 1, revision = revision + 1 WHERE id = ? AND version = ? RETURNING version').pluck(),
    bumpMemory: db.prepare("UPDATE change_counters SET value = value + 1 WHERE name = 'memory'"),
    // Moving a block of rows without breaking UNIQUE(document_id, idx): park it below zero, shift the tail through negative numbers.
    parkPairs: db.prepare('UPDATE pairs SET idx = -1000000000 - idx WHERE document_id = ? AND idx BETWEEN ? AND ?'),
    shiftPairsOut: db.prepare('UPDATE pairs SET idx = -(idx + ?) - 1 WHERE document_id = ? AND idx > ?'),
    shiftPairsBack: db.prepare('UPDATE pairs SET idx = -idx - 1 WHERE document_id = ? AND idx < 0 AND idx > -1000000000'),
    parkSegments: db.prepare('UPDATE segments SET idx = -1000000000 - idx WHERE document_id = ? AND side = ? AND idx BETWEEN ? AND ?'),
    shiftSegmentsOut: db.prepare('UPDATE segments SET idx = -(idx + ?) - 1 WHERE document_id = ? AND side = ? AND idx > ?'),
    shiftSegmentsBack: db.prepare('UPDATE segments SET idx = -idx - 1 WHERE document_id = ? AND side = ? AND idx < 0 AND idx > -1000000000'),
    anySource: db.prepare('SELECT id FROM sources WHERE document_id = ? AND side = ? ORDER BY id LIMIT 1').pluck(),
    pairIdx: db.prepare('UPDATE pairs SET idx = ? WHERE id = ?'),
    segmentIdx: db.prepare('UPDATE segments SET idx = ?, pair_id = ? WHERE id = ?'),
    updatePair: db.prepare(`UPDATE pairs SET idx = ?, score = ?, state = ?, mt_text = ?, mt_kind = ?, tgt_text = ?, confirmed_by = ?, needs_review = ?,
      src_changed = ?, version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`),
    insertPair: db.prepare(`INSERT INTO pairs (id, document_id, idx, score, noise, state, mt_text, mt_kind, tgt_text, confirmed_by, needs_review,
      src_changed) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`),
    // WHERE true: SQLite's parser needs it between an INSERT's SELECT and its ON CONFLICT.
    raiseCounters: db.prepare(`INSERT INTO id_counters (name, next)
      SELECT * FROM (SELECT 'pairs', (SELECT coalesce(max(id), 0) + 1 FROM pairs) UNION ALL SELECT 'segments', (SELECT coalesce(max(id), 0) + 1 FROM segments))
      WHERE true ON CONFLICT (name) DO UPDATE SET next = max(next, excluded.next)`),
    takeId: db.prepare('UPDATE id_counters SET next = next + 1 WHERE name = ? RETURNING next - 1 AS id').pluck(),
    deletePair: db.prepare('DELETE FROM pairs WHERE id = ?'),
    updateSegment: db.prepare('UPDATE segments SET idx = ?, pair_id = ?, text = ?, paragraph = ?, start_offset = ?, end_offset = ?, line_before = ? WHERE id = ?'),
    insertSegment: db.prepare(`INSERT INTO segments (id, document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise,
      line_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`),
    deleteSegment: db.prepare('DELETE FROM segments WHERE id = ?'),
    insertOp: db.prepare('INSERT INTO alignment_ops (document_id, author_id, op, patch) VALUES (?, ?, ?, ?)'),
    dropRedo: db.prepare('DELETE FROM alignment_ops WHERE document_id = ? AND undone = 1'),
    lastDone: db.prepare(`SELECT o.id, o.op, o.patch, o.author_id AS authorId, u.name AS author FROM alignment_ops o
      LEFT JOIN users u ON u.id = o.author_id WHERE o.document_id = ? AND o.undone = 0 ORDER BY o.id DESC LIMIT 1`),
    firstUndone: db.prepare(`SELECT o.id, o.op, o.patch, o.author_id AS authorId, u.name AS author FROM alignment_ops o
      LEFT JOIN users u ON u.id = o.author_id WHERE o.document_id = ? AND o.undone = 1 ORDER BY o.id ASC LIMIT 1`),
    markOp: db.prepare('UPDATE alignment_ops SET undone = ?, patch = ? WHERE id = ?'),
    allOps: db.prepare('SELECT id, op, patch FROM alignment_ops WHERE document_id = ?'),
    setPatch: db.prepare('UPDATE alignment_ops SET patch = ? WHERE id = ?'),
    counts: db.prepare(`SELECT c.undo, c.redo, l.author_id AS lastAuthorId, u.name AS lastAuthor
      FROM (SELECT coalesce(sum(undone = 0), 0) AS undo, coalesce(sum(undone = 1), 0) AS redo FROM alignment_ops WHERE document_id = @doc) c
      LEFT JOIN (SELECT author_id FROM alignment_ops WHERE document_id = @doc AND undone = 0 ORDER BY id DESC LIMIT 1) l ON true
      LEFT JOIN users u ON u.id = l.author_id`),
  };

  return {
    documentVersion: (documentId: number) => q.docVersion.get(documentId) as number | undefined,
    /**
     * Moves the document from version `expected` to the next one (and its revision on by one) and returns the
     * new version; undefined when it is not at
     * `expected` (or does not exist). Check and bump are one statement, which also takes the row's write lock
     * first, so two alignment edits of one document can never both pass the check.
     */
    claimVersion: (documentId: number, expected: number) => q.claimVersion.get(documentId, expected) as number | undefined,

    /** Rows in order; noise rows are left out of editing and reported by the sentence they follow. */
    load(documentId: number): LoadedAlignment {
      return rowsFromRecords(q.pairs.all(documentId) as PairRecord[], q.segments.all(documentId) as SegmentRecord[]);
    },

    /**
     * Writes a patch: the pairs in its region (its removed rows and the noise rows around them, see domain/region-layout.ts)
     * are replaced by its inserted rows and that noise, and only the pairs and segments after the region shift, so an
     * edit in a 20,000-row document touches a handful of rows and two UPDATE statements per table. `loaded` is the
     * document as the patch was made on it. Returns the keys new rows and sentences received.
     */
    write(documentId: number, loaded: LoadedAlignment, patch: RowPatch): Map<string, string> {
      const keys = new Map<string, string>();
      // An approved row's sentences are what the translation memory matches on.
      if ([...patch.removed, ...patch.inserted].some((r) => r.state === 30)) q.bumpMemory.run();
      // Before anything is deleted, so the counters are above every id this document's log can name.
      q.raiseCounters.run();
      const region = regionOf(loaded, patch);
      const places = placeNoise(region, patch);
      const { lo, hi } = region;
      const sequence = regionSequence(region, patch.inserted, places);
      const kept = new Set(patch.inserted.flatMap((r) => [...r.src, ...r.tgt].map((x) => x.key)));
      const sourceOf = new Map<string, number>();
      for (const side of ['src', 'tgt'] as const) {
        for (const item of region.sides[side].items) {
          if (item.noise !== undefined) continue;
          sourceOf.set(sentenceKey(item.segment), item.source);
          if (!kept.has(sentenceKey(item.segment))) q.deleteSegment.run(item.segment);
        }
      }

      // Pairs: park the region, shift the tail, then number the region's new order from lo.
      const delta = sequence.length - (hi - lo + 1);
      q.parkPairs.run(documentId, lo, hi);
      if (delta) {
        q.shiftPairsOut.run(delta, documentId, hi);
        q.shiftPairsBack.run(documentId);
      }
      const userId = (name: string | null) => (name ? (q.userId.get(name) as number | undefined) ?? null : null);
      const regionKeys = new Set(patch.removed.map((r) => r.key));
      const rowPairIds: number[] = [];
      const live = new Set<number>();
      sequence.forEach((item, i) => {
        if ('noise' in item) {
          q.pairIdx.run(lo + i, item.noise);
          return;
        }
        const r = item.row;
        const values = [r.score, r.state, r.mtText, storedKind(r), r.tgtText, userId(r.confirmedBy), r.needsReview, storedSourceChange(r)] as const;
        // Only a pair this patch replaces may be reused: an id named in an old patch may belong to another row now.
        const id = regionKeys.has(r.key) ? storedId(r.key, 'p') : undefined;
        if (id !== undefined && q.updatePair.run(lo + i, ...values, id).changes === 1) {
          rowPairIds.push(id);
          live.add(id);
          return;
        }
        const newId = Number(q.insertPair.run(q.takeId.get('pairs'), documentId, lo + i, ...values).lastInsertRowid);
        keys.set(r.key, pairKey(newId));
        rowPairIds.push(newId);
      });

      // Segments, side by side, the same way.
      for (const side of ['src', 'tgt'] as const) {
        const { lo: slo, hi: shi, items } = region.sides[side];
        const fallback = items[0]?.source ?? (q.anySource.get(documentId, side) as number | undefined);
        const order = sideOrder(region, side, patch.inserted, places, rowPairIds);
        const sdelta = order.length - (shi - slo + 1);
        q.parkSegments.run(documentId, side, slo, shi);
        if (sdelta) {
          q.shiftSegmentsOut.run(sdelta, documentId, side, shi);
          q.shiftSegmentsBack.run(documentId, side);
        }
        order.forEach((o, i) => {
          if (o.segmentId !== undefined) return void q.segmentIdx.run(slo + i, o.pairId, o.segmentId);
          const sentence = o.sentence!;
          // A sentence joined across two imported files has no single span; keep its start, never a negative length.
          const s = { ...sentence, end: Math.max(sentence.end, sentence.start) };
          const id = storedId(s.key, 's');
          if (id !== undefined && sourceOf.has(s.key)) {
            q.updateSegment.run(slo + i, o.pairId, s.text, s.paragraph, s.start, s.end, storedLineBefore(s), id);
            return;
          }
          // A sentence split off another keeps that sentence's source text.
          const neighbour = order[i - 1]?.key ?? order[i + 1]?.key;
          const source = (neighbour && sourceOf.get(keys.get(neighbour) ?? neighbour)) || fallback;
          const newId = Number(q.insertSegment.run(q.takeId.get('segments'), documentId, o.pairId, source, side, slo + i, s.text, s.kind ?? 'sentence', s.paragraph, s.start, s.end,
            storedLineBefore(s)).lastInsertRowid);
          keys.set(s.key, sentenceKey(newId));
          sourceOf.set(sentenceKey(newId), source!);
        });
      }
      for (const r of patch.removed) {
        const id = storedId(r.key, 'p');
        if (id !== undefined && !live.has(id)) q.deletePair.run(id);
      }
      return keys;
    },

    recordOp: (documentId: number, authorId: number | null, op: unknown, patch: unknown) => {
      q.dropRedo.run(documentId);
      q.insertOp.run(documentId, authorId, JSON.stringify(op), JSON.stringify(patch));
    },
    /** The operation undo would revert, with who made it. */
    lastDone: (documentId: number) => q.lastDone.get(documentId) as LoggedOp | undefined,
    firstUndone: (documentId: number) => q.firstUndone.get(documentId) as LoggedOp | undefined,
    markOp: (id: number, undone: boolean, patch: unknown) => q.markOp.run(undone ? 1 : 0, JSON.stringify(patch), id),
    /** The undo and redo stacks' sizes, and who made the change undo would revert. */
    counts: (documentId: number) => q.counts.get({ doc: documentId }) as UndoStack,
    /** Rewrites every logged patch of the document, e.g. when an undo gave a restored row a new id. */
    rewritePatches(documentId: number, rewrite: (patch: RowPatch) => RowPatch): void {
      for (const op of q.allOps.all(documentId) as { id: number; patch: string }[]) {
        const patch = JSON.stringify(rewrite(JSON.parse(op.patch) as RowPatch));
        if (patch !== op.patch) q.setPatch.run(patch, op.id);
      }
    },
  };
}
export type AlignmentRepo = ReturnType<typeof alignmentRepo>;
