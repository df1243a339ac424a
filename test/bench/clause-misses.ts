// The gold many-to-many beads of MAC-Dev the aligner misses: the second pass's beads there, the last look's odds and features for joining them, and both sides' text.
//
//   npx tsx test/bench/clause-misses.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { align, JOIN } from '../../server/align/align.ts';
import type { SpanBead } from '../../server/align/banded-search.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { boundaryFeatures, canJoin } from '../../server/align/join-beads.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { macDir, readLines } from '../align/shared-data.ts';

const resources = loadAlignResources();
for (const id of ['001', '002', '003', '004', '005', '006']) {
  const src = readLines(path.join(macDir, `${id}.zh`));
  const tgt = readLines(path.join(macDir, `${id}.en`));
  const gold = parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8'));
  let searched: SpanBead[] = [];
  let feat: ((x: SpanBead, y: SpanBead) => Record<string, number>) | undefined;
  const out = align(src, tgt, resources, {
    inspect(p, cost, spans, length) {
      searched = p;
      feat = (x, y) => boundaryFeatures(x, y, cost, spans, length);
    },
  });
  const produced = new Set(out.map(formatBead));
  for (const g of gold) {
    const shape = `${g.src.length}-${g.tgt.length}`;
    if (!['2-2', '2-3', '3-2', '3-3'].includes(shape) || produced.has(formatBead(g))) continue;
    const s0 = g.src[0]!, s1 = g.src.at(-1)! + 1, t0 = g.tgt[0]!, t1 = g.tgt.at(-1)! + 1;
    const overl = searched.filter((b) => b.s1 > s0 && b.s0 < s1 || b.t1 > t0 && b.t0 < t1);
    const fin = out.filter((b) => b.src.some((i) => i >= s0 && i < s1) || b.tgt.some((i) => i >= t0 && i < t1));
    console.log(`\n=== ${id} gold ${formatBead(g)} (${shape}); searched: ${overl.map((b) => `${b.s1 - b.s0}-${b.t1 - b.t0}[${b.s0},${b.t0}]`).join(' ')}; final: ${fin.map((b) => formatBead(b)).join(' ')}`);
    for (let k = 0; k + 1 < overl.length; k++) {
      const [x, y] = [overl[k]!, overl[k + 1]!];
      if (!canJoin(x, y)) continue;
      const f = feat!(x, y);
      const odds = Object.entries(f).reduce((s, [n, v]) => s + JOIN[n as keyof typeof JOIN] * v, JOIN.bias);
      const exact = x.s0 === s0 && y.s1 === s1 && x.t0 === t0 && y.t1 === t1;
      console.log(`  join ${k}${exact ? ' = GOLD' : ''}: odds ${odds.toFixed(2)} ${Object.entries(f).map(([n, v]) => `${n} ${v.toFixed(2)}`).join(' ')}`);
    }
    for (let i = Math.min(s0, ...overl.map((b) => b.s0)); i < Math.max(s1, ...overl.map((b) => b.s1)); i++) console.log(`  zh${i}${i >= s0 && i < s1 ? '*' : ' '} ${src[i]}`);
    for (let i = Math.min(t0, ...overl.map((b) => b.t0)); i < Math.max(t1, ...overl.map((b) => b.t1)); i++) console.log(`  en${i}${i >= t0 && i < t1 ? '*' : ' '} ${tgt[i]}`);
  }
}
