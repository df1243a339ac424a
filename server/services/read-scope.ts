// One read transaction shared by the kept caches a request asks (rows, figures, memory, glossary): each
// document's generation and the glossary are read once in it, so a page is one round of statements on one
// snapshot, not one transaction per cache.

import type { Store, Tx } from '../db/store.ts';
import type { GlossaryRow } from '../db/glossary-repo.ts';

/** A document's position in its history: `version` moves with every alignment change (null: no such document), `revision` with every save. */
export interface Generation {
  revision: number;
  version: number | null;
}

export interface ReadScope {
  tx: Tx;
  generation(documentId: number): Promise<Generation>;
  glossary(): Promise<GlossaryRow[]>;
}

export function readScope(tx: Tx): ReadScope {
  const generations = new Map<number, Promise<Generation>>();
  let glossary: Promise<GlossaryRow[]> | undefined;
  return {
    tx,
    generation(documentId) {
      let known = generations.get(documentId);
      if (!known) generations.set(documentId, (known = Promise.resolve(tx.documents.generationParts(documentId))));
      return known;
    },
    glossary: () => (glossary ??= Promise.resolve(tx.glossary.list())),
  };
}

/** Runs `work` in one read transaction of `store`, with the scope on it. */
export const inReadScope = <T>(store: Store, work: (scope: ReadScope) => T): Promise<Awaited<T>> => store.read((tx) => work(readScope(tx)));
