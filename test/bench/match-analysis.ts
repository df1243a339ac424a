// Benchmark: the match analysis of a big document against a big memory: the service's wall and CPU time in this process
// (cold, with the memory's index to build, and warm), then over HTTP from the real server, probing /healthz every 50 ms
// meanwhile, and the same request again (kept). Not part of `npm test`.
// Run: npx tsx test/bench/match-analysis.ts [PAIRS] [MEMORY UNITS] [bible]
// With `bible`, real Chinese from ../shared (the Chinese Union Version, 42,687 lines): the memory its lines, the second
// half with their last two characters cut; the document its lines from 10,000 on, again and again, each pass changing
// them a little more (as they are, the first character cut, one character doubled). Without ../shared, made-up text.

import fs from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { translationMemory } from '../../server/services/translation-memory.ts';
import { computeMatchAnalysis } from '../../server/services/match-analysis.ts';
import type { MatchAnalysis } from '../../server/domain/match-analysis.ts';
import { insertDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';
import { quantile, startServer } from './http-load.ts';

const PAIRS = Number(process.argv[2] ?? 100_000);
const UNITS = Number(process.argv[3] ?? 50_000);
const BIBLE = path.resolve(import.meta.dirname, '../../../shared/data/bible-zh-en/006.zh');
export const REAL = process.argv[4] === 'bible' && fs.existsSync(BIBLE);
if (process.argv[4] === 'bible' && !REAL) console.log(`${BIBLE} is not there: made-up text instead`);

// Two thousand two-character words, Zipf-picked: common bigrams shared by thousands of entries, as in news text.
const WORDS = Array.from({ length: 2_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7) % 3_000), 0x4e00 + 3_000 + ((i * 13) % 3_000)));

/** mulberry32: the same picks every run, without the short cycles of a float LCG. */
function picker(seed: number) {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { next, word: () => WORDS[Math.floor(WORDS.length * next() ** 3)]! };
}

const sentence = (pick: ReturnType<typeof picker>) => `${Array.from({ length: 8 + Math.floor(pick.next() * 10) }, () => pick.word()).join('')}。`;

/** A quarter of the pairs are a unit of the memory, a quarter one with a word changed, a tenth repeat an earlier pair, the rest new. */
function texts(): { units: string[]; pairs: string[] } {
  const pick = picker(7);
  if (REAL) {
    const lines = fs.readFileSync(BIBLE, 'utf8').split('\n').filter((l) => l.trim());
    const units = lines.slice(0, UNITS).map((l, i) => (i < lines.length / 2 ? l : [...l].slice(0, -3).join('') + [...l].at(-1)!));
    const from = lines.slice(10_000);
    const pass = [(l: string) => l, (l: string) => [...l].slice(1).join(''), (l: string) => l.replace(/(\p{Script=Han})/u, '$1$1')];
    return { units, pairs: Array.from({ length: PAIRS }, (_, i) => pass[Math.floor(i / from.length) % pass.length]!(from[i % from.length]!)) };
  }
  const units = Array.from({ length: UNITS }, () => sentence(pick));
  const pairs: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const r = pick.next();
    const unit = units[Math.floor(pick.next() * units.length)]!;
    if (r < 0.25) pairs.push(unit);
    else if (r < 0.5) pairs.push(unit.replace(/^../u, pick.word()));
    else if (r < 0.6 && pairs.length) pairs.push(pairs[Math.floor(pick.next() * pairs.length)]!);
    else pairs.push(sentence(pick));
  }
  return { units, pairs };
}

/** A database of the memory's units and the big document, in `file`; test/bench/analysis-job-import.ts uses it too. */
export function buildDatabase(file: string): { documentId: number } {
  const db = openDatabase(file);
  const { units, pairs } = texts();
  const insert = db.prepare("INSERT INTO tm_units (src, tgt, origin) VALUES (?, 'English.', 'bench.tmx')");
  db.transaction(() => units.forEach((u) => insert.run(u))).immediate();
  const { documentId } = insertDocument(db, '大文档', pairs.map((zh) => ({ zh, en: 'Machine English.' })));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { documentId };
}

async function main(): Promise<void> {
  const dir = tempDir('duiqi-bench-');
  const dbFile = path.join(dir, 'bench.sqlite');
  let started = performance.now();
  const { documentId } = buildDatabase(dbFile);
  console.log(`${REAL ? 'Bible' : 'made-up'}: ${PAIRS.toLocaleString('en')} pairs and ${UNITS.toLocaleString('en')} memory units written in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`);
  const store = sqliteStore(openDatabase(dbFile));
  await accounts(store).createUser('pm', 'admin', 'bench-password-1');
  const token = await accounts(store).createToken('pm');
  const pm = { id: (await store.read((tx) => tx.accounts.userByName('pm')))!.id, role: 'admin' as const };
  const memory = translationMemory(store);
  const timed = async (what: string) => {
    const cpu = process.cpuUsage();
    started = performance.now();
    const a = await computeMatchAnalysis(store, memory, documentId, pm);
    const used = process.cpuUsage(cpu);
    console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; load average ${loadavg()[0]!.toFixed(1)}`);
    return a;
  };
  const a = await timed('service, cold (builds the memory index)');
  await timed('service, warm');
  console.table(a.bands.map((b) => ({ band: b.band, pairs: b.pairs, words: b.words, share: `${(b.share * 100).toFixed(1)} %` })));
  await store.close();

  const server = await startServer(dbFile);
  try {
    const probes: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const t = performance.now();
        await fetch(`${server.url}/healthz`);
        probes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const ask = async () => {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/documents/${documentId}/analysis`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json() as MatchAnalysis;
      if (!res.ok) throw new Error(`analysis: ${res.status}`);
      return { ms: performance.now() - t, body };
    };
    const first = await ask();
    running = false;
    await probe;
    const sorted = probes.sort((x, y) => x - y);
    console.log(`HTTP, first: ${(first.ms / 1000).toFixed(2)} s; /healthz meanwhile p50 ${quantile(sorted, 0.5).toFixed(0)} / p99 ${quantile(sorted, 0.99).toFixed(0)} / max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} probes; load average ${loadavg()[0]!.toFixed(1)}`);
    const again = await ask();
    console.log(`HTTP, again (kept): ${again.ms.toFixed(1)} ms; same figures: ${JSON.stringify(again.body.bands) === JSON.stringify(a.bands)}`);
    // As a save does: the document is revised, its Chinese and the memory are not.
    const db = openDatabase(dbFile);
    db.prepare('UPDATE documents SET revision = revision + 1 WHERE id = ?').run(documentId);
    db.close();
    const revised = await ask();
    console.log(`HTTP, after the document's revision moved (its lookups kept on the thread): ${(revised.ms / 1000).toFixed(2)} s; same figures: ${JSON.stringify(revised.body.bands) === JSON.stringify(a.bands)}; load average ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run, not imported by another bench.
if (import.meta.filename === path.resolve(process.argv[1] ?? '')) await main();
