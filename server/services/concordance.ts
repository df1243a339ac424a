// Concordance: a word or phrase, Chinese or English, looked up across the memory and every document the user may open,
// each hit in its context with the other side of its pair and where it stands.

import type { Store } from '../db/store.ts';
import type { ConcordanceRow } from '../db/concordance-repo.ts';
import type { Actor } from './document-access.ts';
import { keywordInContext, type KeywordInContext } from '../domain/keyword-in-context.ts';
import { NOT_XML_CHAR } from '../domain/control-characters.ts';
import { ValidationError } from '../domain/errors.ts';
import { longerThan } from '../domain/text-length.ts';

export const CONCORDANCE_PAGE = 50;
export const MAX_QUERY_CHARS = 100;
/** Characters of context either side of a hit. */
const CONTEXT_CHARS = 40;

export interface ConcordanceHit {
  /** Where the next page starts when this is the last hit. */
  id: number;
  /** Null for a memory unit. */
  documentId: number | null;
  pairId: number | null;
  /** The pair's row in its document, from 1. */
  row: number | null;
  /** The document's title, or the memory file's. */
  title: string;
  /** The side the hit is on, and the hit in its context; the other side whole. */
  side: 'src' | 'tgt';
  context: KeywordInContext;
  other: string;
}

export interface ConcordancePage {
  query: string;
  hits: ConcordanceHit[];
  /** The `after` of the next page; null when this is the last. */
  next: number | null;
}

/** The query as the user typed it, trimmed; refused when empty, too long or holding a control character. */
export function concordanceQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) throw new ValidationError('Type a word or phrase to look up.', 'concordance.errors.empty');
  if (longerThan(text, MAX_QUERY_CHARS)) {
    throw new ValidationError(`Look up at most ${MAX_QUERY_CHARS} characters at a time.`, 'concordance.errors.tooLong', { max: MAX_QUERY_CHARS });
  }
  if (NOT_XML_CHAR.test(text)) throw new ValidationError('The search text holds a control character.', 'concordance.errors.control');
  return text;
}

function pageStart(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new ValidationError('The page of results to show must be a whole number.', 'concordance.errors.page');
  }
  return Number(raw);
}

/** The hit on the side that holds it (the Chinese first); a pair whose case folding differs shows its Chinese uncut. */
function hit(row: ConcordanceRow, query: string): ConcordanceHit {
  const src = keywordInContext(row.src, query, CONTEXT_CHARS);
  const tgt = src ? undefined : keywordInContext(row.tgt, query, CONTEXT_CHARS);
  return {
    id: row.id, documentId: row.document_id, pairId: row.pair_id, row: row.row_idx === null ? null : row.row_idx + 1, title: row.title,
    side: tgt ? 'tgt' : 'src', context: src ?? tgt ?? { left: '', hit: '', right: row.src }, other: tgt ? row.src : row.tgt,
  };
}

export function concordance(store: Store) {
  return {
    /** One page of hits for `q`, starting after the hit `after` names. */
    async search(user: Actor, request: { q: unknown; after?: unknown }): Promise<ConcordancePage> {
      const query = concordanceQuery(request.q);
      const after = pageStart(request.after);
      const rows = await store.read((tx) => tx.concordance.search({
        text: query, userId: user.id, admin: user.role === 'admin', after, limit: CONCORDANCE_PAGE + 1,
      }));
      const hits = rows.slice(0, CONCORDANCE_PAGE).map((row) => hit(row, query));
      return { query, hits, next: rows.length > CONCORDANCE_PAGE ? hits.at(-1)!.id : null };
    },
  };
}
export type Concordance = ReturnType<typeof concordance>;
