// SQL for who may open a document, on PostgreSQL (see ../access-repo.ts).

import { reachSql, visibleTo, type MemberRow, type ReachRow, type SharingRow } from '../access-repo.ts';
import { row, rows, run, type Sql } from './connect.ts';

export function accessRepo(sql: Sql) {
  return {
    visibleIds: async (userId: number) => new Set((await rows<{ id: number }>(sql, `SELECT id FROM documents WHERE shared = 1 OR created_by = $1
      OR id IN (SELECT document_id FROM document_members WHERE user_id = $1)`, [userId])).map((r) => r.id)),
    /** See ../access-repo.ts. */
    reach: (target: 'document' | 'pair', id: number, userId: number | null) => row<ReachRow>(sql, reachSql(target, '$1', '$2::bigint'), [id, userId]),
    sharing: (documentId: number, userId: number | null) => row<SharingRow>(sql, `SELECT d.shared, d.created_by AS owner_id, u.name AS owner, d.trashed_at,
        CASE WHEN ${visibleTo('d', '$2::bigint')} THEN 1 ELSE 0 END AS visible
      FROM documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`, [documentId, userId]),
    // Names in code-point order, as SQLite's default collation sorts them, whatever the database's locale.
    members: (documentId: number) => rows<MemberRow>(sql, `SELECT u.id, u.name, u.role FROM document_members m JOIN users u ON u.id = m.user_id
      WHERE m.document_id = $1 ORDER BY u.name COLLATE "C"`, [documentId]),
    setShared: (documentId: number, shared: boolean) => run(sql, 'UPDATE documents SET shared = $1 WHERE id = $2', [shared ? 1 : 0, documentId]),
    addMember: (documentId: number, userId: number) =>
      run(sql, 'INSERT INTO document_members (document_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [documentId, userId]),
    removeMember: async (documentId: number, userId: number) =>
      (await run(sql, 'DELETE FROM document_members WHERE document_id = $1 AND user_id = $2', [documentId, userId])).changes,
    userByName: (name: string) => row<MemberRow>(sql, 'SELECT id, name, role FROM users WHERE name = $1', [name]),
  };
}
export type AccessRepo = ReturnType<typeof accessRepo>;
