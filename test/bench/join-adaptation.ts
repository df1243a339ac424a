// Whether the join look (join-beads.ts) gains by adapting to each document: MAC-Dev, left out one chapter at a time.
//
//   npx tsx test/bench/join-adaptation.ts [manyToMany=0.8] [merge=0.2]   (search weights overridden)
//
// The search runs once per chapter; the last look is then replayed on its captured path for
// each variant (it reproduces fit-join-model.ts's left-out F1), fitted as that script fits it. A
// variant adds features that depend on the whole document: a statistic of its path beside the
// bias, or the boundary shift measured against the document's own boundaries; or the fit gives
// each chapter a bias of its own, so that the shared weights are learned within chapters. Then the ceiling
// of any such statistic that only moves the bias: each chapter's best bias, chosen with its gold.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { align, type CostWeights } from '../../server/align/align.ts';
import type { BeadCost, SpanBead } from '../../server/align/banded-search.ts';
import { beadF1 } from '../../server/align/bead-f1.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { boundaryFeatures, canJoin } from '../../server/align/join-beads.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { SpanScores } from '../../server/align/span-scorer.ts';
import type { Bead } from '../../server/domain/types.ts';
import { hasMac, macDir, readLines } from '../align/shared-data.ts';
import { fitLogistic, type LogisticExample } from './logistic.ts';
import { joinExamples, L2, range, replayLook, reportReplay } from './join-replay.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
const FEATURES = ['maxLeak', 'secondLeak', 'meanLeak', 'costGain', 'lengthGain', 'worsePart', 'joinedCost', 'boundaryShift', 'clauseCut'] as const;
const SHIFT_SCALE = 10;

type Features = Record<(typeof FEATURES)[number], number>;

interface Chapter {
  id: string;
  gold: Bead[];
  goldSet: Set<string>;
  path: SpanBead[];
  features: (x: SpanBead, y: SpanBead) => Features;
  cost: BeadCost;
  length: (b: SpanBead) => number;
  /** Statistics of the path, each divided by its mean over the six chapters. */
  stats: Record<string, number>;
  /** The mean and standard deviation of the boundary shift over the path's joinable boundaries. */
  shift: { mean: number; sd: number };
  /** The boundary shifts of the path's joinable boundaries, ascending. */
  shifts: number[];
}

