// Use case: the memory matches, glossary terms and 100 % suggestion the pair editor shows for one row.

import type { GlossaryRow } from '../db/glossary-repo.ts';
import type { Tx } from '../db/store.ts';
import { matchAids, rowTerms, suggestion, type EditorAids } from '../domain/editor-aids.ts';
import type { TranslationMemory } from './translation-memory.ts';

// Ctrl+1…9 reach nine; five keep the editor short, and matches under 70 % are not shown at all.
const SHOWN_MATCHES = 5;

export function editorAids(memory: TranslationMemory) {
  return {
    /** Reads the memory in `tx`; `terms` is the glossary, as the row's QA checks read it in the same transaction. */
    async of(tx: Tx, row: { id: number; src: string; tgt: string; state: number | null }, visible: () => Promise<(documentId: number) => boolean>, terms: GlossaryRow[]): Promise<EditorAids> {
      const matches = matchAids(row.src, await memory.matches(tx, row.src, { exclude: `pair:${row.id}`, visible, limit: SHOWN_MATCHES }));
      return { matches, terms: rowTerms(row.src, terms), suggestion: suggestion(row, matches) };
    },
  };
}
export type EditorAidsService = ReturnType<typeof editorAids>;
