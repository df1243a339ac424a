// Benchmark: does an import wait for a big document's match analysis? A small import's time with the server idle, then
// again and again while a 100,000-pair document's analysis runs on the one work thread: as a job in slices, and as one
// task (as before the jobs), alternately. Not part of `npm test`. Run: npx tsx test/bench/analysis-job-import.ts [PAIRS] [MEMORY UNITS] [bible] (as match-analysis.ts).

import fs from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { tempDir } from '../support/test-server.ts';
import { quantile, startServer } from './http-load.ts';
import { buildDatabase, REAL } from './match-analysis.ts';

const load = () => loadavg()[0]!.toFixed(1);

/**
 * One round on a fresh server (its thread's memory index cold): imports idle, then while the analysis runs, `job` as a
 * job in slices, or `whole` as one work-thread task in the request, as every analysis was before the jobs (the
 * threshold set above the document's pairs).
 */
async function round(dbFile: string, documentId: number, token: string, mode: 'job' | 'whole'): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  // A new revision: the analysis of the last round (a job's is stored) is not answered again.
  const db = openDatabase(dbFile);
  db.prepare('UPDATE documents SET revision = revision + 1 WHERE id = ?').run(documentId);
  db.close();
  const server = await startServer(dbFile, '1', mode === 'whole' ? { DUIQI_EXPORT_JOB_ROWS: '10000000' } : {});
  let n = 0;
  /** A 40-sentence plain-text import, aligned on the work thread: its time in ms. */
  const importOne = async () => {
    const form = new FormData();
    const k = ++n;
    form.append('source', new Blob([Array.from({ length: 40 }, (_, i) => `第${k}份文件的第${i + 1}句话讲中韩合作。`).join('\n')]), `z${k}.txt`);
    form.append('translation', new Blob([Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of file ${k} is about cooperation.`).join('\n')]), `e${k}.txt`);
    const t = performance.now();
    const res = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form, headers });
    if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
    return performance.now() - t;
  };
  try {
    // The first import loads the aligner's lexicon on the thread: not counted.
    await importOne();
    const idle: number[] = [];
    for (let i = 0; i < 3; i++) idle.push(await importOne());
    const t = performance.now();
    let running = true;
    const analysis = fetch(`${server.url}/api/documents/${documentId}/analysis`, { headers }).then(async (res) => {
      if (res.status !== 200) throw new Error(`analysis: ${res.status}`);
      await res.arrayBuffer();
    }).finally(() => {
      running = false;
    });
    // The analysis reaches the thread first.
    await new Promise((r) => setTimeout(r, 300));
    const during: number[] = [];
    // Every import begun while the analysis runs: one that waits for all of it ends after it.
    while (running) {
      during.push(await importOne());
      await new Promise((r) => setTimeout(r, 500));
    }
    await analysis;
    const sorted = during.sort((x, y) => x - y);
    console.log(`${mode}: analysis ${((performance.now() - t) / 1000).toFixed(1)} s; import idle ${idle.map((ms) => ms.toFixed(0)).join(', ')} ms; during it (${sorted.length}): p50 ${quantile(sorted, 0.5).toFixed(0)} / max ${sorted.at(-1)?.toFixed(0)} ms; load average ${load()}`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = tempDir('duiqi-bench-');
  const dbFile = path.join(dir, 'bench.sqlite');
  const { documentId } = buildDatabase(dbFile);
  const store = sqliteStore(openDatabase(dbFile));
  await accounts(store).createUser('pm', 'admin', 'bench-password-1');
  const token = await accounts(store).createToken('pm');
  await store.close();
  console.log(`${REAL ? 'Bible' : 'made-up'} text; load average ${load()}`);
  try {
    // Alternately, as the load on shared cores drifts.
    for (const mode of ['job', 'whole', 'job', 'whole'] as const) await round(dbFile, documentId, token, mode);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
