// SQL for the concordance: where a word or phrase occurs in pairs' Chinese and English and in memory units, among the
// pairs of documents a user may open (see migrations/019-concordance.sql for the table and its index).

import type { Db } from './open-database.ts';
import { visibleTo } from './access-repo.ts';

export interface ConcordanceQuery {
  /** The text to find, as typed: matched literally, ASCII case ignored. */
  text: string;
  userId: number | null;
  /** Every document is open to an admin (and to the command line). */
  admin: boolean;
  /** Rows after this id: the previous page's `id` of its last row, 0 for the first page. */
  after: number;
  limit: number;
}

export interface ConcordanceRow {
  id: number;
  src: string;
  tgt: string;
  /** Null for a memory unit. */
  pair_id: number | null;
  document_id: number | null;
  /** The pair's 0-based row in its document. */
  row_idx: number | null;
  /** The document's title, or the memory file's for a unit. */
  title: string;
}

/**
 * A query of one or two characters is looked up by its occurrences: those of the indexed trigrams that start with it
 * (each side is indexed with two U+0003 after it, so every occurrence starts one). Past this many the text is
 * everywhere, and a scan of the table, which stops at the page's last hit, is quicker than reading them all.
 */
const MAX_OCCURRENCES = 20_000;

/** `text` as a LIKE pattern for a substring, its wildcards and the escape character taken literally (ESCAPE '\'). */
export const likeSubstring = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** `text` as one FTS5 phrase: inside double quotes every character is literal but the quote itself, doubled. */
const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The columns of a hit and the rows it needs, from alias c (concordance_texts). */
export const HIT_COLUMNS = `c.id, c.src, c.tgt, c.pair_id, p.document_id, p.idx AS row_idx, coalesce(d.title, u.origin) AS title`;
export const HIT_JOINS = `LEFT JOIN pairs p ON p.id = c.pair_id LEFT JOIN documents d ON d.id = p.document_id
  LEFT JOIN tm_units u ON u.id = c.tm_unit_id`;
/** A memory unit, or a pair that is no page noise, of a document out of the trash that the user may open. */
export const hitVisible = (admin: string, user: string) =>
  `(c.tm_unit_id IS NOT NULL OR (p.noise = 0 AND d.trashed_at IS NULL AND (${admin} = 1 OR ${visibleTo('d', user)})))`;

export function concordanceRepo(db: Db) {
  const q = {
    indexed: db.prepare(`SELECT ${HIT_COLUMNS} FROM concordance_index f JOIN concordance_texts c ON c.id = f.rowid ${HIT_JOINS}
      WHERE concordance_index MATCH @match AND f.rowid > @after AND ${hitVisible('@admin', '@user')} ORDER BY f.rowid LIMIT @limit`),
    // The trigram index folds case; its terms are in code-point order, so a prefix is a range.
    occurrences: db.prepare(`SELECT doc FROM concordance_occurrences WHERE term >= @prefix AND term < @prefix || char(1114111)
      LIMIT ${MAX_OCCURRENCES + 1}`).pluck(),
    among: db.prepare(`SELECT ${HIT_COLUMNS} FROM concordance_texts c ${HIT_JOINS}
      WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.id > @after AND ${hitVisible('@admin', '@user')} ORDER BY c.id LIMIT @limit`),
    scanned: db.prepare(`SELECT ${HIT_COLUMNS} FROM concordance_texts c ${HIT_JOINS}
      WHERE (c.src LIKE @like ESCAPE '\\' OR c.tgt LIKE @like ESCAPE '\\') AND c.id > @after AND ${hitVisible('@admin', '@user')}
      ORDER BY c.id LIMIT @limit`),
  };
  return {
    /** Up to `limit` rows holding the text on either side, in the order they were written. */
    search(query: ConcordanceQuery): ConcordanceRow[] {
      const common = { after: query.after, limit: query.limit, admin: query.admin ? 1 : 0, user: query.userId };
      if ([...query.text].length >= 3) return q.indexed.all({ ...common, match: ftsPhrase(query.text) }) as ConcordanceRow[];
      const ids = q.occurrences.all({ prefix: query.text.toLowerCase() }) as number[];
      if (ids.length > MAX_OCCURRENCES) return q.scanned.all({ ...common, like: likeSubstring(query.text) }) as ConcordanceRow[];
      return ids.length ? q.among.all({ ...common, ids: JSON.stringify(ids) }) as ConcordanceRow[] : [];
    },
  };
}
export type ConcordanceRepo = ReturnType<typeof concordanceRepo>;
