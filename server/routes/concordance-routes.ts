// The concordance: its page, the fragment the Ctrl+K dialog fetches, and GET /api/concordance.

import { Router, type Request } from 'express';
import type { Concordance, ConcordancePage } from '../services/concordance.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { concordancePage, concordanceResults } from '../../views/concordance.ts';
import { errorText } from '../../views/marked-text.ts';
import { ValidationError } from '../domain/errors.ts';

export function concordanceRoutes(concordance: Concordance): Router {
  const r = Router();
  /** The page of hits, or a refusal shown in place of the hits with its status. */
  const lookUp = async (req: Request): Promise<{ status: number; page?: ConcordancePage; error?: string }> => {
    try {
      return { status: 200, page: await concordance.search(req.user!, { q: req.query.q, after: req.query.after }) };
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return { status: err.status, error: errorText(viewContext(req), err) };
    }
  };

  r.get('/concordance', requireUser, async (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q : '';
    const { status, ...result } = query.trim() ? await lookUp(req) : { status: 200 };
    send(res, concordancePage(viewContext(req), query, result), status);
  });
  r.get('/concordance/results', requireUser, async (req, res) => {
    const { status, ...result } = await lookUp(req);
    send(res, concordanceResults(viewContext(req), result), status);
  });
  r.get('/api/concordance', requireUser, async (req, res) => {
    res.json(await concordance.search(req.user!, { q: req.query.q, after: req.query.after }));
  });
  return r;
}
