// The JSON API for post-editing and review of one pair.

import { Router } from 'express';
import type { PostEditing } from '../services/post-editing.ts';
import type { PairComments } from '../services/pair-comments.ts';
import { requireUser } from '../http/auth.ts';
import { optionalText, pairId, textField, versionField, revisionField } from '../http/params.ts';
import { ValidationError } from '../domain/errors.ts';

const DECISIONS = { approve: 'approve', reject: 'reject' } as const;

export function pairApiRoutes(editing: PostEditing, comments: PairComments): Router {
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
    res.json(await editing.restore(req.user!, pairId(req.params.id), { version: versionField(body.version), revision: revisionField(body.revision) }));
  });

  r.post('/pairs/:id/review', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision = typeof body.decision === 'string' ? DECISIONS[body.decision as keyof typeof DECISIONS] : undefined;
    if (!decision) throw new ValidationError('"decision" must be "approve" or "reject".', 'errors.badDecision');
    const id = pairId(req.params.id);
    const request = { version: versionField(body.version), comment: optionalText(body.comment, 'comment') };
    if (body.resolveErrors !== undefined && (decision !== 'approve' || typeof body.resolveErrors !== 'boolean')) {
      throw new ValidationError('"resolveErrors" is true or false, and only with "decision": "approve".', 'errors.badResolveErrors');
    }
    // A rejection starts a comment thread and may carry an MQM-style error: category and severity. An approval may
    // resolve the pair's open errors with it.
    res.json(await (decision === 'reject'
      ? comments.reject(req.user!, id, { ...request, category: body.category, severity: body.severity })
      : comments.approve(req.user!, id, request, body.resolveErrors === true)));
  });

  r.get('/pairs/:id/history', async (req, res) => {
    res.json(await editing.history(pairId(req.params.id)));
  });

  return r;
}
