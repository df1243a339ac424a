// Benchmark: does an import wait for a big document's match analysis? A small import's time with the server idle, then
// again and again while the analysis job of a 100,000-pair document runs (its slices on the one work thread). Not part
// of `npm test`. Run: npx tsx test/bench/analysis-job-import.ts [PAIRS] [MEMORY UNITS] [bible] (as match-analysis.ts).

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

async function main(): Promise<void> {
  const dir = tempDir('duiqi-bench-');
  const dbFile = path.join(dir, 'bench.sqlite');
  const { documentId } = buildDatabase(dbFile);
  const store = sqliteStore(openDatabase(dbFile));
  await accounts(store).createUser('pm', 'admin', 'bench-password-1');
  const token = await accounts(store).createToken('pm');
  await store.close();
  const headers = { authorization: `Bearer ${token}` };
  const server = await startServer(dbFile);
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
  const job = async (id: number) => (await (await fetch(`${server.url}/api/jobs/${id}`, { headers })).json()) as { state: string; progress: { done: number; total: number | null } };
  try {
    // The first import loads the aligner's lexicon on the thread: not counted.
    await importOne();
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await importOne());
    console.log(`import, idle: ${idle.map((ms) => ms.toFixed(0)).join(', ')} ms; load average ${load()}`);
    const t = performance.now();
    const started = await fetch(`${server.url}/api/documents/${documentId}/analysis`, { headers: { ...headers, prefer: 'respond-async' } });
    if (started.status !== 202) throw new Error(`analysis: ${started.status}`);
    const { id } = (await started.json()) as { id: number };
    const during: number[] = [];
    for (let state = await job(id); state.state !== 'done'; state = await job(id)) {
      if (state.state === 'failed') throw new Error('the analysis failed');
      const ms = await importOne();
      const now = await job(id);
      if (now.state !== 'done') during.push(ms);
      console.log(`  import at ${((performance.now() - t) / 1000).toFixed(1)} s into the analysis (${now.progress.done} of ${now.progress.total ?? '?'} pairs): ${ms.toFixed(0)} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const sorted = during.sort((x, y) => x - y);
    console.log(`analysis job: ${((performance.now() - t) / 1000).toFixed(1)} s; import during it (${sorted.length}): p50 ${quantile(sorted, 0.5).toFixed(0)} / max ${sorted.at(-1)?.toFixed(0)} ms; ${REAL ? 'Bible' : 'made-up'} text; load average ${load()}`);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
