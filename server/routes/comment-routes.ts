// htmx fragments for a pair's comment threads in its editor: list, start, reply, resolve. Each answers with
// the whole panel; refused input comes back in the panel, beside the field. The document gate refuses outsiders.

import { Router, type Request, type Response } from 'express';
import type { PairComments } from '../services/pair-comments.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, pairId, threadId } from '../http/params.ts';
import { ValidationError } from '../domain/errors.ts';
import { resolveOnApprove, threadsPanel } from '../../views/comment-threads.ts';
import { html } from '../../views/html.ts';
import { mayDo } from '../domain/review-workflow.ts';

type Change = (req: Request, ids: { doc: number; pair: number }) => Promise<unknown>;

export function commentRoutes(comments: PairComments): Router {
  const r = Router();
  r.use(requireUser);
  const base = '/documents/:doc/pairs/:pair/comments';

  async function panel(req: Request, res: Response, status = 200, error?: { thread: number | 'new'; message: string; typed?: string }) {
    const doc = documentId(req.params.doc);
    const pair = pairId(req.params.pair);
    const url = `/documents/${doc}/pairs/${pair}`;
    const ctx = viewContext(req);
    const threads = await comments.threads(pair, doc);
    // A reviewer's editor offers to resolve the open rejections with the approval: the offer follows the threads.
    send(res, html`${threadsPanel(ctx, url, pair, threads, req.user!, error && { ...error, field: 'body' })}${
      mayDo(req.user!.role, 'approve') ? resolveOnApprove(ctx, pair, threads, true) : ''}`, status);
  }

  /** Runs a change; a refused comment re-renders the panel with the sentence beside the box it came from. */
  const change = (run: Change, thread: (req: Request) => number | 'new') => async (req: Request, res: Response) => {
    const ids = { doc: documentId(req.params.doc), pair: pairId(req.params.pair) };
    try {
      await run(req, ids);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const typed = typeof body(req) === 'string' ? (body(req) as string) : undefined;
      // A thread resolved while the reply was written has no reply box any more: the reply waits in a new comment's.
      if (err.key === 'review.threadResolved') return panel(req, res, err.status, { thread: 'new', message: viewContext(req).t('review.threadResolvedReplyKept'), typed });
      return panel(req, res, err.status, { thread: thread(req), message: viewContext(req).t(err.key ?? '', err.params), typed });
    }
    res.set('HX-Trigger', 'pair-changed');
    await panel(req, res);
  };
  const body = (req: Request) => ((req.body ?? {}) as Record<string, unknown>).body;

  r.get(base, (req, res) => panel(req, res));
  r.post(base, change((req, { doc, pair }) => comments.start(req.user!, pair, body(req), doc), () => 'new'));
  r.post(`${base}/:thread/replies`, change((req, { doc, pair }) => comments.reply(req.user!, pair, threadId(req.params.thread), body(req), doc),
    (req) => threadId(req.params.thread)));
  r.post(`${base}/:thread/resolve`, change((req, { doc, pair }) => comments.resolve(req.user!, pair, threadId(req.params.thread), doc),
    (req) => threadId(req.params.thread)));
  return r;
}
