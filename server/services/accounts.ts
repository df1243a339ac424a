// Use cases for accounts: the first admin, users, login sessions and API tokens.

import type { Store } from '../db/store.ts';
import { ROLES, type Role, type UserRow } from '../db/accounts-repo.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../domain/passwords.ts';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../domain/errors.ts';
import type { Tx } from '../db/store.ts';
import { charCount, longerThan } from '../domain/text-length.ts';

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
  /** An admin set a one-time password: until the user chooses their own, only the account page opens. */
  mustChangePassword: boolean;
}

export interface ApiToken {
  id: number;
  /** null for a token made before tokens had names. */
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

const SESSION_DAYS = 7;
// A token's time of last use is kept to the minute: writing it on every request made every API read take
// the database's one write lock, and under load the readers queued behind the savers.
const TOKEN_TOUCH_MS = 60_000;
const NAME = /^[\p{L}\p{N}._-]{1,64}$/u;

/** A step of another use case that needs the user and runs on the same read: the document gate's check. */
export type Alongside = (tx: Tx, user: User) => Promise<unknown>;

export interface SignedIn {
  user: User;
  /** Absent when signed in by an API token. */
  session?: Session;
}

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, role: row.role, language: row.language });
const active = <R extends UserRow>(row: R | undefined): R | undefined => (row && row.deactivated_at === null ? row : undefined);

function checkPassword(password: string): void {
  if (charCount(password) < 8) throw new ValidationError('A password needs at least 8 characters.', 'errors.passwordShort');
}

