// Many pairs changed at once as post-edit saves (a search-and-replace, a propagated translation) or as changes of their
// Chinese (a search-and-replace on that side), recorded as one batch that one undo reverts: only rows still as the
// batch left them, the others named and left alone.

import type { Store, Tx } from '../db/store.ts';
import type { BatchRevisionRow, BatchRow } from '../db/edit-batches-repo.ts';
import { applyAction, StaleVersionError } from '../domain/review-workflow.ts';
import type { RowEdit } from '../domain/replace-text.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { User } from './accounts.ts';
import { findPair } from './post-editing.ts';
import { undoSourceEdit, writeSourceEdit } from './source-batch.ts';

/** Row indexes (0-based) changed, and those left because someone changed them since the user saw them. */
export interface BatchResult {
  batchId: number;
  applied: number[];
  /** The pairs changed, for the page to show them anew. */
  pairIds: number[];
  stale: number[];
}

export interface UndoResult {
  reverted: number[];
  pairIds: number[];
  /** Rows changed since the batch (or gone with an alignment edit: null), left as they are. */
  changedSince: (number | null)[];
}

/** What a batch did, as its summary keeps it for the page and the history. */
export type BatchSummary =
  | { kind: 'replace'; find: string; replace: string; regex: boolean; matchCase: boolean; side?: 'zh' | 'en' }
  | { kind: 'propagate'; row: number; text: string };

export interface LastBatch {
  id: number;
  pairs: number;
  summary: BatchSummary;
}

const lastOf = (b: BatchRow): LastBatch => ({ id: b.id, pairs: b.pairs, summary: JSON.parse(b.summary) as BatchSummary });

/**
 * Writes the planned edits of the rows the user saw at the versions they saw (`seen`: pair id → version). A row
 * planned at another version, or seen but no longer planned, changed since: it is left and named. Nothing applied
 * is a 409 naming the rows, and no batch is kept. `source`, the pair a propagated text comes from, must still be at
 * the version it was read at when the batch is written, or nothing is.
 */
export async function writeBatch(store: Store, user: User, documentId: number, summary: BatchSummary,
  planned: RowEdit[], seen: ReadonlyMap<number, number>, indexOf: ReadonlyMap<number, number>,
  source?: { id: number; version: number }): Promise<BatchResult> {
  const plannedIds = new Set(planned.map((e) => e.id));
  const stale = [...seen.keys()].filter((id) => !plannedIds.has(id) && indexOf.has(id)).map((id) => indexOf.get(id)!);
  const wanted = planned.filter((e) => {
    if (seen.get(e.id) === e.version) return true;
    if (seen.has(e.id)) stale.push(e.index);
    return false;
  });
  return store.write(async (tx) => {
    const batchId = await tx.batches.insertBatch({ documentId, authorId: user.id, kind: summary.kind, summary: JSON.stringify(summary), undoes: null });
    const now = source && await findPair(tx, source.id);
    if (now && now.version !== source!.version) throw new StaleVersionError({ text: now.tgt_text, state: now.state, version: now.version });
    const applied: number[] = [];
    const pairIds: number[] = [];
    for (const e of wanted) {
      if (!(await (e.segments ? writeSourceEdit(tx, user, { ...e, segments: e.segments }, batchId) : writeSave(tx, user, e, batchId)))) {
        stale.push(e.index);
        continue;
      }
      applied.push(e.index);
      pairIds.push(e.id);
    }
    stale.sort((a, b) => a - b);
    if (!applied.length) throw nothingApplied(stale);
    return { batchId, applied, pairIds, stale };
  });
}

// An English change saved as the user would save it, the row's mark "Chinese changed" kept: nobody looked at this row.
async function writeSave(tx: Tx, user: User, e: RowEdit, batchId: number): Promise<boolean> {
  const next = applyAction({ state: e.state, text: e.oldText, version: e.version, noise: false }, { action: 'save', role: user.role, version: e.version, text: e.newText });
  if (!(await tx.pairs.update(e.id, e.version, next.text, next.state, user.id, 0, true))) return false;
  await tx.pairs.insertRevision({
    pairId: e.id, version: e.version + 1, authorId: user.id, action: 'save', oldText: e.oldText, newText: next.text,
    oldState: e.state, newState: next.state, comment: null, seconds: 0, batchId,
  });
  return true;
}

