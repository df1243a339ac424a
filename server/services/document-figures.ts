// Document-wide figures every page shows (counts, the QA length norm, post-edit effort), kept up to date by
// re-reading only the pairs revised since the last look: under twenty people saving, recomputing them
// from every pair on every page view cost more than the rest of the page.

import type { Db } from '../db/open-database.ts';
import { documentsRepo, type PairFiguresRow } from '../db/documents-repo.ts';
import { lengthNormOf, type LengthNorm } from '../domain/qa-checks.ts';
import { pairEdits, sumEdits, type PairEdits, type PostEditEffort } from '../domain/edit-distance.ts';

interface PairFigures {
  noise: boolean;
  state: number | null;
  srcSegments: number;
  tgtSegments: number;
  lengths: { src: number; tgt: number } | null;
  edits: PairEdits | null;
}

/** The counts a document summary shows, as the summary query of documents-repo computes them. */
export interface DocumentCounts {
  pairCount: number;
  noiseCount: number;
  srcSegmentCount: number;
  tgtSegmentCount: number;
  counts: { untranslated: number; machine: number; translated: number; approved: number };
}

interface Figures {
  norm: LengthNorm;
  effort: PostEditEffort;
  counts: DocumentCounts;
}

interface Cached extends Figures {
  version: number | null;
  revision: number;
  pairs: Map<number, PairFigures>;
}

// The same selection as before the cache: translated pairs count for the norm, worked ones for the effort.
function figuresOf(row: PairFiguresRow): PairFigures {
  const shape = { noise: row.noise === 1, state: row.state, srcSegments: row.src_segments, tgtSegments: row.tgt_segments };
  if (row.noise) return { ...shape, lengths: null, edits: null };
  return {
    ...shape,
    lengths: row.tgt_chars > 0 ? { src: row.src_chars, tgt: row.tgt_chars } : null,
    edits: row.mt !== null && row.tgt !== null ? pairEdits({ mt: row.mt, final: row.tgt, seconds: row.seconds }) : null,
  };
}

function summarise(pairs: Map<number, PairFigures>): Figures {
  const lengths: { src: number; tgt: number }[] = [];
  const edits: PairEdits[] = [];
  const c: DocumentCounts = { pairCount: 0, noiseCount: 0, srcSegmentCount: 0, tgtSegmentCount: 0, counts: { untranslated: 0, machine: 0, translated: 0, approved: 0 } };
  for (const p of pairs.values()) {
    if (p.lengths) lengths.push(p.lengths);
    if (p.edits) edits.push(p.edits);
    if (p.noise) c.noiseCount++;
    else c.pairCount++;
    c.srcSegmentCount += p.srcSegments;
    c.tgtSegmentCount += p.tgtSegments;
    if (p.state === 0) c.counts.untranslated++;
    else if (p.state === 10) c.counts.machine++;
    else if (p.state === 20 || p.state === 25) c.counts.translated++;
    else if (p.state === 30) c.counts.approved++;
  }
  return { norm: lengthNormOf(lengths), effort: sumEdits(edits), counts: c };
}

export function documentFigures(db: Db) {
  const repo = documentsRepo(db);
  const cache = new Map<number, Cached>();

  return {
    /** The length norm, the effort and the counts as of now; reads only what changed since the last call. */
    of(documentId: number): Figures {
      // The generation is read before the pairs: a save landing in between is simply read again next time.
      const { revision, version } = repo.generationParts(documentId);
      let cached = cache.get(documentId);
      if (!cached || cached.version !== version) {
        // An alignment change can add and remove pairs: start again from every pair.
        const pairs = new Map(repo.figures(documentId).map((row) => [row.id, figuresOf(row)]));
        cached = { version, revision, pairs, ...summarise(pairs) };
        cache.set(documentId, cached);
      } else if (revision > cached.revision) {
        for (const row of repo.revisedFigures(documentId, cached.revision)) cached.pairs.set(row.id, figuresOf(row));
        Object.assign(cached, { revision }, summarise(cached.pairs));
      }
      return { norm: cached.norm, effort: cached.effort, counts: cached.counts };
    },
  };
}
export type DocumentFigures = ReturnType<typeof documentFigures>;
