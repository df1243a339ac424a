// Opens a PostgreSQL pool whose rows have the same shapes as SQLite's: numbers for bigint counts and ids, ISO strings
// for timestamps. Repositories take a `Sql`: the pool, or a client inside a transaction.

import pg from 'pg';
import type { StatementTally } from '../store.ts';
import { CONNECT_TIMEOUT_MS } from '../database-address.ts';

export type PostgresPool = pg.Pool;

/** What a repository needs: a pool (each statement on its own) or a client holding a transaction. */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMPTZ = 1184;
const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ);

// Ids and counts stay far below 2^53; sums of integers arrive as numeric.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === TIMESTAMPTZ) return (value: string) => (parseTimestamp(value) as Date).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function openPostgres(connectionString: string, max = 10, tally?: StatementTally): PostgresPool {
  const pool = new pg.Pool({ connectionString, max, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Every statement of every connection passes through its client's query: one round trip each.
  if (tally) pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      tally.statements++;
      tally.texts?.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text));
      return query(...args);
    }) as typeof client.query;
  });
  // An idle connection the server closed (a restart, a dropped database) is left out of the pool; unheard, the
  // error would end the process. A query on a broken connection still fails, in the request that made it.
  pool.on('error', () => undefined);
  return pool;
}

// PostgreSQL parses and plans an unnamed statement at every execution; a named one once per connection, which halved
// the database's CPU per request in the load bench. The names are given by text: the repositories' statements are
// constants, a few hundred at most, and the bound keeps a text built from data from growing every connection.
const PREPARED_LIMIT = 2_000;
const statementNames = new Map<string, string>();

/** `client` with every statement that takes values prepared once per connection and run by name after. */
export function preparing(client: pg.ClientBase): Sql {
  return {
    query(text: string, values?: unknown[]) {
      let name = statementNames.get(text);
      if (name === undefined && values?.length && statementNames.size < PREPARED_LIMIT) statementNames.set(text, (name = `duiqi_${statementNames.size}`));
      return name === undefined ? client.query(text, values) : client.query({ name, text, values });
    },
  } as Sql;
}

/** Runs `fn` in a transaction on `client`: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(client: pg.ClientBase, fn: (sql: pg.ClientBase) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The same on a client of the pool, given back afterwards. */
export async function inTransaction<T>(pool: PostgresPool, fn: (sql: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await transaction(client, fn);
  } finally {
    client.release();
  }
}

/** The first row's first column, or undefined without a row. */
export async function one<T>(sql: Sql, text: string, values?: unknown[]): Promise<T | undefined> {
  const { rows } = await sql.query(text, values);
  const row = rows[0];
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}

/** Every row's first column. */
export async function column<T>(sql: Sql, text: string, values?: unknown[]): Promise<T[]> {
  return (await sql.query(text, values)).rows.map((r) => Object.values(r)[0] as T);
}

/** The first row, or undefined. */
export async function row<T>(sql: Sql, text: string, values?: unknown[]): Promise<T | undefined> {
  return (await sql.query(text, values)).rows[0] as T | undefined;
}

export async function rows<T>(sql: Sql, text: string, values?: unknown[]): Promise<T[]> {
  return (await sql.query(text, values)).rows as T[];
}

/** Runs a statement; `changes` is its row count, as better-sqlite3 reports it. */
export async function run(sql: Sql, text: string, values?: unknown[]): Promise<{ changes: number }> {
  return { changes: (await sql.query(text, values)).rowCount ?? 0 };
}

/** The asynchronous form of a synchronous repository or store: every method returns a promise of what it returned. */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] };

/** Column arrays for a statement over unnest($1, $2, …): one round trip for any number of rows. */
export const columns = <T>(items: T[], pick: ((item: T) => unknown)[]) => pick.map((f) => items.map(f));