function nothingApplied(stale: number[]): Error {
  if (!stale.length) return new ValidationError('There is nothing left to change.', 'batches.nothingToChange');
  const rows = stale.map((i) => i + 1).join(', ');
  const message = stale.length === 1 ? `Row ${rows} changed since you saw it: look again and retry.` : `Every row changed since you saw it (rows ${rows}): look again and retry.`;
  return new ConflictError(message, 'batches.allStale', { rows, count: stale.length });
}

// The English a batch saved put back, if the row is still at the version the batch left it.
async function undoSave(tx: Tx, user: User, rev: BatchRevisionRow, undoId: number): Promise<boolean> {
  if (!(await tx.pairs.update(rev.pair_id!, rev.version, rev.old_text, rev.old_state ?? 0, user.id, 0, true))) return false;
  await tx.pairs.insertRevision({
    pairId: rev.pair_id!, version: rev.version + 1, authorId: user.id, action: rev.old_text ? 'restore' : 'clear', oldText: rev.new_text, newText: rev.old_text,
    oldState: rev.new_state, newState: rev.old_state, comment: null, seconds: 0, batchId: undoId,
  });
  return true;
}

async function batchToUndo(tx: Tx, user: User, documentId: number, batchId: number): Promise<BatchRow> {
  const batch = Number.isSafeInteger(batchId) ? await tx.batches.batch(batchId) : undefined;
  if (!batch || batch.document_id !== documentId || batch.kind === 'undo') {
    throw new NotFoundError(`There is no change ${batchId} to undo in this document.`, 'batches.noBatch');
  }
  if (batch.author_id !== user.id && user.role !== 'admin') throw new ForbiddenError('Only who made a change (or an admin) may undo it.', 'batches.notYours');
  if (batch.undone_by !== null) throw new ConflictError('This change has already been undone.', 'batches.alreadyUndone');
  return batch;
}

export function editBatches(store: Store) {
  return {
    /** The user's latest change of many rows in the document that is not undone yet, to offer its undo. */
    last: async (user: User, documentId: number): Promise<LastBatch | undefined> => {
      const batch = await store.read((tx) => tx.batches.lastBatch(documentId, user.id));
      return batch && lastOf(batch);
    },

    /** Puts back the text and state each row had before the batch, where the row is still as the batch left it. */
    undo: (user: User, documentId: number, batchId: number): Promise<UndoResult> => store.write(async (tx) => {
      const batch = await batchToUndo(tx, user, documentId, batchId);
      const undoId = await tx.batches.insertBatch({ documentId, authorId: user.id, kind: 'undo', summary: batch.summary, undoes: batch.id });
      if (!(await tx.batches.markUndone(batch.id, undoId))) throw new ConflictError('This change has already been undone.', 'batches.alreadyUndone');
      const result: UndoResult = { reverted: [], pairIds: [], changedSince: [] };
      for (const rev of await tx.batches.batchRevisions(batch.id)) {
        const pair = rev.pair_id === null ? undefined : await tx.pairs.pair(rev.pair_id);
        const undone = pair && (rev.source_change !== null
          ? await undoSourceEdit(tx, user, pair, { ...rev, source_change: rev.source_change }, undoId) : await undoSave(tx, user, rev, undoId));
        if (!pair || !undone) {
          result.changedSince.push(pair ? pair.idx : null);
          continue;
        }
        result.reverted.push(pair.idx);
        result.pairIds.push(pair.id);
      }
      if (!result.reverted.length) {
        const changed = result.changedSince.filter((i) => i !== null).map((i) => i + 1);
        if (!changed.length) {
          throw new ConflictError('The rows of this change are no longer in the document (its alignment changed since); nothing was undone.', 'batches.undoRowsGone');
        }
        const rows = changed.join(', ');
        const message = changed.length === 1 ? `Row ${rows}, the only row of this change, was changed since; nothing was undone.` : `Every row of this change was changed since (rows ${rows}); nothing was undone.`;
        throw new ConflictError(message, 'batches.undoAllChanged', { rows, count: changed.length });
      }
      return result;
    }),
  };
}
export type EditBatches = ReturnType<typeof editBatches>;
