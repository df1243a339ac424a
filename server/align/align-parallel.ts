// Aligns long documents on two cores: halves that overlap, one in a worker thread, stitched where their paths meet.

import { Worker } from 'node:worker_threads';
import type { ScoredBead } from '../domain/types.ts';
import { align, type AlignResources } from './align.ts';

// Halves align a little worse than the whole (each learns its own word rarity and length ratio:
// Bible 003 loses 0.01 F1), so only documents long enough to threaten the time budget are split.
const PARALLEL_FROM = 60_000;
// Each half runs this far past the middle; the two paths must meet somewhere in between.
const OVERLAP = 400;

/** Same beads as `align`, give or take the stitch; long inputs use a second thread. */
export async function alignLong(src: string[], tgt: string[], resources: AlignResources): Promise<ScoredBead[]> {
  if (src.length + tgt.length < PARALLEL_FROM || src.length < 4 * OVERLAP || tgt.length < 4 * OVERLAP) return align(src, tgt, resources);
  // Halfway through the text by characters, which stay proportional across a translation far
  // better than sentence counts do.
  const srcMiddle = halfwayByCharacters(src);
  const tgtMiddle = halfwayByCharacters(tgt);
  const tgtOverlap = Math.round((OVERLAP * tgt.length) / src.length);
  const first = inWorker(src.slice(0, srcMiddle + OVERLAP), tgt.slice(0, tgtMiddle + tgtOverlap));
  const srcFrom = srcMiddle - OVERLAP;
  const tgtFrom = tgtMiddle - tgtOverlap;
  const second = align(src.slice(srcFrom), tgt.slice(tgtFrom), resources).map((b) => shifted(b, srcFrom, tgtFrom));
  return stitch(await first, second, srcMiddle, tgtMiddle) ?? align(src, tgt, resources);
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

function inWorker(src: string[], tgt: string[]): Promise<ScoredBead[]> {
  return new Promise((resolve, reject) => {
    // The worker needs the TypeScript loader this thread runs under before it imports its entry.
    const entry = new URL('./align-worker.ts', import.meta.url).href;
    const loader = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { src, tgt } });
    worker.once('message', (beads: ScoredBead[]) => {
      resolve(beads);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function shifted(b: ScoredBead, srcFrom: number, tgtFrom: number): ScoredBead {
  return { src: b.src.map((i) => i + srcFrom), tgt: b.tgt.map((j) => j + tgtFrom), score: b.score };
}

/**
 * Joins the first path's beads up to a bead boundary that the second path also passes through,
 * choosing the shared boundary nearest the middle; undefined if the paths never meet.
 */
export function stitch(first: ScoredBead[], second: ScoredBead[], srcMiddle: number, tgtMiddle: number): ScoredBead[] | undefined {
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
function nextIndex(beads: ScoredBead[], from: number, side: 'src' | 'tgt'): number {
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
