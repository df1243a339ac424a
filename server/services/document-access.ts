// Who may open and work on a document, and who may change that. Admins see every document; others see
// the documents shared with the whole team, the ones they created and the ones they are members of.
// A document someone may not see answers exactly as one that does not exist.

import type { Store, Tx } from '../db/store.ts';
import type { MemberRow } from '../db/access-repo.ts';
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

export function documentAccess(store: Store) {
  const mayManage = (user: User, owner: number | null) => user.role === 'admin' || (owner !== null && owner === user.id);

  async function managed(tx: Tx, user: User, documentId: number) {
    const sharing = await tx.access.sharing(documentId);
    if (!sharing || !(user.role === 'admin' || (await tx.access.visible(documentId, user.id)))) throw noDocument(documentId);
    if (!mayManage(user, sharing.owner_id)) {
      throw new ForbiddenError('Only the creator of a document or an admin may change who can open it.', 'errors.accessManage');
    }
    return sharing;
  }

  async function member(tx: Tx, name: unknown) {
    const user = typeof name === 'string' ? await tx.access.userByName(name.trim()) : undefined;
    if (!user) throw new ValidationError(`There is no user named "${shown(name ?? '')}".`, 'errors.noSuchUser', { name: shown(name ?? '') });
    return user;
  }

  const mayOpen = async (tx: Tx, user: User, documentId: number) => user.role === 'admin' || (await tx.access.visible(documentId, user.id));

  const access = {
    mayOpen: (user: User, documentId: number): Promise<boolean> => store.read((tx) => mayOpen(tx, user, documentId)),

    /** Throws the same 404 as for a missing document when the user may not open it. */
    async assertMayOpen(user: User, documentId: number): Promise<void> {
      if (!(await access.mayOpen(user, documentId))) throw noDocument(documentId);
    },

    /** The pair's document, checked like `assertMayOpen`; a pair in a hidden document is as missing as no pair. */
    assertMayOpenPair: (user: User, pairId: number): Promise<void> => store.read(async (tx) => {
      const documentId = await tx.access.pairDocument(pairId);
      if (documentId === undefined || !(await mayOpen(tx, user, documentId))) {
        throw new NotFoundError(`There is no pair ${pairId}.`, 'errors.noPair');
      }
    }),

    /** Ids of the documents this user may open, or everything for an admin. */
    async filterFor(user: User): Promise<(documentId: number) => boolean> {
      if (user.role === 'admin') return () => true;
      const ids = await store.read((tx) => tx.access.visibleIds(user.id));
      return (id) => ids.has(id);
    },

    /** Refuses (404 or 403) unless this user may change who can open the document. */
    async assertMayManage(user: User, documentId: number): Promise<void> {
      await store.read((tx) => managed(tx, user, documentId));
    },

    sharing: (user: User, documentId: number): Promise<DocumentSharing> => store.read(async (tx) => {
      if (!(await mayOpen(tx, user, documentId))) throw noDocument(documentId);
      const s = (await tx.access.sharing(documentId))!;
      return { shared: s.shared === 1, owner: s.owner, members: await tx.access.members(documentId), mayManage: mayManage(user, s.owner_id) };
    }),

    setShared: (user: User, documentId: number, shared: boolean): Promise<void> => store.write(async (tx) => {
      await managed(tx, user, documentId);
      await tx.access.setShared(documentId, shared);
    }),

    addMember: (user: User, documentId: number, name: unknown): Promise<void> => store.write(async (tx) => {
      await managed(tx, user, documentId);
      await tx.access.addMember(documentId, (await member(tx, name)).id);
    }),

    removeMember: (user: User, documentId: number, name: unknown): Promise<void> => store.write(async (tx) => {
      await managed(tx, user, documentId);
      await tx.access.removeMember(documentId, (await member(tx, name)).id);
    }),

    /** Several changes at once: all of them or, when one name is unknown, none. */
    change: (user: User, documentId: number, c: { shared?: boolean; add: unknown[]; remove: unknown[] }): Promise<void> => store.write(async (tx) => {
      await managed(tx, user, documentId);
      if (c.shared !== undefined) await tx.access.setShared(documentId, c.shared);
      for (const name of c.add) await tx.access.addMember(documentId, (await member(tx, name)).id);
      for (const name of c.remove) await tx.access.removeMember(documentId, (await member(tx, name)).id);
    }),
  };
  return access;
}
export type DocumentAccess = ReturnType<typeof documentAccess>;
