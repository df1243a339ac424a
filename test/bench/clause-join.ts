// What the join look (join-beads.ts) owes to clauseCut and to taking the likeliest join first: MAC-Dev, left out one chapter at a time.
//
//   npx tsx test/bench/clause-join.ts
//
// The search runs once per chapter; the last look is replayed on its captured path for each
// variant (the first reproduces fit-join-model.ts's left-out F1), fitted as that script fits it:
// with or without clauseCut, at other weights of its length misfit, left to right or best first.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { align } from '../../server/align/align.ts';
import type { BeadCost, SpanBead } from '../../server/align/banded-search.ts';
import { beadF1, recallByShape } from '../../server/align/bead-f1.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { clauseCutGain } from '../../server/align/clause-cut.ts';
import { absorbUnmatched, boundaryFeatures, canJoin } from '../../server/align/join-beads.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { SpanMatches, SpanScores } from '../../server/align/span-scorer.ts';
import type { Bead } from '../../server/domain/types.ts';
import { hasMac, macDir, readLines } from '../align/shared-data.ts';
import { fitLogistic, type LogisticExample } from './logistic.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
// As in fit-join-model.ts, clauseCut aside: each variant adds its own.
const FEATURES = ['maxLeak', 'secondLeak', 'meanLeak', 'costGain', 'lengthGain', 'worsePart', 'joinedCost', 'boundaryShift'] as const;
const FEWER_BEADS = 0.45;
const L2 = 3;
const SHIFT_SCALE = 10;

type Features = Record<(typeof FEATURES)[number] | 'clauseCut', number>;

interface Chapter {
  id: string;
  gold: Bead[];
  goldSet: Set<string>;
  path: SpanBead[];
  features: (x: SpanBead, y: SpanBead) => Features;
  matches: (x: SpanBead, y: SpanBead) => SpanMatches;
  cost: BeadCost;
  length: (b: SpanBead) => number;
}

