// The join look at boundaries whose join makes a bead of five sentences (2-3, 3-2), where the gold 2-3 beads it misses lie: MAC-Dev, left out one chapter at a time.
//
//   npx tsx test/bench/five-joins.ts              variants, each refitted and replayed as clause-join.ts does
//   npx tsx test/bench/five-joins.ts auc          how well each value ranks gold joins above joins that break right beads
//   npx tsx test/bench/five-joins.ts only TEXT    the shipped look and the variants whose name holds TEXT
//   npx tsx test/bench/five-joins.ts show 006:30  a boundary's placed matches and cuts (chapter:first Chinese sentence of the first bead)
//
// The first variant is the shipped look; after it come each five-sentence boundary's left-out odds,
// worth (gold beads won less gold beads broken) and features, then each variant's line and the
// beads it loses and wins against the shipped look (+ marks a gold bead). Only the character cut
// and the five-sentence offset gained (both shipped); the rest is the README's tried list.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { align, findAnchors, firstPass, quoteGuidance, translatedSentences } from '../../server/align/align.ts';
import { lexicalScorer } from '../../server/align/lexical-scorer.ts';
import { fitLengthModel } from '../../server/align/length-model.ts';
import { documentStatistics, segmentDocument } from '../../server/align/sentence-features.ts';
import type { BeadCost, SpanBead } from '../../server/align/banded-search.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { clauseCutGain } from '../../server/align/clause-cut.ts';
import { chineseQuotes, englishQuotes, inQuote } from '../../server/align/quotes.ts';
import { boundaryShift } from '../../server/align/boundary-shift.ts';
import { boundaryFeatures, canJoin } from '../../server/align/join-beads.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { SpanMatches } from '../../server/align/span-scorer.ts';
import type { Bead } from '../../server/domain/types.ts';
import { hasMac, macDir, readLines } from '../align/shared-data.ts';
import { fitLogistic, type LogisticExample } from './logistic.ts';
import { recallByShape } from '../../server/align/bead-f1.ts';
import { indices, joinExamples, L2, range, replayLook, reportReplay } from './join-replay.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
const FEATURES = ['maxLeak', 'secondLeak', 'meanLeak', 'costGain', 'lengthGain', 'worsePart', 'joinedCost', 'boundaryShift', 'clauseCut', 'characterCut'] as const;
const SCALE: Record<string, number> = { boundaryShift: 10, clauseCut: 10, characterCut: 10 };

type Features = Record<(typeof FEATURES)[number], number>;

interface Chapter {
  id: string;
  src: string[];
  tgt: string[];
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
  /** Features of the shipped look left out (their column kept at 0). */
  without?: string[];
  /** Odds added after the fit, not fitted: a threshold moved by hand, to see what it costs. */
  shift?: (x: SpanBead, y: SpanBead) => number;
  /**
   * Five-sentence joins' odds raised, per fold, by the least offset (in quarters, up to 3) at which
   * the five training chapters, replayed with the fold's weights, find half their gold 2-3 beads:
   * the operating point fitted on five chapters and judged on the sixth.
   */
  foldTarget?: number;
}

function capture(id: string, resources: ReturnType<typeof loadAlignResources>): Chapter {
  const src = readLines(path.join(macDir, `${id}.zh`));
  const tgt = readLines(path.join(macDir, `${id}.en`));
  const gold = parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8'));
  let chapter: Chapter | undefined;
  align(src, tgt, resources, {
    inspect(p, cost, spans, length) {
      const memo = new Map<string, Features>();
      const features = (x: SpanBead, y: SpanBead) => {
        const key = `${x.s0},${x.s1},${y.s1},${x.t0},${x.t1},${y.t1}`;
        if (!memo.has(key)) memo.set(key, boundaryFeatures(x, y, cost, spans, length));
        return memo.get(key)!;
      };
      const matches = (x: SpanBead, y: SpanBead) => spans.placedMatches(x.s0, x.s1, y.s1, x.t0, x.t1, y.t1);
      chapter = { id, src, tgt, gold, goldSet: new Set(gold.map(formatBead)), path: p, features, matches, cost, length };
    },
  });
  return chapter!;
}

const vector = (c: Chapter, x: SpanBead, y: SpanBead, v: Variant) => {
  const f = c.features(x, y);
  return [1, ...FEATURES.map((n) => (v.without?.includes(n) ? 0 : f[n] * (SCALE[n] ?? 1))), ...v.extra(c, x, y, f)];
};
const dot = (a: number[], w: number[]) => a.reduce((s, v, i) => s + v * w[i]!, 0);
const sentences = (x: SpanBead, y: SpanBead) => y.s1 - x.s0 + y.t1 - x.t0;

