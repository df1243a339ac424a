// Who may open and work on a document, and who may change that. Admins see every document; others see
// the documents shared with the whole team, the ones they created and the ones they are members of.
// A document someone may not see answers exactly as one that does not exist.

import type { Store, Tx } from '../db/store.ts';
import type { MemberRow, ReachRow, SharingRow } from '../db/access-repo.ts';
import type { User } from './accounts.ts';
import { ForbiddenError, NotFoundError, ValidationError, shown } from '../domain/errors.ts';

/** Who acts: a signed-in user, or the command line (no id, an admin's rights). */
export type Actor = Pick<User, 'role'> & { id: number | null };

export interface DocumentSharing {
  shared: boolean;
  owner: string | null;
  members: MemberRow[];
  /** Whether this user may change the sharing and the members: the creator or an admin. */
  mayManage: boolean;
}

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

/** The creator of a document or an admin manages it: who may open it, its title, the archive and the trash. */
export const mayManage = (user: Actor, owner: number | null) => user.role === 'admin' || (owner !== null && owner === user.id);

/** A trashed document is open to no one but the trash list and its restore (`trashed` true). */
export async function mayOpen(tx: Tx, user: Actor, documentId: number, trashed = false) {
  return reachable(user, await tx.access.reach('document', documentId, user.id), trashed);
}

/** One statement whoever asks: a round trip per check counts on a network database. */
function reachable(user: Actor, reach: ReachRow | undefined, trashed = false) {
  if (!reach || (reach.trashed_at !== null && !trashed)) return false;
  return user.role === 'admin' || (user.id !== null && reach.visible === 1);
}

/** What the document gate checks: a document (from the trash too, for its restore) or a pair's document. */
export type GateTarget = { document: number; trashed: boolean } | { pair: number };

/** A pair in a document someone may not open is as missing to them as no pair. */
export async function mayReach(tx: Tx, user: Actor, target: GateTarget): Promise<boolean> {
  if ('document' in target) return mayOpen(tx, user, target.document, target.trashed);
  return reachable(user, await tx.access.reach('pair', target.pair, user.id));
}

/** Ids of the documents this user may open (every one for an admin), leaving out the trash. */
export async function openableFilter(tx: Tx, user: Actor): Promise<(documentId: number) => boolean> {
  const { ids, trashed } = await openableSets(tx, user);
  return (id) => !trashed.has(id) && (ids === undefined || ids.has(id));
}

/** What `openableFilter` decides by, as a string that changes when its answer for some document does (for a cache key). */
export async function openableKey(tx: Tx, user: Actor): Promise<string> {
  const { ids, trashed } = await openableSets(tx, user);
  const list = (set: Set<number>) => [...set].sort((a, b) => a - b).join(',');
  return `${ids ? list(ids) : 'all'}/${list(trashed)}`;
}

async function openableSets(tx: Tx, user: Actor): Promise<{ ids: Set<number> | undefined; trashed: Set<number> }> {
  const ids = user.role === 'admin' || user.id === null ? undefined : await tx.access.visibleIds(user.id);
  return { ids, trashed: await tx.lifecycle.trashedIds() };
}

const sharingOf = (user: User, s: SharingRow, members: MemberRow[]): DocumentSharing =>
  ({ shared: s.shared === 1, owner: s.owner, members, mayManage: mayManage(user, s.owner_id) });

/** Who may open the document, for someone who may open it (else its 404). */
export async function documentSharing(tx: Tx, user: User, documentId: number): Promise<DocumentSharing> {
  const s = await tx.access.sharing(documentId, user.id);
  if (!reachable(user, s)) throw noDocument(documentId);
  return sharingOf(user, s!, await tx.access.members(documentId));
}

/** The document page's facts about the document, in one statement: its header, its sharing and its source's format (else its 404). */
export async function documentHead(tx: Tx, user: User, documentId: number) {
  const head = Number.isSafeInteger(documentId) ? await tx.documents.head(documentId, user.id) : undefined;
  if (!head || !reachable(user, head)) throw noDocument(documentId);
  return { header: head, sharing: sharingOf(user, head, head.members), sourceFormat: head.source_format ?? undefined };
}

export function documentAccess(store: Store) {
  async function managed(tx: Tx, user: User, documentId: number) {
    const sharing = await tx.access.sharing(documentId, user.id);
    if (!sharing || !(user.role === 'admin' || sharing.visible === 1)) throw noDocument(documentId);
    if (!mayManage(user, sharing.owner_id)) {
      throw new ForbiddenError('Only the creator of a document or an admin may change who can open it.', 'errors.accessManage');
    }
    return sharing;
  }

  async function member(tx: Tx, name: unknown) {
    if (typeof name === 'string' && !name.trim()) throw new ValidationError('Type the name of the user to add.', 'errors.memberNameEmpty');
    const user = typeof name === 'string' ? await tx.access.userByName(name.trim()) : undefined;
    if (!user) throw new ValidationError(`There is no user named "${shown(name ?? '')}".`, 'errors.noSuchUser', { name: shown(name ?? '') });
    return user;
  }

  const access = {
    mayOpen: (user: User, documentId: number, trashed = false): Promise<boolean> => store.read((tx) => mayOpen(tx, user, documentId, trashed)),

    /**
     * Throws the same 404 as for a missing document (or pair) when the user may not reach the target; `known` is the
     * answer of `mayReach` read earlier in the request (with the sign-in), else it is read here.
     */
    async assertMayReach(user: User, target: GateTarget, known?: boolean): Promise<void> {
      if (known ?? (await store.read((tx) => mayReach(tx, user, target)))) return;
      if ('pair' in target) throw new NotFoundError(`There is no pair ${target.pair}.`, 'errors.noPair');
      throw noDocument(target.document);
    },


    /** Refuses (404 or 403) unless this user may change who can open the document. */
    async assertMayManage(user: User, documentId: number): Promise<void> {
      await store.read((tx) => managed(tx, user, documentId));
    },

    sharing: (user: User, documentId: number): Promise<DocumentSharing> => store.read((tx) => documentSharing(tx, user, documentId)),

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
