// Machine translation of a document's untranslated rows, from the document page and the JSON API.

import { Router } from 'express';
import type { MachineTranslation } from '../services/machine-translation.ts';
import { requireUser } from '../http/auth.ts';
import { documentId } from '../http/params.ts';
import { send, viewContext } from '../http/render.ts';
import { mtResult } from '../../views/mt-run.ts';

export function mtRoutes(mt: MachineTranslation): Router {
  const r = Router();
  r.post('/documents/:doc/machine-translate', requireUser, async (req, res) => {
    const doc = documentId(req.params.doc);
    const result = await mt.translateMissing(req.user!, doc);
    if (!req.get('hx-request')) return res.redirect(303, `/documents/${doc}`);
    // The page's script reloads the rows on this event; the progress bar listens for pair-changed.
    res.set('HX-Trigger', 'pair-changed, rows-drafted');
    send(res, mtResult(viewContext(req), result));
  });
  r.post('/api/documents/:doc/machine-translate', requireUser, async (req, res) => {
    res.json(await mt.translateMissing(req.user!, documentId(req.params.doc)));
  });
  return r;
}
