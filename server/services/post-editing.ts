// Use cases of post-editing and review: save, confirm, approve, reject a pair; read its history.

import type { Store, Tx } from '../db/store.ts';
import type { EditablePairRow } from '../db/pairs-repo.ts';
import { applyAction, assertMayDo, StaleVersionError, type ActionInput } from '../domain/review-workflow.ts';
import { diffTexts, type DiffPart } from '../domain/text-diff.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { SourceChange } from '../domain/source-replace.ts';
import { joinSentences } from '../domain/assemble-pairs.ts';
import type { User } from './accounts.ts';

export interface PairActionRequest {
  action: ActionInput['action'];
  version: number;
  text?: string;
  comment?: string;
  /** Seconds the user spent in the editor; clamped, since a tab left open is not work. */
  seconds?: number;
}

export interface Revision {
  version: number;
  author: string | null;
  action: string;
  oldText: string;
  newText: string;
  oldState: number | null;
  newState: number | null;
  comment: string | null;
  seconds: number;
  createdAt: string;
  /** Made together with other rows' revisions: 'replace', 'propagate' or 'undo'; null for a change of this row alone. */
  batch: string | null;
  diff: DiffPart[];
  /** A change of the Chinese: its sentences joined before and after, and the difference. */
  source: { oldText: string; newText: string; diff: DiffPart[] } | null;
}

function sourceOf(json: string | null): Revision['source'] {
  if (json === null) return null;
  const change = JSON.parse(json) as SourceChange;
  const oldText = joinSentences(change.old, 'zh');
  const newText = joinSentences(change.new, 'zh');
  return { oldText, newText, diff: diffTexts(oldText, newText, 'zh').parts };
}

const MAX_SECONDS_PER_EDIT = 30 * 60;

function clampSeconds(s: unknown): number {
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SECONDS_PER_EDIT) : 0;
}

/** A pair, checked to belong to the document named in the URL when there is one. */
export async function findPair(tx: Tx, pairId: number, documentId?: number): Promise<EditablePairRow> {
  const pair = Number.isSafeInteger(pairId) ? await tx.pairs.pair(pairId) : undefined;
  if (!pair || (documentId !== undefined && pair.document_id !== documentId)) {
    throw new NotFoundError(`There is no pair ${pairId}${documentId !== undefined ? ` in document ${documentId}` : ''}.`, 'errors.noPair');
  }
  return pair;
}

/**
 * Applies one action inside the caller's write transaction, so a use case that does more (a rejection and its
 * thread) stays one transaction. Confirming or approving with an edited text saves the edit first, so what is
 * approved is exactly what the user saw in the editor.
 */
export async function applyPairAction(tx: Tx, user: User, pairId: number, req: PairActionRequest, documentId?: number): Promise<{ version: number; state: number }> {
  const pair = await findPair(tx, pairId, documentId);
  // The role decides before anything else, so a refusal never depends on the body.
  assertMayDo(user.role, req.action);
  const edited = (req.action === 'confirm' || req.action === 'approve') && req.text !== undefined
    && req.text.normalize('NFC').trim() !== pair.tgt_text;
  const steps: PairActionRequest[] = edited
    ? [{ action: 'save', version: req.version, text: req.text, seconds: req.seconds }, { action: req.action, version: req.version + 1 }]
    : [req];
  let current = pair;
  let result = { version: pair.version, state: pair.state ?? 0 };
  for (const step of steps) {
    const next = applyAction(
      { state: current.state, text: current.tgt_text, version: current.version, noise: current.noise === 1 },
      { action: step.action, role: user.role, version: step.version, text: step.text, comment: step.comment },
    );
    const seconds = clampSeconds(step.seconds);
    if (!(await tx.pairs.update(current.id, current.version, next.text, next.state, user.id, seconds))) {
      const now = await findPair(tx, current.id);
      throw new StaleVersionError({ text: now.tgt_text, state: now.state, version: now.version }, step.text);
    }
    await tx.pairs.insertRevision({
      pairId: current.id, version: current.version + 1, authorId: user.id, action: step.action,
      oldText: current.tgt_text, newText: next.text, oldState: current.state, newState: next.state, comment: next.comment, seconds,
    });
    current = { ...current, tgt_text: next.text, state: next.state, version: current.version + 1 };
    result = { version: current.version, state: next.state };
  }
  return result;
}

export function postEditing(store: Store) {
  return {
    find: (pairId: number, documentId?: number) => store.read((tx) => findPair(tx, pairId, documentId)),
    act: (user: User, pairId: number, req: PairActionRequest, documentId?: number) =>
      store.write((tx) => applyPairAction(tx, user, pairId, req, documentId)),

    /** Makes an earlier version's text the current one: a new revision by `user`, checked against the version seen. */
    async restore(user: User, pairId: number, req: { version: number; revision: number }, documentId?: number): Promise<{ version: number; state: number }> {
      assertMayDo(user.role, 'restore');
      return store.write(async (tx) => {
        const text = await tx.pairs.revisionText((await findPair(tx, pairId, documentId)).id, req.revision);
        if (text === undefined) throw new NotFoundError(`This pair has no version ${req.revision}.`, 'safeEditing.noRevision', { version: req.revision });
        return applyPairAction(tx, user, pairId, { action: 'restore', version: req.version, text }, documentId);
      });
    },

    history: (pairId: number, documentId?: number): Promise<Revision[]> => store.read(async (tx) => {
      await findPair(tx, pairId, documentId);
      return (await tx.pairs.history(pairId)).map((r) => ({
        version: r.version, author: r.author, action: r.action, oldText: r.old_text, newText: r.new_text,
        oldState: r.old_state, newState: r.new_state, comment: r.comment, seconds: r.seconds, createdAt: r.created_at, batch: r.batch_kind,
        diff: diffTexts(r.old_text, r.new_text, 'en').parts, source: sourceOf(r.source_change),
      }));
    }),
  };
}
export type PostEditing = ReturnType<typeof postEditing>;
