// SQL for the comment threads on pairs: threads, their comments, and what pages and the quality score read of them.

import type { Db } from './open-database.ts';

export interface ThreadRow {
  id: number;
  document_id: number;
  pair_id: number | null;
  category: string | null;
  severity: string | null;
  created_by: number | null;
  author: string | null;
  created_at: string;
  resolver: string | null;
  resolved_at: string | null;
}

export interface CommentRow {
  id: number;
  thread_id: number;
  author: string | null;
  body: string;
  created_at: string;
}

/** The newest open thread of a pair, as its row shows it: its first comment and how many threads are open. */
export interface OpenThreadRow {
  pair_id: number;
  open_count: number;
  thread_id: number;
  category: string | null;
  severity: string | null;
  author: string | null;
  body: string;
  /** The pair's: an error on a noise row does not count for the quality score. */
  noise: 0 | 1;
}

/** An open thread that carries an error, on a pair that is no page noise. */
export interface OpenErrorRow {
  pair_id: number;
  severity: string;
}

export interface NewThread {
  documentId: number;
  pairId: number;
  revisionId: number | null;
  category: string | null;
  severity: string | null;
  createdBy: number | null;
}

const THREAD = `SELECT t.id, t.document_id, t.pair_id, t.category, t.severity, t.created_by, a.name AS author, t.created_at,
    r.name AS resolver, t.resolved_at
  FROM comment_threads t LEFT JOIN users a ON a.id = t.created_by LEFT JOIN users r ON r.id = t.resolved_by`;

export function commentsRepo(db: Db) {
  const q = {
    insertThread: db.prepare(`INSERT INTO comment_threads (document_id, pair_id, revision_id, category, severity, created_by)
      VALUES (@documentId, @pairId, @revisionId, @category, @severity, @createdBy)`),
    insertComment: db.prepare('INSERT INTO thread_comments (thread_id, author_id, body) VALUES (?, ?, ?)'),
    thread: db.prepare(`${THREAD} WHERE t.id = ?`),
    pairThreads: db.prepare(`${THREAD} WHERE t.pair_id = ? ORDER BY t.id`),
    pairComments: db.prepare(`SELECT c.id, c.thread_id, u.name AS author, c.body, c.created_at
      FROM thread_comments c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN users u ON u.id = c.author_id
      WHERE t.pair_id = ? ORDER BY c.thread_id, c.id`),
    resolve: db.prepare(`UPDATE comment_threads SET resolved_by = ?, resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE id = ? AND resolved_at IS NULL`),
    lastRevisionId: db.prepare('SELECT id FROM revisions WHERE pair_id = ? ORDER BY version DESC LIMIT 1').pluck(),
    openThreads: db.prepare(`SELECT t.pair_id, count(*) OVER (PARTITION BY t.pair_id) AS open_count, t.id AS thread_id,
        t.category, t.severity, u.name AS author, c.body, p.noise
      FROM comment_threads t JOIN pairs p ON p.id = t.pair_id
      JOIN thread_comments c ON c.id = (SELECT min(id) FROM thread_comments WHERE thread_id = t.id)
      LEFT JOIN users u ON u.id = c.author_id
      WHERE t.document_id = ? AND t.pair_id IS NOT NULL AND t.resolved_at IS NULL ORDER BY t.pair_id, t.id`),
    openErrors: db.prepare(`SELECT t.pair_id, t.severity FROM comment_threads t JOIN pairs p ON p.id = t.pair_id
      WHERE t.document_id = ? AND t.resolved_at IS NULL AND t.severity IS NOT NULL AND p.noise = 0 ORDER BY t.pair_id, t.id`),
    documentVersion: db.prepare('SELECT version FROM documents WHERE id = ?').pluck(),
    sourceTexts: db.prepare(`SELECT s.text FROM segments s JOIN pairs p ON p.id = s.pair_id
      WHERE s.document_id = ? AND s.side = 'src' AND p.noise = 0`).pluck(),
  };
  return {
    insertThread: (t: NewThread) => Number(q.insertThread.run(t).lastInsertRowid),
    insertComment: (threadId: number, authorId: number | null, body: string) => Number(q.insertComment.run(threadId, authorId, body).lastInsertRowid),
    thread: (id: number) => q.thread.get(id) as ThreadRow | undefined,
    pairThreads: (pairId: number) => q.pairThreads.all(pairId) as ThreadRow[],
    pairComments: (pairId: number) => q.pairComments.all(pairId) as CommentRow[],
    /** False when the thread was already resolved. */
    resolve: (threadId: number, userId: number) => q.resolve.run(userId, threadId).changes === 1,
    /** The pair's newest revision: the one a rejection just wrote. */
    lastRevisionId: (pairId: number) => q.lastRevisionId.get(pairId) as number | undefined,
    /** Every open thread of the document on a pair, newest last per pair. */
    openThreads: (documentId: number) => q.openThreads.all(documentId) as OpenThreadRow[],
    /** Every open error (a thread with a category) on a non-noise pair, by pair: the score counts them, the page's filter their rows. */
    openErrors: (documentId: number) => q.openErrors.all(documentId) as OpenErrorRow[],
    /** Bumped by every alignment change, the only kind that changes the source sentences. */
    documentVersion: (documentId: number) => q.documentVersion.get(documentId) as number | undefined,
    sourceTexts: (documentId: number) => q.sourceTexts.all(documentId) as string[],
  };
}
export type CommentsRepo = ReturnType<typeof commentsRepo>;
