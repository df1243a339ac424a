// Use case: the memory matches, glossary terms and 100 % suggestion the pair editor shows for one row.

import type { Store } from '../db/store.ts';
import { matchAids, rowTerms, suggestion, type EditorAids } from '../domain/editor-aids.ts';
import type { TranslationMemory } from './translation-memory.ts';

// Ctrl+1…9 reach nine; five keep the editor short, and matches under 70 % are not shown at all.
const SHOWN_MATCHES = 5;

export function editorAids(store: Store, memory: TranslationMemory) {
  return {
    async of(row: { id: number; src: string; tgt: string; state: number | null }, visible: (documentId: number) => boolean): Promise<EditorAids> {
      const matches = matchAids(row.src, await memory.matches(row.src, { exclude: `pair:${row.id}`, visible, limit: SHOWN_MATCHES }));
      const terms = await store.read((tx) => tx.glossary.list());
      return { matches, terms: rowTerms(row.src, terms), suggestion: suggestion(row, matches) };
    },
  };
}
export type EditorAidsService = ReturnType<typeof editorAids>;