export function accounts(store: Store, now: () => number = Date.now) {
  /**
   * Who a request comes from, by its session or its API token, read together with `alongside` so that a request
   * under the document gate opens one read transaction for both. A token's time of last use is written after it.
   * `changes`: the request changes something, so its lookups go before waiting reads (Store.glance's `first`).
   */
  async function signedIn(credentials: { sessionId?: string; token?: string }, alongside?: Alongside, changes = false): Promise<SignedIn | undefined> {
    const hash = credentials.token === undefined ? undefined : sha256(credentials.token);
    // Sessions, users and the gate's document are facts of their own: no snapshot need hold them together.
    const found = await store.glance(async (tx) => {
      let signed: { user: User; session?: Session; lastUsedAt?: string | null } | undefined;
      if (hash !== undefined) {
        const row = active(await tx.accounts.userByTokenHash(hash));
        signed = row && { user: toUser(row), lastUsedAt: row.last_used_at };
      } else {
        const s = await tx.accounts.session(sessionKey(credentials.sessionId ?? ''));
        // Looked up on every request: a deactivated user's open session is refused at its next one.
        const row = s && s.expires_at >= new Date().toISOString() ? active(await tx.accounts.userById(s.user_id)) : undefined;
        const user = row && toUser(row);
        signed = user && { user, session: { id: credentials.sessionId!, csrfToken: s!.csrf_token, user, mustChangePassword: row!.must_change_password === 1 } };
      }
      if (signed && alongside) await alongside(tx, signed.user);
      return signed;
    }, { first: changes });
    if (!found) return undefined;
    if (hash !== undefined && (found.lastUsedAt === null || Date.parse(found.lastUsedAt!) <= now() - TOKEN_TOUCH_MS)) {
      await store.write((tx) => tx.accounts.touchToken(hash, new Date(now()).toISOString()));
    }
    return { user: found.user, session: found.session };
  }

  return {
    /** Without a password the user gets a one-time one, returned here once, to be replaced at the first sign-in. */
    async createUser(name: string, role: string, password?: string): Promise<User & { oneTimePassword?: string }> {
      if (!NAME.test(name)) throw new ValidationError('A user name is 1 to 64 letters, digits, dots, dashes or underscores.', 'errors.userName');
      const chosenRole = roleOf(role);
      if (password !== undefined) checkPassword(password);
      const oneTime = password === undefined ? randomToken(12) : undefined;
      // Hashed before the transaction: it takes a tenth of a second, and a write must not wait on it.
      const hash = await hashPassword(password ?? oneTime!);
      return store.write(async (tx) => {
        if (await tx.accounts.userByName(name)) throw new ConflictError(`A user named "${name}" already exists.`, 'errors.userExists', { name });
        const id = await tx.accounts.insertUser(name, chosenRole, hash, oneTime !== undefined);
        return { id, name, role: chosenRole, ...(oneTime ? { oneTimePassword: oneTime } : {}) };
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
      // Said only to whoever knows the password, so it tells nobody else that the name exists.
      if (!active(row)) throw new UnauthorizedError('This account is deactivated. Ask an admin to reactivate it.', 'errors.accountDeactivated');
      const session = { id: randomToken(), csrfToken: randomToken(), user: toUser(row), mustChangePassword: row.must_change_password === 1 };
      const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
      await store.write(async (tx) => {
        await tx.accounts.deleteExpiredSessions(new Date().toISOString());
        await tx.accounts.insertSession({ id: sessionKey(session.id), user_id: row.id, csrf_token: session.csrfToken, expires_at: expires });
        await tx.accounts.touchLogin(row.id, new Date(now()).toISOString());
      });
      return session;
    },

    async logout(sessionId: string): Promise<void> {
      await store.write((tx) => tx.accounts.deleteSession(sessionKey(sessionId)));
    },

    session: async (sessionId: string): Promise<Session | undefined> => (await signedIn({ sessionId }))?.session,

    /** A token for the user named, as the command line makes them. */
    createToken: (name: string, label?: string): Promise<string> => store.write(async (tx) => {
      const row = await tx.accounts.userByName(name);
      if (!row) throw new ValidationError(`There is no user named "${name}".`, 'errors.noSuchUser', { name });
      return (await issueToken(tx, row.id, label)).token;
    }),

    /**
     * The user's own password: the current one proves it is them; their other sessions end. Their API tokens stay: a
     * routine change must not break their scripts, and the account page lists the tokens to revoke one that leaked
     * (an admin's reset, for an account in other hands, revokes them all).
     */
    async changePassword(user: User, current: string, next: string, keepSession = ''): Promise<void> {
      const row = await store.read((tx) => tx.accounts.userById(user.id));
      if (!row || !(await verifyPassword(current, row.password_hash))) {
        throw new ValidationError('The current password is wrong.', 'errors.currentPassword');
      }
      checkPassword(next);
      if (next === current) throw new ValidationError('The new password must differ from the current one.', 'errors.samePassword');
      const hash = await hashPassword(next);
      await store.write(async (tx) => {
        await tx.accounts.setPassword(user.id, hash, false);
        await tx.accounts.deleteSessionsOf(user.id, sessionKey(keepSession));
      });
    },

    tokens: (user: User): Promise<ApiToken[]> => store.read(async (tx) => (await tx.accounts.tokensOf(user.id)).map((t) => ({
      id: t.id, name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at,
    }))),

    /** A new token of the user's own, shown to them once: only its hash is kept. */
    createOwnToken: (user: User, label: string): Promise<{ id: number; name: string; token: string }> => store.write(async (tx) => {
      const { id, token } = await issueToken(tx, user.id, label);
      return { id, name: label.trim(), token };
    }),

    revokeToken: (user: User, tokenId: number): Promise<void> => store.write(async (tx) => {
      if (!(await tx.accounts.deleteToken(user.id, tokenId))) throw new NotFoundError(`You have no API token ${tokenId}.`, 'errors.noToken');
    }),

    userForToken: async (token: string): Promise<User | undefined> => (await signedIn({ token }))?.user,

    /** Whether credentials that signed nobody in were ended by their account's deactivation (rather than expired or unknown). */
    endedByDeactivation: (credentials: { sessionId?: string; token?: string }): Promise<boolean> => store.glance(async (tx) =>
      tx.accounts.endedByDeactivation(credentials.token !== undefined ? sha256(credentials.token) : sessionKey(credentials.sessionId ?? ''))),

    signedIn,
  };
}
export type Accounts = ReturnType<typeof accounts>;

export function roleOf(role: string): Role {
  if (!ROLES.includes(role as Role)) throw new ValidationError(`The role must be one of ${ROLES.join(', ')}.`, 'errors.role');
  return role as Role;
}

function tokenLabel(label: string | undefined): string | null {
  const trimmed = label?.trim() ?? '';
  // PostgreSQL's text cannot hold a NUL (the insert failed with 500 there), and no control character names anything.
  if (label !== undefined && (trimmed.length < 1 || longerThan(trimmed, 100) || /\p{Cc}/u.test(trimmed))) {
    throw new ValidationError('A token name is 1 to 100 characters, none of them a control character.', 'errors.tokenName');
  }
  return trimmed || null;
}

export async function issueToken(tx: Tx, userId: number, label: string | undefined): Promise<{ id: number; token: string }> {
  const token = `dq_${randomToken()}`;
  return { id: await tx.accounts.insertToken(userId, sha256(token), tokenLabel(label)), token };
}

/**
 * What the sessions table keys a session by: the hash of the cookie's id, as API tokens are kept, so that a
 * copy of the database (a backup, a leaked file) holds no session anyone could sign in with.
 */
function sessionKey(sessionId: string): string {
  return sha256(sessionId);
}
