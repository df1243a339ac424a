// One read transaction shared by the kept caches a request asks (rows, figures, memory, glossary): each
// document's generation and the glossary are read once in it, so a page is one round of statements on one
// snapshot, not one transaction per cache.

import type { Store, Tx } from '../db/store.ts';
import type { GenerationParts } from '../db/documents-repo.ts';
import type { GlossaryRow } from '../db/glossary-repo.ts';

/** A document's position in its history: `version` moves with every alignment change (null: no such document), `revision` with every save. */
export type Generation = GenerationParts;

/** The glossary as last read, kept between requests by whoever makes the scopes (one per store). */
export interface KeptGlossary {
  glossary?: { generation: number; terms: GlossaryRow[] };
}

export interface ReadScope {
  tx: Tx;
  generation(documentId: number): Promise<Generation>;
  glossary(): Promise<GlossaryRow[]>;
}

export function readScope(tx: Tx, kept: KeptGlossary = {}): ReadScope {
  const generations = new Map<number, Promise<Generation>>();
  let glossary: Promise<GlossaryRow[]> | undefined;
  return {
    tx,
    generation(documentId) {
      let known = generations.get(documentId);
      if (!known) generations.set(documentId, (known = Promise.resolve(tx.documents.generationParts(documentId))));
      return known;
    },
    // The terms are read again only when their counter moved; a document's generation already read in this
    // snapshot carries the counter. Two requests may store in either order: each stores a counter with the terms
    // of the same snapshot, so a stale pair is only read again.
    glossary: () => (glossary ??= (async () => {
      const [read] = generations.values();
      const generation = read ? (await read).glossary : await tx.glossary.generation();
      if (kept.glossary?.generation !== generation) kept.glossary = { generation, terms: await tx.glossary.list() };
      return kept.glossary.terms;
    })()),
  };
}

/** Runs `work` in one read transaction of `store`, with the scope on it; `kept` holds the glossary between calls. */
export const inReadScope = <T>(store: Store, work: (scope: ReadScope) => T, kept?: KeptGlossary): Promise<Awaited<T>> =>
  store.read((tx) => work(readScope(tx, kept)));
