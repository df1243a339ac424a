// SQL for the comment threads on pairs, on PostgreSQL (see ../comments-repo.ts).

import type { CommentRow, NewThread, OpenErrorRow, OpenThreadRow, ThreadRow } from '../comments-repo.ts';
import { column, one, row, rows, run, type Sql } from './connect.ts';

const THREAD = `SELECT t.id, t.document_id, t.pair_id, t.category, t.severity, t.created_by, a.name AS author, t.created_at,
    r.name AS resolver, t.resolved_at
  FROM comment_threads t LEFT JOIN users a ON a.id = t.created_by LEFT JOIN users r ON r.id = t.resolved_by`;

export function commentsRepo(sql: Sql) {
  return {
    insertThread: async (t: NewThread) => (await one<number>(sql, `INSERT INTO comment_threads
        (document_id, pair_id, revision_id, category, severity, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t.documentId, t.pairId, t.revisionId, t.category, t.severity, t.createdBy]))!,
    insertComment: async (threadId: number, authorId: number | null, body: string) =>
      (await one<number>(sql, 'INSERT INTO thread_comments (thread_id, author_id, body) VALUES ($1, $2, $3) RETURNING id', [threadId, authorId, body]))!,
    thread: (id: number) => row<ThreadRow>(sql, `${THREAD} WHERE t.id = $1`, [id]),
    pairThreads: (pairId: number) => rows<ThreadRow>(sql, `${THREAD} WHERE t.pair_id = $1 ORDER BY t.id`, [pairId]),
    pairComments: (pairId: number) => rows<CommentRow>(sql, `SELECT c.id, c.thread_id, u.name AS author, c.body, c.created_at
      FROM thread_comments c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN users u ON u.id = c.author_id
      WHERE t.pair_id = $1 ORDER BY c.thread_id, c.id`, [pairId]),
    /** False when the thread was already resolved (a second resolver waits for the first, then finds it resolved). */
    resolve: async (threadId: number, userId: number) => (await run(sql,
      'UPDATE comment_threads SET resolved_by = $1, resolved_at = now() WHERE id = $2 AND resolved_at IS NULL', [userId, threadId])).changes === 1,
    lastRevisionId: (pairId: number) => one<number>(sql, 'SELECT id FROM revisions WHERE pair_id = $1 ORDER BY version DESC LIMIT 1', [pairId]),
    openThreads: (documentId: number) => rows<OpenThreadRow>(sql, `SELECT t.pair_id, count(*) OVER (PARTITION BY t.pair_id) AS open_count,
        t.id AS thread_id, t.category, t.severity, u.name AS author, c.body, p.noise
      FROM comment_threads t JOIN pairs p ON p.id = t.pair_id
      JOIN thread_comments c ON c.id = (SELECT min(id) FROM thread_comments WHERE thread_id = t.id)
      LEFT JOIN users u ON u.id = c.author_id
      WHERE t.document_id = $1 AND t.pair_id IS NOT NULL AND t.resolved_at IS NULL ORDER BY t.pair_id, t.id`, [documentId]),
    openErrors: (documentId: number) => rows<OpenErrorRow>(sql, `SELECT t.pair_id, t.severity FROM comment_threads t JOIN pairs p ON p.id = t.pair_id
      WHERE t.document_id = $1 AND t.resolved_at IS NULL AND t.severity IS NOT NULL AND p.noise = 0 ORDER BY t.pair_id, t.id`, [documentId]),
    documentVersion: (documentId: number) => one<number>(sql, 'SELECT version FROM documents WHERE id = $1', [documentId]),
    sourceTexts: (documentId: number) => column<string>(sql, `SELECT s.text FROM segments s JOIN pairs p ON p.id = s.pair_id
      WHERE s.document_id = $1 AND s.side = 'src' AND p.noise = 0`, [documentId]),
  };
}
export type CommentsRepo = ReturnType<typeof commentsRepo>;
