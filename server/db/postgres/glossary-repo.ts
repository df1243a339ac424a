// SQL for glossary terms, on PostgreSQL (see ../glossary-repo.ts).

import type { GlossaryRow, TermsAndNote } from '../glossary-repo.ts';
import { one, rows, run, type Sql } from './connect.ts';
import { likeSubstring } from '../concordance-repo.ts';

/** Entries holding $1 in a term or the note, English letters in any case (see ../glossary-repo.ts). */
const FOUND = "(zh LIKE $1 ESCAPE '\\' OR lower(en) LIKE lower($1) ESCAPE '\\' OR lower(coalesce(note, '')) LIKE lower($1) ESCAPE '\\')";

/** Rows a statement takes at once: each is one round trip, and its arrays' size stays modest. */
const CHUNK = 5000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export function glossaryRepo(sql: Sql) {
  return {
    // Code-point order, as SQLite sorts, whatever the database's locale.
    list: () => rows<GlossaryRow>(sql, 'SELECT id, zh, en, note, added_by FROM glossary_terms ORDER BY zh COLLATE "C", en COLLATE "C"'),
    find: (text: string, limit: number, offset: number) => rows<GlossaryRow>(sql,
      `SELECT id, zh, en, note, added_by FROM glossary_terms WHERE ${FOUND} ORDER BY zh COLLATE "C", en COLLATE "C" LIMIT $2 OFFSET $3`, [likeSubstring(text), limit, offset]),
    countFound: async (text: string) => Number(await one<number>(sql, `SELECT count(*) FROM glossary_terms WHERE ${FOUND}`, [likeSubstring(text)])),
    update: async (id: number, zh: string, en: string, note: string | null) => (await run(sql,
      'UPDATE glossary_terms SET zh = $1, en = $2, note = $3 WHERE id = $4', [zh, en, note, id])).changes,
    updateSeen: async (id: number, seen: TermsAndNote, zh: string, en: string, note: string | null) => (await run(sql,
      "UPDATE glossary_terms SET zh = $1, en = $2, note = $3 WHERE id = $4 AND zh = $5 AND en = $6 AND coalesce(note, '') = $7",
      [zh, en, note, id, seen.zh, seen.en, seen.note ?? ''])).changes,
    upsertMany: async (entries: TermsAndNote[], addedBy: number | null) => {
      for (const part of chunks(entries)) {
        await run(sql, `INSERT INTO glossary_terms (zh, en, note, added_by) SELECT t.zh, t.en, t.note, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(zh, en, note)
          ON CONFLICT (zh, en) DO UPDATE SET note = coalesce(excluded.note, glossary_terms.note)`, [part.map((e) => e.zh), part.map((e) => e.en), part.map((e) => e.note), addedBy]);
      }
    },
    byTermsMany: async (terms: { zh: string; en: string }[]) => {
      const found: GlossaryRow[] = [];
      for (const part of chunks(terms)) {
        found.push(...await rows<GlossaryRow>(sql, `SELECT g.id, g.zh, g.en, g.note, g.added_by FROM glossary_terms g
          JOIN unnest($1::text[], $2::text[]) AS t(zh, en) ON g.zh = t.zh AND g.en = t.en`, [part.map((t) => t.zh), part.map((t) => t.en)]));
      }
      return found;
    },
    upsert: (zh: string, en: string, note: string | null, addedBy: number | null) => run(sql,
      'INSERT INTO glossary_terms (zh, en, note, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT (zh, en) DO UPDATE SET note = coalesce(excluded.note, glossary_terms.note)', [zh, en, note, addedBy]),
    entry: async (id: number) => (await rows<GlossaryRow>(sql, 'SELECT id, zh, en, note, added_by FROM glossary_terms WHERE id = $1', [id]))[0],
    byTerms: async (zh: string, en: string) => (await rows<GlossaryRow>(sql, 'SELECT id, zh, en, note, added_by FROM glossary_terms WHERE zh = $1 AND en = $2', [zh, en]))[0],
    remove: async (id: number) => (await run(sql, 'DELETE FROM glossary_terms WHERE id = $1', [id])).changes,
    count: async () => (await one<number>(sql, 'SELECT count(*) FROM glossary_terms'))!,
    /** Moves with every change to the terms (migration 026's trigger). */
    generation: async () => (await one<number>(sql, "SELECT value FROM change_counters WHERE name = 'glossary'"))!,
  };
}
export type GlossaryRepo = ReturnType<typeof glossaryRepo>;
