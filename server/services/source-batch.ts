// A row's Chinese changed as part of a batch (a search-and-replace on the Chinese side), and put back by its undo:
// the sentences keep their ids and places, the revision keeps them before and after, and the row's state and mark
// say that its English was made for other Chinese.

import type { Tx } from '../db/store.ts';
import type { EditablePairRow, SourceSegmentRow } from '../db/pairs-repo.ts';
import type { BatchRevisionRow } from '../db/edit-batches-repo.ts';
import type { RowEdit } from '../domain/replace-text.ts';
import { marksSourceChange, stateAfterSourceChange, type SourceChange } from '../domain/source-replace.ts';
import type { User } from './accounts.ts';

const sameTexts = (rows: readonly SourceSegmentRow[], texts: readonly string[]) =>
  rows.length === texts.length && rows.every((r, i) => r.text === texts[i]);

// The sentences whose text differs from `texts`, with their new text.
const changedTo = (rows: readonly SourceSegmentRow[], texts: readonly string[]) =>
  rows.flatMap((r, i) => (r.text === texts[i] ? [] : [{ id: r.id, text: texts[i]! }]));

/**
 * Writes a planned change of a row's Chinese if the row is still as planned (same version, same sentences: an
 * alignment edit may have moved them); false when it is not, and nothing is written.
 */
export async function writeSourceEdit(tx: Tx, user: User, e: RowEdit & { segments: NonNullable<RowEdit['segments']> }, batchId: number): Promise<boolean> {
  const pair = await tx.pairs.pair(e.id);
  const now = await tx.pairs.sourceSegments(e.id);
  if (!pair || pair.version !== e.version || !sameTexts(now, e.segments.old)) return false;
  const state = stateAfterSourceChange(e.state);
  const marked = pair.src_changed === 1 || marksSourceChange(e.state);
  if (!(await tx.pairs.updateSource(e.id, e.version, changedTo(now, e.segments.new), state, marked, user.id))) return false;
  const change: SourceChange = { old: [...e.segments.old], new: [...e.segments.new], wasMarked: pair.src_changed === 1 };
  await tx.pairs.insertRevision({
    pairId: e.id, version: e.version + 1, authorId: user.id, action: 'source', oldText: pair.tgt_text, newText: pair.tgt_text,
    oldState: e.state, newState: state, comment: null, seconds: 0, batchId, sourceChange: JSON.stringify(change),
  });
  return true;
}

/** Puts back the Chinese, state and mark a batch's revision changed, if the row is still as it left them; false otherwise. */
export async function undoSourceEdit(tx: Tx, user: User, pair: EditablePairRow, rev: BatchRevisionRow & { source_change: string }, undoId: number): Promise<boolean> {
  const change = JSON.parse(rev.source_change) as SourceChange;
  if (pair.version !== rev.version) return false;
  const now = await tx.pairs.sourceSegments(pair.id);
  if (!sameTexts(now, change.new)) return false;
  const state = rev.old_state ?? 0;
  if (!(await tx.pairs.updateSource(pair.id, rev.version, changedTo(now, change.old), state, change.wasMarked, user.id))) return false;
  const back: SourceChange = { old: change.new, new: change.old, wasMarked: pair.src_changed === 1 };
  await tx.pairs.insertRevision({
    pairId: pair.id, version: rev.version + 1, authorId: user.id, action: 'source', oldText: pair.tgt_text, newText: pair.tgt_text,
    oldState: pair.state, newState: state, comment: null, seconds: 0, batchId: undoId, sourceChange: JSON.stringify(back),
  });
  return true;
}