function run(chapters: Chapter[], v: Variant, table = false) {
  const data = new Map<string, LogisticExample[]>(chapters.map((c) => [c.id, joinExamples(c.path, c.goldSet, (x, y) => vector(c, x, y, v))]));
  const fits = new Map(chapters.map((c) => [c.id, fitLogistic(chapters.filter((d) => d !== c).flatMap((d) => data.get(d.id)!), L2)]));
  const all = fitLogistic(chapters.flatMap((d) => data.get(d.id)!), L2);
  const replay = (c: Chapter, w: number[], d: number) => ({ gold: c.gold, auto: replayLook(c.path, (x, y) => dot(vector(c, x, y, v), w) + (v.shift?.(x, y) ?? 0) + d * (sentences(x, y) === 5 ? 1 : 0), c.cost, c.length, true) });
  const offset = new Map<string, number>();
  if (v.foldTarget !== undefined) {
    for (const c of chapters) {
      const rest = chapters.filter((d) => d !== c);
      let d = 0;
      for (; d < 3; d += 0.25) {
        const r = recallByShape(rest.map((e) => replay(e, fits.get(c.id)!, d))).get('2-3')!;
        if (r.found >= v.foldTarget * r.gold) break;
      }
      offset.set(c.id, d);
    }
    console.log(`offsets by fold: ${chapters.map((c) => `${c.id} ${offset.get(c.id)}`).join(', ')}`);
  }
  const look = (w: (c: Chapter) => number[]) => chapters.map((c) => replay(c, w(c), offset.get(c.id) ?? 0));
  reportReplay(`${v.name} (in sample)`, look(() => all));
  const leftOut = look((c) => fits.get(c.id)!);
  reportReplay(v.name, leftOut);
  if (!table) return leftOut;
  console.log(`weights (all six): ${all.map((w) => w.toFixed(3)).join(' ')}`);
  for (const c of chapters) {
    const w = fits.get(c.id)!;
    for (const k of range(0, c.path.length - 1)) {
      const [x, y] = [c.path[k]!, c.path[k + 1]!];
      if (!canJoin(x, y) || sentences(x, y) !== 5) continue;
      const joined = { s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 };
      const gold = (b: SpanBead) => (c.goldSet.has(formatBead(indices(b))) ? 1 : 0);
      const worth = gold(joined) - gold(x) - gold(y);
      const odds = dot(vector(c, x, y, v), w);
      if (worth < 0 && odds < -4) continue;
      const f = c.features(x, y);
      console.log(`${c.id} ${formatBead(indices(x))} + ${formatBead(indices(y))} worth ${worth} odds ${odds.toFixed(2)} ${Object.entries(f).map(([n, a]) => `${n} ${a.toFixed(2)}`).join(' ')} extra ${v.extra(c, x, y, f).map((a) => a.toFixed(2)).join(' ')}`);
    }
  }
  return leftOut;
}

// The beads a variant produces that the first does not, and the reverse, marked + when gold.
function diff(chapters: Chapter[], base: { auto: Bead[] }[], other: { auto: Bead[] }[]) {
  chapters.forEach((c, k) => {
    const a = new Set(base[k]!.auto.map(formatBead)), b = new Set(other[k]!.auto.map(formatBead));
    const mark = (s: string) => `${s}${c.goldSet.has(s) ? '+' : ''}`;
    const lost = [...a].filter((s) => !b.has(s)).map(mark), won = [...b].filter((s) => !a.has(s)).map(mark);
    if (lost.length + won.length > 0) console.log(`  ${c.id}: lost ${lost.join(' ')}; won ${won.join(' ')}`);
  });
}

