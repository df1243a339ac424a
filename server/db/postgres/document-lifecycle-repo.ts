// SQL for a document's life on PostgreSQL (see ../document-lifecycle-repo.ts). The identity sequence never hands a
// purged id out again, so a new document needs no rule of its own here.

import type { DocumentStateRow } from '../document-lifecycle-repo.ts';
import { column, one, row, run, type Sql } from './connect.ts';

// Trashed documents, all of them ($1 NULL) or those trashed before $1; the cast names the type PostgreSQL cannot
// infer from `$1 IS NULL`.
const TRASHED = 'trashed_at IS NOT NULL AND ($1::timestamptz IS NULL OR trashed_at < $1::timestamptz)';

export function documentLifecycleRepo(sql: Sql) {
  return {
    state: (id: number) => row<DocumentStateRow>(sql,
      'SELECT id, title, created_by AS owner_id, archived_at, trashed_at FROM documents WHERE id = $1', [id]),
    rename: (id: number, title: string, at: string) => run(sql, 'UPDATE documents SET title = $1, changed_at = $2 WHERE id = $3', [title, at, id]),
    setArchived: (id: number, archivedAt: string | null, at: string) =>
      run(sql, 'UPDATE documents SET archived_at = $1, changed_at = $2 WHERE id = $3', [archivedAt, at, id]),
    /** Returns whether it was moved (false when it already was in the trash). */
    trash: async (id: number, at: string, by: number | null) => (await run(sql,
      'UPDATE documents SET trashed_at = $1, trashed_by = $2 WHERE id = $3 AND trashed_at IS NULL', [at, by, id])).changes === 1,
    restore: async (id: number, at: string) => (await run(sql,
      'UPDATE documents SET trashed_at = NULL, trashed_by = NULL, changed_at = $1 WHERE id = $2 AND trashed_at IS NOT NULL', [at, id])).changes === 1,
    trashedIds: async () => new Set(await column<number>(sql, 'SELECT id FROM documents WHERE trashed_at IS NOT NULL')),
    anyTrashed: async (before: string | null) => (await one(sql, `SELECT 1 FROM documents WHERE ${TRASHED} LIMIT 1`, [before])) === 1,
    /** Deletes those documents for good in one statement, keeping their ids and titles in purged_documents; returns how many. */
    purge: async (before: string | null, at: string) => (await run(sql, `WITH gone AS (DELETE FROM documents WHERE ${TRASHED}
        RETURNING id, title, trashed_at)
      INSERT INTO purged_documents (id, title, trashed_at, purged_at) SELECT id, title, trashed_at, $2 FROM gone`, [before, at])).changes,
    /** Deletes one trashed document for good, keeping its id and title in purged_documents; false when it is not in the trash. */
    purgeOne: async (id: number, at: string) => (await run(sql, `WITH gone AS (DELETE FROM documents WHERE id = $1 AND trashed_at IS NOT NULL
        RETURNING id, title, trashed_at)
      INSERT INTO purged_documents (id, title, trashed_at, purged_at) SELECT id, title, trashed_at, $2 FROM gone`, [id, at])).changes === 1,
  };
}
export type DocumentLifecycleRepo = ReturnType<typeof documentLifecycleRepo>;
