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
  url: string;
  pool: PostgresPool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

const adminUrl = () => {
  if ('missing' in cluster) throw new Error(`REQUIRE_POSTGRES=1 but ${cluster.missing}`);
  return `postgres://${cluster.user}@${cluster.host}:${cluster.port}`;
};

/** Creates an empty database with a name of its own and opens a pool on it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = adminUrl();
  const name = `duiqi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = `${base}/${name}`;
  const pool = openPostgres(url);
  return {
    url, pool,
    async drop() {
      await pool.end();
      const again = new pg.Client({ connectionString: `${base}/postgres` });
      await again.connect();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}
