// SQL for glossary terms.

import type { Db } from './open-database.ts';
import { likeSubstring } from './concordance-repo.ts';

export interface GlossaryRow {
  id: number;
  zh: string;
  en: string;
  note: string | null;
  /** The user who added it; null for entries from before authors were kept, or whose author was deleted. */
  added_by: number | null;
}

/** Entries holding @like in a term or the note; English letters in any case (lower() folds ASCII, as SQLite's LIKE does). */
const FOUND = "(zh LIKE @like ESCAPE '\\' OR lower(en) LIKE lower(@like) ESCAPE '\\' OR lower(coalesce(note, '')) LIKE lower(@like) ESCAPE '\\')";

export interface TermsAndNote {
  zh: string;
  en: string;
  note: string | null;
}

export function glossaryRepo(db: Db) {
  const q = {
    list: db.prepare('SELECT id, zh, en, note, added_by FROM glossary_terms ORDER BY zh, en'),
    find: db.prepare(`SELECT id, zh, en, note, added_by FROM glossary_terms WHERE ${FOUND} ORDER BY zh, en LIMIT @limit OFFSET @offset`),
    countFound: db.prepare(`SELECT count(*) FROM glossary_terms WHERE ${FOUND}`).pluck(),
    update: db.prepare('UPDATE glossary_terms SET zh = ?, en = ?, note = ? WHERE id = ?'),
    updateSeen: db.prepare("UPDATE glossary_terms SET zh = ?, en = ?, note = ? WHERE id = ? AND zh = ? AND en = ? AND coalesce(note, '') = ?"),
    insert: db.prepare('INSERT INTO glossary_terms (zh, en, note, added_by) VALUES (?, ?, ?, ?) ON CONFLICT (zh, en) DO UPDATE SET note = coalesce(excluded.note, glossary_terms.note)'),
    entry: db.prepare('SELECT id, zh, en, note, added_by FROM glossary_terms WHERE id = ?'),
    byTerms: db.prepare('SELECT id, zh, en, note, added_by FROM glossary_terms WHERE zh = ? AND en = ?'),
    // The pairs as one JSON array of [zh, en]: one statement, however many.
    byTermsMany: db.prepare(`SELECT g.id, g.zh, g.en, g.note, g.added_by FROM json_each(?) t
      JOIN glossary_terms g ON g.zh = t.value ->> 0 AND g.en = t.value ->> 1`),
    remove: db.prepare('DELETE FROM glossary_terms WHERE id = ?'),
    count: db.prepare('SELECT count(*) FROM glossary_terms').pluck(),
    generation: db.prepare("SELECT value FROM change_counters WHERE name = 'glossary'").pluck(),
  };
  return {
    list: () => q.list.all() as GlossaryRow[],
    /** A new entry is the adder's; an existing pair of terms keeps its author, and its note unless a new one is given. */
    upsert: (zh: string, en: string, note: string | null, addedBy: number | null) => q.insert.run(zh, en, note, addedBy),
    /** Many upserts, as `upsert`; each pair of terms at most once. */
    upsertMany: (entries: TermsAndNote[], addedBy: number | null) => {
      for (const e of entries) q.insert.run(e.zh, e.en, e.note, addedBy);
    },
    /** The entries of these pairs of terms that exist, in no particular order. */
    byTermsMany: (terms: { zh: string; en: string }[]) => q.byTermsMany.all(JSON.stringify(terms.map((t) => [t.zh, t.en]))) as GlossaryRow[],
    /** One page of the entries whose terms or note hold `text` ('' finds all), in the list's order. */
    find: (text: string, limit: number, offset: number) => q.find.all({ like: likeSubstring(text), limit, offset }) as GlossaryRow[],
    countFound: (text: string) => q.countFound.get({ like: likeSubstring(text) }) as number,
    /** Changes an entry's terms and note; its author stays. */
    update: (id: number, zh: string, en: string, note: string | null) => q.update.run(zh, en, note, id).changes,
    /** As update, only while the entry still holds what the editor was opened on (`seen`): 0 when it changed since. */
    updateSeen: (id: number, seen: TermsAndNote, zh: string, en: string, note: string | null) =>
      q.updateSeen.run(zh, en, note, id, seen.zh, seen.en, seen.note ?? '').changes,
    entry: (id: number) => q.entry.get(id) as GlossaryRow | undefined,
    byTerms: (zh: string, en: string) => q.byTerms.get(zh, en) as GlossaryRow | undefined,
    remove: (id: number) => q.remove.run(id).changes,
    count: () => q.count.get() as number,
    /** Moves with every change to the terms (migration 026's triggers). */
    generation: () => q.generation.get() as number,
  };
}
export type GlossaryRepo = ReturnType<typeof glossaryRepo>;
