// Use cases of the comment threads on pairs: start, reply, resolve, reject with an error; what rows and the quality score read.

import type { Store, Tx } from '../db/store.ts';
import type { CommentRow, OpenThreadRow, ThreadRow } from '../db/comments-repo.ts';
import { MAX_COMMENT, assertMayDo } from '../domain/review-workflow.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { NOT_XML_CHAR } from '../domain/control-characters.ts';
import { qualityScore, reviewError, sourceWordCount, type ErrorCategory, type QualityScore, type Severity } from '../domain/quality-score.ts';
import { applyPairAction, findPair, type PairActionRequest } from './post-editing.ts';
import type { User } from './accounts.ts';
import { longerThan } from '../domain/text-length.ts';

export { MAX_COMMENT };

export interface ThreadComment {
  id: number;
  author: string | null;
  body: string;
  createdAt: string;
}

export interface Thread {
  id: number;
  category: ErrorCategory | null;
  severity: Severity | null;
  author: string | null;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  comments: ThreadComment[];
}

/** What a pair's row shows of its open threads: the newest one's first comment, and how many are open. */
export interface RowDiscussion {
  open: number;
  author: string | null;
  body: string;
  category: ErrorCategory | null;
  severity: Severity | null;
}

/** The document's score, and the rows with an open error: what a re-review has left to read. */
export interface DocumentQuality extends QualityScore {
  rows: number;
}

export interface RejectRequest extends Omit<PairActionRequest, 'action'> {
  category?: unknown;
  severity?: unknown;
}

/** A comment as stored: trimmed, not empty, not too long, and free of characters XML cannot carry. */
export function commentBody(raw: unknown): string {
  const body = typeof raw === 'string' ? raw.normalize('NFC').trim() : '';
  if (!body) throw new ValidationError('Write a comment first: it cannot be empty.', 'review.commentEmpty');
  if (longerThan(body, MAX_COMMENT)) throw new ValidationError(`A comment may have at most ${MAX_COMMENT} characters.`, 'errors.commentTooLong');
  // Half a surrogate pair too: stored it would come back as U+FFFD, and XLIFF notes cannot carry it.
  if (NOT_XML_CHAR.test(body)) throw new ValidationError('The comment contains control characters.', 'review.commentControl');
  return body;
}

const toThread = (t: ThreadRow, comments: CommentRow[]): Thread => ({
  id: t.id, category: t.category as ErrorCategory | null, severity: t.severity as Severity | null, author: t.author, createdAt: t.created_at,
  resolvedBy: t.resolver, resolvedAt: t.resolved_at,
  comments: comments.filter((c) => c.thread_id === t.id).map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.created_at })),
});

/** The pair's threads, oldest first, the pair checked to be in the document. */
export async function pairThreads(tx: Tx, pairId: number, documentId?: number): Promise<Thread[]> {
  return threadsOfFound(tx, await findPair(tx, pairId, documentId));
}

/** `pairThreads` of a pair the caller found (in its document) already. */
export async function threadsOfFound(tx: Tx, pair: { id: number }): Promise<Thread[]> {
  const threads = await tx.comments.pairThreads(pair.id);
  // Most pairs have no thread: their editor reads no comments.
  if (!threads.length) return [];
  const comments = await tx.comments.pairComments(pair.id);
  return threads.map((t) => toThread(t, comments));
}

/** The thread, checked to be on the pair named in the URL (itself checked to be in the document). */
async function threadOf(tx: Tx, pairId: number, threadId: number, documentId?: number): Promise<ThreadRow> {
  await findPair(tx, pairId, documentId);
  const thread = Number.isSafeInteger(threadId) ? await tx.comments.thread(threadId) : undefined;
  if (!thread || thread.pair_id !== pairId) throw new NotFoundError(`Pair ${pairId} has no comment thread ${threadId}.`, 'review.noThread', { id: threadId });
  return thread;
}

