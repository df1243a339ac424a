// SQL for the translation memory, on PostgreSQL (see ../memory-repo.ts).

import type { MemoryUnitRow } from '../memory-repo.ts';
import { one, rows, run, type Sql } from './connect.ts';
import { SOURCE_TEXT } from './pairs-repo.ts';

export function memoryRepo(sql: Sql) {
  return {
    insert: (src: string, tgt: string, origin: string) => run(sql, 'INSERT INTO tm_units (src, tgt, origin) VALUES ($1, $2, $3)', [src, tgt, origin]),
    all: () => rows<MemoryUnitRow>(sql, `
      SELECT 'tm:' || id AS key, src, tgt, origin, NULL::bigint AS document_id FROM tm_units
      UNION ALL
      SELECT 'pair:' || p.id AS key, ${SOURCE_TEXT} AS src, p.tgt_text AS tgt, d.title AS origin, p.document_id
      FROM pairs p JOIN documents d ON d.id = p.document_id WHERE p.state = 30 AND p.noise = 0`),
    // See ../memory-repo.ts. The highest revision id is not a safe mark on PostgreSQL, where ids can commit out of
    // order; issue 14 replaces it with a counter bumped under a lock.
    generation: async () => (await one<string>(sql, `SELECT (SELECT count(*) FROM tm_units) || ':' || coalesce((SELECT max(id) FROM tm_units), 0)
      || ':' || coalesce((SELECT max(id) FROM revisions WHERE old_state = 30 OR new_state = 30), 0)
      || ':' || (SELECT count(*) FROM pairs WHERE state = 30)`))!,
    count: async () => (await one<number>(sql, 'SELECT count(*) FROM tm_units'))!,
  };
}
export type MemoryRepo = ReturnType<typeof memoryRepo>;
