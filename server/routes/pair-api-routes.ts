// The JSON API for post-editing and review of one pair.

import { Router } from 'express';
import type { PostEditing } from '../services/post-editing.ts';
import { requireUser } from '../http/auth.ts';
import { optionalText, pairId, textField, versionField } from '../http/params.ts';
import { ValidationError } from '../domain/errors.ts';

const DECISIONS = { approve: 'approve', reject: 'reject' } as const;

export function pairApiRoutes(editing: PostEditing): Router {
  const r = Router();
  r.use(requireUser);

  r.put('/pairs/:id', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(await editing.act(req.user!, pairId(req.params.id), {
      action: 'save', text: textField(body.tgt, 'tgt'), version: versionField(body.version), seconds: typeof body.seconds === 'number' || typeof body.seconds === 'string' ? Number(body.seconds) : 0,
    }));
  });

  r.post('/pairs/:id/confirm', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(await editing.act(req.user!, pairId(req.params.id), { action: 'confirm', version: versionField(body.version) }));
  });

  r.post('/pairs/:id/clear', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(await editing.act(req.user!, pairId(req.params.id), { action: 'clear', version: versionField(body.version) }));
  });

  r.post('/pairs/:id/restore', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(await editing.restore(req.user!, pairId(req.params.id), { version: versionField(body.version), revision: versionField(body.revision) }));
  });

  r.post('/pairs/:id/review', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision = typeof body.decision === 'string' ? DECISIONS[body.decision as keyof typeof DECISIONS] : undefined;
    if (!decision) throw new ValidationError('"decision" must be "approve" or "reject".', 'errors.badDecision');
    res.json(await editing.act(req.user!, pairId(req.params.id), {
      action: decision, version: versionField(body.version), comment: optionalText(body.comment, 'comment'),
    }));
  });

  r.get('/pairs/:id/history', async (req, res) => {
    res.json(await editing.history(pairId(req.params.id)));
  });

  return r;
}
