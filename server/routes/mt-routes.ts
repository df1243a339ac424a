// Machine translation of a document's untranslated rows, from the document page and the JSON API.

import { Router } from 'express';
import type { MachineTranslation } from '../services/machine-translation.ts';
import { requireUser } from '../http/auth.ts';
import { documentId } from '../http/params.ts';

export function mtRoutes(mt: MachineTranslation): Router {
  const r = Router();
  r.post('/documents/:doc/machine-translate', requireUser, async (req, res) => {
    const doc = documentId(req.params.doc);
    await mt.translateMissing(req.user!, doc);
    res.redirect(303, `/documents/${doc}`);
  });
  r.post('/api/documents/:doc/machine-translate', requireUser, async (req, res) => {
    res.json(await mt.translateMissing(req.user!, documentId(req.params.doc)));
  });
  return r;
}
