// Aligns long documents on two cores: halves that overlap, one in a worker thread, stitched where their paths meet.

import { startWorker } from '../threads/start-worker.ts';
import type { Bead, ScoredBead } from '../domain/types.ts';
import { align, alignSegmented, findAnchors, firstPass, quoteGuidance, translatedSentences, type AlignResources, type Guidance } from './align.ts';
import { fitLengthModel } from './length-model.ts';
import { learnFromPath, lexicalScorer } from './lexical-scorer.ts';
import { documentFeatures, documentPart, documentStatistics, featuresPart, segmentDocument, type SegmentedDocument, type Span } from './sentence-features.ts';
import type { AnchorCandidate } from './span-scorer.ts';
import type { LearnedTranslations } from './translation-table.ts';
import { learnCharacterTable, type CharacterTable } from './character-table.ts';

// Only documents long enough to threaten the time budget are split: segmenting stays on one
// thread, and the halves cost the worker's start and a copy of its half.
const PARALLEL_FROM = 60_000;
// Each half runs this far past the middle; the two paths must meet somewhere in between.
const OVERLAP = 400;
// Source sentences either side of the middle whose anchors place the target's middle.
const MIDDLE_WINDOW = 500;

/** What the main thread asks of the worker: its half's first pass, then its second. */
export type PartRequest =
  | { kind: 'first'; doc: SegmentedDocument; guide: Guidance }
  | { kind: 'second'; learned: LearnedTranslations; characters: CharacterTable };

/**
 * Same beads as `align` where each half's path, away from its edges, is the whole's (every bead
 * on Bible 001, 005 and 006); inputs of `parallelFrom` lines or more use a second thread. The
 * halves learn as one document: word rarities, bead unit, anchors and length model come from
 * the whole, and one translation table, learned from both first paths stitched, teaches both
 * second passes.
 */
export async function alignLong(src: string[], tgt: string[], resources: AlignResources, parallelFrom = PARALLEL_FROM): Promise<ScoredBead[]> {
  if (src.length + tgt.length < parallelFrom || src.length < 4 * OVERLAP || tgt.length < 4 * OVERLAP) return align(src, tgt, resources);
  // Started first, so that it boots while this thread segments the document. It takes the first
  // half, this thread the second.
  const worker = partWorker();
  try {
    const doc = segmentDocument(src, tgt, resources);
    const stats = documentStatistics(doc);
    // Found on the whole document, as align finds them: a half alone would not see the rival
    // pairs beyond its edges, and would keep anchors that the whole rejects.
    const features = documentFeatures(doc, stats);
    const anchors = findAnchors(lexicalScorer(doc, stats, features), doc);
    const lengths = fitLengthModel(stats.lengthRatio, doc.srcLength, doc.tgtLength, anchors);
    // Halfway through the source by characters, which stay proportional across a translation far
    // better than sentence counts do; the target's middle is what the anchors put opposite.
    const srcMiddle = halfwayByCharacters(src);
    const tgtOverlap = Math.round((OVERLAP * tgt.length) / src.length);
    const tgtMiddle = Math.min(tgt.length - tgtOverlap, Math.max(tgtOverlap, counterpart(anchors, srcMiddle, tgt.length / src.length) ?? halfwayByCharacters(tgt)));
    const theirs = { srcFrom: 0, srcTo: srcMiddle + OVERLAP, tgtFrom: 0, tgtTo: tgtMiddle + tgtOverlap };
    const ours = { srcFrom: srcMiddle - OVERLAP, srcTo: src.length, tgtFrom: tgtMiddle - tgtOverlap, tgtTo: tgt.length };
    const quotes = quoteGuidance(anchors, doc);
    const sentences = translatedSentences(stats, anchors);
    const guide = (part: Span): Guidance => ({ stats, lengths, quotes, sentences, anchors: anchorsIn(anchors, part) });
    // The worker weighs its half's words again, the same since rarities are the whole's: since
    // sentences are weighed in one loop, that costs less than copying the weights (a fifth of a
    // second of this thread's time, and more of the worker's to rebuild them).
    const theirPath = worker.ask<Bead[]>({ kind: 'first', doc: documentPart(doc, theirs), guide: guide(theirs) });
    const ownDoc = documentPart(doc, ours);
    const ownPath = firstPass(ownDoc, guide(ours), {}, lexicalScorer(ownDoc, stats, featuresPart(features, ours)));
    const path = stitch(await theirPath, ownPath.path.map((b) => shifted(b, ours)), srcMiddle, tgtMiddle);
    if (!path) return alignSegmented(doc);
    const learned = learnFromPath(doc, path);
    const characters = learnCharacterTable(path, doc.srcHan, doc.tgtStems);
    const theirBeads = worker.ask<ScoredBead[]>({ kind: 'second', learned, characters });
    const ownBeads = ownPath.secondPass(learned, characters).map((b) => shifted(b, ours));
    return stitch(await theirBeads, ownBeads, srcMiddle, tgtMiddle) ?? alignSegmented(doc);
  } finally {
    void worker.terminate();
  }
}

