// The JSON API for a pair's comment threads: list, start, reply, resolve. The document gate refuses outsiders.

import { Router } from 'express';
import type { PairComments } from '../services/pair-comments.ts';
import { requireUser } from '../http/auth.ts';
import { pairId, threadId } from '../http/params.ts';

export function commentApiRoutes(comments: PairComments): Router {
  const r = Router();
  r.use(requireUser);
  const body = (raw: unknown) => ((raw ?? {}) as Record<string, unknown>).body;

  r.get('/pairs/:id/comments', async (req, res) => {
    res.json(await comments.threads(pairId(req.params.id)));
  });

  r.post('/pairs/:id/comments', async (req, res) => {
    const pair = pairId(req.params.id);
    const id = await comments.start(req.user!, pair, body(req.body));
    res.status(201).json((await comments.threads(pair)).find((t) => t.id === id));
  });

  r.post('/pairs/:id/comments/:thread/replies', async (req, res) => {
    const pair = pairId(req.params.id);
    const thread = threadId(req.params.thread);
    await comments.reply(req.user!, pair, thread, body(req.body));
    res.status(201).json((await comments.threads(pair)).find((t) => t.id === thread));
  });

  r.post('/pairs/:id/comments/:thread/resolve', async (req, res) => {
    const pair = pairId(req.params.id);
    const thread = threadId(req.params.thread);
    await comments.resolve(req.user!, pair, thread);
    res.json((await comments.threads(pair)).find((t) => t.id === thread));
  });

  return r;
}
