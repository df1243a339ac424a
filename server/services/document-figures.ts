// Document-wide figures every page shows (counts, the QA length norm, post-edit effort), kept up to date by
// re-reading only the pairs revised since the last look: under twenty people saving, recomputing them
// from every pair on every page view cost more than the rest of the page.

import type { PairFiguresRow } from '../db/documents-repo.ts';
import { lengthLog, normOfLogs, type LengthNorm } from '../domain/qa-checks.ts';
import { CellBudget, EffortSum, pairEdits, type PostEditEffort } from '../domain/edit-distance.ts';
import type { StateCounts } from './documents.ts';
import type { ReadScope } from './read-scope.ts';

/** The counts a document summary shows, as the summary query of documents-repo computes them. */
export interface DocumentCounts {
  pairCount: number;
  noiseCount: number;
  srcSegmentCount: number;
  tgtSegmentCount: number;
  counts: StateCounts;
}

interface Figures {
  norm: LengthNorm;
  effort: PostEditEffort;
  counts: DocumentCounts;
}

interface Cached extends Figures {
  version: number | null;
  revision: number;
  columns: FigureColumns;
}

/**
 * Each pair's share of the figures in typed columns, one slot per pair in the order of the first read: summing
 * columns after every save costs microseconds where walking a map of objects cost a millisecond per 5,000
 * pairs, and the sums run in the same order as over a fresh read, so they give the same floats.
 */
class FigureColumns {
  private readonly slots = new Map<number, number>();
  private readonly noise: Uint8Array;
  private readonly state: Int16Array;
  private readonly gloss: Uint8Array;
  private readonly srcSegments: Int32Array;
  private readonly tgtSegments: Int32Array;
  /** `lengthLog` of the pair's lengths; NaN when it does not count for the norm. */
  private readonly lengthLog: Float64Array;
  private readonly worked: Uint8Array;
  private readonly edits: Float64Array;
  private readonly finalWords: Float64Array;
  private readonly changed: Uint8Array;
  private readonly approximate: Uint8Array;
  private readonly seconds: Float64Array;
  private readonly logs: Float64Array;

  /** A read spends one request's cells over every pair it figures; past them a long pair's edits are estimated. */
  constructor(rows: readonly PairFiguresRow[], budget: CellBudget) {
    const n = rows.length;
    this.noise = new Uint8Array(n);
    this.state = new Int16Array(n);
    this.gloss = new Uint8Array(n);
    this.srcSegments = new Int32Array(n);
    this.tgtSegments = new Int32Array(n);
    this.lengthLog = new Float64Array(n);
    this.worked = new Uint8Array(n);
    this.edits = new Float64Array(n);
    this.finalWords = new Float64Array(n);
    this.changed = new Uint8Array(n);
    this.approximate = new Uint8Array(n);
    this.seconds = new Float64Array(n);
    this.logs = new Float64Array(n);
    rows.forEach((row, k) => {
      this.slots.set(row.id, k);
      this.write(k, row, budget);
    });
  }

  /** Replaces a pair's figures; false for a pair this table has no slot for (the caller reads everything again). */
  update(row: PairFiguresRow, budget: CellBudget): boolean {
    const k = this.slots.get(row.id);
    if (k === undefined) return false;
    this.write(k, row, budget);
    return true;
  }

  // The same selection as before the cache: translated pairs count for the norm, worked ones for the effort.
  private write(k: number, row: PairFiguresRow, budget: CellBudget): void {
    this.noise[k] = row.noise;
    this.state[k] = row.state ?? -1;
    this.gloss[k] = row.mt_kind === 'gloss' ? 1 : 0;
    this.srcSegments[k] = row.src_segments;
    this.tgtSegments[k] = row.tgt_segments;
    this.lengthLog[k] = row.noise ? Number.NaN : lengthLog(row.src_chars, row.tgt_chars);
    const worked = !row.noise && row.mt !== null && row.tgt !== null;
    this.worked[k] = worked ? 1 : 0;
    if (!worked) return;
    const e = pairEdits({ mt: row.mt!, final: row.tgt!, seconds: row.seconds }, 'en', budget);
    this.edits[k] = e.edits;
    this.finalWords[k] = e.finalWords;
    this.changed[k] = e.changed ? 1 : 0;
    this.approximate[k] = e.approximate ? 1 : 0;
    this.seconds[k] = e.seconds;
  }

  summarise(): Figures {
    const c: DocumentCounts = { pairCount: 0, noiseCount: 0, srcSegmentCount: 0, tgtSegmentCount: 0, counts: { untranslated: 0, gloss: 0, machine: 0, translated: 0, rejected: 0, approved: 0 } };
    const effort = new EffortSum();
    let logCount = 0;
    for (let k = 0; k < this.noise.length; k++) {
      const log = this.lengthLog[k]!;
      if (!Number.isNaN(log)) this.logs[logCount++] = log;
      if (this.worked[k]) effort.add(this.edits[k]!, this.finalWords[k]!, this.changed[k] === 1, this.seconds[k]!, this.approximate[k] === 1);
      if (this.noise[k]) c.noiseCount++;
      else c.pairCount++;
      c.srcSegmentCount += this.srcSegments[k]!;
      c.tgtSegmentCount += this.tgtSegments[k]!;
      const state = this.state[k];
      if (state === 0) c.counts.untranslated++;
      else if (state === 10 && this.gloss[k]) c.counts.gloss++;
      else if (state === 10) c.counts.machine++;
      else if (state === 20) c.counts.translated++;
      else if (state === 25) c.counts.rejected++;
      else if (state === 30) c.counts.approved++;
    }
    return { norm: normOfLogs(this.logs, logCount), effort: effort.result(), counts: c };
  }
}

export function documentFigures() {
  const cache = new Map<number, Cached>();

  /**
   * The figures as of the scope's snapshot (or newer, when another request moved them on meanwhile), reading only
   * what changed since the kept ones. Requests interleave on PostgreSQL: one that read an older snapshot never
   * moves the kept figures back (they would be figured again from the pairs revised since, by every later request).
   */
  async function of(scope: ReadScope, documentId: number): Promise<Figures> {
    const known = cache.get(documentId);
    const since = known?.revision;
    const { revision, version } = await scope.generation(documentId);
    const budget = new CellBudget();
    if (known && known.version === version) {
      if (revision <= since!) return known;
      const revised = await scope.tx.documents.revisedFigures(documentId, since!);
      if (cache.get(documentId) !== known) return of(scope, documentId);
      if (known.revision >= revision) return known;
      // Moved on meanwhile to a revision between: the pairs revised since `since` hold all it lacks.
      if (revised.every((row) => known.columns.update(row, budget))) {
        Object.assign(known, { revision }, known.columns.summarise());
        return known;
      }
    }
    // A new document, or an alignment change that can add and remove pairs: start again from every pair.
    const columns = new FigureColumns(await scope.tx.documents.figures(documentId), budget);
    const fresh: Cached = { version, revision, columns, ...columns.summarise() };
    const kept = cache.get(documentId);
    const newer = kept && kept.version !== null && version !== null && (kept.version > version || (kept.version === version && kept.revision > revision));
    if (!newer) cache.set(documentId, fresh);
    return fresh;
  }

  return {
    /** The length norm, the effort and the counts as of the scope's snapshot. */
    of: async (scope: ReadScope, documentId: number): Promise<Figures> => {
      const { norm, effort, counts } = await of(scope, documentId);
      return { norm, effort, counts };
    },
  };
}
export type DocumentFigures = ReturnType<typeof documentFigures>;
