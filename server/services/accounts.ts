// Use cases for accounts: the first admin, users, login sessions and API tokens.

import type { Store } from '../db/store.ts';
import { ROLES, type Role, type UserRow } from '../db/accounts-repo.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../domain/passwords.ts';
import { ConflictError, UnauthorizedError, ValidationError } from '../domain/errors.ts';

export interface User {
  id: number;
  name: string;
  role: Role;
  /** The interface language kept for the account, which every request of theirs uses; null or absent: the browser's. */
  language?: string | null;
}

export interface Session {
  id: string;
  csrfToken: string;
  user: User;
}

const SESSION_DAYS = 7;
// A token's time of last use is kept to the minute: writing it on every request made every API read take
// the database's one write lock, and under load the readers queued behind the savers.
const TOKEN_TOUCH_MS = 60_000;
const NAME = /^[\p{L}\p{N}._-]{1,64}$/u;

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, role: row.role, language: row.language });

export function accounts(store: Store, now: () => number = Date.now) {
  return {
    async createUser(name: string, role: string, password: string): Promise<User> {
      if (!NAME.test(name)) throw new ValidationError('A user name is 1 to 64 letters, digits, dots, dashes or underscores.', 'errors.userName');
      if (!ROLES.includes(role as Role)) throw new ValidationError(`The role must be one of ${ROLES.join(', ')}.`, 'errors.role');
      if (password.length < 8) throw new ValidationError('A password needs at least 8 characters.', 'errors.passwordShort');
      // Hashed before the transaction: it takes a tenth of a second, and a write must not wait on it.
      const hash = await hashPassword(password);
      return store.write(async (tx) => {
        if (await tx.accounts.userByName(name)) throw new ConflictError(`A user named "${name}" already exists.`, 'errors.userExists', { name });
        const id = await tx.accounts.insertUser(name, role as Role, hash);
        return { id, name, role: role as Role, language: null };
      });
    },

    /** Keeps the interface language the user chose; `language` is one the app offers (checked by the caller and by SQL). */
    async setLanguage(user: User, language: string): Promise<void> {
      await store.write((tx) => tx.accounts.setLanguage(user.id, language));
    },

    /** On first start with no users: an admin with the given password, or a generated one to print once. */
    async ensureAdmin(password: string | undefined): Promise<{ created: boolean; password?: string }> {
      if ((await store.read((tx) => tx.accounts.countUsers())) > 0) return { created: false };
      const chosen = password ?? randomToken(12);
      try {
        await this.createUser('admin', 'admin', chosen);
      } catch (err) {
        // Another server starting on the same database made it first.
        if (err instanceof ConflictError) return { created: false };
        throw err;
      }
      return { created: true, ...(password ? {} : { password: chosen }) };
    },

    async login(name: string, password: string): Promise<Session> {
      const row = await store.read((tx) => tx.accounts.userByName(name));
      // Hash even for unknown users so that timing does not tell which names exist.
      const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      if (!row || !ok) throw new UnauthorizedError('The user name or password is wrong.', 'errors.badLogin');
      const session = { id: randomToken(), csrfToken: randomToken(), user: toUser(row) };
      const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
      await store.write(async (tx) => {
        await tx.accounts.deleteExpiredSessions(new Date().toISOString());
        await tx.accounts.insertSession({ id: session.id, user_id: row.id, csrf_token: session.csrfToken, expires_at: expires });
      });
      return session;
    },

    async logout(sessionId: string): Promise<void> {
      await store.write((tx) => tx.accounts.deleteSession(sessionId));
    },

    session: (sessionId: string): Promise<Session | undefined> => store.read(async (tx) => {
      const s = await tx.accounts.session(sessionId);
      if (!s || s.expires_at < new Date().toISOString()) return undefined;
      const row = await tx.accounts.userById(s.user_id);
      return row && { id: s.id, csrfToken: s.csrf_token, user: toUser(row) };
    }),

    createToken: (name: string): Promise<string> => store.write(async (tx) => {
      const row = await tx.accounts.userByName(name);
      if (!row) throw new ValidationError(`There is no user named "${name}".`, 'errors.noSuchUser', { name });
      const token = `dq_${randomToken()}`;
      await tx.accounts.insertToken(row.id, sha256(token));
      return token;
    }),

    async userForToken(token: string): Promise<User | undefined> {
      const hash = sha256(token);
      const row = await store.read((tx) => tx.accounts.userByTokenHash(hash));
      if (!row) return undefined;
      if (row.last_used_at === null || Date.parse(row.last_used_at) <= now() - TOKEN_TOUCH_MS) {
        await store.write((tx) => tx.accounts.touchToken(hash, new Date(now()).toISOString()));
      }
      return toUser(row);
    },
  };
}
export type Accounts = ReturnType<typeof accounts>;
