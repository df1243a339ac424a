// SQL for a document's life: its title, the archive and the trash, and purging the trash for good.

import type { Db } from './open-database.ts';

export interface DocumentStateRow {
  id: number;
  title: string;
  owner_id: number | null;
  archived_at: string | null;
  trashed_at: string | null;
}

// Trashed documents, all of them (@before NULL) or those trashed before @before.
const TRASHED = 'trashed_at IS NOT NULL AND (@before IS NULL OR trashed_at < @before)';

export function documentLifecycleRepo(db: Db) {
  const q = {
    state: db.prepare('SELECT id, title, created_by AS owner_id, archived_at, trashed_at FROM documents WHERE id = ?'),
    rename: db.prepare('UPDATE documents SET title = @title, changed_at = @at WHERE id = @id'),
    archive: db.prepare('UPDATE documents SET archived_at = @archivedAt, changed_at = @at WHERE id = @id'),
    trash: db.prepare('UPDATE documents SET trashed_at = @at, trashed_by = @by WHERE id = @id AND trashed_at IS NULL'),
    restore: db.prepare('UPDATE documents SET trashed_at = NULL, trashed_by = NULL, changed_at = @at WHERE id = @id AND trashed_at IS NOT NULL'),
    trashedIds: db.prepare('SELECT id FROM documents WHERE trashed_at IS NOT NULL').pluck(),
    anyTrashed: db.prepare(`SELECT 1 FROM documents WHERE ${TRASHED} LIMIT 1`).pluck(),
    record: db.prepare(`INSERT INTO purged_documents (id, title, trashed_at, purged_at)
      SELECT id, title, trashed_at, @at FROM documents WHERE ${TRASHED}`),
    // Pairs, sentences, sources, revisions, members and the undo log go with the document (ON DELETE CASCADE).
    purge: db.prepare(`DELETE FROM documents WHERE ${TRASHED}`),
    recordOne: db.prepare(`INSERT INTO purged_documents (id, title, trashed_at, purged_at)
      SELECT id, title, trashed_at, @at FROM documents WHERE id = @id AND trashed_at IS NOT NULL`),
    purgeOne: db.prepare('DELETE FROM documents WHERE id = @id AND trashed_at IS NOT NULL'),
  };
  return {
    /** The columns that decide who may do what to the document, on any shelf. */
    state: (id: number) => q.state.get(id) as DocumentStateRow | undefined,
    rename: (id: number, title: string, at: string) => q.rename.run({ id, title, at }),
    setArchived: (id: number, archivedAt: string | null, at: string) => q.archive.run({ id, archivedAt, at }),
    /** Returns whether it was moved (false when it already was in the trash). */
    trash: (id: number, at: string, by: number | null) => q.trash.run({ id, at, by }).changes === 1,
    restore: (id: number, at: string) => q.restore.run({ id, at }).changes === 1,
    trashedIds: () => new Set(q.trashedIds.all() as number[]),
    /** Whether some document was trashed before `before` (every trashed one when null). */
    anyTrashed: (before: string | null) => q.anyTrashed.get({ before }) === 1,
    /** Deletes those documents for good, keeping their ids and titles in purged_documents; returns how many. */
    purge(before: string | null, at: string): number {
      q.record.run({ before, at });
      return q.purge.run({ before }).changes;
    },
    /** Deletes one trashed document for good, keeping its id and title in purged_documents; false when it is not in the trash. */
    purgeOne(id: number, at: string): boolean {
      q.recordOne.run({ id, at });
      return q.purgeOne.run({ id }).changes === 1;
    },
  };
}
export type DocumentLifecycleRepo = ReturnType<typeof documentLifecycleRepo>;
