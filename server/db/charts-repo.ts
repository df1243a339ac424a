// SQL for a document's charts: its state changes over time, its beads' shapes and scores, and who wrote its English.

import type { Db } from './open-database.ts';
import { WORKED } from './documents-repo.ts';

export interface StateChangeRow {
  at: string;
  old_state: number | null;
  new_state: number | null;
}

export interface BeadRow {
  score: number | null;
  src: number;
  tgt: number;
}

export interface AuthoredPairRow {
  author: string | null;
  mt: string;
  tgt: string;
  seconds: number;
}

// The actions that write a pair's English: whoever made the last of them wrote the text it has now.
const WRITES = "('save', 'confirm', 'restore')";

export function chartsRepo(db: Db) {
  const q = {
    created: db.prepare('SELECT created_at FROM documents WHERE id = ?').pluck(),
    changes: db.prepare(`SELECT created_at AS at, old_state, new_state FROM revisions
      WHERE document_id = ? AND old_state IS NOT new_state ORDER BY created_at, id`),
    beads: db.prepare(`SELECT p.score, count(s.id) FILTER (WHERE s.side = 'src') AS src, count(s.id) FILTER (WHERE s.side = 'tgt') AS tgt
      FROM pairs p LEFT JOIN segments s ON s.pair_id = p.id WHERE p.document_id = ? AND p.noise = 0 GROUP BY p.id ORDER BY p.idx`),
    // The same pairs as the document's effort line counts: at least translated, with a machine translation.
    authored: db.prepare(`SELECT p.mt_text AS mt, p.tgt_text AS tgt, p.edit_seconds AS seconds,
        (SELECT u.name FROM revisions r JOIN users u ON u.id = r.author_id
          WHERE r.pair_id = p.id AND r.action IN ${WRITES} ORDER BY r.version DESC LIMIT 1) AS author
      FROM pairs p WHERE p.document_id = ? AND p.noise = 0 AND ${WORKED} ORDER BY p.idx`),
  };
  return {
    createdAt: (documentId: number) => q.created.get(documentId) as string | undefined,
    /** Every revision that changed a pair's state, oldest first. */
    stateChanges: (documentId: number) => q.changes.all(documentId) as StateChangeRow[],
    /** The document's beads (pairs that are not page noise) in order, with their sentence counts. */
    beads: (documentId: number) => q.beads.all(documentId) as BeadRow[],
    /** Worked pairs with the name of who last wrote their English (null for none here). */
    authoredPairs: (documentId: number) => q.authored.all(documentId) as AuthoredPairRow[],
  };
}
export type ChartsRepo = ReturnType<typeof chartsRepo>;
