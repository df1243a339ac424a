// SQL for who may open a document: its sharing flag, its creator and its members.

import type { Db } from './open-database.ts';

export interface MemberRow {
  id: number;
  name: string;
  role: string;
}

/** SQL: document `d` is shared with the team, or was created by user `user`, or has them as a member (an admin sees all). */
export const visibleTo = (d: string, user: string) => `(${d}.shared = 1 OR ${d}.created_by = ${user}
  OR EXISTS (SELECT 1 FROM document_members m WHERE m.document_id = ${d}.id AND m.user_id = ${user}))`;

export function accessRepo(db: Db) {
  const q = {
    visible: db.prepare(`SELECT 1 FROM documents d WHERE d.id = @doc AND ${visibleTo('d', '@user')}`).pluck(),
    visibleIds: db.prepare(`SELECT id FROM documents WHERE shared = 1 OR created_by = @user
      OR id IN (SELECT document_id FROM document_members WHERE user_id = @user)`).pluck(),
    pairDocument: db.prepare('SELECT document_id FROM pairs WHERE id = ?').pluck(),
    sharing: db.prepare(`SELECT d.shared, d.created_by AS owner_id, u.name AS owner, d.trashed_at FROM documents d
      LEFT JOIN users u ON u.id = d.created_by WHERE d.id = ?`),
    members: db.prepare(`SELECT u.id, u.name, u.role FROM document_members m JOIN users u ON u.id = m.user_id
      WHERE m.document_id = ? ORDER BY u.name`),
    setShared: db.prepare('UPDATE documents SET shared = ? WHERE id = ?'),
    addMember: db.prepare('INSERT INTO document_members (document_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    removeMember: db.prepare('DELETE FROM document_members WHERE document_id = ? AND user_id = ?'),
    userByName: db.prepare('SELECT id, name, role FROM users WHERE name = ?'),
  };
  return {
    visible: (documentId: number, userId: number) => q.visible.get({ doc: documentId, user: userId }) === 1,
    visibleIds: (userId: number) => new Set(q.visibleIds.all({ user: userId }) as number[]),
    pairDocument: (pairId: number) => q.pairDocument.get(pairId) as number | undefined,
    sharing: (documentId: number) =>
      q.sharing.get(documentId) as { shared: 0 | 1; owner_id: number | null; owner: string | null; trashed_at: string | null } | undefined,
    members: (documentId: number) => q.members.all(documentId) as MemberRow[],
    setShared: (documentId: number, shared: boolean) => q.setShared.run(shared ? 1 : 0, documentId),
    addMember: (documentId: number, userId: number) => q.addMember.run(documentId, userId),
    removeMember: (documentId: number, userId: number) => q.removeMember.run(documentId, userId).changes,
    userByName: (name: string) => q.userByName.get(name) as MemberRow | undefined,
  };
}
export type AccessRepo = ReturnType<typeof accessRepo>;
