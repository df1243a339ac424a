// Use cases for accounts: the first admin, users, login sessions and API tokens.

import type { Db } from '../db/open-database.ts';
import { accountsRepo, ROLES, type Role, type UserRow } from '../db/accounts-repo.ts';
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

export function accounts(db: Db, now: () => number = Date.now) {
  const repo = accountsRepo(db);
  return {
    async createUser(name: string, role: string, password: string): Promise<User> {
      if (!NAME.test(name)) throw new ValidationError('A user name is 1 to 64 letters, digits, dots, dashes or underscores.', 'errors.userName');
      if (!ROLES.includes(role as Role)) throw new ValidationError(`The role must be one of ${ROLES.join(', ')}.`, 'errors.role');
      if (password.length < 8) throw new ValidationError('A password needs at least 8 characters.', 'errors.passwordShort');
      if (repo.userByName(name)) throw new ConflictError(`A user named "${name}" already exists.`, 'errors.userExists', { name });
      const id = repo.insertUser(name, role as Role, await hashPassword(password));
      return { id, name, role: role as Role, language: null };
    },

    /** Keeps the interface language the user chose; `language` is one the app offers (checked by the caller and by SQL). */
    setLanguage(user: User, language: string): void {
      repo.setLanguage(user.id, language);
    },

    /** On first start with no users: an admin with the given password, or a generated one to print once. */
    async ensureAdmin(password: string | undefined): Promise<{ created: boolean; password?: string }> {
      if (repo.countUsers() > 0) return { created: false };
      const chosen = password ?? randomToken(12);
      await this.createUser('admin', 'admin', chosen);
      return { created: true, ...(password ? {} : { password: chosen }) };
    },

    async login(name: string, password: string): Promise<Session> {
      const row = repo.userByName(name);
      // Hash even for unknown users so that timing does not tell which names exist.
      const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      if (!row || !ok) throw new UnauthorizedError('The user name or password is wrong.', 'errors.badLogin');
      const session = { id: randomToken(), csrfToken: randomToken(), user: toUser(row) };
      const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
      repo.deleteExpiredSessions(new Date().toISOString());
      repo.insertSession({ id: session.id, user_id: row.id, csrf_token: session.csrfToken, expires_at: expires });
      return session;
    },

    logout(sessionId: string): void {
      repo.deleteSession(sessionId);
    },

    session(sessionId: string): Session | undefined {
      const s = repo.session(sessionId);
      if (!s || s.expires_at < new Date().toISOString()) return undefined;
      const row = repo.userById(s.user_id);
      return row && { id: s.id, csrfToken: s.csrf_token, user: toUser(row) };
    },

    createToken(name: string): string {
      const row = repo.userByName(name);
      if (!row) throw new ValidationError(`There is no user named "${name}".`, 'errors.noSuchUser', { name });
      const token = `dq_${randomToken()}`;
      repo.insertToken(row.id, sha256(token));
      return token;
    },

    userForToken(token: string): User | undefined {
      const hash = sha256(token);
      const row = repo.userByTokenHash(hash);
      if (!row) return undefined;
      if (row.last_used_at === null || Date.parse(row.last_used_at) <= now() - TOKEN_TOUCH_MS) repo.touchToken(hash, new Date(now()).toISOString());
      return toUser(row);
    },
  };
}
export type Accounts = ReturnType<typeof accounts>;
