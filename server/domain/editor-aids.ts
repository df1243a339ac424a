// What the pair editor offers besides the texts: memory matches with what differs in their source, the row's glossary terms.

import { diffTexts, type DiffPart } from './text-diff.ts';
import { State } from './types.ts';

export interface MatchAid {
  src: string;
  tgt: string;
  similarity: number;
  /** Same source as the row: the match can stand as it is. */
  exact: boolean;
  /** From the match's source to this row's source: what the translator has to change in the match. */
  diff: DiffPart[];
  /** The texts were too long to compare exactly: `similarity` is a lower bound and `diff` shows the changed part whole. */
  approximate: boolean;
  /** The memory file's title for a loaded unit, the document's for an approved pair. */
  origin: string;
  /** A unit loaded from a TMX file (whatever it claimed), not a pair a reviewer here approved. */
  fromFile: boolean;
}

export interface TermAid {
  zh: string;
  en: string;
  note: string | null;
}

export interface EditorAids {
  matches: MatchAid[];
  terms: TermAid[];
  /** A 100 % match's English offered in the box, unsaved, for a row no person has translated yet. */
  suggestion?: string;
}

type MemoryMatch = Pick<MatchAid, 'src' | 'tgt' | 'similarity' | 'approximate' | 'origin' | 'fromFile'>;

export function matchAids(src: string, matches: MemoryMatch[]): MatchAid[] {
  return matches.map((m) => {
    const exact = m.src.trim() === src.trim();
    const diff = exact ? { parts: [], approximate: false } : diffTexts(m.src, src, 'zh');
    return {
      src: m.src, tgt: m.tgt, similarity: exact ? 1 : m.similarity, exact, diff: diff.parts,
      approximate: !exact && (m.approximate || diff.approximate), origin: m.origin, fromFile: m.fromFile,
    };
  });
}

/** The glossary terms found in the source, in the order they first occur there, each once. */
export function rowTerms(src: string, glossary: TermAid[]): TermAid[] {
  const found = new Map<string, { term: TermAid; at: number }>();
  for (const t of glossary) {
    const term = { zh: t.zh.trim(), en: t.en.trim(), note: t.note };
    const at = term.zh && term.en ? src.indexOf(term.zh) : -1;
    const key = `${term.zh}\u0000${term.en}`;
    if (at >= 0 && !found.has(key)) found.set(key, { term, at });
  }
  return [...found.values()].sort((a, b) => a.at - b.at).map(({ term }) => term);
}

/** The first exact match's English, when the row is not yet translated by a person and does not already read so. */
export function suggestion(row: { tgt: string; state: number | null }, matches: MatchAid[]): string | undefined {
  const exact = matches.find((m) => m.exact);
  if (!exact || (row.state ?? State.untranslated) >= State.translated || row.tgt === exact.tgt) return undefined;
  return exact.tgt;
}