/** Extra features of a boundary, from its features and its document. */
interface Variant {
  name: string;
  extra: (c: Chapter, f: Features) => number[];
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const rank = (sorted: number[], v: number) => sorted.filter((s) => s < v).length / sorted.length;

function capture(id: string, resources: ReturnType<typeof loadAlignResources>, weights: Partial<CostWeights>): Chapter {
  const src = readLines(path.join(macDir, `${id}.zh`));
  const tgt = readLines(path.join(macDir, `${id}.en`));
  const gold = parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8'));
  let chapter: Chapter | undefined;
  align(src, tgt, resources, {
    weights,
    inspect(p, cost, spans: SpanScores, length) {
      const features = (x: SpanBead, y: SpanBead) => boundaryFeatures(x, y, cost, spans, length);
      const boundaries = range(0, p.length - 1).filter((k) => canJoin(p[k]!, p[k + 1]!)).map((k) => features(p[k]!, p[k + 1]!));
      const matched = p.filter((b) => b.s1 > b.s0 && b.t1 > b.t0);
      const shifts = boundaries.map((f) => f.boundaryShift).sort((a, b) => a - b);
      const sd = Math.sqrt(mean(shifts.map((s) => (s - mean(shifts)) ** 2)));
      const stats = {
        notOneToOne: matched.filter((b) => b.s1 - b.s0 !== 1 || b.t1 - b.t0 !== 1).length / matched.length,
        crossing: boundaries.filter((f) => f.maxLeak > 0).length / boundaries.length,
        shiftMean: mean(shifts),
        shiftSd: sd,
        shiftQ90: quantile(shifts, 0.9),
        oneToOneLength: mean(matched.filter((b) => b.s1 - b.s0 === 1 && b.t1 - b.t0 === 1).map(length)),
        tgtPerSrc: tgt.length / src.length,
      };
      chapter = { id, gold, goldSet: new Set(gold.map(formatBead)), path: p, features, cost, length, stats, shifts, shift: { mean: mean(shifts), sd } };
    },
  });
  return chapter!;
}

function vector(c: Chapter, f: Features, v: Variant): number[] {
  return [1, ...FEATURES.map((n) => f[n] * (n === 'boundaryShift' || n === 'clauseCut' ? SHIFT_SCALE : 1)), ...v.extra(c, f)];
}

function examples(c: Chapter, v: Variant): LogisticExample[] {
  return joinExamples(c.path, c.goldSet, (x, y) => vector(c, c.features(x, y), v));
}

// The last look as join-beads.ts runs it, with the variant's features.
function lastLook(c: Chapter, v: Variant, weights: number[]): Bead[] {
  return replayLook(c.path, (x, y) => vector(c, c.features(x, y), v).reduce((s, a, i) => s + a * weights[i]!, 0), c.cost, c.length);
}

function leftOutFits(chapters: Chapter[], v: Variant): Map<string, number[]> {
  const data = new Map(chapters.map((c) => [c.id, examples(c, v)]));
  return new Map(chapters.map((c) => [c.id, fitLogistic(chapters.filter((d) => d !== c).flatMap((d) => data.get(d.id)!), L2)]));
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
  const weights = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')).map(([k, v]) => [k, Number(v)])) as Partial<CostWeights>;
  const chapters = IDS.map((id) => capture(id, resources, weights));
  for (const name of Object.keys(chapters[0]!.stats)) {
    const average = mean(chapters.map((c) => c.stats[name]!));
    for (const c of chapters) c.stats[name]! /= average;
  }
  const variants: Variant[] = [
    { name: 'as it is', extra: () => [] },
    ...Object.keys(chapters[0]!.stats).map((s) => ({ name: `bias + ${s}`, extra: (c: Chapter) => [c.stats[s]!] })),
    { name: 'shift as a z-score in its document', extra: (c, f) => [(f.boundaryShift - c.shift.mean) / c.shift.sd] },
    { name: 'shift as a rank in its document', extra: (c, f) => [rank(c.shifts, f.boundaryShift)] },
    { name: 'shift over its document\'s 90th pct', extra: (c, f) => [(3 * f.boundaryShift) / quantile(c.shifts, 0.9)] },
  ];
  for (const v of variants) {
    const fits = leftOutFits(chapters, v);
    report(v.name, chapters, chapters.map((c) => lastLook(c, v, fits.get(c.id)!)));
  }
  const plain = variants[0]!;
  const plainFits = leftOutFits(chapters, plain);
  // Each training chapter its own bias (fixed effects, a column of 3 under the same penalty), so that
  // the shared weights are learned within chapters; the left-out chapter gets their mean.
  const data = new Map(chapters.map((c) => [c.id, examples(c, plain)]));
  const withinChapters = chapters.map((c) => {
    const train = chapters.filter((d) => d !== c);
    const ex = train.flatMap((d, j) => data.get(d.id)!.map((e) => ({ ...e, x: [...e.x, ...train.map((_, i) => (i === j ? 3 : 0))] })));
    const b = fitLogistic(ex, L2);
    const weights = b.slice(0, 1 + FEATURES.length);
    weights[0]! += 3 * mean(b.slice(1 + FEATURES.length));
    return lastLook(c, plain, weights);
  });
  report('a bias per chapter in the fit', chapters, withinChapters);
  // How well the look ranks, within each chapter: a gold join above a boundary whose join breaks right beads.
  const ranking = chapters.map((c) => {
    const w = plainFits.get(c.id)!;
    const odds = data.get(c.id)!.map((e) => ({ o: e.x.reduce((s, x, i) => s + x * w[i]!, 0), e }));
    const gold = odds.filter((r) => r.e.positive && r.e.weight > 1).map((r) => r.o);
    const breaking = odds.filter((r) => !r.e.positive).map((r) => r.o);
    const above = gold.reduce((s, g) => s + breaking.reduce((t, b) => t + (g > b ? 1 : g === b ? 0.5 : 0), 0), 0);
    return `${c.id} ${(above / gold.length / breaking.length).toFixed(3)}`;
  });
  console.log(`a gold join ranked above a breaking one, left out: ${ranking.join(', ')}`);
  // The ceiling: each chapter's bias moved as its gold likes best (a bead more is worth F1/2 of a bead fewer).
  const offsets: string[] = [];
  const best = chapters.map((c) => {
    let top: { value: number; offset: number; auto: Bead[] } | undefined;
    for (let offset = -4; offset <= 4; offset += 0.25) {
      const weights = [...plainFits.get(c.id)!];
      weights[0]! += offset;
      const auto = lastLook(c, plain, weights);
      const score = beadF1([{ gold: c.gold, auto }]);
      const value = score.correct - 0.46 * score.auto;
      if (!top || value > top.value + 1e-9 || (Math.abs(value - top.value) < 1e-9 && Math.abs(offset) < Math.abs(top.offset))) top = { value, offset, auto };
    }
    offsets.push(`${c.id} ${top!.offset}`);
    return top!.auto;
  });
  report('each chapter\'s best bias (oracle)', chapters, best);
  console.log(`oracle bias offsets: ${offsets.join(', ')}`);
}

main();
