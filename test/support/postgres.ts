// A fresh PostgreSQL database per test file on the run's cluster (see postgres-global-setup.ts). Without PostgreSQL
// the suites that need it skip, saying why, unless REQUIRE_POSTGRES=1: then they fail.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openPostgres, type PostgresPool } from '../../server/db/postgres/connect.ts';

const cluster = inject('postgres');
const missing = 'missing' in cluster ? cluster.missing : undefined;
const required = process.env.REQUIRE_POSTGRES === '1';

if (missing && !required) console.warn(`PostgreSQL suites skipped: ${missing}. Set REQUIRE_POSTGRES=1 to fail instead.`);

/** `describe` for suites that need PostgreSQL: skipped when it is absent and not required. */
export const describePostgres = missing && !required ? describe.skip : describe;

export interface TestDatabase {
  name: string;
  url: string;
  pool: PostgresPool;
  /** Closes the pool, so that the database may serve as a template. */
  close(): Promise<void>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

const adminUrl = () => {
  if ('missing' in cluster) throw new Error(`REQUIRE_POSTGRES=1 but ${cluster.missing}`);
  return `postgres://${cluster.user}@${cluster.host}:${cluster.port}`;
};

async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${adminUrl()}/postgres` });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates a database with a name of its own, empty or a copy of `template` (which must have no open connection). */
export async function createTestDatabase(template?: string): Promise<TestDatabase> {
  const name = `duiqi_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = `${adminUrl()}/${name}`;
  const pool = openPostgres(url);
  let open = true;
  const close = async () => {
    // A store on the pool may have ended it already.
    if (open && !pool.ended) await pool.end();
    open = false;
  };
  return {
    name, url, pool, close,
    async drop() {
      await close();
      await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Keeps the rows the database holds now (what migrations seed) and returns a reset to that state: every table emptied,
 * its identities restarted, the kept rows put back. Much faster than a new database per case.
 */
export async function keepSeed(pool: PostgresPool): Promise<() => Promise<void>> {
  const { rows } = await pool.query<{ name: string; seeded: boolean }>(`SELECT c.relname AS name,
      (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::int > 0 AS seeded
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname != 'schema_migrations'`);
  const seeded = rows.filter((r) => r.seeded).map((r) => r.name);
  await pool.query(`CREATE SCHEMA seed; ${seeded.map((t) => `CREATE TABLE seed.${t} AS SELECT * FROM public.${t};`).join(' ')}`);
  const reset = `TRUNCATE ${rows.map((r) => `public.${r.name}`).join(', ')} RESTART IDENTITY CASCADE;
    ${seeded.map((t) => `INSERT INTO public.${t} OVERRIDING SYSTEM VALUE SELECT * FROM seed.${t};`).join(' ')}`;
  return async () => void await pool.query(reset);
}
