// SQL for users, login sessions and API tokens.

import type { Db } from './open-database.ts';

import type { Role } from '../domain/types.ts';

export { ROLES, type Role } from '../domain/types.ts';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  /** The interface language the user chose while signed in ('en', 'zh-CN'), or null. */
  language: string | null;
}

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
}

export function accountsRepo(db: Db) {
  const q = {
    countUsers: db.prepare('SELECT count(*) FROM users').pluck(),
    userByName: db.prepare('SELECT id, name, role, password_hash, language FROM users WHERE name = ?'),
    userById: db.prepare('SELECT id, name, role, password_hash, language FROM users WHERE id = ?'),
    insertUser: db.prepare('INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)'),
    setLanguage: db.prepare('UPDATE users SET language = ? WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare('SELECT id, user_id, csrf_token, expires_at FROM sessions WHERE id = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
    insertToken: db.prepare('INSERT INTO api_tokens (user_id, token_hash) VALUES (?, ?)'),
    userByToken: db.prepare(
      'SELECT u.id, u.name, u.role, u.password_hash, u.language, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?',
    ),
    touchToken: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?'),
  };
  return {
    countUsers: () => q.countUsers.get() as number,
    userByName: (name: string) => q.userByName.get(name) as UserRow | undefined,
    userById: (id: number) => q.userById.get(id) as UserRow | undefined,
    insertUser: (name: string, role: Role, passwordHash: string) =>
      Number(q.insertUser.run(name, role, passwordHash).lastInsertRowid),
    setLanguage: (id: number, language: string) => q.setLanguage.run(language, id),
    insertSession: (s: SessionRow) => q.insertSession.run(s.id, s.user_id, s.csrf_token, s.expires_at),
    session: (id: string) => q.session.get(id) as SessionRow | undefined,
    deleteSession: (id: string) => q.deleteSession.run(id),
    deleteExpiredSessions: (now: string) => q.deleteExpired.run(now),
    insertToken: (userId: number, tokenHash: string) => q.insertToken.run(userId, tokenHash),
    userByTokenHash: (hash: string) => q.userByToken.get(hash) as (UserRow & { last_used_at: string | null }) | undefined,
    touchToken: (hash: string, at: string) => q.touchToken.run(at, hash),
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
