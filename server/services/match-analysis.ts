// Use case: a document's match analysis against the translation memory, for quoting and planning. The matching runs
// on a work thread (a 100,000-pair document takes seconds) and its result is kept while nothing it depends on changes.

import { createHash } from 'node:crypto';
import type { Store } from '../db/store.ts';
import type { DocumentHeaderRow } from '../db/documents-repo.ts';
import { NotFoundError } from '../domain/errors.ts';
import { bestMatches } from '../domain/fuzzy-match.ts';
import { analyseMatches, type BestMatch, type MatchAnalysis } from '../domain/match-analysis.ts';
import { openableFilter, openableKey, type Actor } from './document-access.ts';
import { MIN_SIMILARITY, type TranslationMemory } from './translation-memory.ts';

export interface DocumentAnalysis {
  doc: Pick<DocumentHeaderRow, 'id' | 'title'>;
  analysis: MatchAnalysis;
}

/** Results kept: one per document state and reader's view of the memory, the oldest dropped first. */
const KEPT = 32;

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

/** A document's lookups by the Chinese as the matcher compares it, valid while the memory and what the reader may open are. */
export type LookupMemo = (state: string) => Map<string, BestMatch | null>;

/**
 * Lookups kept between analyses (on a work thread): a save revises the document, so its kept analysis is made again,
 * but changes no lookup unless it changed the Chinese. The last `size` states are kept.
 */
export function lookupMemo(size = 2): LookupMemo {
  const memos = new Map<string, Map<string, BestMatch | null>>();
  return (state) => {
    let memo = memos.get(state);
    if (!memo) {
      memos.set(state, (memo = new Map()));
      if (memos.size > size) memos.delete(memos.keys().next().value!);
    }
    return memo;
  };
}

/**
 * Each non-noise pair's best match among the memory's units this user may see, leaving out the document's own pairs
 * (a document must not match itself). Reads in one transaction and matches outside it.
 */
export async function computeMatchAnalysis(
  store: Store, memory: TranslationMemory, documentId: number, user: Actor, memo: LookupMemo = lookupMemo(),
): Promise<MatchAnalysis> {
  const { pairs, units, index, openable, state } = await store.read(async (tx) => {
    if (!(await tx.documents.exists(documentId))) throw noDocument(documentId);
    return {
      pairs: await tx.batches.documentTexts(documentId), ...(await memory.snapshot(tx)), openable: await openableFilter(tx, user),
      state: [documentId, await tx.memory.generation(), await openableKey(tx, user)].join('|'),
    };
  });
  // Left out: the document's own approved pairs and those of documents this user may not open, usually few; a lookup
  // asks about every candidate it compares, so a set of them rather than a question to the units and the filter each time.
  const blocked = new Set<string>();
  for (const u of units.values()) if (u.document_id !== null && (u.document_id === documentId || !openable(u.document_id))) blocked.add(u.key);
  const skip = blocked.size ? (id: string) => blocked.has(id) : undefined;
  // Most pairs of a memory-heavy document are found whole: a set of the usable units' Chinese answers them without a lookup.
  const whole = new Set<string>();
  index.ids.forEach((id, k) => {
    if (!blocked.has(id)) whole.add(index.chars[k]!.join(''));
  });
  const found = memo(state);
  const lookUp = (src: string) => bestMatches(src, index, { min: MIN_SIMILARITY, limit: 1, skip })[0] ?? null;
  return analyseMatches(pairs.map((p) => ({ src: p.src_text })), (src, key) => {
    if (key && whole.has(key)) return { similarity: 1 };
    let best = found.get(key);
    if (best === undefined) found.set(key, (best = lookUp(src)));
    return best;
  });
}

/** `compute` runs `computeMatchAnalysis` where it should (the server's work threads). */
export function matchAnalysis(store: Store, compute: (documentId: number, user: Actor) => Promise<MatchAnalysis>) {
  const kept = new Map<string, Promise<MatchAnalysis>>();
  return {
    /** The analysis as of now: kept by the document's revision and alignment version, the memory's counter and what this user may open. */
    async of(user: Actor, documentId: number): Promise<DocumentAnalysis> {
      const { doc, state } = await store.read(async (tx) => {
        const header = await tx.documents.header(documentId);
        if (!header) throw noDocument(documentId);
        const g = await tx.documents.generationParts(documentId);
        const sees = createHash('sha1').update(await openableKey(tx, user)).digest('base64');
        return { doc: { id: header.id, title: header.title }, state: [documentId, g.revision, g.version, await tx.memory.generation(), sees].join('|') };
      });
      let analysis = kept.get(state);
      if (!analysis) {
        analysis = compute(documentId, user);
        kept.set(state, analysis);
        analysis.catch(() => kept.delete(state));
        if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      }
      return { doc, analysis: await analysis };
    },
  };
}
export type MatchAnalysisService = ReturnType<typeof matchAnalysis>;
