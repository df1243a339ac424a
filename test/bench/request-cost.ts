// Benchmark: the CPU one request of each kind costs the app server and the database, requests sent one at a time
// (no queueing), so the figures hold better than latency on a busy machine. Not part of `npm test`.
// Run: npx tsx test/bench/request-cost.ts [--postgres] [--requests 300]

import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import { postgresStore } from '../../server/db/postgres/postgres-store.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import type { Store } from '../../server/db/store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { storeDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';
import { postgresBinaries, startCluster } from '../support/postgres-cluster.ts';
import { cpuMs, startServer } from './http-load.ts';
import path from 'node:path';
import fs from 'node:fs';

const PAIRS = 5_000;

/** User and system CPU of one process so far, in ms: the system part is where a network database's round trips show. */
function cpuSplit(pid: number): [number, number] {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return [Number(fields[11]) * 10, Number(fields[12]) * 10];
}

async function fill(store: Store) {
  await accounts(store).createUser('bench', 'admin', 'bench-password-1');
  const token = await accounts(store).createToken('bench');
  const texts = Array.from({ length: PAIRS }, (_, i) => ({
    zh: `第${i}句：双方就深化经贸、科技、环保等领域合作交换了意见。`,
    en: `Sentence ${i}: the two sides exchanged views on deepening cooperation in trade, science and the environment.`,
  }));
  const { documentId, pairIds } = await storeDocument(store, '负载测试 load', texts);
  await store.close();
  return { token, documentId, pairIds };
}

async function main() {
  const { values } = parseArgs({ options: { postgres: { type: 'boolean', default: false }, requests: { type: 'string', default: '300' } } });
  const n = Number(values.requests);
  const dir = tempDir('duiqi-cost-');
  const stops: (() => unknown)[] = [() => fs.rmSync(dir, { recursive: true, force: true })];
  try {
    let env: Record<string, string> = {};
    let dbFile = '';
    let database: (() => number) | undefined;
    let prepared;
    if (values.postgres) {
      const cluster = await startCluster(postgresBinaries()!, { durable: true });
      stops.push(() => cluster.stop());
      const root = `postgres://${cluster.user}@${cluster.host}:${cluster.port}`;
      const admin = openPostgres(`${root}/postgres`);
      await admin.query('CREATE DATABASE duiqi');
      await admin.end();
      const pool = openPostgres(`${root}/duiqi`);
      await applyPostgresMigrations(pool, readPostgresMigrations());
      prepared = await fill(postgresStore(pool));
      env = { DUIQI_DATABASE_URL: `${root}/duiqi` };
      database = () => cpuMs(cluster.pid());
    } else {
      dbFile = path.join(dir, 'cost.sqlite');
      prepared = await fill(sqliteStore(openDatabase(dbFile)));
    }
    const server = await startServer(dbFile, '1', env);
    stops.push(() => server.stop());
    const { token, documentId, pairIds } = prepared;
    const headers = { authorization: `Bearer ${token}` };
    const versions = new Map<number, number>();
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const kinds: Record<string, () => Promise<Response>> = {
      page: () => fetch(`${server.url}/documents/${documentId}`, { headers }),
      rows: () => fetch(`${server.url}/documents/${documentId}/rows?offset=${200 * Math.floor(Math.random() * (PAIRS / 200))}`, { headers }),
      editor: () => fetch(`${server.url}/documents/${documentId}/pairs/${pick(pairIds)}/edit`, { headers }),
      save: async () => {
        const id = pick(pairIds);
        const res = await fetch(`${server.url}/api/pairs/${id}`, {
          method: 'PUT', headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ tgt: `Edited ${Math.random().toString(36).slice(2)}.`, version: versions.get(id) ?? 1 }),
        });
        const body = await res.clone().json() as { version: number };
        versions.set(id, body.version);
        return res;
      },
    };
    const table: Record<string, Record<string, string>> = {};
    for (const round of ['warm', 'measured']) {
      for (const [kind, send] of Object.entries(kinds)) {
        const [app, db, started, split] = [cpuMs(server.pid), database?.() ?? 0, performance.now(), cpuSplit(server.pid)];
        for (let i = 0; i < n; i++) {
          const res = await send();
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${kind} answered ${res.status}`);
          // A save changes the document the reads see next: one save between reads, as under the load mix.
          if (kind !== 'save') await kinds.save!().then((r) => r.arrayBuffer());
        }
        if (round === 'measured') table[kind] = {
          'app ms/request': ((cpuMs(server.pid) - app) / n).toFixed(2), 'of it system': ((cpuSplit(server.pid)[1] - split[1]) / n).toFixed(2), ...(database ? { 'database ms/request': ((database() - db) / n).toFixed(2) } : {}),
          'wall ms/request': ((performance.now() - started) / n).toFixed(2),
        };
      }
    }
    console.log(`request-cost: ${values.postgres ? 'PostgreSQL' : 'SQLite'}, ${n} requests of each kind one at a time (reads each followed by a save, counted with it), ${PAIRS}-pair document`);
    console.table(table);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
