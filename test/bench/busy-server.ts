// Benchmark: how fast /healthz and another user's page answer while the server imports four 5 MB pairs at once
// and while it realigns a 20,000-row document (issue 12's target: p99 ≤ 100 ms). Not part of `npm test`.
// Run: npx tsx test/bench/busy-server.ts [--megabytes 5] [--rows 20000]

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { splitSentences } from '../../server/domain/split-sentences.ts';
import { insertDocument } from '../support/insert-document.ts';
import { addUser, Client, tempDir } from '../support/test-server.ts';
import { generate } from './big-document.ts';
import { benchUser, cpuMs, quantile, startServer } from './http-load.ts';

// A probe of each kind leaves this often whether or not the last one answered, so a stalled server shows as
// many slow answers, as every user waiting on it would see, rather than one.
const PROBE_EVERY_MS = 50;

interface Latencies { name: string; ms: number[]; failed: number }

/** Fires GETs on a fixed beat until stopped; the latencies in ms, a failure (refused, timed out, not 200) counting as its time to fail. */
function probe(name: string, url: string, headers: Record<string, string> = {}) {
  const ms: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const started = performance.now();
    pending.push(fetch(url, { headers }).then(async (res) => {
      await res.arrayBuffer();
      if (!res.ok) failed++;
    }, () => {
      failed++;
    }).then(() => {
      ms.push(performance.now() - started);
    }));
  }, PROBE_EVERY_MS);
  return {
    async stop(): Promise<Latencies> {
      clearInterval(timer);
      await Promise.all(pending);
      return { name, ms, failed };
    },
  };
}

/**
 * Saves one pair over and over, each save carrying the version the last one answered: a writer waits for the
 * SQLite write lock whenever a work thread holds it, and waits on the thread that answers everyone else.
 */
function saves(url: string, pairId: number, headers: Record<string, string>) {
  const ms: number[] = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    for (let version = 1, n = 0; running; n++) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/pairs/${pairId}`, {
          method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ tgt: `Saved ${n} times.`, version }),
        });
        const body = await res.json() as { version?: number; current?: { version: number } };
        // A 409 names the version to carry next: the previous scenario's saves left the pair at a later one.
        if (res.ok) version = body.version!;
        else if (res.status === 409) version = body.current!.version;
        else failed++;
      } catch {
        failed++; // refused or cut off, as a stalled server's would be
      }
      ms.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
  })();
  return {
    async stop(): Promise<Latencies> {
      running = false;
      await loop;
      return { name: 'a save (PUT pair)', ms, failed };
    },
  };
}

/**
 * POSTs a form over node:http, which waits for the answer as long as it takes: fetch gives up after 300 s
 * without headers, and the fourth of four queued imports can wait longer than that on a busy machine.
 */
async function postForm(url: string, form: FormData, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const request = new Request(url, { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': request.headers.get('content-type')!, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() })).on('error', reject);
    });
    req.on('error', reject).end(body);
  });
}

function row(scenario: string, seconds: number, l: Latencies) {
  const sorted = [...l.ms].sort((a, b) => a - b);
  return {
    scenario, probe: l.name, probes: sorted.length, failed: l.failed, 'work s': seconds.toFixed(1),
    'p50 ms': quantile(sorted, 0.5).toFixed(0), 'p99 ms': quantile(sorted, 0.99).toFixed(0), 'max ms': (sorted.at(-1) ?? Number.NaN).toFixed(0),
  };
}

async function during<T>(scenario: string, probes: () => ReturnType<typeof probe>[], work: () => Promise<T>) {
  const running = probes();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  return { value, rows: (await Promise.all(running.map((p) => p.stop()))).map((l) => row(scenario, seconds, l)) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '5' }, rows: { type: 'string', default: '20000' } } });
  const sample = generate(1000);
  const bytesPerSentence = (Buffer.byteLength(sample.zh) + Buffer.byteLength(sample.en)) / 1000;
  const texts = generate(Math.ceil((Number(values.megabytes) * 1024 * 1024) / bytesPerSentence));
  const realignTexts = generate(Number(values.rows));
  const dir = tempDir('duiqi-busy-');
  const dbFile = path.join(dir, 'busy.sqlite');
  const db = openDatabase(dbFile);
  const token = await benchUser(db);
  await addUser(sqliteStore(db), 'reader', 'translator');
  const { documentId: other, pairIds: [saved] } = insertDocument(db, '另一位用户的文档 another user’s document', Array.from({ length: 300 }, (_, i) => ({
    zh: `第${i}句：双方就深化经贸、科技、环保等领域合作交换了意见。`, en: `Sentence ${i}: the two sides exchanged views on deepening cooperation.`,
  })));
  const zh = splitSentences(realignTexts.zh, 'zh');
  const en = splitSentences(realignTexts.en, 'en');
  const rows = Math.min(zh.length, en.length, Number(values.rows));
  // One sentence a side per row, written without aligning: realign then has every row to redo.
  const big = insertDocument(db, '重新对齐 realign', Array.from({ length: rows }, (_, i) => ({ zh: zh[i]!, en: en[i]! }))).documentId;
  db.close();
  const server = await startServer(dbFile);
  const auth = { authorization: `Bearer ${token}` };
  try {
    const reader = new Client(server.url);
    await reader.login('reader');
    const cookie = [...reader.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const probes = () => [
      probe('/healthz', `${server.url}/healthz`), probe('another user’s page', `${server.url}/documents/${other}`, { cookie }),
      saves(server.url, saved!, auth),
    ];
    // The first page view builds the document's kept rows and figures: not what the probes should measure.
    await fetch(`${server.url}/documents/${other}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
    const idle = await during('idle (5 s)', probes, () => new Promise((r) => setTimeout(r, 5000)));

    const megabytes = (Buffer.byteLength(texts.zh) + Buffer.byteLength(texts.en)) / 1024 / 1024;
    const cpuBefore = cpuMs(server.pid);
    const imports = await during(`4 imports of ${megabytes.toFixed(1)} MB`, probes, () => Promise.all([0, 1, 2, 3].map(async (k) => {
      const body = new FormData();
      body.append('source', new Blob([texts.zh]), `busy-${k}.zh.txt`);
      body.append('translation', new Blob([texts.en]), `busy-${k}.en.txt`);
      const res = await postForm(`${server.url}/api/documents/import`, body, auth);
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${res.text}`);
    })));
    const importCpu = cpuMs(server.pid) - cpuBefore;

    const version = ((await (await fetch(`${server.url}/api/documents/${big}`, { headers: auth })).json()) as { version: number }).version;
    const realign = await during(`realign of ${rows.toLocaleString('en')} rows`, probes, async () => {
      const res = await fetch(`${server.url}/api/documents/${big}/alignment/ops`, {
        method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ version, op: { kind: 'realign' } }),
      });
      if (res.status !== 200) throw new Error(`realign answered ${res.status}: ${await res.text()}`);
    });
    console.log(`busy-server: probes every ${PROBE_EVERY_MS} ms; imports used ${(importCpu / 1000).toFixed(1)} s of server CPU (all threads); target p99 ≤ 100 ms`);
    console.table([...idle.rows, ...imports.rows, ...realign.rows]);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
