// The JSON API under /api: documents, their pairs, and user management for admins.

import { Router } from 'express';
import type { Documents } from '../services/documents.ts';
import type { Accounts } from '../services/accounts.ts';
import type { DocumentAccess } from '../services/document-access.ts';
import { requireRole, requireUser } from '../http/auth.ts';
import { documentId, textField } from '../http/params.ts';

export function apiRoutes(documents: Documents, accounts: Accounts, access: DocumentAccess): Router {
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

  r.post('/users', requireRole('admin'), async (req, res) => {
    const { name, role, password } = (req.body ?? {}) as Record<string, unknown>;
    // String() of an object whose toString is not a function throws a TypeError (a 500): only text is accepted.
    const text = (raw: unknown, field: string) => textField(raw ?? '', field);
    const user = await accounts.createUser(text(name, 'name'), text(role, 'role'), text(password, 'password'));
    res.status(201).json(user);
  });

  return r;
}
