// SQL for alignment editing on PostgreSQL (see ../alignment-repo.ts). An alignment operation claims the document's
// next version first, which takes the document's row lock until it commits: two servers editing one document's rows
// queue, and the second finds the version moved on.

import type { AlignRow, RowPatch, Sentence } from '../../domain/alignment-rows.ts';
import {
  pairKey, rowsFromRecords, sentenceKey, storedId, storedKind, storedLineBefore, storedSourceChange, type LoadedAlignment, type PairRecord, type SegmentRecord,
} from '../../domain/alignment-layout.ts';
import { placeNoise, regionOf, regionSequence, sideOrder } from '../../domain/region-layout.ts';
import type { LoggedOp, UndoStack } from '../alignment-repo.ts';
import { columns, one, row, rows, run, type Sql } from './connect.ts';

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

  /** Gives rows (pairs, or segments with their pair) new positions in one statement. */
  async function moveRows(table: 'pairs' | 'segments', moves: { id: number; idx: number; pairId: number | null }[]) {
    if (!moves.length) return;
    const pair = table === 'segments' ? ', pair_id = u.pair' : '';
    await sql.query(`UPDATE ${table} t SET idx = u.idx${pair} FROM unnest($1::bigint[], $2::integer[], $3::bigint[]) AS u(id, idx, pair)
      WHERE t.id = u.id`, columns(moves, [(m) => m.id, (m) => m.idx, (m) => m.pairId]));
  }

  return {
    documentVersion: (documentId: number) => one<number>(sql, 'SELECT version FROM documents WHERE id = $1', [documentId]),
    /** Moves the document from version `expected` to the next (and its revision on by one); undefined when it is not at `expected`. */
    claimVersion: (documentId: number, expected: number) => one<number>(sql,
      'UPDATE documents SET version = version + 1, revision = revision + 1 WHERE id = $1 AND version = $2 RETURNING version', [documentId, expected]),

    async load(documentId: number) {
      const pairs = await rows<PairRecord>(sql, `SELECT p.id, p.idx, p.noise, p.state, p.score, p.mt_text, p.mt_kind, p.tgt_text, u.name AS confirmed_by,
          p.needs_review, p.src_changed FROM pairs p LEFT JOIN users u ON u.id = p.confirmed_by WHERE p.document_id = $1 ORDER BY p.idx`, [documentId]);
      const segments = await rows<SegmentRecord>(sql, `SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.paragraph, s.start_offset, s.end_offset,
          s.source_id, s.kind, s.line_before FROM segments s WHERE s.document_id = $1 ORDER BY s.side, s.idx`, [documentId]);
      return rowsFromRecords(pairs, segments);
    },

    /** Writes a patch as ../alignment-repo.ts does; new rows and sentences take ids from the tables' sequences. */
    async write(documentId: number, loaded: LoadedAlignment, patch: RowPatch): Promise<Map<string, string>> {
      const keys = new Map<string, string>();
      // An approved row's sentences are what the translation memory matches on.
      if ([...patch.removed, ...patch.inserted].some((r) => r.state === 30)) {
        await sql.query("UPDATE change_counters SET value = value + 1 WHERE name = 'memory'");
      }
      const region = regionOf(loaded, patch);
      const places = placeNoise(region, patch);
      const { lo, hi } = region;
      const sequence = regionSequence(region, patch.inserted, places);
      const kept = new Set(patch.inserted.flatMap((r) => [...r.src, ...r.tgt].map((x) => x.key)));
      const sentences = [...region.sides.src.items, ...region.sides.tgt.items].filter((item) => item.noise === undefined);
      const sourceOf = new Map(sentences.map((item) => [sentenceKey(item.segment), item.source]));
      const dropped = sentences.filter((item) => !kept.has(sentenceKey(item.segment))).map((item) => item.segment);
      if (dropped.length) await sql.query('DELETE FROM segments WHERE id = ANY($1::bigint[])', [dropped]);

      // Pairs: park the region, shift the tail, then number the region's new order from lo, a statement per kind of
      // change rather than per row (a realign replaces thousands).
      await makeRoom('pairs', 'document_id = $1', [documentId], lo, hi, sequence.length - (hi - lo + 1));
      const regionKeys = new Set(patch.removed.map((r) => r.key));
      const pairIds: number[] = [];
      const noiseMoves: { id: number; idx: number }[] = [];
      const rowsAt: { i: number; row: AlignRow; reuse?: number; confirmedBy: number | null }[] = [];
      for (const [i, item] of sequence.entries()) {
        if ('noise' in item) {
          noiseMoves.push({ id: item.noise, idx: lo + i });
          pairIds[i] = item.noise;
          continue;
        }
        // Only a pair this patch replaces may be reused: an id named in an old patch may belong to another row now.
        const reuse = regionKeys.has(item.row.key) ? storedId(item.row.key, 'p') : undefined;
        rowsAt.push({ i, row: item.row, reuse, confirmedBy: await userId(item.row.confirmedBy) });
      }
      await moveRows('pairs', noiseMoves.map((m) => ({ ...m, pairId: null })));
      const pairColumns = (list: typeof rowsAt) => columns(list, [(x) => lo + x.i, (x) => x.row.score, (x) => x.row.state, (x) => x.row.mtText,
        (x) => storedKind(x.row), (x) => x.row.tgtText, (x) => x.confirmedBy, (x) => x.row.needsReview,
        (x) => storedSourceChange(x.row)]);
      const reused = rowsAt.filter((x) => x.reuse !== undefined);
      const updated = new Set(reused.length ? (await rows<{ id: number }>(sql, `UPDATE pairs p SET idx = u.idx, score = u.score, state = u.state,
          mt_text = u.mt, mt_kind = u.kind, tgt_text = u.tgt, confirmed_by = u.confirmed, needs_review = u.review, src_changed = u.src_changed,
          version = p.version + 1, changed_at = now()
        FROM unnest($1::bigint[], $2::integer[], $3::double precision[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[],
          $10::integer[]) AS u(id, idx, score, state, mt, kind, tgt, confirmed, review, src_changed)
        WHERE p.id = u.id RETURNING p.id`, [reused.map((x) => x.reuse), ...pairColumns(reused)])).map((r) => r.id) : []);
      for (const x of reused) if (updated.has(x.reuse!)) pairIds[x.i] = x.reuse!;
      const fresh = rowsAt.filter((x) => x.reuse === undefined || !updated.has(x.reuse));
      const insertedPairs = fresh.length ? await rows<{ id: number; idx: number }>(sql, `INSERT INTO pairs
          (document_id, idx, score, state, mt_text, mt_kind, tgt_text, confirmed_by, needs_review, src_changed)
        SELECT $1, * FROM unnest($2::integer[], $3::double precision[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[],
          $10::integer[])
        RETURNING id, idx`, [documentId, ...pairColumns(fresh)]) : [];
      const newPairAt = new Map(insertedPairs.map((r) => [r.idx, r.id]));
      for (const x of fresh) {
        pairIds[x.i] = newPairAt.get(lo + x.i)!;
        keys.set(x.row.key, pairKey(pairIds[x.i]!));
      }

      // Segments, side by side, the same way.
      const rowPairIds = sequence.flatMap((item, i) => ('row' in item ? [pairIds[i]!] : []));
      for (const side of ['src', 'tgt'] as const) {
        const { lo: slo, hi: shi, items } = region.sides[side];
        const fallback = items[0]?.source
          ?? await one<number>(sql, 'SELECT id FROM sources WHERE document_id = $1 AND side = $2 ORDER BY id LIMIT 1', [documentId, side]);
        const order = sideOrder(region, side, patch.inserted, places, rowPairIds);
        await makeRoom('segments', 'document_id = $1 AND side = $2', [documentId, side], slo, shi, order.length - (shi - slo + 1));
        const moves: { id: number; idx: number; pairId: number }[] = [];
        const rewritten: { id: number; idx: number; pairId: number; s: Sentence }[] = [];
        const added: { key: string; idx: number; pairId: number; s: Sentence; source: number }[] = [];
        // The source text of each sentence added so far, by its key in the patch.
        const addedSource = new Map<string, number>();
        for (const [i, o] of order.entries()) {
          if (o.segmentId !== undefined) {
            moves.push({ id: o.segmentId, idx: slo + i, pairId: o.pairId });
            continue;
          }
          // A sentence joined across two imported files has no single span; keep its start, never a negative length.
          const s = { ...o.sentence!, end: Math.max(o.sentence!.end, o.sentence!.start) };
          const id = storedId(s.key, 's');
          if (id !== undefined && sourceOf.has(s.key)) {
            rewritten.push({ id, idx: slo + i, pairId: o.pairId, s });
            continue;
          }
          // A sentence split off another keeps that sentence's source text.
          const neighbour = order[i - 1]?.key ?? order[i + 1]?.key;
          const source = (neighbour && (addedSource.get(neighbour) ?? sourceOf.get(neighbour))) || fallback!;
          addedSource.set(s.key, source);
          added.push({ key: s.key, idx: slo + i, pairId: o.pairId, s, source });
        }
        await moveRows('segments', moves);
        if (rewritten.length) {
          await sql.query(`UPDATE segments s SET idx = u.idx, pair_id = u.pair, text = u.text, paragraph = u.paragraph, start_offset = u.start,
              end_offset = u.stop, line_before = u.line_before
            FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::text[], $5::integer[], $6::integer[], $7::integer[], $8::integer[])
              AS u(id, idx, pair, text, paragraph, start, stop, line_before)
            WHERE s.id = u.id`, columns(rewritten, [(x) => x.id, (x) => x.idx, (x) => x.pairId, (x) => x.s.text, (x) => x.s.paragraph,
            (x) => x.s.start, (x) => x.s.end, (x) => storedLineBefore(x.s)]));
        }
        if (!added.length) continue;
        const insertedSegments = await rows<{ id: number; idx: number }>(sql, `INSERT INTO segments
            (document_id, side, idx, pair_id, source_id, text, kind, paragraph, start_offset, end_offset, line_before)
          SELECT $1, $2, * FROM unnest($3::integer[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::integer[], $9::integer[], $10::integer[],
            $11::integer[])
          RETURNING id, idx`, [documentId, side, ...columns(added, [(x) => x.idx, (x) => x.pairId, (x) => x.source, (x) => x.s.text,
          (x) => x.s.kind ?? 'sentence', (x) => x.s.paragraph, (x) => x.s.start, (x) => x.s.end, (x) => storedLineBefore(x.s)])]);
        const newSegmentAt = new Map(insertedSegments.map((r) => [r.idx, r.id]));
        for (const x of added) keys.set(x.key, sentenceKey(newSegmentAt.get(x.idx)!));
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
      row<LoggedOp>(sql, `SELECT o.id, o.op, o.patch, o.author_id AS "authorId", u.name AS author FROM alignment_ops o
        LEFT JOIN users u ON u.id = o.author_id WHERE o.document_id = $1 AND o.undone = 0 ORDER BY o.id DESC LIMIT 1`, [documentId]),
    firstUndone: (documentId: number) =>
      row<LoggedOp>(sql, `SELECT o.id, o.op, o.patch, o.author_id AS "authorId", u.name AS author FROM alignment_ops o
        LEFT JOIN users u ON u.id = o.author_id WHERE o.document_id = $1 AND o.undone = 1 ORDER BY o.id ASC LIMIT 1`, [documentId]),
    markOp: (id: number, undone: boolean, patch: unknown) =>
      run(sql, 'UPDATE alignment_ops SET undone = $1, patch = $2 WHERE id = $3', [undone ? 1 : 0, JSON.stringify(patch), id]),
    counts: async (documentId: number) => (await row<UndoStack>(sql, `SELECT c.undo, c.redo, l.author_id AS "lastAuthorId", u.name AS "lastAuthor"
      FROM (SELECT count(*) FILTER (WHERE undone = 0) AS undo, count(*) FILTER (WHERE undone = 1) AS redo FROM alignment_ops WHERE document_id = $1) c
      LEFT JOIN LATERAL (SELECT author_id FROM alignment_ops WHERE document_id = $1 AND undone = 0 ORDER BY id DESC LIMIT 1) l ON true
      LEFT JOIN users u ON u.id = l.author_id`, [documentId]))!,
    /** Rewrites every logged patch of the document, e.g. when an undo gave a restored row a new id. */
    async rewritePatches(documentId: number, rewrite: (patch: RowPatch) => RowPatch): Promise<void> {
      const changed = (await rows<{ id: number; patch: string }>(sql, 'SELECT id, patch FROM alignment_ops WHERE document_id = $1', [documentId]))
        .map((op) => ({ id: op.id, old: op.patch, patch: JSON.stringify(rewrite(JSON.parse(op.patch) as RowPatch)) }))
        .filter((op) => op.patch !== op.old);
      if (changed.length) {
        await sql.query(`UPDATE alignment_ops o SET patch = u.patch FROM unnest($1::bigint[], $2::text[]) AS u(id, patch) WHERE o.id = u.id`,
          columns(changed, [(op) => op.id, (op) => op.patch]));
      }
    },
  };
}
export type AlignmentRepo = ReturnType<typeof alignmentRepo>;
