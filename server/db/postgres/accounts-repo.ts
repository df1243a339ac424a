// SQL for users, login sessions and API tokens, on PostgreSQL (see ../accounts-repo.ts).

import type { Role } from '../../domain/types.ts';
import { ANOTHER_ACTIVE_ADMIN, type SessionRow, type TokenRow, type UserListRow, type UserRow } from '../accounts-repo.ts';
import { one, row, rows, run, type Sql } from './connect.ts';

const USER = 'SELECT id, name, role, password_hash, language, deactivated_at, must_change_password FROM users';
const LISTED = 'SELECT id, name, role, created_at, last_login_at, deactivated_at, must_change_password FROM users';

/**
 * Takes the rows of the active admins (in id order, so two takers never deadlock) before a change that must leave one:
 * a second admin change waits here for the first to commit, then its own statement sees that change. Without the lock,
 * two admins demoting each other at once would each see the other still active and both pass. NO KEY UPDATE, as an
 * UPDATE takes, leaves sign-ins (which only reference the row) free to run.
 */
const lockActiveAdmins = (sql: Sql) =>
  sql.query("SELECT id FROM users WHERE role = 'admin' AND deactivated_at IS NULL ORDER BY id FOR NO KEY UPDATE");

export function accountsRepo(sql: Sql) {
  return {
    countUsers: async () => (await one<number>(sql, 'SELECT count(*) FROM users'))!,
    userByName: (name: string) => row<UserRow>(sql, `${USER} WHERE name = $1`, [name]),
    userById: (id: number) => row<UserRow>(sql, `${USER} WHERE id = $1`, [id]),
    // Names in code-point order, as SQLite's default collation sorts them, whatever the database's locale.
    listUsers: () => rows<UserListRow>(sql, `${LISTED} ORDER BY name COLLATE "C"`),
    listedUser: (id: number) => row<UserListRow>(sql, `${LISTED} WHERE id = $1`, [id]),
    insertUser: async (name: string, role: Role, passwordHash: string, mustChangePassword = false) =>
      (await one<number>(sql, 'INSERT INTO users (name, role, password_hash, must_change_password) VALUES ($1, $2, $3, $4) RETURNING id',
        [name, role, passwordHash, mustChangePassword ? 1 : 0]))!,
    /** Refused (0 rows) when it would take the role from the last active admin. */
    async setRole(id: number, role: Role) {
      await lockActiveAdmins(sql);
      return (await run(sql, `UPDATE users SET role = $2 WHERE id = $1
        AND ($2 = 'admin' OR role <> 'admin' OR deactivated_at IS NOT NULL OR ${ANOTHER_ACTIVE_ADMIN})`, [id, role])).changes;
    },
    /** Refused (0 rows) for the last active admin and for an account already deactivated. */
    async deactivate(id: number, at: string) {
      await lockActiveAdmins(sql);
      return (await run(sql, `UPDATE users SET deactivated_at = $2 WHERE id = $1 AND deactivated_at IS NULL
        AND (role <> 'admin' OR ${ANOTHER_ACTIVE_ADMIN})`, [id, at])).changes;
    },
    reactivate: async (id: number) => (await run(sql, 'UPDATE users SET deactivated_at = NULL WHERE id = $1', [id])).changes,
    setPassword: (id: number, passwordHash: string, mustChange: boolean) =>
      run(sql, 'UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3', [passwordHash, mustChange ? 1 : 0, id]),
    touchLogin: (id: number, at: string) => run(sql, 'UPDATE users SET last_login_at = $1 WHERE id = $2', [at, id]),
    setLanguage: (id: number, language: string) => run(sql, 'UPDATE users SET language = $1 WHERE id = $2', [language, id]),
    insertSession: (s: SessionRow) =>
      run(sql, 'INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [s.id, s.user_id, s.csrf_token, s.expires_at]),
    session: (id: string) => row<SessionRow>(sql, 'SELECT id, user_id, csrf_token, expires_at FROM sessions WHERE id = $1', [id]),
    deleteSession: (id: string) => run(sql, 'DELETE FROM sessions WHERE id = $1', [id]),
    /** Ends every session of the user but the one named (all of them when none is). */
    deleteSessionsOf: (userId: number, keep = '') => run(sql, 'DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keep]),
    deleteExpiredSessions: (now: string) => run(sql, 'DELETE FROM sessions WHERE expires_at < $1', [now]),
    insertToken: async (userId: number, tokenHash: string, name: string | null = null) =>
      (await one<number>(sql, 'INSERT INTO api_tokens (user_id, token_hash, name) VALUES ($1, $2, $3) RETURNING id', [userId, tokenHash, name]))!,
    userByTokenHash: (hash: string) => row<UserRow & { last_used_at: string | null }>(sql, `SELECT u.id, u.name, u.role, u.password_hash,
        u.language, u.deactivated_at, u.must_change_password, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`, [hash]),
    touchToken: (hash: string, at: string) => run(sql, 'UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2', [at, hash]),
    tokensOf: (userId: number) => rows<TokenRow>(sql,
      'SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id', [userId]),
    /** Only the owner's own token: another user's id deletes nothing. */
    deleteToken: async (userId: number, tokenId: number) =>
      (await run(sql, 'DELETE FROM api_tokens WHERE id = $1 AND user_id = $2', [tokenId, userId])).changes,
    deleteTokensOf: (userId: number) => run(sql, 'DELETE FROM api_tokens WHERE user_id = $1', [userId]),
    keepDeactivatedCredentials: (userId: number, at: string) => run(sql, `INSERT INTO deactivated_credentials (key_hash, user_id, deactivated_at)
      SELECT id, user_id, $2::timestamptz FROM sessions WHERE user_id = $1 UNION ALL SELECT token_hash, user_id, $2::timestamptz FROM api_tokens WHERE user_id = $1`, [userId, at]),
    forgetDeactivatedCredentials: (userId: number) => run(sql, 'DELETE FROM deactivated_credentials WHERE user_id = $1', [userId]),
    endedByDeactivation: async (keyHash: string) => (await row(sql, 'SELECT 1 AS found FROM deactivated_credentials WHERE key_hash = $1', [keyHash])) !== undefined,
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
