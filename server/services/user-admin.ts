// The admin's use cases for accounts: the list, roles, one-time passwords, deactivation; never the last active
// admin. The actor is the admin signed in, or nobody for the command line.

import type { Store, Tx } from '../db/store.ts';
import type { Role, UserListRow } from '../db/accounts-repo.ts';
import { hashPassword, randomToken } from '../domain/passwords.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { roleOf, type User } from './accounts.ts';

export interface UserSummary {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
  active: boolean;
  /** Holds a one-time password not yet replaced. */
  mustChangePassword: boolean;
}

const summary = (row: UserListRow): UserSummary => ({
  id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastLoginAt: row.last_login_at,
  active: row.deactivated_at === null, mustChangePassword: row.must_change_password === 1,
});

async function listed(tx: Tx, id: number): Promise<UserSummary> {
  const row = await tx.accounts.listedUser(id);
  if (!row) throw new NotFoundError(`There is no user ${id}.`, 'errors.noUser', { id });
  return summary(row);
}

const lastAdmin = (name: string) => new ConflictError(
  `"${name}" is the last active admin: make another user admin first.`, 'errors.lastAdmin', { name });

async function applyRole(tx: Tx, id: number, role: Role): Promise<void> {
  const target = await listed(tx, id);
  if (!(await tx.accounts.setRole(id, role))) throw lastAdmin(target.name);
}

async function applyActive(tx: Tx, actor: User | undefined, id: number, active: boolean): Promise<void> {
  if (!active && id === actor?.id) throw new ValidationError('You cannot deactivate your own account.', 'errors.deactivateSelf');
  const target = await listed(tx, id);
  if (active) {
    await tx.accounts.reactivate(id);
    // A reactivated user signs in afresh: their old pages are told they are signed out, not deactivated.
    await tx.accounts.forgetDeactivatedCredentials(id);
  } else if (target.active) {
    const at = new Date().toISOString();
    if (!(await tx.accounts.deactivate(id, at))) throw lastAdmin(target.name);
    await tx.accounts.keepDeactivatedCredentials(id, at);
    await tx.accounts.deleteSessionsOf(id);
    await tx.accounts.deleteTokensOf(id);
  }
}

export function userAdmin(store: Store) {
  return {
    /** The id of the user named, for the command line, which names users. */
    idOf: (name: string): Promise<number> => store.read(async (tx) => {
      const row = await tx.accounts.userByName(name);
      if (!row) throw new NotFoundError(`There is no user named "${name}".`, 'errors.noSuchUser', { name });
      return row.id;
    }),

    list: (): Promise<UserSummary[]> => store.read(async (tx) => (await tx.accounts.listUsers()).map(summary)),

    /**
     * The role, the state or both: both change or, when one is refused, neither. Deactivating ends the user's
     * sessions and revokes their API tokens; reactivating restores only the sign-in.
     */
    update: (actor: User | undefined, id: number, change: { role?: string; active?: boolean }): Promise<UserSummary> => store.write(async (tx) => {
      if (change.role !== undefined) await applyRole(tx, id, roleOf(change.role));
      if (change.active !== undefined) await applyActive(tx, actor, id, change.active);
      return listed(tx, id);
    }),

    /**
     * A one-time password, returned once, which the user replaces at the next sign-in. An admin resets a password
     * when the account may be in someone else's hands: every session of the user ends and every API token is revoked,
     * since a token made by whoever held the account would otherwise outlive the reset.
     */
    async resetPassword(actor: User | undefined, id: number): Promise<{ user: UserSummary; oneTimePassword: string }> {
      if (id === actor?.id) throw new ValidationError('Change your own password on your account page.', 'errors.resetSelf');
      const oneTimePassword = randomToken(12);
      const hash = await hashPassword(oneTimePassword);
      return store.write(async (tx) => {
        await listed(tx, id);
        await tx.accounts.setPassword(id, hash, true);
        await tx.accounts.deleteSessionsOf(id);
        await tx.accounts.deleteTokensOf(id);
        return { user: await listed(tx, id), oneTimePassword };
      });
    },
  };
}
export type UserAdmin = ReturnType<typeof userAdmin>;