export function pairComments(store: Store) {
  // Source words per document at a document version: every save refreshes the score, and recounting a long
  // document's source for each would cost more than the save.
  const words = new Map<number, { version: number; words: number }>();

  async function sourceWords(tx: Tx, documentId: number): Promise<number> {
    const version = (await tx.comments.documentVersion(documentId)) ?? 0;
    const kept = words.get(documentId);
    if (kept?.version === version) return kept.words;
    const counted = (await tx.comments.sourceTexts(documentId)).reduce((n, text) => n + sourceWordCount(text), 0);
    words.set(documentId, { version, words: counted });
    return counted;
  }

  return {
    threads: (pairId: number, documentId?: number): Promise<Thread[]> => store.read((tx) => pairThreads(tx, pairId, documentId)),

    /** A new thread on the pair by anyone who can open its document. */
    async start(user: User, pairId: number, body: unknown, documentId?: number): Promise<number> {
      const text = commentBody(body);
      return store.write(async (tx) => {
        const pair = await findPair(tx, pairId, documentId);
        const id = await tx.comments.insertThread({ documentId: pair.document_id, pairId, revisionId: null, category: null, severity: null, createdBy: user.id });
        await tx.comments.insertComment(id, user.id, text);
        return id;
      });
    },

    async reply(user: User, pairId: number, threadId: number, body: unknown, documentId?: number): Promise<number> {
      const text = commentBody(body);
      return store.write(async (tx) => {
        const thread = await threadOf(tx, pairId, threadId, documentId);
        if (thread.resolved_at) throw new ValidationError('This thread is resolved: start a new comment instead.', 'review.threadResolved');
        return tx.comments.insertComment(thread.id, user.id, text);
      });
    },

    /** Reviewers, admins and whoever started the thread may resolve it; resolving twice changes nothing. */
    resolve: (user: User, pairId: number, threadId: number, documentId?: number): Promise<void> => store.write(async (tx) => {
      const thread = await threadOf(tx, pairId, threadId, documentId);
      if (user.role === 'translator' && thread.created_by !== user.id) {
        throw new ForbiddenError('Only a reviewer, an admin or whoever started a thread may resolve it.', 'review.mayNotResolve');
      }
      await tx.comments.resolve(thread.id, user.id);
    }),

    /**
     * Approves the pair; with `resolveErrors` also resolves its open threads that carry an error (the rejections the
     * quality score counts), in the same transaction, so the score follows the approval. Without it the errors stay on
     * record: closing them is the reviewer's choice. The version check covers the threads too: every rejection is a
     * revision, so an approval of the version the reviewer saw resolves only rejections they saw.
     */
    async approve(user: User, pairId: number, req: Omit<PairActionRequest, 'action'>, resolveErrors: boolean, documentId?: number): Promise<{ version: number; state: number; resolved: number[] }> {
      return store.write(async (tx) => {
        const result = await applyPairAction(tx, user, pairId, { ...req, action: 'approve' }, documentId);
        const resolved: number[] = [];
        if (resolveErrors) {
          for (const t of await tx.comments.pairThreads(pairId)) {
            if (!t.resolved_at && t.severity !== null && await tx.comments.resolve(t.id, user.id)) resolved.push(t.id);
          }
        }
        return { ...result, resolved };
      });
    },

    /** Rejects the pair and starts a thread with the comment and the error, in one transaction. */
    async reject(user: User, pairId: number, req: RejectRequest, documentId?: number): Promise<{ version: number; state: number }> {
      assertMayDo(user.role, 'reject');
      const error = reviewError(req.category, req.severity);
      // An empty comment is refused by the workflow, after the version check; anything else must be a storable comment.
      if ((req.comment ?? '').trim()) commentBody(req.comment);
      return store.write(async (tx) => {
        const result = await applyPairAction(tx, user, pairId, { ...req, action: 'reject' }, documentId);
        const pair = await findPair(tx, pairId, documentId);
        const id = await tx.comments.insertThread({
          documentId: pair.document_id, pairId, revisionId: (await tx.comments.lastRevisionId(pairId)) ?? null,
          category: error?.category ?? null, severity: error?.severity ?? null, createdBy: user.id,
        });
        await tx.comments.insertComment(id, user.id, commentBody(req.comment));
        return result;
      });
    },

    /**
     * Each row with its open discussion, when it has one; rows without keep their identity (and their rendered markup).
     * `threads`: the document's open threads when the caller read them already (the page does, for quality too).
     */
    async withDiscussions<R extends { id: number }>(tx: Tx, documentId: number, rows: R[], threads?: OpenThreadRow[]): Promise<(R & { discussion?: RowDiscussion })[]> {
      const open = new Map<number, RowDiscussion>();
      for (const t of threads ?? await tx.comments.openThreads(documentId)) {
        open.set(t.pair_id, { open: t.open_count, author: t.author, body: t.body, category: t.category as ErrorCategory | null, severity: t.severity as Severity | null });
      }
      return rows.map((r) => (open.has(r.id) ? { ...r, discussion: open.get(r.id) } : r));
    },

    /** The quality score of the errors of open threads, and how many rows have them; the source is counted only when there is an error. */
    async quality(tx: Tx, documentId: number, threads?: OpenThreadRow[]): Promise<DocumentQuality> {
      const errors = threads ? threads.filter((t) => t.severity !== null && t.noise === 0) : await tx.comments.openErrors(documentId);
      if (!errors.length) return { ...qualityScore([], 0), rows: 0 };
      const score = qualityScore(errors.map((e) => e.severity as Severity), await sourceWords(tx, documentId));
      return { ...score, rows: new Set(errors.map((e) => e.pair_id)).size };
    },
  };
}
export type PairComments = ReturnType<typeof pairComments>;
