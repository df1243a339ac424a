// An app server on PostgreSQL killed with SIGKILL in the middle of an HTTP import: the import's transaction has
// written rows when the kill lands, and none of them is ever seen; the server started again imports the same files whole.
// The kill lands at a known point: the test holds a lock on one of the tables the import writes after its first
// rows (the document's), and kills the server while the import's transaction waits for it.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { openPostgresStore } from '../../server/db/postgres/postgres-store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { generate } from '../bench/big-document.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { descendants } from '../support/processes.ts';

// In the order an import writes them, after the document's row.
const LOCKED = ['sources', 'pairs', 'segments'];
const texts = generate(1500);
let database: TestDatabase;
let token: string;

const env = () => ({ DUIQI_DATABASE_URL: database.url, DUIQI_ADMIN_PASSWORD: 'crash-import-1' });

/** What an import adds, table by table. */
type Counts = Record<"documents" | "sources" | "pairs" | "segments" | "revisions", number>;
async function counts(pool: pg.Pool): Promise<Counts> {
  const tables = ['documents', 'sources', 'pairs', 'segments', 'revisions'];
  const { rows } = await pool.query<Counts>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
  return rows[0]!;
}

/**
 * Sessions of other connections whose transaction has written a row (PostgreSQL gives it a transaction id then);
 * `waiting`: only those waiting for a lock.
 */
const writing = async (pool: pg.Pool, waiting = false) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid != pg_backend_pid() AND backend_xid IS NOT NULL
      AND ($1 = false OR wait_event_type = 'Lock')`, [waiting])).rows[0]!.n;

async function until(what: string, check: () => Promise<boolean>, ms = 180_000): Promise<void> {
  for (const start = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 5))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting until ${what}`);
  }
}

function importPair(wb: Workbench, title: string): Promise<Response> {
  const form = new FormData();
  form.append('title', title);
  form.append('source', new Blob([texts.zh]), 'crash.zh.txt');
  form.append('translation', new Blob([texts.en]), 'crash.en.txt');
  return fetch(`${wb.url}/api/documents/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

describePostgres('an app server on PostgreSQL killed with SIGKILL mid-import', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const store = await openPostgresStore(database.url);
    await accounts(store).createUser('importer', 'admin', 'crash-import-pass-1');
    token = await accounts(store).createToken('importer');
    await store.close();
  });
  afterAll(() => database?.drop());

  it('when the import has written rows and the server is killed then none of them is stored, and the same import after a restart is whole', { timeout: 900_000 }, async () => {
    const { pool } = database;
    for (const table of LOCKED) {
      const wb = await startWorkbench(env());
      const before = await counts(pool);
      const blocker = await pool.connect();
      await blocker.query('BEGIN');
      // SHARE lets everyone read the table and no one write it.
      await blocker.query(`LOCK TABLE ${table} IN SHARE MODE`);
      const answer = importPair(wb, `killed at ${table}`).then((r) => r.status, () => 'no answer');
      await until(`the import has written rows and waits to write ${table}`, async () => (await writing(pool, true)) > 0);
      // The server runs under tsx's launcher: the kill takes the whole tree, the server process with it.
      for (const pid of [wb.pid, ...descendants(wb.pid)]) process.kill(pid, 'SIGKILL');
      expect(await answer).toBe('no answer');
      await wb.stop();
      await blocker.query('ROLLBACK');
      blocker.release();
      // The kernel closed the connections; each backend rolls back as soon as it notices.
      await until('the killed server\'s transactions end', async () => (await writing(pool)) === 0, 60_000);
      expect(await counts(pool), `killed while waiting to write ${table}`).toEqual(before);
      expect((await pool.query('SELECT count(*)::int AS n FROM documents WHERE title LIKE $1', ['killed %'])).rows[0].n).toBe(0);
    }
    const wb = await startWorkbench(env());
    try {
      const before = await counts(pool);
      const res = await importPair(wb, 'after the kills');
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: number };
      const after = await counts(pool);
      expect(after.documents).toBe(before.documents + 1);
      expect(after.pairs).toBeGreaterThan(before.pairs + 1000);
      // Every sentence of both files is in the document: nothing cut short.
      const sides = (await pool.query<{ side: string; n: number }>(`SELECT side, count(*)::int AS n FROM segments WHERE document_id = $1 AND kind = 'sentence' GROUP BY side ORDER BY side`, [id])).rows;
      expect(sides.map((s) => s.n).every((n) => n >= 1500)).toBe(true);
      expect((await fetch(`${wb.url}/documents/${id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await wb.stop();
    }
  });
});
