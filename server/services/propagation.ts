// Use cases of propagation: a saved translation offered to, then written into, the other rows with the same Chinese.

import type { Store } from '../db/store.ts';
import { State } from '../domain/types.ts';
import { StaleVersionError } from '../domain/review-workflow.ts';
import { findPair } from './post-editing.ts';
import type { RowEdit } from '../domain/replace-text.ts';
import { writeBatch, type BatchResult } from './edit-batch.ts';
import type { User } from './accounts.ts';

export interface Repeats {
  documentId: number;
  pair: { id: number; index: number; version: number; text: string };
  /** The other rows with the same Chinese and another English, approved ones apart. */
  targets: RowEdit[];
  approvedLeft: number;
  /** The rows sharing the pair's first Chinese sentence by pair id, to name a repeat that changed since the offer. */
  indexOf: Map<number, number>;
}

export function propagation(store: Store) {
  const repeats = (pairId: number, documentId?: number): Promise<Repeats> => store.read(async (tx) => {
    const pair = await findPair(tx, pairId, documentId);
    const rows = await tx.batches.repeatCandidates(pair.id);
    const src = pair.src_text.trim();
    const same = pair.noise || !src || !pair.tgt_text ? [] : rows.filter((r) => r.id !== pair.id && r.src_text.trim() === src && r.tgt_text !== pair.tgt_text);
    return {
      documentId: pair.document_id,
      pair: { id: pair.id, index: pair.idx, version: pair.version, text: pair.tgt_text },
      targets: same.filter((r) => r.state !== State.approved).map((r) => ({
        id: r.id, index: r.idx, version: r.version, state: r.state, oldText: r.tgt_text, newText: pair.tgt_text,
      })),
      approvedLeft: same.filter((r) => r.state === State.approved).length,
      indexOf: new Map(rows.map((r) => [r.id, r.idx])),
    };
  });
  return {
    repeats,
    /** Writes the pair's translation, as it was at `version`, into the repeats the user was offered (`seen`). */
    async propagate(user: User, pairId: number, version: number, seen: ReadonlyMap<number, number>, documentId?: number): Promise<BatchResult> {
      const r = await repeats(pairId, documentId);
      if (r.pair.version !== version) throw new StaleVersionError({ text: r.pair.text, state: null, version: r.pair.version });
      return writeBatch(store, user, r.documentId, { kind: 'propagate', row: r.pair.index, text: r.pair.text }, r.targets, seen, r.indexOf, r.pair);
    },
  };
}
export type Propagation = ReturnType<typeof propagation>;
