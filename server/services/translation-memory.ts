// Use cases of the translation memory: load units from files, find fuzzy matches for a Chinese sentence.

import type { Store, Tx } from '../db/store.ts';
import type { MemoryUnitRow } from '../db/memory-repo.ts';
import { bestMatches, buildMatchIndex, type MatchIndex } from '../domain/fuzzy-match.ts';
import type { MemoryExportUnit } from '../formats/tmx.ts';
import { openableFilter, type Actor } from './document-access.ts';

export interface MemoryMatch {
  src: string;
  tgt: string;
  /** The memory file's title for a loaded unit, the document's for an approved pair. */
  origin: string;
  /** A unit loaded from a TMX file (whatever it claimed), not a pair a reviewer here approved. */
  fromFile: boolean;
  similarity: number;
  /** The texts were too long to compare exactly: `similarity` is a lower bound. */
  approximate: boolean;
}

export const MIN_SIMILARITY = 0.7;

export function translationMemory(store: Store) {
  // The index is rebuilt only when the memory changed since it was built.
  let cache: { generation: string; units: Map<string, MemoryUnitRow>; index: MatchIndex<string> } | undefined;

  async function index(tx: Tx) {
    const generation = await tx.memory.generation();
    if (cache?.generation !== generation) {
      const rows = await tx.memory.all();
      const units = new Map(rows.filter((u) => u.src && u.tgt).map((u) => [u.key, u]));
      cache = { generation, units, index: buildMatchIndex([...units.values()].map((u) => ({ id: u.key, src: u.src }))) };
    }
    return cache;
  }

  return {
    /** Loads units in one transaction; returns how many. */
    async load(units: { src: string; tgt: string }[], origin: string): Promise<number> {
      const usable = units.filter((u) => u.src.trim() && u.tgt.trim());
      await store.write(async (tx) => tx.memory.insertMany(usable, origin));
      return usable.length;
    },

    /**
     * The best matches at or above 70 % similarity, leaving out the pair being edited itself and the pairs of
     * documents `visible` (read when needed) refuses: someone's private document must not surface as a suggestion. Reads in `tx`.
     */
    async matches(tx: Tx, src: string, opts: { exclude?: string; limit?: number; visible?: () => Promise<(documentId: number) => boolean> } = {}): Promise<MemoryMatch[]> {
      const { units, index: idx } = await index(tx);
      const found = bestMatches(src, idx, { min: MIN_SIMILARITY, limit: Number.MAX_SAFE_INTEGER }).filter((m) => m.id !== opts.exclude);
      const documentOf = (key: string) => units.get(key)?.document_id ?? null;
      // Who may open which document is read only when a match comes from one: most sentences have no match at all.
      const visible = opts.visible && found.some((m) => documentOf(m.id) !== null) ? await opts.visible() : undefined;
      return found
        .filter((m) => {
          const docId = documentOf(m.id);
          return docId === null || !visible || visible(docId);
        })
        .slice(0, opts.limit ?? 3)
        .map((m) => {
          const u = units.get(m.id)!;
          return { src: u.src, tgt: u.tgt, origin: u.origin, fromFile: u.document_id === null, similarity: m.similarity, approximate: m.approximate };
        });
    },

    /** The memory's units by key and its match index, as read in `tx` (kept while the memory is unchanged). */
    snapshot: (tx: Tx): Promise<{ units: ReadonlyMap<string, MemoryUnitRow>; index: MatchIndex<string> }> => index(tx),

    count: (): Promise<number> => store.read((tx) => tx.memory.count()),

    /** Every unit this user may see, for a download: loaded units, and the approved pairs of documents they may open (all for the command line). */
    exportUnits: (user: Actor): Promise<MemoryExportUnit[]> => store.read(async (tx) => {
      const { units } = await index(tx);
      const openable = await openableFilter(tx, user);
      return [...units.values()]
        .filter((u) => u.document_id === null || openable(u.document_id))
        .map((u) => ({ key: u.key, src: u.src, tgt: u.tgt, origin: u.origin, approvedHere: u.document_id !== null }));
    }),
  };
}
export type TranslationMemory = ReturnType<typeof translationMemory>;
