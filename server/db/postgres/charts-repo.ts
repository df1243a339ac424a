// SQL for a document's charts on PostgreSQL (see ../charts-repo.ts): `IS DISTINCT FROM` for SQLite's `IS NOT`.

import type { AuthoredPairRow, BeadRow, StateChangeRow } from '../charts-repo.ts';
import { one, rows, type Sql } from './connect.ts';
import { WORKED } from '../documents-repo.ts';

// The actions that write a pair's English: whoever made the last of them wrote the text it has now.
const WRITES = "('save', 'confirm', 'restore')";

export function chartsRepo(sql: Sql) {
  return {
    createdAt: (documentId: number) => one<string>(sql, 'SELECT created_at FROM documents WHERE id = $1', [documentId]),
    stateChanges: (documentId: number) => rows<StateChangeRow>(sql, `SELECT created_at AS at, old_state, new_state FROM revisions
      WHERE document_id = $1 AND old_state IS DISTINCT FROM new_state ORDER BY created_at, id`, [documentId]),
    beads: (documentId: number) => rows<BeadRow>(sql, `SELECT p.score, count(s.id) FILTER (WHERE s.side = 'src') AS src,
        count(s.id) FILTER (WHERE s.side = 'tgt') AS tgt
      FROM pairs p LEFT JOIN segments s ON s.pair_id = p.id WHERE p.document_id = $1 AND p.noise = 0 GROUP BY p.id ORDER BY p.idx`, [documentId]),
    authoredPairs: (documentId: number) => rows<AuthoredPairRow>(sql, `SELECT p.mt_text AS mt, p.tgt_text AS tgt, p.edit_seconds AS seconds,
        (SELECT u.name FROM revisions r JOIN users u ON u.id = r.author_id
          WHERE r.pair_id = p.id AND r.action IN ${WRITES} ORDER BY r.version DESC LIMIT 1) AS author
      FROM pairs p WHERE p.document_id = $1 AND p.noise = 0 AND ${WORKED} ORDER BY p.idx`, [documentId]),
  };
}
