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
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { clauseCutGain } from '../../server/align/clause-cut.ts';
import { boundaryFeatures } from '../../server/align/join-beads.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { SpanMatches, SpanScores } from '../../server/align/span-scorer.ts';
import type { Bead } from '../../server/domain/types.ts';
import { hasMac, macDir, readLines } from '../align/shared-data.ts';
import { fitLogistic, type LogisticExample } from './logistic.ts';
import { joinExamples, L2, range, replayLook, reportReplay } from './join-replay.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
// As in fit-join-model.ts, clauseCut aside: each variant adds its own.
const FEATURES = ['maxLeak', 'secondLeak', 'meanLeak', 'costGain', 'lengthGain', 'worsePart', 'joinedCost', 'boundaryShift'] as const;
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
  /** The likeliest join first, as join-beads.ts does; left to right otherwise. */
  bestFirst?: boolean;
}


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
  return joinExamples(c.path, c.goldSet, (x, y) => vector(c, x, y, v));
}

// The last look with the variant's features and weights w.
function lastLook(c: Chapter, v: Variant, w: number[]): Bead[] {
  return replayLook(c.path, (x, y) => vector(c, x, y, v).reduce((s, a, i) => s + a * w[i]!, 0), c.cost, c.length, v.bestFirst ?? false);
}

function report(name: string, chapters: Chapter[], auto: Bead[][]) {
  reportReplay(name, chapters.map((c, k) => ({ gold: c.gold, auto: auto[k]! })));
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
