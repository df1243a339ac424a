// SQL for the concordance, on PostgreSQL (see ../concordance-repo.ts): ILIKE over the pg_trgm GIN indexes.

import { HIT_COLUMNS, HIT_JOINS, hitVisible, likeSubstring, type ConcordanceQuery, type ConcordanceRow } from '../concordance-repo.ts';
import { rows, type Sql } from './connect.ts';

export function concordanceRepo(sql: Sql) {
  return {
    search: (query: ConcordanceQuery) => rows<ConcordanceRow>(sql, `SELECT ${HIT_COLUMNS} FROM concordance_texts c ${HIT_JOINS}
      WHERE (c.src ILIKE $1 ESCAPE '\\' OR c.tgt ILIKE $1 ESCAPE '\\') AND c.id > $2 AND ${hitVisible('$3::integer', '$4::bigint')}
      ORDER BY c.id LIMIT $5`, [likeSubstring(query.text), query.after, query.admin ? 1 : 0, query.userId, query.limit]),
  };
}
export type ConcordanceRepo = ReturnType<typeof concordanceRepo>;
