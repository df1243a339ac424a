// Document-wide figures every page shows (the QA length norm, post-edit effort), kept up to date by
// re-reading only the pairs revised since the last look: under twenty people saving, recomputing them
// from every pair on every page view cost more than the rest of the page.

import type { Db } from '../db/open-database.ts';
import { documentsRepo, type PairFiguresRow } from '../db/documents-repo.ts';
import { lengthNormOf, type LengthNorm } from '../domain/qa-checks.ts';
import { pairEdits, sumEdits, type PairEdits, type PostEditEffort } from '../domain/edit-distance.ts';

interface PairFigures {
  lengths: { src: number; tgt: number } | null;
  edits: PairEdits | null;
}

interface Cached {
  version: number | null;
  revision: number;
  pairs: Map<number, PairFigures>;
  norm: LengthNorm;
  effort: PostEditEffort;
}

// The same selection as before the cache: translated pairs count for the norm, worked ones for the effort.
function figuresOf(row: PairFiguresRow): PairFigures {
  if (row.noise) return { lengths: null, edits: null };
  return {
    lengths: row.tgt !== '' ? { src: row.src_chars, tgt: [...row.tgt.trim()].length } : null,
    edits: row.mt !== '' && (row.state ?? 0) >= 20 ? pairEdits({ mt: row.mt, final: row.tgt, seconds: row.seconds }) : null,
  };
}

function summarise(pairs: Map<number, PairFigures>): { norm: LengthNorm; effort: PostEditEffort } {
  const lengths: { src: number; tgt: number }[] = [];
  const edits: PairEdits[] = [];
  for (const p of pairs.values()) {
    if (p.lengths) lengths.push(p.lengths);
    if (p.edits) edits.push(p.edits);
  }
  return { norm: lengthNormOf(lengths), effort: sumEdits(edits) };
}

export function documentFigures(db: Db) {
  const repo = documentsRepo(db);
  const cache = new Map<number, Cached>();

  return {
    /** The length norm and the effort as of now; reads only what changed since the last call. */
    of(documentId: number): { norm: LengthNorm; effort: PostEditEffort } {
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
      return { norm: cached.norm, effort: cached.effort };
    },
  };
}
export type DocumentFigures = ReturnType<typeof documentFigures>;
