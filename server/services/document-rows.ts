// Pages of a document's rows, kept between requests and brought up to date by re-reading only the pairs
// revised since (every text change writes a revision; every alignment change bumps the document's
// version, which starts the cache again). Under twenty people working, reading 200 rows and their
// sentences from SQLite for every page view was the largest single cost.

import { documentReads, type PairView } from './documents.ts';
import type { ReadScope } from './read-scope.ts';

// Rows kept per document; past it the document's cache starts again rather than grow. A filtered view reads
// the whole document, so this is as many rows as the QA memo keeps (workspace.ts).
const ROW_LIMIT = 100_000;
// Rows kept over all documents: past it the documents read least recently are dropped.
const TOTAL_LIMIT = 150_000;
// Pairs revised since the last look read in one go; past it (a replace-all, an import of translations) the
// document's cache starts again, as reading the pages afresh costs less than every revised pair.
const REVISED_LIMIT = 1_000;

interface Cached {
  version: number;
  revision: number;
  byIndex: Map<number, PairView>;
  indexOf: Map<number, number>;
  /** The number of rows, once a short page has shown where the document ends. */
  end: number | undefined;
}

const never = () => false;

export function documentRows(limits = { perDocument: ROW_LIMIT, total: TOTAL_LIMIT, revised: REVISED_LIMIT }) {
  const cache = new Map<number, Cached>();

  function keep(c: Cached, rows: PairView[]) {
    if (c.byIndex.size + rows.length > limits.perDocument) {
      c.byIndex.clear();
      c.indexOf.clear();
    }
    let total = rows.length;
    for (const other of cache.values()) total += other.byIndex.size;
    // The Map's order is the order of last use (current() moves a document to its end).
    for (const [id, other] of cache) {
      if (total <= limits.total || other === c) break;
      total -= other.byIndex.size;
      cache.delete(id);
    }
    for (const row of rows) {
      const old = c.indexOf.get(row.id);
      if (old !== undefined && c.byIndex.get(old)?.id === row.id) c.byIndex.delete(old);
      c.byIndex.set(row.index, row);
      c.indexOf.set(row.id, row.index);
    }
  }

  /**
   * The document's cache, current as of the scope's snapshot or newer, and whether rows read in this snapshot may
   * still go into it (only while it stands at the snapshot); undefined when the document does not exist. Requests
   * on PostgreSQL interleave: one that read at an older revision than another's must neither move the cache back
   * nor start it again (under the bench's mix that dropped the whole cache every ~25 requests).
   */
  async function current(scope: ReadScope, documentId: number): Promise<{ c: Cached; mayKeep: () => boolean } | undefined> {
    const known = cache.get(documentId);
    const since = known?.revision;
    const { revision, version } = await scope.generation(documentId);
    if (version === null) {
      cache.delete(documentId);
      return undefined;
    }
    let revised: PairView[] | undefined;
    if (known && known.version === version && revision > since!) {
      revised = await documentReads.revisedPairs(scope.tx, documentId, since!, limits.revised);
    }
    let c = cache.get(documentId);
    if (c) {
      cache.delete(documentId);
      cache.set(documentId, c);
    }
    if (c && c.version === version) {
      // Another request brought it to this snapshot or past it: its rows are as new as this snapshot's, or newer.
      if (c.revision >= revision) return { c, mayKeep: c.revision === revision ? stillAt(documentId, c) : never };
      // The pairs revised since `since` hold every change the cache lacks up to this snapshot.
      if (revised && since! <= c.revision) {
        keep(c, revised.filter((p) => c!.indexOf.has(p.id)));
        c.revision = revision;
        return { c, mayKeep: stillAt(documentId, c) };
      }
    }
    if (c && c.version > version) {
      // An alignment change newer than this snapshot: its rows are read afresh, and the newer cache stays.
      return { c: { version, revision, byIndex: new Map(), indexOf: new Map(), end: undefined }, mayKeep: never };
    }
    c = { version, revision, byIndex: new Map(), indexOf: new Map(), end: undefined };
    cache.set(documentId, c);
    return { c, mayKeep: stillAt(documentId, c) };
  }

  // Rows read in a snapshot go into the cache only while it still stands at that snapshot: a later request may have
  // moved it on past changes to rows it did not keep, which these rows would bring back.
  function stillAt(documentId: number, c: Cached): () => boolean {
    const { version, revision } = c;
    return () => cache.get(documentId) === c && c.version === version && c.revision === revision;
  }

  return {
    /** Rows `offset` to `offset + limit - 1` (fewer at the end), as `documents.pairs` gives them. */
    async page(scope: ReadScope, documentId: number, offset: number, limit: number): Promise<PairView[]> {
      const found = await current(scope, documentId);
      if (!found) return documentReads.pairs(scope.tx, documentId, offset, limit); // throws the 404
      const { c, mayKeep } = found;
      const stop = Math.min(offset + limit, c.end ?? Infinity);
      const rows: PairView[] = [];
      for (let i = offset; i < stop; i++) {
        const row = c.byIndex.get(i);
        if (!row) break;
        rows.push(row);
      }
      if (rows.length === Math.max(0, stop - offset)) return rows;
      const fresh = await documentReads.pairs(scope.tx, documentId, offset, limit);
      if (!mayKeep()) return fresh;
      if (fresh.length < limit) c.end = offset + fresh.length;
      keep(c, fresh);
      return fresh;
    },

    /** Every row of the document, in order: the kept ones when the whole document is kept. */
    async all(scope: ReadScope, documentId: number): Promise<PairView[]> {
      const found = await current(scope, documentId);
      if (!found) return documentReads.pairs(scope.tx, documentId); // throws the 404
      const { c, mayKeep } = found;
      if (c.end !== undefined && c.byIndex.size >= c.end) {
        const rows: PairView[] = [];
        for (let i = 0; i < c.end; i++) {
          const row = c.byIndex.get(i);
          if (!row) break;
          rows.push(row);
        }
        if (rows.length === c.end) return rows;
      }
      const fresh = await documentReads.pairs(scope.tx, documentId);
      if (!mayKeep()) return fresh;
      c.end = fresh.length;
      keep(c, fresh);
      return fresh;
    },
  };
}
export type DocumentRows = ReturnType<typeof documentRows>;
