// Glosses a fixed set of sentences to count what a change to the offline gloss does, and times it. Not part of `npm test`.
// The set: the demo corpus, the seed page and the first 100 lines of each MAC-Dev chapter's Chinese (for counting only:
// never tune a rule for these sentences). One gloss per line as JSON on stdout; the time and load on stderr.
// Run: npx tsx test/bench/gloss-drafts.ts > after.jsonl
//      npx tsx test/bench/gloss-drafts.ts --without people,englishFrequency > less.jsonl   (leaves optional evidence out)
//      npx tsx test/bench/gloss-drafts.ts --compare before.jsonl after.jsonl   (prints the changed glosses and their count)

import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { glossTranslate } from '../../server/domain/gloss-translate.ts';
import { offlineGlossDeps } from '../../server/mt/load-gloss-dictionary.ts';

interface Line { src: string; zh: string; en: string; names: number; unknown: number }

const root = path.resolve(import.meta.dirname, '../..');
const HAN = /\p{Script=Han}/u;

function sentences(): [string, string][] {
  const lines: [string, string][] = [];
  const add = (src: string, file: string, limit = Infinity) => {
    if (!existsSync(file)) return console.error(`skipped ${file}: absent`);
    for (const l of readFileSync(file, 'utf8').split('\n').slice(0, limit)) if (HAN.test(l)) lines.push([src, l.trim()]);
  };
  for (const f of ['corpus/article.zh.txt', 'corpus/headlines.zh.txt']) add('demo', path.join(root, f));
  add('seed', path.join(root, '../shared/seed/000_eed14933a9644737.txt'));
  const mac = path.join(root, '../shared/data/mac-dev-zh-en/');
  for (const c of ['001', '002', '003', '004', '005', '006']) add(`mac${c}`, `${mac}${c}.zh`, 100);
  return lines;
}

function compare(before: string, after: string): void {
  const read = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  const [a, b] = [read(before), read(after)];
  let changed = 0;
  a.forEach((x, i) => {
    if (x.en === b[i]!.en) return;
    changed++;
    console.log(`${x.src} ${x.zh}\n - ${x.en}\n + ${b[i]!.en}`);
  });
  const sum = (l: Line[], k: 'names' | 'unknown') => l.reduce((s, x) => s + x[k], 0);
  console.log(`${changed} of ${a.length} glosses changed; names ${sum(a, 'names')} → ${sum(b, 'names')}, left in Chinese ${sum(a, 'unknown')} → ${sum(b, 'unknown')}`);
}

if (process.argv[2] === '--compare') compare(process.argv[3]!, process.argv[4]!);
else {
  // CPU time as well as wall time: it holds better when other work shares the cores.
  const cpu = () => process.cpuUsage().user / 1000;
  const [started, startedCpu] = [performance.now(), cpu()];
  const deps = offlineGlossDeps([]);
  const [loaded, loadedCpu] = [performance.now() - started, cpu() - startedCpu];
  const without = process.argv.indexOf('--without');
  if (without > 0) for (const key of process.argv[without + 1]!.split(',')) delete (deps as unknown as Record<string, unknown>)[key];
  const lines = sentences();
  deps.segment('中韩');
  const [t0, cpu0] = [performance.now(), cpu()];
  const out = lines.map(([src, zh]) => ({ src, zh, ...glossTranslate(zh, deps) }));
  const [ms, cpuMs] = [performance.now() - t0, cpu() - cpu0];
  // Once more: a long document's rows after the first, with the engine's words and readings warm.
  const [t1, cpu1] = [performance.now(), cpu()];
  for (const [, zh] of lines) glossTranslate(zh, deps);
  const [again, againCpu] = [performance.now() - t1, cpu() - cpu1];
  for (const g of out) console.log(JSON.stringify({ src: g.src, zh: g.zh, en: g.text, names: g.names, unknown: g.unknown }));
  console.error(
    `dictionary read in ${loaded.toFixed(0)} ms (CPU ${loadedCpu.toFixed(0)} ms); ${out.length} sentences glossed in ${ms.toFixed(0)} ms ` +
      `(CPU ${cpuMs.toFixed(0)} ms), again in ${again.toFixed(0)} ms (CPU ${againCpu.toFixed(0)} ms) (load ${loadavg()[0]!.toFixed(2)})`,
  );
}
