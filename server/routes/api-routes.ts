// The JSON API under /api: documents' pairs, and user management for admins (the documents themselves: document-lifecycle-routes).

import { Router } from 'express';
import type { Documents } from '../services/documents.ts';
import type { Accounts } from '../services/accounts.ts';
import { requireRole, requireUser } from '../http/auth.ts';
import { documentId, textField } from '../http/params.ts';

export function apiRoutes(documents: Documents, accounts: Accounts): Router {
  const r = Router();
  r.use(requireUser);

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
