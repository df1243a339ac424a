// Benchmark: a 20,000-sentence document pair imported and aligned over HTTP, its page opened, its TMX exported. Not part of `npm test`.
// Run: npx tsx test/bench/big-document.ts [--sentences 20000]

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/db/open-database.ts';
import { splitSentenceSpans } from '../../server/domain/split-sentences.ts';
import { smallTexts } from '../reliability/writer-texts.ts';
import { tempDir } from '../support/test-server.ts';
import { benchUser, sampleRss, startServer } from './http-load.ts';

/** The demo article's paragraph pairs again and again, each sentence numbered so no two are the same. */
export function generate(sentences: number): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const paragraphs = smallTexts().map((t) => ({ zh: t.zh.split('\n\n')[0]!, en: t.en.split('\n\n')[0]! }));
  let count = 0;
  for (let round = 0; count < sentences; round++) {
    const p = paragraphs[round % paragraphs.length]!;
    let n = 0;
    let m = 0;
    zh.push(p.zh.replace(/。/g, () => `（第${round}-${n++}号）。`));
    en.push(p.en.replace(/\.(\s|$)/g, (_, space: string) => ` (no. ${round}-${m++}).${space}`));
    count += splitSentenceSpans(zh.at(-1)!, 'zh').length;
  }
  return { zh: zh.join('\n\n'), en: en.join('\n\n') };
}

async function timed<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number }> {
  const rss = sampleRss(pid, 50);
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  return { value, seconds, peakMb: Math.max(...rss.stop()) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sentences: { type: 'string', default: '20000' } } });
  const texts = generate(Number(values.sentences));
  const dir = tempDir('duiqi-big-');
  const dbFile = path.join(dir, 'big.sqlite');
  const db = openDatabase(dbFile);
  const token = await benchUser(db);
  db.close();
  const server = await startServer(dbFile);
  const auth = { authorization: `Bearer ${token}` };
  try {
    const idle = sampleRss(server.pid).stop()[0]!;
    const imported = await timed(server.pid, async () => {
      const body = new FormData();
      body.append('source', new Blob([texts.zh]), 'big.zh.txt');
      body.append('translation', new Blob([texts.en]), 'big.en.txt');
      const res = await fetch(`${server.url}/api/documents/import`, { method: 'POST', headers: auth, body });
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`);
      return (await res.json() as { id: number }).id;
    });
    const id = imported.value;
    let firstByte = 0;
    const page = await timed(server.pid, async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/documents/${id}`, { headers: auth });
      const reader = res.body!.getReader();
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (bytes === 0) firstByte = (performance.now() - started) / 1000;
        bytes += chunk.value.byteLength;
      }
      return bytes;
    });
    const exported = await timed(server.pid, async () => {
      const res = await fetch(`${server.url}/api/documents/${id}/export?format=tmx&state=all`, { headers: auth });
      return (await res.arrayBuffer()).byteLength;
    });
    const pairs = ((await (await fetch(`${server.url}/api/documents/${id}`, { headers: auth })).json()) as { pairCount: number }).pairCount;
    console.log(`big-document: ${values.sentences} Chinese sentences (${(texts.zh.length / 1024).toFixed(0)} K characters), ${pairs} pairs; server RSS idle ${idle.toFixed(0)} MB`);
    console.table([
      { step: 'import + align (HTTP upload)', seconds: imported.seconds.toFixed(2), 'peak RSS MB': imported.peakMb.toFixed(0), detail: `document ${id}` },
      { step: 'open page GET /documents/:id', seconds: page.seconds.toFixed(2), 'peak RSS MB': page.peakMb.toFixed(0), detail: `first byte ${firstByte.toFixed(2)} s, ${(page.value / 1024).toFixed(0)} KB` },
      { step: 'export TMX over HTTP', seconds: exported.seconds.toFixed(2), 'peak RSS MB': exported.peakMb.toFixed(0), detail: `${(exported.value / 1024 / 1024).toFixed(1)} MB` },
    ]);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script, not when another bench borrows `generate`.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
