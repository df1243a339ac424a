// Who may open and work on a document, and who may change that. Admins see every document; others see
// the documents shared with the whole team, the ones they created and the ones they are members of.
// A document someone may not see answers exactly as one that does not exist.

import type { Db } from '../db/open-database.ts';
import { accessRepo, type MemberRow } from '../db/access-repo.ts';
import type { User } from './accounts.ts';
import { ForbiddenError, NotFoundError, ValidationError, shown } from '../domain/errors.ts';

export interface DocumentSharing {
  shared: boolean;
  owner: string | null;
  members: MemberRow[];
  /** Whether this user may change the sharing and the members: the creator or an admin. */
  mayManage: boolean;
}

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

export function documentAccess(db: Db) {
  const repo = accessRepo(db);

  const mayManage = (user: User, owner: number | null) => user.role === 'admin' || (owner !== null && owner === user.id);

  function managed(user: User, documentId: number) {
    const sharing = repo.sharing(documentId);
    if (!sharing || !(user.role === 'admin' || repo.visible(documentId, user.id))) throw noDocument(documentId);
    if (!mayManage(user, sharing.owner_id)) {
      throw new ForbiddenError('Only the creator of a document or an admin may change who can open it.', 'errors.accessManage');
    }
    return sharing;
  }

  function member(name: unknown) {
    const user = typeof name === 'string' ? repo.userByName(name.trim()) : undefined;
    if (!user) throw new ValidationError(`There is no user named "${shown(name ?? '')}".`, 'errors.noSuchUser', { name: shown(name ?? '') });
    return user;
  }

  const access = {
    mayOpen: (user: User, documentId: number) => user.role === 'admin' || repo.visible(documentId, user.id),

    /** Throws the same 404 as for a missing document when the user may not open it. */
    assertMayOpen(user: User, documentId: number): void {
      if (!access.mayOpen(user, documentId)) throw noDocument(documentId);
    },

    /** The pair's document, checked like `assertMayOpen`; a pair in a hidden document is as missing as no pair. */
    assertMayOpenPair(user: User, pairId: number): void {
      const documentId = repo.pairDocument(pairId);
      if (documentId === undefined || !access.mayOpen(user, documentId)) {
        throw new NotFoundError(`There is no pair ${pairId}.`, 'errors.noPair');
      }
    },

    /** Ids of the documents this user may open, or everything for an admin. */
    filterFor(user: User): (documentId: number) => boolean {
      if (user.role === 'admin') return () => true;
      const ids = repo.visibleIds(user.id);
      return (id) => ids.has(id);
    },

    /** Refuses (404 or 403) unless this user may change who can open the document. */
    assertMayManage(user: User, documentId: number): void {
      managed(user, documentId);
    },

    sharing(user: User, documentId: number): DocumentSharing {
      access.assertMayOpen(user, documentId);
      const s = repo.sharing(documentId)!;
      return { shared: s.shared === 1, owner: s.owner, members: repo.members(documentId), mayManage: mayManage(user, s.owner_id) };
    },

    setShared(user: User, documentId: number, shared: boolean): void {
      managed(user, documentId);
      repo.setShared(documentId, shared);
    },

    addMember(user: User, documentId: number, name: unknown): void {
      managed(user, documentId);
      repo.addMember(documentId, member(name).id);
    },

    removeMember(user: User, documentId: number, name: unknown): void {
      managed(user, documentId);
      repo.removeMember(documentId, member(name).id);
    },

    /** Several changes at once: all of them or, when one name is unknown, none. */
    change(user: User, documentId: number, c: { shared?: boolean; add: unknown[]; remove: unknown[] }): void {
      db.transaction(() => {
        managed(user, documentId);
        if (c.shared !== undefined) repo.setShared(documentId, c.shared);
        for (const name of c.add) repo.addMember(documentId, member(name).id);
        for (const name of c.remove) repo.removeMember(documentId, member(name).id);
      }).immediate();
    },
  };
  return access;
}
export type DocumentAccess = ReturnType<typeof documentAccess>;
