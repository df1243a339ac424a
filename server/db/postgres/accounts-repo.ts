// SQL for users, login sessions and API tokens, on PostgreSQL (see ../accounts-repo.ts).

import type { Role } from '../../domain/types.ts';
import type { SessionRow, UserRow } from '../accounts-repo.ts';
import { one, row, run, type Sql } from './connect.ts';

const USER = 'SELECT id, name, role, password_hash FROM users';

export function accountsRepo(sql: Sql) {
  return {
    countUsers: async () => (await one<number>(sql, 'SELECT count(*) FROM users'))!,
    userByName: (name: string) => row<UserRow>(sql, `${USER} WHERE name = $1`, [name]),
    userById: (id: number) => row<UserRow>(sql, `${USER} WHERE id = $1`, [id]),
    insertUser: async (name: string, role: Role, passwordHash: string) =>
      (await one<number>(sql, 'INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3) RETURNING id', [name, role, passwordHash]))!,
    insertSession: (s: SessionRow) =>
      run(sql, 'INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [s.id, s.user_id, s.csrf_token, s.expires_at]),
    session: (id: string) => row<SessionRow>(sql, 'SELECT id, user_id, csrf_token, expires_at FROM sessions WHERE id = $1', [id]),
    deleteSession: (id: string) => run(sql, 'DELETE FROM sessions WHERE id = $1', [id]),
    deleteExpiredSessions: (now: string) => run(sql, 'DELETE FROM sessions WHERE expires_at < $1', [now]),
    insertToken: (userId: number, tokenHash: string) => run(sql, 'INSERT INTO api_tokens (user_id, token_hash) VALUES ($1, $2)', [userId, tokenHash]),
    userByTokenHash: (hash: string) => row<UserRow & { last_used_at: string | null }>(sql,
      'SELECT u.id, u.name, u.role, u.password_hash, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1', [hash]),
    touchToken: (hash: string, at: string) => run(sql, 'UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2', [at, hash]),
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
