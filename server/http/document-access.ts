// One gate for every route under /documents/:doc, /api/documents/:doc and /api/pairs/:pair: a document
// the signed-in user may not open answers 404 before any route sees it, so a new route cannot forget.

import { Router, type NextFunction, type Request, type Response } from 'express';
import type { DocumentAccess } from '../services/document-access.ts';

const ID = /^[1-9]\d{0,15}$/;

export function documentGate(access: DocumentAccess): Router {
  const r = Router();
  // Without a user the route itself refuses (login or 401); a word like "import" is not an id but a route.
  r.use(['/documents/:doc', '/api/documents/:doc'], async (req: Request, _res: Response, next: NextFunction) => {
    const doc = req.params.doc as string;
    // A trashed document answers 404 to everything but its restore and its purge for good.
    const restoring = req.method === 'POST' && (req.path === '/restore' || req.path === '/purge');
    if (req.user && ID.test(doc)) await access.assertMayOpen(req.user, Number(doc), restoring);
    next();
  });
  r.use('/api/pairs/:pair', async (req: Request, _res: Response, next: NextFunction) => {
    const pair = req.params.pair as string;
    if (req.user && ID.test(pair)) await access.assertMayOpenPair(req.user, Number(pair));
    next();
  });
  return r;
}
