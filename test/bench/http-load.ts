// Benchmark: the real server under 20 connections, 80 % page and fragment reads, 20 % versioned saves. Not part of `npm test`.
// Run: npx tsx test/bench/http-load.ts [--seconds 60] [--postgres]
// On SQLite one server with a process per core; with --postgres a throwaway PostgreSQL cluster (durable settings), two
// app servers on it and nginx in front, as "Running for a team" describes. Before the load it counts the statements
// each kind of request executes, on a server in this process whose store counts them.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import type { StatementTally, Store } from '../../server/db/store.ts';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import { postgresStore } from '../../server/db/postgres/postgres-store.ts';
import { createApp } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { storeDocument } from '../support/insert-document.ts';
import { accounts } from '../../server/services/accounts.ts';
import { freePort, ROOT } from '../support/start-workbench.ts';
import { tempDir } from '../support/test-server.ts';
import { descendants } from '../support/processes.ts';
import { statementsPerRequest } from '../support/request-statements.ts';
import { postgresBinaries, startCluster, type Cluster } from '../support/postgres-cluster.ts';
import { startNginx } from '../../scripts/nginx-front.ts';

// autocannon ships no types: the few fields used here.
interface LoadRequest { method: string; path?: string; setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void }
interface LoadResult { requests: { total: number; average: number }; latency: { p50: number; p99: number; mean: number };
  errors: number; timeouts: number; non2xx: number; statusCodeStats?: Record<string, { count: number }> }
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown> & { requests: LoadRequest[] }) => Promise<LoadResult>;

