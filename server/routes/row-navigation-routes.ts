// The document page's "next flagged / rejected / unconfirmed row" as JSON.

import { Router } from 'express';
import type { RowNavigation } from '../services/row-navigation.ts';
import { requireUser } from '../http/auth.ts';
import { documentId } from '../http/params.ts';
import { parseNavRequest } from '../domain/row-navigation.ts';
import { parseFilter } from '../services/workspace.ts';

export function rowNavigationRoutes(nav: RowNavigation): Router {
  const r = Router();
  r.get('/api/documents/:doc/rows/find', requireUser, async (req, res) => {
    res.json({ index: await nav.find(documentId(req.params.doc), parseNavRequest(req.query), parseFilter(req.query)) });
  });
  return r;
}
