// SQL for who may open a document: its sharing flag, its creator and its members.

import type { Db } from './open-database.ts';

export interface MemberRow {
  id: number;
  name: string;
  role: string;
}

/** SQL: a document's members (its id the one value), in name order (SQLite's binary collation: code points). */
export const MEMBERS_SQL = `SELECT u.id, u.name, u.role FROM document_members m JOIN users u ON u.id = m.user_id
  WHERE m.document_id = ? ORDER BY u.name`;

/** SQL: document `d` is shared with the team, or was created by user `user`, or has them as a member (an admin sees all). */
export const visibleTo = (d: string, user: string) => `(${d}.shared = 1 OR ${d}.created_by = ${user}
  OR EXISTS (SELECT 1 FROM document_members m WHERE m.document_id = ${d}.id AND m.user_id = ${user}))`;

/** What the document gate needs of a document or of a pair's document: whether it is in the trash, and whether the user may see it. */
export interface ReachRow {
  trashed_at: string | null;
  visible: 0 | 1;
}

export interface SharingRow extends ReachRow {
  shared: 0 | 1;
  owner_id: number | null;
  owner: string | null;
}

/** SQL: `ReachRow` of document `d` (reached from `from`, whose row is $id) for user `user`. */
export const reachSql = (from: 'document' | 'pair', id: string, user: string) => `SELECT d.trashed_at, CASE WHEN ${visibleTo('d', user)} THEN 1 ELSE 0 END AS visible
  FROM ${from === 'document' ? `documents d WHERE d.id = ${id}` : `pairs p JOIN documents d ON d.id = p.document_id WHERE p.id = ${id}`}`;

export function accessRepo(db: Db) {
  const q = {
    visibleIds: db.prepare(`SELECT id FROM documents WHERE shared = 1 OR created_by = @user
      OR id IN (SELECT document_id FROM document_members WHERE user_id = @user)`).pluck(),
    reachDocument: db.prepare(reachSql('document', '@id', '@user')),
    reachPair: db.prepare(reachSql('pair', '@id', '@user')),
    sharing: db.prepare(`SELECT d.shared, d.created_by AS owner_id, u.name AS owner, d.trashed_at, CASE WHEN ${visibleTo('d', '@user')} THEN 1 ELSE 0 END AS visible
      FROM documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = @id`),
    members: db.prepare(MEMBERS_SQL),
    setShared: db.prepare('UPDATE documents SET shared = ? WHERE id = ?'),
    addMember: db.prepare('INSERT INTO document_members (document_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    removeMember: db.prepare('DELETE FROM document_members WHERE document_id = ? AND user_id = ?'),
    userByName: db.prepare('SELECT id, name, role FROM users WHERE name = ?'),
  };
  return {
    visibleIds: (userId: number) => new Set(q.visibleIds.all({ user: userId }) as number[]),
    /** The gate's one read: a document, or the document of a pair; undefined when there is none. */
    reach: (target: 'document' | 'pair', id: number, userId: number | null) =>
      (target === 'document' ? q.reachDocument : q.reachPair).get({ id, user: userId }) as ReachRow | undefined,
    /** Who may open the document, and (as `reach` says) whether `userId` may. */
    sharing: (documentId: number, userId: number | null) => q.sharing.get({ id: documentId, user: userId }) as SharingRow | undefined,
    members: (documentId: number) => q.members.all(documentId) as MemberRow[],
    setShared: (documentId: number, shared: boolean) => q.setShared.run(shared ? 1 : 0, documentId),
    addMember: (documentId: number, userId: number) => q.addMember.run(documentId, userId),
    removeMember: (documentId: number, userId: number) => q.removeMember.run(documentId, userId).changes,
    userByName: (name: string) => q.userByName.get(name) as MemberRow | undefined,
  };
}
export type AccessRepo = ReturnType<typeof accessRepo>;