const PAIRS = 5_000;
const CONNECTIONS = 20;
// As the workbench would be run for a team: one server process per core, unless DUIQI_WORKERS says otherwise.
const WORKERS = process.env.DUIQI_WORKERS ?? String(os.availableParallelism());

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The real server in its own process, so its memory is measured alone; `env` may point it at PostgreSQL instead. */
export async function startServer(dbFile: string, workers = '1', env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  // BENCH_SERVER_ARGS (e.g. --trace-gc, --cpu-prof) and BENCH_SERVER_LOG (a file for its output) help find where time goes.
  const log = process.env.BENCH_SERVER_LOG ? fs.openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore';
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT, env: { ...process.env, ...(dbFile ? { DUIQI_DB: dbFile } : {}), PORT: String(port), DUIQI_ADMIN_PASSWORD: 'bench-admin-1', DUIQI_WORKERS: workers, ...env }, stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/healthz`).then((r) => r.ok, () => false)); i++) {
    if (i > 600) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The `q` quantile of ascending `sorted` values (the nearest rank below). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Resident memory of a process and everything under it (the worker processes with DUIQI_WORKERS > 1), in MB. */
export function rssMb(pid: number): number {
  const own = (p: number) => {
    try {
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // gone between listing and reading
    }
  };
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + own(p), 0);
}

/**
 * CPU time used so far by a process and everything under it, in ms: per request it stays comparable between
 * runs when something else shares the cores, which latency does not.
 */
export function cpuMs(pid: number): number {
  const own = (p: number) => {
    try {
      // utime and stime are fields 14 and 15, counted after the parenthesised command name.
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return 0;
    }
  };
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + own(p), 0);
}

/** Samples a process's RSS every `everyMs` until stopped; returns the samples (ms since the start of each in `times`). */
export function sampleRss(pid: number | number[], everyMs = 100): { stop(): number[]; times: number[] } {
  const start = Date.now();
  const samples: number[] = [];
  const times: number[] = [];
  const sample = () => {
    samples.push([pid].flat().reduce((sum, p) => sum + rssMb(p), 0));
    times.push(Date.now() - start);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return { times, stop: () => (clearInterval(timer), sample(), samples) };
}

export async function benchUser(db: ReturnType<typeof openDatabase>): Promise<string> {
  await accounts(sqliteStore(db)).createUser('bench', 'admin', 'bench-password-1');
  return await accounts(sqliteStore(db)).createToken('bench');
}

const documentTexts = () => Array.from({ length: PAIRS }, (_, i) => ({
  zh: `第${i}句：双方就深化经贸、科技、环保等领域合作交换了意见。`,
  en: `Sentence ${i}: the two sides exchanged views on deepening cooperation in trade, science and the environment.`,
}));

interface Prepared { token: string; documentId: number; pairIds: number[]; statements: Record<string, number> }

/**
 * The bench user and a 5,000-pair document straight through the repository (no aligning), then the statements per
 * request, counted by a server in this process on `store`, whose driver counts into `tally`.
 */
async function prepare(store: Store, tally: StatementTally): Promise<Prepared> {
  await accounts(store).createUser('bench', 'admin', 'bench-password-1');
  const token = await accounts(store).createToken('bench');
  const { documentId, pairIds } = await storeDocument(store, '负载测试 load', documentTexts());
  const app = createApp({ store, i18n: await createI18n() });
  const server = await new Promise<import('node:http').Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const statements = await statementsPerRequest(tally, { url, token, documentId, pairId: pairIds[7]! });
    // The undo gave the merged rows new ids: the saves pick from the pairs there are now.
    const now = await store.read(async (tx) => (await tx.documents.pairs(documentId)).map((p) => p.pair.id));
    return { token, documentId, pairIds: now, statements };
  } finally {
    await new Promise((r) => server.close(r));
    await store.close();
  }
}

interface Setup extends Prepared {
  url: string;
  describe: string;
  /** The app servers' processes (with their children), and the database's when it is a process of its own. */
  servers: number[];
  database?: number;
  stop(): Promise<void>;
}

async function onSqlite(dir: string): Promise<Setup> {
  const dbFile = path.join(dir, 'load.sqlite');
  const tally = { statements: 0 };
  const prepared = await prepare(sqliteStore(openDatabase(dbFile, tally)), tally);
  const server = await startServer(dbFile, WORKERS);
  return { ...prepared, url: server.url, describe: `SQLite, one server of ${WORKERS} process(es)`, servers: [server.pid], stop: () => server.stop() };
}

async function onPostgres(): Promise<Setup> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('--postgres needs PostgreSQL installed: apt-get install postgresql');
  const cluster: Cluster = await startCluster(bin, { durable: true });
  const stops: (() => Promise<void> | void)[] = [() => cluster.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const root = `postgres://${cluster.user}@${cluster.host}:${cluster.port}`;
    const admin = openPostgres(`${root}/postgres`);
    await admin.query('CREATE DATABASE duiqi');
    await admin.end();
    const url = `${root}/duiqi`;
    const tally = { statements: 0 };
    const pool = openPostgres(url, 10, tally);
    await applyPostgresMigrations(pool, readPostgresMigrations());
    const prepared = await prepare(postgresStore(pool, url), tally);
    const servers = await Promise.all([0, 1].map(() => startServer('', '1', { DUIQI_DATABASE_URL: url, DUIQI_TRUST_PROXY: 'loopback' })));
    stops.push(...servers.map((s) => () => s.stop()));
    const port = await freePort();
    const nginx = await startNginx(port, servers.map((s) => Number(new URL(s.url).port)));
    stops.push(() => nginx.stop());
    return {
      ...prepared, url: `http://127.0.0.1:${port}`, describe: 'PostgreSQL 15, two app servers of one process each behind nginx',
      servers: [...servers.map((s) => s.pid), nginx.child.pid!], database: cluster.pid(), stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, postgres: { type: 'boolean', default: false } } });
  const seconds = Number(values.seconds);
  const dir = tempDir('duiqi-load-');
  const setup = values.postgres ? await onPostgres() : await onSqlite(dir);
  const { token, documentId, pairIds } = setup;
  const server = { url: setup.url };
  const cpu = () => setup.servers.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const databaseCpu = () => (setup.database === undefined ? 0 : cpuMs(setup.database));
  try {
    const headers = { authorization: `Bearer ${token}` };
    // The document page (its first 200 rows) is the issue's read target; the fragments a reader loads while
    // scrolling and editing run beside it on their own connections, so each gets its own percentiles.
    const fragmentPaths = () => pick([
      `/documents/${documentId}/rows?offset=${200 * Math.floor(Math.random() * (PAIRS / 200))}`,
      `/documents/${documentId}/pairs/${pick(pairIds)}/edit`,
    ]);
    // The version each pair had when last seen: a 409 carries the current one, as a real client would reload it.
    const versions = new Map<number, number>();
    const rss = sampleRss(setup.servers, 250);
    const [cpuBefore, databaseBefore] = [cpu(), databaseCpu()];
    const splitBefore = setup.servers.map((pid) => cpuMs(pid));
    const loadBefore = os.loadavg();
    const common = { url: server.url, duration: seconds, headers };
    const pageConnections = Math.round(CONNECTIONS * 0.3);
    const pages = autocannon({ ...common, connections: pageConnections, requests: [{ method: 'GET', path: `/documents/${documentId}` }] });
    const fragments = autocannon({
      ...common, connections: Math.round(CONNECTIONS * 0.8) - pageConnections,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: fragmentPaths() }) }],
    });
    const saves = autocannon({
      ...common, connections: Math.round(CONNECTIONS * 0.2),
      requests: [{
        method: 'PUT',
        setupRequest: (req, context) => {
          const id = pick(pairIds);
          context.pair = id;
          return { ...req, path: `/api/pairs/${id}`, headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ tgt: `Edited under load ${Math.random().toString(36).slice(2)}.`, version: versions.get(id) ?? 1 }) };
        },
        onResponse: (status, body, context) => {
          const parsed = JSON.parse(body) as { version?: number; current?: { version: number } };
          const version = status === 200 ? parsed.version : status === 409 ? parsed.current?.version : undefined;
          if (version) versions.set(context.pair as number, version);
        },
      }],
    });
    const [p, f, s] = await Promise.all([pages, fragments, saves]);
    const samples = rss.stop();
    const times = rss.times;
    const total = p.requests.total + f.requests.total + s.requests.total;
    const cpuPerRequest = (cpu() - cpuBefore) / total;
    const databasePerRequest = (databaseCpu() - databaseBefore) / total;
    const third = Math.max(1, Math.floor(samples.length / 3));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const count = (res: LoadResult, code: string) => res.statusCodeStats?.[code]?.count ?? 0;
    const failed = (res: LoadResult) => res.errors + res.timeouts + res.non2xx - count(res, '409');
    const row = (name: string, res: LoadResult) => ({
      mix: name, requests: res.requests.total, 'req/s': Math.round(res.requests.average), errors: failed(res), 'stale (409)': count(res, '409'),
      'mean ms': Math.round(res.latency.mean), 'p50 ms': res.latency.p50, 'p99 ms': res.latency.p99,
    });
    console.log(`statements per request (BEGIN and COMMIT included), counted before the load: ${Object.entries(setup.statements).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`http-load: ${setup.describe}, ${os.cpus().length} cores, ${CONNECTIONS} connections (${Math.round(CONNECTIONS * 0.3)} reading the page, ${Math.round(CONNECTIONS * 0.5)} reading fragments, ${Math.round(CONNECTIONS * 0.2)} saving), ${seconds} s, ${PAIRS}-pair document`);
    console.table([row('document page, first 200 rows', p), row('rows and editor fragments', f), row('versioned saves', s)]);
    console.log('CPU per request by process (the app servers, then nginx when in front):', setup.servers.map((pid, i) => `${pid}: ${((cpuMs(pid) - splitBefore[i]!) / total).toFixed(2)}`).join(', '));
    console.log(`server CPU: ${cpuPerRequest.toFixed(2)} ms per request (all app server processes${values.postgres ? ' and nginx' : ''})${setup.database === undefined ? '' : `, PostgreSQL ${databasePerRequest.toFixed(2)} ms per request`}`);
    console.log(`load average: ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
    console.log(`server RSS: first third ${mean(samples.slice(0, third)).toFixed(0)} MB, last third ${mean(samples.slice(-third)).toFixed(0)} MB, peak ${Math.max(...samples).toFixed(0)} MB`);
    // The issue's measure of a leak: the third minute against the first (with --seconds 180 or more), by the
    // samples' times: a busy machine fires the sampling timer late, so counting samples comes up short.
    const minute = (k: number) => mean(times.flatMap((t, i) => (t >= k * 60_000 && t < (k + 1) * 60_000 ? [samples[i]!] : [])));
    if (seconds >= 180) {
      const [first, thirdMinute] = [minute(0), minute(2)];
      console.log(`server RSS: first minute ${first.toFixed(0)} MB, third minute ${thirdMinute.toFixed(0)} MB (${(((thirdMinute - first) / first) * 100).toFixed(1)} %, target within 10 %)`);
    }
    process.exitCode = failed(p) + failed(f) + failed(s) === 0 ? 0 : 1;
  } finally {
    await setup.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