function main() {
  if (!hasMac) {
    console.log(`MAC-Dev not found under ${macDir}: nothing to measure.`);
    return;
  }
  const resources = loadAlignResources();
  const chapters = IDS.map((id) => capture(id, resources));
  const quotedMemo = new Map<string, { zh: boolean[]; en: boolean[] }>();
  const quoted = (c: Chapter) => {
    if (!quotedMemo.has(c.id)) quotedMemo.set(c.id, { zh: inQuote(c.src.map(chineseQuotes)), en: inQuote(c.tgt.map(englishQuotes)) });
    return quotedMemo.get(c.id)!;
  };
  const five = (x: SpanBead, y: SpanBead) => (sentences(x, y) === 5 ? 1 : 0);
  const placed = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => (f.maxLeak === 0 ? undefined : c.matches(x, y));
  // The best cut with one side kept at its sentence boundary: a sentence of the other side split between the two.
  const straddle = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    return m ? Math.max(clauseCutGain(m, [], m.tgtCuts, 2), clauseCutGain(m, m.srcCuts, [], 2)) : 0;
  };
  // What the sentence boundary itself costs as a cut: the evidence crossing it and its sides' misfit.
  const atBoundary = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    if (!m) return 0;
    let total = 0, crossing = 0;
    for (let k = 0; k < m.weight.length; k++) {
      total += m.weight[k]!;
      if ((m.src[k]! < m.srcBoundary) !== (m.tgt[k]! < m.tgtBoundary)) crossing += m.weight[k]!;
    }
    return total === 0 ? 0 : crossing / total + 2 * Math.abs(m.srcBoundary - m.tgtBoundary);
  };
  // The span's matches with each word's weight shared among its partners in the span: a common
  // word ("say", 说) met in every sentence matches across any boundary, a carried clause's words once.
  const shared = (m: SpanMatches, how: 'product' | 'max' | 'unique'): SpanMatches => {
    const count = (places: Float64Array) => {
      const n = new Map<number, number>();
      for (const p of places) n.set(p, (n.get(p) ?? 0) + 1);
      return n;
    };
    const ns = count(m.src), nt = count(m.tgt);
    const weight = m.weight.map((w, k) => {
      const a = ns.get(m.src[k]!)!, b = nt.get(m.tgt[k]!)!;
      return how === 'product' ? w / (a * b) : how === 'max' ? w / Math.max(a, b) : a === 1 && b === 1 ? w : 0;
    });
    return { ...m, weight };
  };
  const sharedCut = (how: 'product' | 'max' | 'unique') => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    return m ? clauseCutGain(shared(m, how), m.srcCuts, m.tgtCuts, 2) : 0;
  };
  const sharedShift = (how: 'product' | 'max' | 'unique') => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    return m ? boundaryShift(shared(m, how)) : 0;
  };
  // The span cut twice on each side at clause ends or sentence starts (three segments a side, the
  // i-th against the i-th): how much cheaper the best such alignment is than the best one that keeps
  // the sentence boundary as one of its cuts. A recast pair leaves no clean alignment through it.
  const twoCutMemo = new Map<string, number>();
  const twoCut = (lw: number) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const key = `${lw} ${c.id} ${x.s0},${x.s1},${y.s1},${x.t0},${x.t1},${y.t1}`;
    if (twoCutMemo.has(key)) return twoCutMemo.get(key)!;
    const m = placed(c, x, y, f);
    let out = 0;
    if (m) {
      const src = [m.srcBoundary, ...m.srcCuts].sort((a, b) => a - b);
      const tgt = [m.tgtBoundary, ...m.tgtCuts].sort((a, b) => a - b);
      const bi = src.indexOf(m.srcBoundary), bj = tgt.indexOf(m.tgtBoundary);
      let total = 0;
      for (const w of m.weight) total += w;
      const seg = (cuts: number[], a: number, b: number, p: number) => (p < cuts[a]! ? 0 : p < cuts[b]! ? 1 : 2);
      let best = Infinity, kept = Infinity;
      for (let i1 = 0; i1 < src.length; i1++) for (let i2 = i1 + 1; i2 < src.length; i2++) for (let j1 = 0; j1 < tgt.length; j1++) for (let j2 = j1 + 1; j2 < tgt.length; j2++) {
        let crossing = 0;
        for (let k = 0; k < m.weight.length; k++) if (seg(src, i1, i2, m.src[k]!) !== seg(tgt, j1, j2, m.tgt[k]!)) crossing += m.weight[k]!;
        const cost = crossing / total + lw * (Math.abs(src[i1]! - tgt[j1]!) + Math.abs(src[i2]! - tgt[j2]!));
        best = Math.min(best, cost);
        if ((i1 === bi && j1 === bj) || (i2 === bi && j2 === bj)) kept = Math.min(kept, cost);
      }
      out = Number.isFinite(kept) ? kept - best : 0;
    }
    twoCutMemo.set(key, out);
    return out;
  };
  // A sentence split between the two beads shows from both sides: the other side's sentence boundary
  // meets a clause end of this side's sentence, and this side's boundary a clause end of the other's.
  const bothWays = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    return m ? Math.min(clauseCutGain(m, [], m.tgtCuts, 2), clauseCutGain(m, m.srcCuts, [], 2)) : 0;
  };
  // The clause cut without the cuts at sentence starts on both sides (the boundary aside): such a
  // cut is another sentence boundary, whose beads the search has priced; a join is told by a cut
  // inside a sentence on at least one side.
  const starts = (texts: string[], from: number, to: number) => {
    const len = texts.slice(from, to).map((t) => t.replace(/\s+/g, '').length);
    const total = len.reduce((a, b) => a + b, 0);
    const out: number[] = [];
    let before = 0;
    for (const l of len) {
      out.push(before / total);
      before += l;
    }
    return out;
  };
  const innerCut = (lw: number) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    if (!m) return 0;
    const srcStarts = starts(c.src, x.s0, y.s1), tgtStarts = starts(c.tgt, x.t0, y.t1);
    const near = (list: number[], v: number) => list.some((a) => Math.abs(a - v) < 1e-9);
    const src = [m.srcBoundary, ...m.srcCuts], tgt = [m.tgtBoundary, ...m.tgtCuts];
    let total = 0;
    for (const w of m.weight) total += w;
    const cost = (a: number, b: number) => {
      let crossing = 0;
      for (let k = 0; k < m.weight.length; k++) if ((m.src[k]! < a) !== (m.tgt[k]! < b)) crossing += m.weight[k]!;
      return crossing / total + lw * Math.abs(a - b);
    };
    const at = cost(m.srcBoundary, m.tgtBoundary);
    let best = at;
    for (const a of src) for (const b of tgt) {
      if (near(srcStarts, a) && near(tgtStarts, b)) continue;
      best = Math.min(best, cost(a, b));
    }
    return at - best;
  };
  // Clause ends found by another expression, placed in the span as lexical-scorer.ts places them.
  const endsMemo = new Map<string, number[][]>();
  const cutsWith = (re: RegExp) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    if (!m) return 0;
    const ends = (side: 'zh' | 'en', texts: string[]) => {
      const key = `${re.source} ${c.id} ${side}`;
      if (!endsMemo.has(key)) {
        endsMemo.set(key, texts.map((t) => {
          const visible = t.replace(/\s+/g, '');
          return [...visible.matchAll(re)].map((e) => (e.index + e[0].length) / visible.length).filter((at) => at < 1);
        }));
      }
      return endsMemo.get(key)!;
    };
    const place = (texts: string[], all: number[][], from: number, at: number, to: number) => {
      const len = texts.slice(from, to).map((t) => t.replace(/\s+/g, '').length);
      const total = len.reduce((a, b) => a + b, 0);
      const out: number[] = [];
      let before = 0;
      len.forEach((l, k) => {
        if (k > 0 && from + k !== at) out.push(before / total);
        for (const p of all[from + k]!) out.push((before + p * l) / total);
        before += l;
      });
      return out;
    };
    return clauseCutGain(m, place(c.src, ends('zh', c.src), x.s0, y.s0, y.s1), place(c.tgt, ends('en', c.tgt), x.t0, y.t0, y.t1), 2);
  };
  // Competitive linking (Melamed): each word of the span linked at most once, the heaviest match
  // first and, among equals, the one nearest the span's diagonal; a word's place in the span names it.
  // A dialogue verb (说, "say") met in every sentence keeps one partner, not one across every boundary.
  // With `near`, the match's weight is discounted by its distance from the diagonal (e^(-d/near)) before ranking.
  const oneToOne = (m: SpanMatches, near = 0): SpanMatches => {
    const rank = (k: number) => m.weight[k]! * (near > 0 ? Math.exp(-Math.abs(m.src[k]! - m.tgt[k]!) / near) : 1);
    const order = [...m.weight.keys()].sort((a, b) => rank(b) - rank(a) || Math.abs(m.src[a]! - m.tgt[a]!) - Math.abs(m.src[b]! - m.tgt[b]!));
    const usedSrc = new Set<number>(), usedTgt = new Set<number>();
    const keep: number[] = [];
    for (const k of order) {
      if (usedSrc.has(m.src[k]!) || usedTgt.has(m.tgt[k]!)) continue;
      usedSrc.add(m.src[k]!);
      usedTgt.add(m.tgt[k]!);
      keep.push(k);
    }
    const pick = (a: Float64Array) => Float64Array.from(keep, (k) => a[k]!);
    return { ...m, src: pick(m.src), tgt: pick(m.tgt), weight: pick(m.weight) };
  };
  const linkedCut = (c: Chapter, x: SpanBead, y: SpanBead, f: Features, near = 0) => {
    const m = placed(c, x, y, f);
    return m ? clauseCutGain(oneToOne(m, near), m.srcCuts, m.tgtCuts, 2) : 0;
  };
  const linkedShift = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    return m ? boundaryShift(oneToOne(m)) : 0;
  };
  // The share of the one-to-one links' weight that crosses the sentence boundary.
  const linkedLeak = (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const m = placed(c, x, y, f);
    if (!m) return 0;
    const l = oneToOne(m);
    let total = 0, crossing = 0;
    for (let k = 0; k < l.weight.length; k++) {
      total += l.weight[k]!;
      if ((l.src[k]! < l.srcBoundary) !== (l.tgt[k]! < l.tgtBoundary)) crossing += l.weight[k]!;
    }
    return total === 0 ? 0 : crossing / total;
  };
  // Word order: weighted Kendall tau of the links' Chinese against their English places (pairs
  // weighed by the product of their weights), over the joined span, less the same over the pairs of
  // links inside one bead each (the two beads apart). A recast pair keeps its order across the
  // boundary; a match across a right boundary comes from anywhere and breaks it.
  const tau = (m: SpanMatches, pairOk: (i: number, j: number) => boolean) => {
    let sum = 0, all = 0;
    for (let i = 0; i < m.weight.length; i++) for (let j = i + 1; j < m.weight.length; j++) {
      if (!pairOk(i, j)) continue;
      const s = (m.src[i]! - m.src[j]!) * (m.tgt[i]! - m.tgt[j]!);
      if (s === 0) continue;
      const w = m.weight[i]! * m.weight[j]!;
      all += w;
      sum += s > 0 ? w : -w;
    }
    return all === 0 ? 0 : sum / all;
  };
  const orderGain = (links: boolean) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const p = placed(c, x, y, f);
    if (!p) return 0;
    const m = links ? oneToOne(p) : p;
    const side = (k: number) => (m.src[k]! < m.srcBoundary ? 0 : 1) + (m.tgt[k]! < m.tgtBoundary ? 0 : 2);
    const inside = (k: number) => side(k) === 0 || side(k) === 3;
    return tau(m, () => true) - tau(m, (i, j) => inside(i) && inside(j) && side(i) === side(j));
  };
  // The crossing links' order: each crossing link's weighted concordance with every other link, summed over the span's weight.
  const crossingOrder = (links: boolean) => (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => {
    const p = placed(c, x, y, f);
    if (!p) return 0;
    const m = links ? oneToOne(p) : p;
    let total = 0, out = 0;
    for (let i = 0; i < m.weight.length; i++) total += m.weight[i]!;
    for (let i = 0; i < m.weight.length; i++) {
      if ((m.src[i]! < m.srcBoundary) === (m.tgt[i]! < m.tgtBoundary)) continue;
      let sum = 0, all = 0;
      for (let j = 0; j < m.weight.length; j++) {
        const s = (m.src[i]! - m.src[j]!) * (m.tgt[i]! - m.tgt[j]!);
        if (j === i || s === 0) continue;
        all += m.weight[j]!;
        sum += s > 0 ? m.weight[j]! : -m.weight[j]!;
      }
      if (all > 0) out += m.weight[i]! * sum / all;
    }
    return total === 0 ? 0 : out / total;
  };
  // The first pass (before the document's own translations are learned) as a second opinion:
  // whether it put a boundary where the second pass did, and whether it made the joined bead.
  const firstMemo = new Map<string, { corners: Set<string>; beads: Set<string> }>();
  const firstOf = (c: Chapter) => {
    if (!firstMemo.has(c.id)) {
      const doc = segmentDocument(c.src, c.tgt, resources);
      const stats = documentStatistics(doc);
      const scorer = lexicalScorer(doc, stats);
      const anchors = findAnchors(scorer, doc);
      const lengths = fitLengthModel(stats.lengthRatio, doc.srcLength, doc.tgtLength, anchors);
      const path = firstPass(doc, { stats, anchors, lengths, quotes: quoteGuidance(anchors, doc), sentences: translatedSentences(stats, anchors) }, {}, scorer).path;
      firstMemo.set(c.id, { corners: new Set(path.map((b) => `${b.src.at(-1)! + 1},${b.tgt.at(-1)! + 1}`)), beads: new Set(path.map(formatBead)) });
    }
    return firstMemo.get(c.id)!;
  };
  const firstSplits = (c: Chapter, x: SpanBead) => (firstOf(c).corners.has(`${x.s1},${x.t1}`) ? 0 : 1);
  const firstJoined = (c: Chapter, x: SpanBead, y: SpanBead) => (firstOf(c).beads.has(formatBead(indices({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 }))) ? 1 : 0);

  // Soft counts over the search's own lattice: the search's costs read as a Gibbs distribution
  // exp(-cost / T) over every monotone path of beads up to 3 sentences a side (1-0 and 0-1 too)
  // through a window, summed forwards and backwards. The posterior that no bead boundary passes the
  // corner between x and y (over the window from the bead before x to the bead after y), and the
  // log-odds of the joined bead against every other way through the joined span: a recast pair
  // leaves several splits about as cheap as the best, two right beads one.
  const beadAt = new Map<string, Map<string, SpanBead>>();
  const pathIndex = (c: Chapter) => {
    if (!beadAt.has(c.id)) beadAt.set(c.id, new Map(c.path.flatMap((b) => [[`e${b.s1},${b.t1}`, b], [`s${b.s0},${b.t0}`, b]])));
    return beadAt.get(c.id)!;
  };
  const lse = (a: number, b: number) => (a === -Infinity ? b : b === -Infinity ? a : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))));
  const lattice = (c: Chapter, S0: number, S1: number, T0: number, T1: number, temp: number) => {
    const rows = S1 - S0 + 1, cols = T1 - T0 + 1;
    const fwd = new Float64Array(rows * cols).fill(-Infinity), bwd = new Float64Array(rows * cols).fill(-Infinity);
    fwd[0] = 0;
    bwd[rows * cols - 1] = 0;
    const edge = (i0: number, i1: number, j0: number, j1: number) => -c.cost(S0 + i0, S0 + i1, T0 + j0, T0 + j1) / temp;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
      if (i === 0 && j === 0) continue;
      let v = -Infinity;
      for (let a = 0; a <= 3 && a <= i; a++) for (let b = 0; b <= 3 && b <= j; b++) if (a + b > 0) v = lse(v, fwd[(i - a) * cols + j - b]! + edge(i - a, i, j - b, j));
      fwd[i * cols + j] = v;
    }
    for (let i = rows - 1; i >= 0; i--) for (let j = cols - 1; j >= 0; j--) {
      if (i === rows - 1 && j === cols - 1) continue;
      let v = -Infinity;
      for (let a = 0; a <= 3 && i + a < rows; a++) for (let b = 0; b <= 3 && j + b < cols; b++) if (a + b > 0) v = lse(v, bwd[(i + a) * cols + j + b]! + edge(i, i + a, j, j + b));
      bwd[i * cols + j] = v;
    }
    return { z: fwd[rows * cols - 1]!, at: (s: number, t: number) => fwd[(s - S0) * cols + t - T0]! + bwd[(s - S0) * cols + t - T0]! };
  };
  const logit = (logP: number) => logP - Math.log(Math.max(1e-12, -Math.expm1(logP)));
  const posteriorMemo = new Map<string, number[]>();
  const posterior = (temp: number) => (c: Chapter, x: SpanBead, y: SpanBead) => {
    const key = `${temp} ${c.id} ${x.s0},${x.s1},${y.s1},${x.t0},${x.t1},${y.t1}`;
    if (!posteriorMemo.has(key)) {
      const span = lattice(c, x.s0, y.s1, x.t0, y.t1, temp);
      const joined = -c.cost(x.s0, y.s1, x.t0, y.t1) / temp - span.z;
      const before = pathIndex(c).get(`e${x.s0},${x.t0}`), after = pathIndex(c).get(`s${y.s1},${y.t1}`);
      const w = lattice(c, before?.s0 ?? x.s0, after?.s1 ?? y.s1, before?.t0 ?? x.t0, after?.t1 ?? y.t1, temp);
      const corner = w.at(x.s1, x.t1) - w.z;
      posteriorMemo.set(key, [Math.max(-10, Math.min(10, logit(joined))), Math.max(-10, Math.min(10, -logit(corner)))]);
    }
    return posteriorMemo.get(key)!;
  };

  // Speech and narration by characters: per sentence, its letters (English) or Han characters and
  // other letters (Chinese) inside a quotation and in all. A translator who moves a speech tag or a
  // line of narration across a sentence boundary ("小玄子摇手笑道：“今天不打了…" ↔ "…but this time
  // Misty shook his head. 'No more for today!") leaves each bead's share of speech unlike its
  // counterpart's, and the joined span's alike.
  const shareMemo = new Map<string, { zh: number[][]; en: number[][]; agree: number }>();
  const speechChars = (sentences: string[], side: 'zh' | 'en') => {
    let open = false;
    return sentences.map((t) => {
      let inside = 0, all = 0;
      for (let i = 0; i < t.length; i++) {
        const ch = t[i]!;
        if (side === 'zh' && (ch === '“' || ch === '「')) open = true;
        else if (side === 'zh' && (ch === '”' || ch === '」')) open = false;
        else if (side === 'en' && (ch === '“' || ch === '"' && /\s|^$/.test(t[i - 1] ?? '') || (ch === "'" || ch === '‘') && /[\s(—-]|^$/.test(t[i - 1] ?? '') && !/\s/.test(t[i + 1] ?? ' '))) open = true;
        else if (side === 'en' && (ch === '”' || ch === '"' && !/\s|^$/.test(t[i - 1] ?? '') || (ch === "'" || ch === '’') && /[.!?,—…]/.test(t[i - 1] ?? '') && /[\s,.;:!?—)-]|^$/.test(t[i + 1] ?? ''))) open = false;
        else if (/[\p{L}\p{N}]/u.test(ch)) {
          all++;
          if (open) inside++;
        }
      }
      return [inside, all];
    });
  };
  const speechOf = (c: Chapter) => {
    if (!shareMemo.has(c.id)) {
      const zh = speechChars(c.src, 'zh'), en = speechChars(c.tgt, 'en');
      // How far the document's translator keeps speech as speech: the correlation of the two sides'
      // speech shares over the second pass's 1-1 beads (0 when the translator drops the quotes).
      const pairs = c.path.filter((b) => b.s1 - b.s0 === 1 && b.t1 - b.t0 === 1).map((b) => [zh[b.s0]![0]! / Math.max(1, zh[b.s0]![1]!), en[b.t0]![0]! / Math.max(1, en[b.t0]![1]!)] as const);
      const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / Math.max(1, pairs.length);
      const [ma, mb] = [mean(0), mean(1)];
      let sab = 0, saa = 0, sbb = 0;
      for (const [a, b] of pairs) { sab += (a - ma) * (b - mb); saa += (a - ma) ** 2; sbb += (b - mb) ** 2; }
      shareMemo.set(c.id, { zh, en, agree: saa > 0 && sbb > 0 ? Math.max(0, sab / Math.sqrt(saa * sbb)) : 0 });
    }
    return shareMemo.get(c.id)!;
  };
  const speechMisfit = (c: Chapter, b: SpanBead) => {
    const { zh, en } = speechOf(c);
    const sum = (rows: number[][], from: number, to: number, k: number) => rows.slice(from, to).reduce((s, r) => s + r[k]!, 0);
    const a = sum(zh, b.s0, b.s1, 0) / Math.max(1, sum(zh, b.s0, b.s1, 1)), e = sum(en, b.t0, b.t1, 0) / Math.max(1, sum(en, b.t0, b.t1, 1));
    return Math.abs(a - e);
  };
  const speechGain = (agreeing: boolean) => (c: Chapter, x: SpanBead, y: SpanBead) =>
    (agreeing ? speechOf(c).agree : 1) * ((speechMisfit(c, x) + speechMisfit(c, y)) / 2 - speechMisfit(c, { s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 }));

  const inPlace = ['clauseCut'];
  const variants: Variant[] = [
    // As join-beads.ts weighs it: fitted features, and the five-sentence joins' offset chosen on the fitting chapters (see fit-join-model.ts).
    { name: 'as shipped', extra: () => [], foldTarget: 0.5 },
    { name: 'without the five-sentence offset', extra: () => [] },
    { name: 'without the character cut', extra: () => [], without: ['characterCut'], foldTarget: 0.5 },
    { name: 'clauseCut x lengthGain', extra: (c, x, y, f) => [10 * f.clauseCut * f.lengthGain] },
    { name: 'clauseCut x costGain', extra: (c, x, y, f) => [10 * f.clauseCut * f.costGain] },
    { name: 'lengthGain x costGain', extra: (c, x, y, f) => [f.lengthGain * f.costGain] },
    { name: 'clauseCut squared', extra: (c, x, y, f) => [10 * f.clauseCut * f.clauseCut] },
    { name: 'quadratic in cut, length, cost, shift', extra: (c, x, y, f) => {
      const v = [10 * f.clauseCut, f.lengthGain, f.costGain, 10 * f.boundaryShift];
      return v.flatMap((a, i) => v.slice(i).map((b) => a * b / 10));
    } },
    // The bench's own placing of the shipped clause ends: it must reproduce the line above.
    { name: 'clause ends placed here', extra: (c, x, y, f) => [10 * cutsWith(/[，,；;：:、—–]+/gu)(c, x, y, f)], without: inPlace },
    { name: 'closing quotes end clauses', extra: (c, x, y, f) => [10 * cutsWith(/(?:[，,；;：:、—–]|[。！？!?…]*[”」]|[.!?,…]+['"’”])+/gu)(c, x, y, f)], without: inPlace },
    { name: '? ! … inside a sentence end clauses', extra: (c, x, y, f) => [10 * cutsWith(/(?:[，,；;：:、—–]|[。！？!?…]+)+/gu)(c, x, y, f)], without: inPlace },
    { name: 'straddle cut in place', extra: (c, x, y, f) => [10 * straddle(c, x, y, f)], without: inPlace },
    { name: 'straddle cut beside', extra: (c, x, y, f) => [10 * straddle(c, x, y, f)] },
    { name: 'straddle cut beside, five sentences', extra: (c, x, y, f) => [10 * five(x, y) * straddle(c, x, y, f)] },
    { name: 'both ways beside', extra: (c, x, y, f) => [10 * bothWays(c, x, y, f)] },
    { name: 'both ways beside, five sentences', extra: (c, x, y, f) => [10 * five(x, y) * bothWays(c, x, y, f)] },
    ...[1, 2].flatMap((lw) => [
      { name: `two cuts (misfit ${lw}) beside`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * twoCut(lw)(c, x, y, f)] },
      { name: `two cuts (misfit ${lw}) in place`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * twoCut(lw)(c, x, y, f)], without: inPlace },
      { name: `two cuts (misfit ${lw}) beside, five sentences`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * five(x, y) * twoCut(lw)(c, x, y, f)] },
    ]),
    { name: 'inner cut in place', extra: (c, x, y, f) => [10 * innerCut(2)(c, x, y, f)], without: inPlace },
    ...(['product', 'max', 'unique'] as const).flatMap((how) => [
      { name: `shared weights (${how}) cut in place`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * sharedCut(how)(c, x, y, f)], without: inPlace },
      { name: `shared weights (${how}) cut and shift`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * sharedCut(how)(c, x, y, f), 10 * sharedShift(how)(c, x, y, f)], without: ['clauseCut', 'boundaryShift'] },
    ]),
    { name: 'boundary inside a Chinese quotation', extra: (c, x) => [quoted(c).zh[x.s1 - 1] ? 1 : 0] },
    { name: 'boundary inside a quotation, both sides', extra: (c, x) => [quoted(c).zh[x.s1 - 1] && quoted(c).en[x.t1 - 1] ? 1 : 0] },
    { name: 'the same, five sentences', extra: (c, x, y) => [five(x, y) * (quoted(c).zh[x.s1 - 1] && quoted(c).en[x.t1 - 1] ? 1 : 0)] },
    { name: 'boundary cut cost beside', extra: (c, x, y, f) => [10 * atBoundary(c, x, y, f)] },
    { name: 'lengthGain, five sentences', extra: (c, x, y, f) => [five(x, y) * f.lengthGain] },
    { name: 'costGain, five sentences', extra: (c, x, y, f) => [five(x, y) * f.costGain] },
    { name: 'first pass: no boundary there', extra: (c, x) => [firstSplits(c, x)] },
    { name: 'first pass: the joined bead', extra: (c, x, y) => [firstJoined(c, x, y)] },
    { name: 'first pass: both', extra: (c, x, y) => [firstSplits(c, x), firstJoined(c, x, y)] },
    { name: 'one-to-one links: cut in place', extra: (c, x, y, f) => [10 * linkedCut(c, x, y, f)], without: inPlace },
    { name: 'one-to-one links: cut beside', extra: (c, x, y, f) => [10 * linkedCut(c, x, y, f)] },
    ...[0.1, 0.3].flatMap((near) => [
      { name: `one-to-one links ranked near the diagonal (${near}): cut in place`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * linkedCut(c, x, y, f, near)], without: inPlace },
      { name: `one-to-one links ranked near the diagonal (${near}): cut beside`, extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [10 * linkedCut(c, x, y, f, near)] },
    ]),
    { name: 'one-to-one links: cut and shift in place', extra: (c, x, y, f) => [10 * linkedCut(c, x, y, f), 10 * linkedShift(c, x, y, f)], without: ['clauseCut', 'boundaryShift'] },
    { name: 'one-to-one links: crossing share beside', extra: (c, x, y, f) => [10 * linkedLeak(c, x, y, f)] },
    { name: 'one-to-one links: cut, five sentences', extra: (c, x, y, f) => [10 * five(x, y) * linkedCut(c, x, y, f)] },
    { name: 'order gain (all matches) beside', extra: (c, x, y, f) => [orderGain(false)(c, x, y, f)] },
    { name: 'order gain (one-to-one) beside', extra: (c, x, y, f) => [orderGain(true)(c, x, y, f)] },
    { name: 'crossing order (all matches) beside', extra: (c, x, y, f) => [10 * crossingOrder(false)(c, x, y, f)] },
    { name: 'crossing order (one-to-one) beside', extra: (c, x, y, f) => [10 * crossingOrder(true)(c, x, y, f)] },
    { name: 'one-to-one cut and crossing order', extra: (c, x, y, f) => [10 * linkedCut(c, x, y, f), 10 * crossingOrder(true)(c, x, y, f)], without: inPlace },
    ...[0.25, 0.5, 1, 2].flatMap((temp) => [
      { name: `posterior (T ${temp}): joined bead's odds`, extra: (c: Chapter, x: SpanBead, y: SpanBead) => [posterior(temp)(c, x, y)[0]!] },
      { name: `posterior (T ${temp}): no boundary at the corner`, extra: (c: Chapter, x: SpanBead, y: SpanBead) => [posterior(temp)(c, x, y)[1]!] },
      { name: `posterior (T ${temp}): both`, extra: (c: Chapter, x: SpanBead, y: SpanBead) => posterior(temp)(c, x, y) },
      { name: `posterior (T ${temp}): joined odds, five sentences`, extra: (c: Chapter, x: SpanBead, y: SpanBead) => [five(x, y) * posterior(temp)(c, x, y)[0]!] },
    ]),
    { name: 'speech share gain', extra: (c: Chapter, x: SpanBead, y: SpanBead) => [10 * speechGain(false)(c, x, y)] },
    { name: 'speech share gain x agreement', extra: (c: Chapter, x: SpanBead, y: SpanBead) => [10 * speechGain(true)(c, x, y)] },
    { name: 'speech share: both misfits', extra: (c: Chapter, x: SpanBead, y: SpanBead) => [10 * (speechMisfit(c, x) + speechMisfit(c, y)) / 2, 10 * speechMisfit(c, { s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 })] },
    ...[0.5, 1, 1.25, 1.5, 1.75, 2].map((d) => ({ name: `five-sentence joins' odds +${d} (not fitted)`, extra: () => [], shift: (x: SpanBead, y: SpanBead) => d * five(x, y) })),
    { name: 'a look of its own for five sentences', extra: (c: Chapter, x: SpanBead, y: SpanBead, f: Features) => [five(x, y), ...FEATURES.map((n) => five(x, y) * f[n] * (SCALE[n] ?? 1))] },
  ];

  if (process.argv[2] === 'show') {
    // The placed matches of the boundaries named as chapter:s0 (the first Chinese sentence of the first bead).
    for (const spec of process.argv.slice(3)) {
      const [id, at] = spec.split(':');
      const c = chapters.find((d) => d.id === id)!;
      const k = c.path.findIndex((b) => b.s0 === Number(at));
      const [x, y] = [c.path[k]!, c.path[k + 1]!];
      const m = c.matches(x, y);
      console.log(`${spec} ${formatBead(indices(x))} + ${formatBead(indices(y))} boundary zh ${m.srcBoundary.toFixed(2)} en ${m.tgtBoundary.toFixed(2)} cuts zh ${m.srcCuts.map((v) => v.toFixed(2)).join(' ')} | en ${m.tgtCuts.map((v) => v.toFixed(2)).join(' ')}`);
      const order = [...m.weight.keys()].sort((a, b) => m.src[a]! - m.src[b]!);
      console.log('  ' + order.map((i) => `${m.src[i]!.toFixed(2)}-${m.tgt[i]!.toFixed(2)}:${m.weight[i]!.toFixed(2)}`).join(' '));
    }
    return;
  }
  if (process.argv[2] === 'auc') {
    // How well each value ranks the gold five-sentence joins above the joins that break right beads.
    const rows: { pos: boolean; neg: boolean; five: boolean; v: number[] }[] = [];
    const names = ['post joined .5', 'post corner .5', 'speech gain', 'characterCut', 'firstSplits', 'firstJoined', 'linkedCut', 'linkedShift', 'linkedLeak', 'orderGain', 'orderGain 1:1', 'crossOrder', 'crossOrder 1:1', 'innerCut', 'bothWays', 'twoCut2', 'twoCut1', 'clauseCut', 'straddle', 'unique cut', 'max cut', 'lengthGain', 'costGain', 'maxLeak', 'boundaryShift', 'atBoundary'];
    for (const c of chapters) {
      for (const k of range(0, c.path.length - 1)) {
        const [x, y] = [c.path[k]!, c.path[k + 1]!];
        if (!canJoin(x, y)) continue;
        const gold = (b: SpanBead) => (c.goldSet.has(formatBead(indices(b))) ? 1 : 0);
        const worth = gold({ s0: x.s0, s1: y.s1, t0: x.t0, t1: y.t1 }) - gold(x) - gold(y);
        const f = c.features(x, y);
        rows.push({ pos: worth > 0, neg: worth < 0, five: sentences(x, y) === 5, v: [posterior(0.5)(c, x, y)[0]!, posterior(0.5)(c, x, y)[1]!, speechGain(false)(c, x, y), f.characterCut, firstSplits(c, x), firstJoined(c, x, y), linkedCut(c, x, y, f), linkedShift(c, x, y, f), linkedLeak(c, x, y, f), orderGain(false)(c, x, y, f), orderGain(true)(c, x, y, f), crossingOrder(false)(c, x, y, f), crossingOrder(true)(c, x, y, f), innerCut(2)(c, x, y, f), bothWays(c, x, y, f), twoCut(2)(c, x, y, f), twoCut(1)(c, x, y, f), f.clauseCut, straddle(c, x, y, f), sharedCut('unique')(c, x, y, f), sharedCut('max')(c, x, y, f), -f.lengthGain, -f.costGain, f.maxLeak, f.boundaryShift, -atBoundary(c, x, y, f)] });
      }
    }
    for (const five of [true, false]) {
      const r = rows.filter((e) => !five || e.five);
      const pos = r.filter((e) => e.pos), neg = r.filter((e) => e.neg);
      console.log(`${five ? 'five sentences' : 'all'}: ${pos.length} gold joins, ${neg.length} joins breaking right beads`);
      names.forEach((n, i) => {
        let s = 0;
        for (const p of pos) for (const q of neg) s += p.v[i]! > q.v[i]! ? 1 : p.v[i] === q.v[i] ? 0.5 : 0;
        console.log(`  ${n.padEnd(14)} AUC ${(s / (pos.length * neg.length)).toFixed(3)}`);
      });
    }
    return;
  }
  let base: { auto: Bead[] }[] | undefined;
  // `only TEXT`: the shipped look and the variants whose name holds TEXT.
  const only = process.argv[2] === 'only' ? process.argv[3] ?? '' : '';
  for (const [i, v] of variants.entries()) {
    if (i > 0 && !v.name.includes(only)) continue;
    const out = run(chapters, v, i === 0);
    if (base) diff(chapters, base, out);
    else base = out;
  }
}

main();
