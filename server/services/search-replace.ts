// Use cases of search and replace in a document: a preview of every change, then the changes the user saw applied
// as one batch of saves.

import type { Store } from '../db/store.ts';
import type { PairTextsRow } from '../db/edit-batches-repo.ts';
import { planReplace, type ReplacePlan, type ReplaceQuery, type ReplaceRow } from '../domain/replace-text.ts';
import { runWithin } from '../domain/run-within.ts';
import { ValidationError } from '../domain/errors.ts';
import { writeBatch, type BatchResult } from './edit-batch.ts';
import type { User } from './accounts.ts';

/** A user's pattern may backtrack without end: the whole document's search gets this long. */
export const SEARCH_TIME_LIMIT_MS = 1000;

const asRow = (r: PairTextsRow): ReplaceRow => ({ id: r.id, index: r.idx, version: r.version, state: r.state, src: r.src_text, tgt: r.tgt_text });

export function searchReplace(store: Store, timeLimitMs = SEARCH_TIME_LIMIT_MS) {
  const plan = async (documentId: number, q: ReplaceQuery) => {
    const rows = (await store.read((tx) => tx.batches.documentTexts(documentId))).map(asRow);
    return { rows, plan: runWithin(timeLimitMs, () => planReplace(rows, q), 'replace.tooSlow') };
  };
  return {
    preview: async (documentId: number, q: ReplaceQuery): Promise<ReplacePlan> => (await plan(documentId, q)).plan,

    /** Applies the changes of the rows the user previewed (`seen`: pair id → version); rows changed since are left. */
    async apply(user: User, documentId: number, q: ReplaceQuery, seen: ReadonlyMap<number, number>): Promise<BatchResult> {
      if (q.side === 'zh') throw new ValidationError('The Chinese source is only searched, never replaced: it is what the rows are aligned on.', 'replace.chineseReadOnly');
      const { rows, plan: p } = await plan(documentId, q);
      return writeBatch(store, user, documentId, { kind: 'replace', find: q.find, replace: q.replace, regex: q.regex, matchCase: q.matchCase },
        p.changes, seen, new Map(rows.map((r) => [r.id, r.index])));
    },
  };
}
export type SearchReplace = ReturnType<typeof searchReplace>;
