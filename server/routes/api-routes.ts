// The JSON API under /api: documents and their pairs.

import { Router } from 'express';
import type { Documents } from '../services/documents.ts';
import type { DocumentAccess } from '../services/document-access.ts';
import { requireUser } from '../http/auth.ts';
import { documentId } from '../http/params.ts';

export function apiRoutes(documents: Documents, access: DocumentAccess): Router {
  const r = Router();
  r.use(requireUser);

  r.get('/documents', async (req, res) => {
    res.json(await documents.list(await access.filterFor(req.user!)));
  });

  r.get('/documents/:id', async (req, res) => {
    res.json(await documents.get(documentId(req.params.id)));
  });

  r.get('/documents/:id/pairs', async (req, res) => {
    res.json(await documents.pairs(documentId(req.params.id)));
  });

  return r;
}
