// SQL for the translation memory, on PostgreSQL (see ../memory-repo.ts).

import type { MemoryUnitRow } from '../memory-repo.ts';
import { one, rows, run, type Sql } from './connect.ts';
import { SOURCE_TEXT } from './pairs-repo.ts';

export function memoryRepo(sql: Sql) {
  return {
    // A few thousand units a statement: a statement a unit, each moving the one counter row, took 20,000 units 6.6 s.
    insertMany: async (units: { src: string; tgt: string }[], origin: string) => {
      await run(sql, "UPDATE change_counters SET value = value + 1 WHERE name = 'memory'");
      for (let i = 0; i < units.length; i += 5000) {
        const part = units.slice(i, i + 5000);
        await run(sql, 'INSERT INTO tm_units (src, tgt, origin) SELECT u.src, u.tgt, $3 FROM unnest($1::text[], $2::text[]) AS u(src, tgt)',
          [part.map((u) => u.src), part.map((u) => u.tgt), origin]);
      }
    },
    all: () => rows<MemoryUnitRow>(sql, `
      SELECT 'tm:' || id AS key, src, tgt, origin, NULL::bigint AS document_id FROM tm_units
      UNION ALL
      SELECT 'pair:' || p.id AS key, ${SOURCE_TEXT} AS src, p.tgt_text AS tgt, d.title AS origin, p.document_id
      FROM pairs p JOIN documents d ON d.id = p.document_id WHERE p.state = 30 AND p.noise = 0`),
    // The memory counter (loads, approvals, alignment edits of approved rows) and the approved count (deleted documents).
    generation: async () => (await one<string>(sql, `SELECT (SELECT value FROM change_counters WHERE name = 'memory')
      || ':' || (SELECT count(*) FROM pairs WHERE state = 30)`))!,
    count: async () => (await one<number>(sql, 'SELECT count(*) FROM tm_units'))!,
  };
}
export type MemoryRepo = ReturnType<typeof memoryRepo>;
