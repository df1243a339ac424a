// Benchmark: server RSS while it streams a 100,000-pair TMX export, against its idle RSS. Not part of `npm test`.
// Run: npx tsx test/bench/export-stream.ts [PAIRS]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { insertDocument } from '../support/insert-document.ts';
import { accounts } from '../../server/services/accounts.ts';
import { freePort, ROOT } from '../support/start-workbench.ts';
import { tempDir } from '../support/test-server.ts';

const PAIRS = Number(process.argv[2] ?? 100_000);
const TARGET_MB = 100;

/** Builds the document straight through the repository: aligning 100,000 sentences is not what is measured. */
async function buildDatabase(file: string): Promise<string> {
  const db = openDatabase(file);
  await accounts(sqliteStore(db)).createUser('bench', 'admin', 'bench-password-1');
  const token = await accounts(sqliteStore(db)).createToken('bench');
  insertDocument(db, '基准文档 benchmark', Array.from({ length: PAIRS }, (_, i) => ({
    zh: `第${i}句：双方就“一带一路”合作与「𠀀」字的写法交换了意见，并同意在2025年继续推进。`,
    en: `Sentence ${i}: the two sides exchanged views on "Belt and Road" cooperation and agreed to continue in 2025.`,
  })));
  db.close();
  return token;
}

function rssKb(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

async function main(): Promise<void> {
  const dir = tempDir('duiqi-bench-');
  const dbFile = path.join(dir, 'bench.sqlite');
  const built = Date.now();
  const token = await buildDatabase(dbFile);
  const buildSeconds = (Date.now() - built) / 1000;
  const port = await freePort();
  // The real server in its own process, so its RSS is the server's alone and not this script's.
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile, PORT: String(port), DUIQI_ADMIN_PASSWORD: 'bench-admin-1' }, stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForServer(url);
    const auth = { authorization: `Bearer ${token}` };
    await (await fetch(`${url}/api/documents`, { headers: auth })).text();
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssKb(server.pid!).rss;

    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid!).rss)), 20);
    const started = Date.now();
    const res = await fetch(`${url}/api/documents/1/export?format=tmx&state=all`, { headers: auth });
    let bytes = 0;
    let units = 0;
    const decoder = new TextDecoder();
    let carry = '';
    for await (const chunk of res.body!) {
      bytes += chunk.byteLength;
      // The last few characters are kept so a "</tu>" split between two chunks is still counted.
      const text = carry + decoder.decode(chunk, { stream: true });
      units += (text.match(/<\/tu>/g) ?? []).length;
      carry = text.slice(-4).includes('<') ? text.slice(text.lastIndexOf('<')) : '';
    }
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssKb(server.pid!).rss);
    const growthMb = (peak - idle) / 1024;
    console.log(`export-stream: ${units} of ${PAIRS} pairs, ${(bytes / 1024 / 1024).toFixed(1)} MB TMX in ${seconds.toFixed(1)} s (HTTP ${res.status});`
      + ` server RSS idle ${(idle / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB (+${growthMb.toFixed(0)} MB, target ≤ +${TARGET_MB} MB:`
      + ` ${growthMb <= TARGET_MB && units === PAIRS ? 'ok' : 'FAIL'}); database built in ${buildSeconds.toFixed(1)} s`);
    process.exitCode = growthMb <= TARGET_MB && units === PAIRS ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