interface Variant {
  name: string;
  extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => number[];
  bestFirst?: boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const indices = (b: SpanBead): Bead => ({ src: range(b.s0, b.s1), tgt: range(b.t0, b.t1) });

function capture(id: string, resources: ReturnType<typeof loadAlignResources>): Chapter {
  const src = readLines(path.join(macDir, `${id}.zh`));
  const tgt = readLines(path.join(macDir, `${id}.en`));
  const gold = parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8'));
  let chapter: Chapter | undefined;
  align(src, tgt, resources, {
    inspect(p, cost, spans: SpanScores, length) {
      const memo = new Map<string, Features>();
      const features = (x: SpanBead, y: SpanBead) => {
        const key = `${x.s0},${x.s1},${y.s1},${x.t0},${x.t1},${y.t1}`;
        if (!memo.has(key)) memo.set(key, boundaryFeatures(x, y, cost, spans, length));
        return memo.get(key)!;
      };
      const matches = (x: SpanBead, y: SpanBead) => spans.placedMatches(x.s0, x.s1, y.s1, x.t0, x.t1, y.t1);
      chapter = { id, gold, goldSet: new Set(gold.map(formatBead)), path: p, features, matches, cost, length };
    },
  });
  return chapter!;
}

function vector(c: Chapter, x: SpanBead, y: SpanBead, v: Variant): number[] {
  const f = c.features(x, y);
  return [1, ...FEATURES.map((n) => f[n] * (n === 'boundaryShift' ? SHIFT_SCALE : 1)), ...v.extra(c, x, y, f)];
}

function examples(c: Chapter, v: Variant): LogisticExample[] {
  const isGold = (b: SpanBead) => (c.goldSet.has(formatBead(indices(b))) ? 1 : 0);
  return range(0, c.path.length - 1)
    .filter((k) => canJoin(c.path[k]!, c.path[k + 1]!))
    .map((k) => {
      const [x, y] = [c.path[k]!, c.path[k + 1]!];
      const worth = isGold({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 }) - isGold(x) - isGold(y) + FEWER_BEADS;
      return { x: vector(c, x, y, v), positive: worth > 0, weight: Math.abs(worth) };
    });
}

const odds = (c: Chapter, x: SpanBead, y: SpanBead, v: Variant, w: number[]) => (canJoin(x, y) ? vector(c, x, y, v).reduce((s, a, i) => s + a * w[i]!, 0) : -Infinity);
const join = (x: SpanBead, y: SpanBead): SpanBead => ({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 });

// The last look as join-beads.ts runs it (left to right), or joining the likeliest pair first.
function lastLook(c: Chapter, v: Variant, w: number[]): Bead[] {
  const out: SpanBead[] = [];
  if (v.bestFirst) {
    out.push(...c.path);
    const o = range(0, out.length - 1).map((k) => odds(c, out[k]!, out[k + 1]!, v, w));
    for (;;) {
      let k = -1;
      for (let i = 0; i < o.length; i++) if (o[i]! > 0 && (k < 0 || o[i]! > o[k]!)) k = i;
      if (k < 0) break;
      out.splice(k, 2, join(out[k]!, out[k + 1]!));
      o.splice(k, 1);
      if (k > 0) o[k - 1] = odds(c, out[k - 1]!, out[k]!, v, w);
      if (k < o.length) o[k] = odds(c, out[k]!, out[k + 1]!, v, w);
    }
  } else {
    let current = c.path[0]!;
    for (const next of c.path.slice(1)) {
      if (odds(c, current, next, v, w) > 0) current = join(current, next);
      else {
        out.push(current);
        current = next;
      }
    }
    out.push(current);
  }
  return absorbUnmatched(out, c.cost, c.length).map(indices);
}

function report(name: string, chapters: Chapter[], auto: Bead[][]) {
  const pairs = chapters.map((c, k) => ({ gold: c.gold, auto: auto[k]! }));
  const shapes = recallByShape(pairs);
  const recall = (k: string) => `${k} ${shapes.get(k)?.found ?? 0}/${shapes.get(k)?.gold ?? 0}`;
  const byChapter = pairs.map((p) => beadF1([p]).correct).join(' ');
  console.log(`${name.padEnd(40)} F1 ${beadF1(pairs).f1.toFixed(4)}  ${recall('1-1')} ${recall('2-1')} ${recall('2-2')} ${recall('2-3')}  correct by chapter ${byChapter}`);
}

function main() {
  if (!hasMac) {
    console.log(`MAC-Dev not found under ${macDir}: nothing to measure.`);
    return;
  }
  const resources = loadAlignResources();
  const chapters = IDS.map((id) => capture(id, resources));
  // clauseCut with its length misfit weighed lw (join-beads.ts weighs it 2), in tenths as fit-join-model.ts fits it.
  const clauseCut = (lw: number) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    if (lw === 2 || f.maxLeak === 0) return [10 * f.clauseCut];
    const m = c.matches(x, y);
    return [10 * clauseCutGain(m, m.srcCuts, m.tgtCuts, lw)];
  };
  const variants: Variant[] = [
    { name: 'as shipped', extra: clauseCut(2), bestFirst: true },
    { name: 'left to right', extra: clauseCut(2) },
    { name: 'without clauseCut', extra: () => [], bestFirst: true },
    { name: 'without clauseCut, left to right', extra: () => [] },
    ...[0, 1, 3, 4].map((lw) => ({ name: `length misfit weighed ${lw}`, extra: clauseCut(lw), bestFirst: true })),
    // The control: as many cuts, placed with no regard to clauses.
    ...[5, 10, 20].map((k) => ({
      name: `cuts at every 1/${k} of the span`,
      extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
        const even = range(1, k).map((i) => i / k);
        return [f.maxLeak === 0 ? 0 : 10 * clauseCutGain(c.matches(x, y), even, even, 2)];
      },
      bestFirst: true,
    })),
  ];
  for (const v of variants) {
    const data = new Map(chapters.map((c) => [c.id, examples(c, v)]));
    const fits = new Map(chapters.map((c) => [c.id, fitLogistic(chapters.filter((d) => d !== c).flatMap((d) => data.get(d.id)!), L2)]));
    const all = fitLogistic(chapters.flatMap((d) => data.get(d.id)!), L2);
    report(`${v.name} (in sample)`, chapters, chapters.map((c) => lastLook(c, v, all)));
    report(`${v.name}`, chapters, chapters.map((c) => lastLook(c, v, fits.get(c.id)!)));
  }
}

main();
