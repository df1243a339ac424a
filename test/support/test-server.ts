// Starts the real app on a free port over a fresh, really migrated database, and speaks HTTP to it. The database is a
// SQLite file, or with DUIQI_TEST_DATABASE=postgres a database of its own on the run's PostgreSQL cluster.

import { keepConnectionsOpen } from '../../server/http/keep-alive.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppDeps } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import type { StatementTally, Store } from '../../server/db/store.ts';
import { accounts } from '../../server/services/accounts.ts';
import type { Role } from '../../server/db/accounts-repo.ts';
import { jobQueueFor } from '../../server/services/job-queue.ts';

/** Whether the test servers run on PostgreSQL (DUIQI_TEST_DATABASE=postgres) rather than SQLite. */
export const onPostgres = process.env.DUIQI_TEST_DATABASE === 'postgres';

export interface TestServer {
  /**
   * The server's own SQLite connection, for a test to read what was stored. On PostgreSQL any use throws: a check that
   * needs it runs on SQLite only (`it.skipIf(onPostgres)`); `rows` runs portable SQL on either.
   */
  db: Db;
  /** Runs one statement of SQL both databases speak, its parameters written `?`, and returns its rows. */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first column of the first row of `rows`. */
  value<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  store: Store;
  url: string;
  dir: string;
  close(): Promise<void>;
}

export function tempDir(prefix = 'duiqi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `tally` counts the statements the server's store executes. */
export async function startTestServer(opts: { dbFile?: string; tally?: StatementTally } & Partial<Omit<AppDeps, 'store' | 'i18n'>> = {}): Promise<TestServer> {
  const dir = tempDir();
  const { dbFile, tally, ...deps } = opts;
  const { db, store, rows, drop } = onPostgres && dbFile === undefined ? await postgresDatabase(tally) : sqliteDatabase(dbFile ?? path.join(dir, 'duiqi.sqlite'), tally);
  // On PostgreSQL the jobs go through pg-boss, as on a team's servers.
  const jobQueue = deps.jobQueue ?? await jobQueueFor(store, { resume: false, times: { expireSeconds: 60, maintenanceSeconds: 5 } });
  const app = createApp({ store, i18n: await createI18n(), ...deps, jobQueue });
  const server: Server = await new Promise((resolve) => {
    const s = keepConnectionsOpen(app.listen(0, '127.0.0.1', () => resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    db, rows, store, dir,
    value: async <T>(sql: string, params?: unknown[]) => Object.values((await rows<Record<string, unknown>>(sql, params))[0] ?? {})[0] as T,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobQueue.stop();
      await store.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface TestDatabase {
  db: Db;
  store: Store;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function sqliteDatabase(file: string, tally?: StatementTally): TestDatabase {
  const db = openDatabase(file, tally);
  return {
    db, store: sqliteStore(db),
    rows: async <T>(sql: string, params: unknown[] = []) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    drop: async () => undefined,
  };
}

const sqliteOnly = new Proxy({} as Db, {
  get() {
    throw new Error('This check reads the SQLite connection; on PostgreSQL use server.rows or skip it (it.skipIf(onPostgres)).');
  },
});

async function postgresDatabase(tally?: StatementTally): Promise<TestDatabase> {
  // Loaded only here: it reads the cluster vitest's global setup provides, which the benches (run without vitest) lack.
  const { createTestDatabase } = await import('./postgres.ts');
  const { applyPostgresMigrations, readPostgresMigrations } = await import('../../server/db/postgres/migrate.ts');
  const { postgresStore } = await import('../../server/db/postgres/postgres-store.ts');
  const { openPostgres } = await import('../../server/db/postgres/connect.ts');
  const database = await createTestDatabase();
  await applyPostgresMigrations(database.pool, readPostgresMigrations());
  const store = tally ? postgresStore(openPostgres(database.url, undefined, tally), database.url) : postgresStore(database.pool, database.url);
  return {
    db: sqliteOnly, store,
    rows: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await database.pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
    // The store closed the pool; dropping forces out any work thread's connections.
    drop: () => database.drop(),
  };
}

export async function addUser(store: Store, name: string, role: Role, password = 'correct horse 12'): Promise<void> {
  await accounts(store).createUser(name, role, password);
}

/** A cookie jar and the CSRF token of the last page, as a browser would keep them. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  async request(method: string, url: string, opts: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(this.base + url, { method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1]!;
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }

  async login(name: string, password = 'correct horse 12', headers?: Record<string, string>) {
    await this.get('/login', headers);
    return this.request('POST', '/login', { form: { name, password, _csrf: this.csrf, next: '/documents' }, headers });
  }
}

/** A client signed in as admin on a whole server started by the test, on its document list (which sets its CSRF token). */
export async function signedInAdmin(url: string, password: string): Promise<Client> {
  const c = new Client(url);
  const login = await c.login('admin', password);
  if (login.status !== 303) throw new Error(`admin could not sign in at ${url}: ${login.status}`);
  await c.get('/documents');
  return c;
}