/**
 * The target sentence that the anchors within MIDDLE_WINDOW source sentences of `at` put opposite
 * it, if any: the two sides' halfway points by characters can lie hundreds of sentences apart,
 * more than the halves overlap.
 */
function counterpart(anchors: AnchorCandidate[], at: number, slope: number): number | undefined {
  const opposite = anchors
    .filter((a) => Math.abs(a.src - at) <= MIDDLE_WINDOW)
    .map((a) => a.tgt + (at - a.src) * slope)
    .sort((x, y) => x - y);
  return opposite.length > 0 ? Math.round(opposite[opposite.length >> 1]!) : undefined;
}

/** The anchors that lie inside a part of the document, in the part's own indices. */
function anchorsIn(anchors: AnchorCandidate[], part: Span): AnchorCandidate[] {
  return anchors
    .filter((a) => a.src >= part.srcFrom && a.src < part.srcTo && a.tgt >= part.tgtFrom && a.tgt < part.tgtTo)
    .map((a) => ({ ...a, src: a.src - part.srcFrom, tgt: a.tgt - part.tgtFrom }));
}

function halfwayByCharacters(sentences: string[]): number {
  const total = sentences.reduce((n, s) => n + s.length, 0);
  let seen = 0;
  for (let k = 0; k < sentences.length; k++) {
    seen += sentences[k]!.length;
    if (seen >= total / 2) return k + 1;
  }
  return sentences.length;
}

// A worker that answers each request with one message (see align-worker.ts).
function partWorker() {
  // Run from the bundle of the command line (see build-cli-bundle.ts), the worker is bundled beside it.
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = startWorker(new URL(fromSources ? './align-worker.ts' : './align-worker.mjs', import.meta.url));
  return {
    ask: <T>(request: PartRequest) => new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`align worker exited with code ${code}`)));
      worker.postMessage(request);
    }),
    terminate: () => worker.terminate(),
  };
}

function shifted<B extends Bead>(b: B, part: Span): B {
  return { ...b, src: b.src.map((i) => i + part.srcFrom), tgt: b.tgt.map((j) => j + part.tgtFrom) };
}

/**
 * Joins the first path's beads up to a bead boundary that the second path also passes through,
 * choosing the shared boundary nearest the middle; undefined if the paths never meet.
 */
export function stitch<B extends Bead>(first: B[], second: B[], srcMiddle: number, tgtMiddle: number): B[] | undefined {
  const key = (i: number, j: number) => `${i},${j}`;
  const boundaries = new Map<string, number>();
  let i = 0;
  let j = 0;
  first.forEach((b, k) => {
    i += b.src.length;
    j += b.tgt.length;
    boundaries.set(key(i, j), k + 1);
  });
  let best: { firstCount: number; secondFrom: number; distance: number } | undefined;
  for (let k = 0; k < second.length; k++) {
    const b = second[k]!;
    const si = b.src[0] ?? nextIndex(second, k, 'src');
    const sj = b.tgt[0] ?? nextIndex(second, k, 'tgt');
    const firstCount = boundaries.get(key(si, sj));
    if (firstCount === undefined) continue;
    const distance = Math.abs(si - srcMiddle) + Math.abs(sj - tgtMiddle);
    if (!best || distance < best.distance) best = { firstCount, secondFrom: k, distance };
  }
  return best && [...first.slice(0, best.firstCount), ...second.slice(best.secondFrom)];
}

// Where a bead with an empty side starts on that side: the first index some later bead uses.
function nextIndex(beads: Bead[], from: number, side: 'src' | 'tgt'): number {
  for (let k = from; k < beads.length; k++) {
    const first = beads[k]![side][0];
    if (first !== undefined) return first;
  }
  for (let k = from - 1; k >= 0; k--) {
    const last = beads[k]![side].at(-1);
    if (last !== undefined) return last + 1;
  }
  return 0;
}
