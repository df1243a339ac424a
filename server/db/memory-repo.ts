// SQL for the translation memory: loaded TMX units and the approved pairs of every document.

import type { Db } from './open-database.ts';

export interface MemoryUnitRow {
  /** "tm:12" for a loaded unit, "pair:34" for an approved pair. */
  key: string;
  src: string;
  tgt: string;
  origin: string;
  /** The document of an approved pair; null for a loaded unit, which the whole team shares. */
  document_id: number | null;
}

export function memoryRepo(db: Db) {
  const q = {
    insert: db.prepare('INSERT INTO tm_units (src, tgt, origin) VALUES (?, ?, ?)'),
    all: db.prepare(`
      SELECT 'tm:' || id AS key, src, tgt, origin, NULL AS document_id FROM tm_units
      UNION ALL
      SELECT 'pair:' || p.id AS key,
        coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)), '') AS src,
        p.tgt_text AS tgt, d.title AS origin, p.document_id
      FROM pairs p JOIN documents d ON d.id = p.document_id WHERE p.state = 30 AND p.noise = 0`),
    // Changes whenever a unit is loaded or an approved pair appears, changes or goes (the memory counter, which
    // loads, approvals and alignment edits of approved rows bump; the count for a deleted document), so a cached
    // index knows it is stale; other saves leave it.
    generation: db.prepare(`SELECT (SELECT value FROM change_counters WHERE name = 'memory')
      || ':' || (SELECT count(*) FROM pairs WHERE state = 30)`).pluck(),
    bump: db.prepare("UPDATE change_counters SET value = value + 1 WHERE name = 'memory'"),
    count: db.prepare('SELECT count(*) FROM tm_units').pluck(),
  };
  return {
    /** Units from one file, and one move of the memory counter for them all. */
    insertMany(units: { src: string; tgt: string }[], origin: string) {
      q.bump.run();
      for (const u of units) q.insert.run(u.src, u.tgt, origin);
    },
    all: () => q.all.all() as MemoryUnitRow[],
    generation: () => q.generation.get() as string,
    count: () => q.count.get() as number,
  };
}
export type MemoryRepo = ReturnType<typeof memoryRepo>;
