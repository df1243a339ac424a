// Pages of a document's rows, kept between requests and brought up to date by re-reading only the pairs
// revised since (every text change writes a revision; every alignment change bumps the document's
// version, which starts the cache again). Under twenty people working, reading 200 rows and their
// sentences from SQLite for every page view was the largest single cost.

import type { Db } from '../db/open-database.ts';
import { documentsRepo } from '../db/documents-repo.ts';
import { documents, type PairView } from './documents.ts';

// Rows kept per document; past it the document's cache starts again rather than grow.
const ROW_LIMIT = 20_000;

interface Cached {
  version: number;
  revision: number;
  byIndex: Map<number, PairView>;
  indexOf: Map<number, number>;
  /** The number of rows, once a short page has shown where the document ends. */
  end: number | undefined;
}

export function documentRows(db: Db) {
  const repo = documentsRepo(db);
  const docs = documents(db);
  const cache = new Map<number, Cached>();

  function keep(c: Cached, rows: PairView[]) {
    if (c.byIndex.size + rows.length > ROW_LIMIT) {
      c.byIndex.clear();
      c.indexOf.clear();
    }
    for (const row of rows) {
      const old = c.indexOf.get(row.id);
      if (old !== undefined && c.byIndex.get(old)?.id === row.id) c.byIndex.delete(old);
      c.byIndex.set(row.index, row);
      c.indexOf.set(row.id, row.index);
    }
  }

  /** The document's cache, current as of now; undefined when the document does not exist. */
  function current(documentId: number): Cached | undefined {
    // The generation is read before any row: a save landing in between is simply read again next time.
    const { revision, version } = repo.generationParts(documentId);
    if (version === null) {
      cache.delete(documentId);
      return undefined;
    }
    let c = cache.get(documentId);
    if (!c || c.version !== version) {
      c = { version, revision, byIndex: new Map(), indexOf: new Map(), end: undefined };
      cache.set(documentId, c);
    } else if (revision > c.revision) {
      const known = repo.revisedPairIds(documentId, c.revision).filter((id) => c!.indexOf.has(id));
      if (known.length) keep(c, docs.pairsByIds(known));
      c.revision = revision;
    }
    return c;
  }

  return {
    /** Rows `offset` to `offset + limit - 1` (fewer at the end), as `documents.pairs` gives them. */
    page(documentId: number, offset: number, limit: number): PairView[] {
      const c = current(documentId);
      if (!c) return docs.pairs(documentId, offset, limit); // throws the 404
      const stop = Math.min(offset + limit, c.end ?? Infinity);
      const rows: PairView[] = [];
      for (let i = offset; i < stop; i++) {
        const row = c.byIndex.get(i);
        if (!row) break;
        rows.push(row);
      }
      if (rows.length === Math.max(0, stop - offset)) return rows;
      const fresh = docs.pairs(documentId, offset, limit);
      if (fresh.length < limit) c.end = offset + fresh.length;
      keep(c, fresh);
      return fresh;
    },
  };
}
export type DocumentRows = ReturnType<typeof documentRows>;
