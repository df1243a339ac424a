// SQL for alignment editing on PostgreSQL (see ../alignment-repo.ts). An alignment operation claims the document's
// next version first, which takes the document's row lock until it commits: two servers editing one document's rows
// queue, and the second finds the version moved on.

import type { AlignRow, RowPatch } from '../../domain/alignment-rows.ts';
import {
  pairKey, regionSequence, rowsFromRecords, sentenceKey, sideOrder, storedId, type PairRecord, type SegmentRecord,
} from '../alignment-layout.ts';
import { one, row, rows, run, type Sql } from './connect.ts';

type LoggedOp = { id: number; op: string; patch: string };

// Moving a block of rows without breaking UNIQUE(document_id, idx), which PostgreSQL checks row by row as SQLite does:
// park the block below zero, shift the tail out through negative numbers and back.
const PARK = -1_000_000_000;

export function alignmentRepo(sql: Sql) {
  const userIds = new Map<string, number | null>();
  const userId = async (name: string | null) => {
    if (!name) return null;
    if (!userIds.has(name)) userIds.set(name, (await one<number>(sql, 'SELECT id FROM users WHERE name = $1', [name])) ?? null);
    return userIds.get(name)!;
  };

  /** Moves the pairs (or one side's segments) from lo..hi out of the way and opens `delta` places after them. */
  async function makeRoom(table: 'pairs' | 'segments', where: string, values: unknown[], lo: number, hi: number, delta: number) {
    const n = values.length;
    await sql.query(`UPDATE ${table} SET idx = ${PARK} - idx WHERE ${where} AND idx BETWEEN $${n + 1} AND $${n + 2}`, [...values, lo, hi]);
    if (!delta) return;
    await sql.query(`UPDATE ${table} SET idx = -(idx + $${n + 1}) - 1 WHERE ${where} AND idx > $${n + 2}`, [...values, delta, hi]);
    await sql.query(`UPDATE ${table} SET idx = -idx - 1 WHERE ${where} AND idx < 0 AND idx > ${PARK}`, values);
  }

  return {
    documentVersion: (documentId: number) => one<number>(sql, 'SELECT version FROM documents WHERE id = $1', [documentId]),
    /** Moves the document from version `expected` to the next (and its revision on by one); undefined when it is not at `expected`. */
    claimVersion: (documentId: number, expected: number) => one<number>(sql,
      'UPDATE documents SET version = version + 1, revision = revision + 1 WHERE id = $1 AND version = $2 RETURNING version', [documentId, expected]),

    async load(documentId: number) {
      const pairs = await rows<PairRecord>(sql, `SELECT p.id, p.idx, p.noise, p.state, p.score, p.mt_text, p.tgt_text, u.name AS confirmed_by,
          p.needs_review FROM pairs p LEFT JOIN users u ON u.id = p.confirmed_by WHERE p.document_id = $1 ORDER BY p.idx`, [documentId]);
      const segments = await rows<SegmentRecord>(sql, `SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.paragraph, s.start_offset, s.end_offset,
          s.source_id, s.kind FROM segments s WHERE s.document_id = $1 ORDER BY s.side, s.idx`, [documentId]);
      return rowsFromRecords(pairs, segments);
    },

    /** Writes a patch as ../alignment-repo.ts does; new rows and sentences take ids from the tables' sequences. */
    async write(documentId: number, before: readonly AlignRow[], patch: RowPatch, noiseAfter: Map<string | null, number[]>): Promise<Map<string, string>> {
      const keys = new Map<string, string>();
      // An approved row's sentences are what the translation memory matches on.
      if ([...patch.removed, ...patch.inserted].some((r) => r.state === 30)) {
        await sql.query("UPDATE change_counters SET value = value + 1 WHERE name = 'memory'");
      }
      const end = before[patch.at + patch.removed.length];
      const first = before[patch.at];
      const bounds = (await row<{ max_idx: number | null; first_idx: number | null; end_idx: number | null }>(sql, `SELECT
          (SELECT max(idx) FROM pairs WHERE document_id = $1) AS max_idx,
          (SELECT idx FROM pairs WHERE id = $2) AS first_idx, (SELECT idx FROM pairs WHERE id = $3) AS end_idx`,
      [documentId, first ? storedId(first.key, 'p') : null, end ? storedId(end.key, 'p') : null]))!;
      const maxIdx = bounds.max_idx ?? -1;
      const lo = patch.removed.length ? bounds.first_idx! : (first ? bounds.first_idx! : maxIdx + 1);
      const hi = patch.removed.length ? (end ? bounds.end_idx! - 1 : maxIdx) : lo - 1;

      const regionNoise = (await rows<{ id: number }>(sql,
        'SELECT id FROM pairs WHERE document_id = $1 AND idx BETWEEN $2 AND $3 AND noise = 1 ORDER BY idx', [documentId, lo, hi])).map((r) => r.id);
      const sequence = regionSequence(patch, noiseAfter, regionNoise);
      const regionSegments = await rows<SegmentRecord>(sql, `SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.paragraph, s.start_offset,
          s.end_offset, s.source_id, s.kind FROM segments s JOIN pairs p ON p.id = s.pair_id
        WHERE p.document_id = $1 AND p.idx BETWEEN $2 AND $3 ORDER BY s.side, s.idx`, [documentId, lo, hi]);
      const sourceOf = new Map(regionSegments.map((seg) => [sentenceKey(seg.id), seg.source_id]));
      const kept = new Set(patch.inserted.flatMap((r) => [...r.src, ...r.tgt].map((x) => x.key)));
      const dropped = regionSegments.filter((seg) => !regionNoise.includes(seg.pair_id) && !kept.has(sentenceKey(seg.id))).map((seg) => seg.id);
      if (dropped.length) await sql.query('DELETE FROM segments WHERE id = ANY($1::bigint[])', [dropped]);

      // Pairs: park the region, shift the tail, then number the region's new order from lo.
      await makeRoom('pairs', 'document_id = $1', [documentId], lo, hi, sequence.length - (hi - lo + 1));
      const regionKeys = new Set(patch.removed.map((r) => r.key));
      const pairIds: number[] = [];
      for (const [i, item] of sequence.entries()) {
        if ('noise' in item) {
          await sql.query('UPDATE pairs SET idx = $1 WHERE id = $2', [lo + i, item.noise]);
          pairIds.push(item.noise);
          continue;
        }
        const r = item.row;
        const values = [r.score, r.state, r.mtText, r.tgtText, await userId(r.confirmedBy), r.needsReview];
        // Only a pair this patch replaces may be reused: an id named in an old patch may belong to another row now.
        const id = regionKeys.has(r.key) ? storedId(r.key, 'p') : undefined;
        if (id !== undefined && (await run(sql, `UPDATE pairs SET score = $1, state = $2, mt_text = $3, tgt_text = $4, confirmed_by = $5,
            needs_review = $6, version = version + 1, changed_at = now(), idx = $7 WHERE id = $8`, [...values, lo + i, id])).changes === 1) {
          pairIds.push(id);
          continue;
        }
        const newId = (await one<number>(sql, `INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, tgt_text, confirmed_by, needs_review)
          VALUES ($1, $2, $3, 0, $4, $5, $6, $7, $8) RETURNING id`, [documentId, lo + i, ...values]))!;
        keys.set(r.key, pairKey(newId));
        pairIds.push(newId);
      }

      // Segments, side by side, the same way.
      for (const side of ['src', 'tgt'] as const) {
        const old = regionSegments.filter((seg) => seg.side === side);
        const slo = old.length ? Math.min(...old.map((seg) => seg.idx)) : ((await one<number | null>(sql, `SELECT min(s.idx) FROM segments s
            JOIN pairs p ON p.id = s.pair_id WHERE p.document_id = $1 AND s.side = $2 AND p.idx > $3`, [documentId, side, hi]))
          ?? (await one<number>(sql, 'SELECT coalesce(max(idx), -1) + 1 FROM segments WHERE document_id = $1 AND side = $2', [documentId, side]))!);
        const shi = old.length ? Math.max(...old.map((seg) => seg.idx)) : slo - 1;
        const fallback = old[0]?.source_id
          ?? await one<number>(sql, 'SELECT id FROM sources WHERE document_id = $1 AND side = $2 ORDER BY id LIMIT 1', [documentId, side]);
        const order = sideOrder(sequence, side, old, pairIds);
        await makeRoom('segments', 'document_id = $1 AND side = $2', [documentId, side], slo, shi, order.length - (shi - slo + 1));
        for (const [i, o] of order.entries()) {
          if (o.segmentId !== undefined) {
            await sql.query('UPDATE segments SET idx = $1, pair_id = $2 WHERE id = $3', [slo + i, o.pairId, o.segmentId]);
            continue;
          }
          // A sentence joined across two imported files has no single span; keep its start, never a negative length.
          const s = { ...o.sentence!, end: Math.max(o.sentence!.end, o.sentence!.start) };
          const id = storedId(s.key, 's');
          if (id !== undefined && sourceOf.has(s.key)) {
            await sql.query('UPDATE segments SET text = $1, paragraph = $2, start_offset = $3, end_offset = $4, idx = $5, pair_id = $6 WHERE id = $7',
              [s.text, s.paragraph, s.start, s.end, slo + i, o.pairId, id]);
            continue;
          }
          // A sentence split off another keeps that sentence's source text.
          const neighbour = order[i - 1]?.key ?? order[i + 1]?.key;
          const source = (neighbour && sourceOf.get(keys.get(neighbour) ?? neighbour)) || fallback;
          const newId = (await one<number>(sql, `INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset,
              end_offset, noise) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0) RETURNING id`,
          [documentId, o.pairId, source, side, slo + i, s.text, s.kind ?? 'sentence', s.paragraph, s.start, s.end]))!;
          keys.set(s.key, sentenceKey(newId));
          sourceOf.set(sentenceKey(newId), source!);
        }
      }
      const live = new Set(pairIds);
      const gone = patch.removed.map((r) => storedId(r.key, 'p')).filter((id): id is number => id !== undefined && !live.has(id));
      if (gone.length) await sql.query('DELETE FROM pairs WHERE id = ANY($1::bigint[])', [gone]);
      return keys;
    },

    async recordOp(documentId: number, authorId: number | null, op: unknown, patch: unknown) {
      await sql.query('DELETE FROM alignment_ops WHERE document_id = $1 AND undone = 1', [documentId]);
      await sql.query('INSERT INTO alignment_ops (document_id, author_id, op, patch) VALUES ($1, $2, $3, $4)',
        [documentId, authorId, JSON.stringify(op), JSON.stringify(patch)]);
    },
    lastDone: (documentId: number) =>
      row<LoggedOp>(sql, 'SELECT id, op, patch FROM alignment_ops WHERE document_id = $1 AND undone = 0 ORDER BY id DESC LIMIT 1', [documentId]),
    firstUndone: (documentId: number) =>
      row<LoggedOp>(sql, 'SELECT id, op, patch FROM alignment_ops WHERE document_id = $1 AND undone = 1 ORDER BY id ASC LIMIT 1', [documentId]),
    markOp: (id: number, undone: boolean, patch: unknown) =>
      run(sql, 'UPDATE alignment_ops SET undone = $1, patch = $2 WHERE id = $3', [undone ? 1 : 0, JSON.stringify(patch), id]),
    counts: async (documentId: number) => (await row<{ undo: number; redo: number }>(sql, `SELECT count(*) FILTER (WHERE undone = 0) AS undo,
      count(*) FILTER (WHERE undone = 1) AS redo FROM alignment_ops WHERE document_id = $1`, [documentId]))!,
    /** Rewrites every logged patch of the document, e.g. when an undo gave a restored row a new id. */
    async rewritePatches(documentId: number, rewrite: (patch: RowPatch) => RowPatch): Promise<void> {
      for (const op of await rows<{ id: number; patch: string }>(sql, 'SELECT id, patch FROM alignment_ops WHERE document_id = $1', [documentId])) {
        await sql.query('UPDATE alignment_ops SET patch = $1 WHERE id = $2', [JSON.stringify(rewrite(JSON.parse(op.patch) as RowPatch)), op.id]);
      }
    },
  };
}
export type AlignmentRepo = ReturnType<typeof alignmentRepo>;
