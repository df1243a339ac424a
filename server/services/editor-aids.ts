// Use case: the memory matches, glossary terms and 100 % suggestion the pair editor shows for one row.

import type { Db } from '../db/open-database.ts';
import { glossaryRepo } from '../db/glossary-repo.ts';
import { matchAids, rowTerms, suggestion, type EditorAids } from '../domain/editor-aids.ts';
import type { TranslationMemory } from './translation-memory.ts';

// Ctrl+1…9 reach nine; five keep the editor short, and matches under 70 % are not shown at all.
const SHOWN_MATCHES = 5;

export function editorAids(db: Db, memory: TranslationMemory) {
  const glossary = glossaryRepo(db);
  return {
    of(row: { id: number; src: string; tgt: string; state: number | null }, visible: (documentId: number) => boolean): EditorAids {
      const matches = matchAids(row.src, memory.matches(row.src, { exclude: `pair:${row.id}`, visible, limit: SHOWN_MATCHES }));
      return { matches, terms: rowTerms(row.src, glossary.list()), suggestion: suggestion(row, matches) };
    },
  };
}
export type EditorAidsService = ReturnType<typeof editorAids>;
