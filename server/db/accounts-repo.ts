// SQL for users, login sessions and API tokens.

import type { Db } from './open-database.ts';

import type { Role } from '../domain/types.ts';

export { ROLES, type Role } from '../domain/types.ts';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  /** NULL while the account is active. */
  deactivated_at: string | null;
  /** 1 after an admin set a one-time password. */
  must_change_password: number;
  /** The interface language the user chose while signed in ('en', 'zh-CN'), or null. */
  language: string | null;
}

/** A user as the admin's list shows them: no password hash. */
export interface UserListRow {
  id: number;
  name: string;
  role: Role;
  created_at: string;
  last_login_at: string | null;
  deactivated_at: string | null;
  must_change_password: number;
}

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
}

export interface TokenRow {
  id: number;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
}

const USER = 'id, name, role, password_hash, language, deactivated_at, must_change_password';
const LISTED = 'id, name, role, created_at, last_login_at, deactivated_at, must_change_password';
// Another active admin besides user ?: without one, that user may neither lose the role nor be deactivated.
// (A portable statement; on PostgreSQL the repository locks the admin rows first,
// so that two admins demoting each other at once cannot both pass.)
export const ANOTHER_ACTIVE_ADMIN = "EXISTS (SELECT 1 FROM users o WHERE o.id <> users.id AND o.role = 'admin' AND o.deactivated_at IS NULL)";

export function accountsRepo(db: Db) {
  const q = {
    countUsers: db.prepare('SELECT count(*) FROM users').pluck(),
    userByName: db.prepare(`SELECT ${USER} FROM users WHERE name = ?`),
    userById: db.prepare(`SELECT ${USER} FROM users WHERE id = ?`),
    listUsers: db.prepare(`SELECT ${LISTED} FROM users ORDER BY name`),
    listedUser: db.prepare(`SELECT ${LISTED} FROM users WHERE id = ?`),
    insertUser: db.prepare('INSERT INTO users (name, role, password_hash, must_change_password) VALUES (?, ?, ?, ?)'),
    setRole: db.prepare(`UPDATE users SET role = @role WHERE id = @id
      AND (@role = 'admin' OR role <> 'admin' OR deactivated_at IS NOT NULL OR ${ANOTHER_ACTIVE_ADMIN})`),
    deactivate: db.prepare(`UPDATE users SET deactivated_at = @at WHERE id = @id AND deactivated_at IS NULL
      AND (role <> 'admin' OR ${ANOTHER_ACTIVE_ADMIN})`),
    reactivate: db.prepare('UPDATE users SET deactivated_at = NULL WHERE id = ?'),
    setPassword: db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?'),
    touchLogin: db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?'),
    setLanguage: db.prepare('UPDATE users SET language = ? WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare('SELECT id, user_id, csrf_token, expires_at FROM sessions WHERE id = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE user_id = ? AND id <> ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
    insertToken: db.prepare('INSERT INTO api_tokens (user_id, token_hash, name) VALUES (?, ?, ?)'),
    userByToken: db.prepare(
      'SELECT u.id, u.name, u.role, u.password_hash, u.language, u.deactivated_at, u.must_change_password, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?',
    ),
    touchToken: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?'),
    tokensOf: db.prepare('SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at, id'),
    deleteToken: db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?'),
    deleteTokensOf: db.prepare('DELETE FROM api_tokens WHERE user_id = ?'),
    keepDeactivated: db.prepare(`INSERT INTO deactivated_credentials (key_hash, user_id, deactivated_at)
      SELECT id, user_id, @at FROM sessions WHERE user_id = @id UNION ALL SELECT token_hash, user_id, @at FROM api_tokens WHERE user_id = @id`),
    forgetDeactivated: db.prepare('DELETE FROM deactivated_credentials WHERE user_id = ?'),
    deactivatedCredential: db.prepare('SELECT 1 FROM deactivated_credentials WHERE key_hash = ?').pluck(),
  };
  return {
    countUsers: () => q.countUsers.get() as number,
    userByName: (name: string) => q.userByName.get(name) as UserRow | undefined,
    userById: (id: number) => q.userById.get(id) as UserRow | undefined,
    listUsers: () => q.listUsers.all() as UserListRow[],
    listedUser: (id: number) => q.listedUser.get(id) as UserListRow | undefined,
    insertUser: (name: string, role: Role, passwordHash: string, mustChangePassword = false) =>
      Number(q.insertUser.run(name, role, passwordHash, mustChangePassword ? 1 : 0).lastInsertRowid),
    /** Refused (0 rows) when it would take the role from the last active admin. */
    setRole: (id: number, role: Role) => q.setRole.run({ id, role }).changes,
    /** Refused (0 rows) for the last active admin and for an account already deactivated. */
    deactivate: (id: number, at: string) => q.deactivate.run({ id, at }).changes,
    reactivate: (id: number) => q.reactivate.run(id).changes,
    setPassword: (id: number, passwordHash: string, mustChange: boolean) => q.setPassword.run(passwordHash, mustChange ? 1 : 0, id),
    touchLogin: (id: number, at: string) => q.touchLogin.run(at, id),
    setLanguage: (id: number, language: string) => q.setLanguage.run(language, id),
    insertSession: (s: SessionRow) => q.insertSession.run(s.id, s.user_id, s.csrf_token, s.expires_at),
    session: (id: string) => q.session.get(id) as SessionRow | undefined,
    deleteSession: (id: string) => q.deleteSession.run(id),
    /** Ends every session of the user but the one named (all of them when none is). */
    deleteSessionsOf: (userId: number, keep = '') => q.deleteSessionsOf.run(userId, keep),
    deleteExpiredSessions: (now: string) => q.deleteExpired.run(now),
    insertToken: (userId: number, tokenHash: string, name: string | null = null) =>
      Number(q.insertToken.run(userId, tokenHash, name).lastInsertRowid),
    userByTokenHash: (hash: string) => q.userByToken.get(hash) as (UserRow & { last_used_at: string | null }) | undefined,
    touchToken: (hash: string, at: string) => q.touchToken.run(at, hash),
    tokensOf: (userId: number) => q.tokensOf.all(userId) as TokenRow[],
    /** Only the owner's own token: another user's id deletes nothing. */
    deleteToken: (userId: number, tokenId: number) => q.deleteToken.run(tokenId, userId).changes,
    deleteTokensOf: (userId: number) => q.deleteTokensOf.run(userId),
    /** Keeps the hashes of the user's sessions and tokens, before they are deleted, as ended by a deactivation. */
    keepDeactivatedCredentials: (userId: number, at: string) => q.keepDeactivated.run({ id: userId, at }),
    forgetDeactivatedCredentials: (userId: number) => q.forgetDeactivated.run(userId),
    /** Whether the session key or token hash was ended by its account's deactivation. */
    endedByDeactivation: (keyHash: string) => q.deactivatedCredential.get(keyHash) !== undefined,
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
