// The JSON API under /api: documents' pairs (the documents themselves: document-lifecycle-routes; users: the account routes).

import { Router } from 'express';
import type { Documents } from '../services/documents.ts';
import { requireUser } from '../http/auth.ts';
import { documentId } from '../http/params.ts';

export function apiRoutes(documents: Documents): Router {
  const r = Router();
  r.use(requireUser);

  r.get('/documents/:id/pairs', async (req, res) => {
    res.json(await documents.pairs(documentId(req.params.id)));
  });

  return r;
}
