// SQL for the translation memory, on PostgreSQL (see ../memory-repo.ts).

import type { MemoryUnitRow } from '../memory-repo.ts';
import { one, rows, run, type Sql } from './connect.ts';
import { SOURCE_TEXT } from './pairs-repo.ts';

export function memoryRepo(sql: Sql) {
  return {
    insert: (src: string, tgt: string, origin: string) => run(sql, `WITH bump AS (UPDATE change_counters SET value = value + 1 WHERE name = 'memory')
      INSERT INTO tm_units (src, tgt, origin) VALUES ($1, $2, $3)`, [src, tgt, origin]),
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
