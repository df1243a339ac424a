// One gate for every route under /documents/:doc, /api/documents/:doc and /api/pairs/:pair: a document
// the signed-in user may not open answers 404 before any route sees it, so a new route cannot forget.

import { Router, type NextFunction, type Request, type Response } from 'express';
import { mayReach, type DocumentAccess, type GateTarget } from '../services/document-access.ts';
import type { Alongside } from '../services/accounts.ts';

const ID = /^[1-9]\d{0,15}$/;
// The gate's paths as the sign-in reads them ahead; a path they miss (Express also matches other spellings) is
// checked by the gate itself.
const AHEAD = /^\/(?:(?:api\/)?documents\/([1-9]\d{0,15})(\/restore)?|api\/pairs\/([1-9]\d{0,15}))(?:\/|$)/;

const sameTarget = (a: GateTarget, b: GateTarget) =>
  'pair' in a ? 'pair' in b && a.pair === b.pair : 'document' in b && a.document === b.document && a.trashed === b.trashed;

/**
 * The gate's check of this request, for the sign-in to run in its own read (one transaction instead of two); the
 * gate then takes its answer if it checked the same target.
 */
export function gateAhead(req: Request): Alongside | undefined {
  const m = AHEAD.exec(req.path);
  if (!m) return undefined;
  const target: GateTarget = m[3] ? { pair: Number(m[3]) } : { document: Number(m[1]), trashed: req.method === 'POST' && m[2] !== undefined && req.path.endsWith(m[2]) };
  return async (tx, user) => {
    req.gateChecked = { target, allowed: await mayReach(tx, user, target) };
  };
}

export function documentGate(access: DocumentAccess): Router {
  const r = Router();
  const check = (req: Request, target: GateTarget) =>
    access.assertMayReach(req.user!, target, req.gateChecked && sameTarget(req.gateChecked.target, target) ? req.gateChecked.allowed : undefined);
  // Without a user the route itself refuses (login or 401); a word like "import" is not an id but a route.
  r.use(['/documents/:doc', '/api/documents/:doc'], async (req: Request, _res: Response, next: NextFunction) => {
    const doc = req.params.doc as string;
    // A trashed document answers 404 to everything but its restore and its purge for good.
    const restoring = req.method === 'POST' && (req.path === '/restore' || req.path === '/purge');
    if (req.user && ID.test(doc)) await check(req, { document: Number(doc), trashed: restoring });
    next();
  });
  r.use('/api/pairs/:pair', async (req: Request, _res: Response, next: NextFunction) => {
    const pair = req.params.pair as string;
    if (req.user && ID.test(pair)) await check(req, { pair: Number(pair) });
    next();
  });
  return r;
}
