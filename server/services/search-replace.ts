// Use cases of search and replace in a document, on its English or its Chinese: a preview of every change, then the
// changes the user saw applied as one batch (saves of the English, or changes of the Chinese sentences).

import type { Store } from '../db/store.ts';
import type { PairTextsRow, SourceSentenceRow } from '../db/edit-batches-repo.ts';
import { planReplace, type ReplacePlan, type ReplaceQuery, type ReplaceRow } from '../domain/replace-text.ts';
import { runWithin } from '../domain/run-within.ts';
import { assertMayDo } from '../domain/review-workflow.ts';
import { writeBatch, type BatchResult } from './edit-batch.ts';
import type { User } from './accounts.ts';

/** A user's pattern may backtrack without end: the whole document's search gets this long. */
export const SEARCH_TIME_LIMIT_MS = 1000;

const asRow = (r: PairTextsRow): ReplaceRow => ({ id: r.id, index: r.idx, version: r.version, state: r.state, src: r.src_text, tgt: r.tgt_text });

// Each row with its Chinese sentences, which a replacement on that side changes one by one.
function withSentences(rows: ReplaceRow[], sentences: SourceSentenceRow[]): ReplaceRow[] {
  const byPair = new Map<number, string[]>();
  for (const s of sentences) {
    const list = byPair.get(s.pair_id);
    if (list) list.push(s.text);
    else byPair.set(s.pair_id, [s.text]);
  }
  return rows.map((r) => ({ ...r, segments: byPair.get(r.id) ?? [] }));
}

/** What a replacement would do to a document, and where each of its rows is (to name a row changed since a preview). */
export interface PlannedReplace {
  plan: ReplacePlan;
  indexOf: Map<number, number>;
}

/**
 * Reads the document's texts and plans the replacement, the user's pattern stopped after `timeLimitMs`. The matching
 * holds its thread for up to that long: the server runs it on a work thread (see threads/work-pool.ts).
 */
export async function planDocumentReplace(store: Store, documentId: number, q: ReplaceQuery, timeLimitMs = SEARCH_TIME_LIMIT_MS): Promise<PlannedReplace> {
  const rows = await store.read(async (tx) => {
    const texts = (await tx.batches.documentTexts(documentId)).map(asRow);
    return q.side === 'zh' ? withSentences(texts, await tx.batches.documentSources(documentId)) : texts;
  });
  return { plan: runWithin(timeLimitMs, () => planReplace(rows, q), 'replace.tooSlow'), indexOf: new Map(rows.map((r) => [r.id, r.index])) };
}

/** `planElsewhere`: where the planning runs when not on this thread (the server's work threads). */
export function searchReplace(store: Store, planElsewhere?: (documentId: number, q: ReplaceQuery) => Promise<PlannedReplace>) {
  const plan = (documentId: number, q: ReplaceQuery) => (planElsewhere ? planElsewhere(documentId, q) : planDocumentReplace(store, documentId, q));
  return {
    preview: async (documentId: number, q: ReplaceQuery): Promise<ReplacePlan> => (await plan(documentId, q)).plan,

    /** Applies the changes of the rows the user previewed (`seen`: pair id → version); rows changed since are left. */
    async apply(user: User, documentId: number, q: ReplaceQuery, seen: ReadonlyMap<number, number>): Promise<BatchResult> {
      // Who may save a translation may change the Chinese it is made from; a viewer may only look.
      assertMayDo(user.role, 'save');
      const { plan: p, indexOf } = await plan(documentId, q);
      return writeBatch(store, user, documentId, { kind: 'replace', find: q.find, replace: q.replace, regex: q.regex, matchCase: q.matchCase, side: q.side },
        p.changes, seen, indexOf);
    },
  };
}
export type SearchReplace = ReturnType<typeof searchReplace>;
