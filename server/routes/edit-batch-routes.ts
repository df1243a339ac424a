// Search and replace in a document, propagation of a saved translation to its repeats, and the undo of either: the
// document page's fragments and the JSON API.

import { Router, type Response } from 'express';
import type { SearchReplace } from '../services/search-replace.ts';
import type { Propagation } from '../services/propagation.ts';
import type { EditBatches } from '../services/edit-batch.ts';
import { requireUser } from '../http/auth.ts';
import { batchId, documentId, pairId, seenVersions, versionField } from '../http/params.ts';
import { send, viewContext } from '../http/render.ts';
import { parseReplaceQuery } from '../domain/replace-text.ts';
import { batchResult, lastBatch, repeatsOffer, replacePreview, undoResult } from '../../views/search-replace.ts';

const bodyOf = (req: { body?: unknown }) => (req.body ?? {}) as Record<string, unknown>;

// The progress bar listens for pair-changed; the page's script shows the changed rows anew.
const changed = (res: Response) => res.set('HX-Trigger', 'pair-changed');

export function editBatchRoutes(deps: { replace: SearchReplace; propagation: Propagation; batches: EditBatches }): Router {
  const { replace, propagation, batches } = deps;
  const r = Router();
  r.use(['/documents/:doc/replace', '/documents/:doc/batches', '/documents/:doc/pairs/:pair/repeats', '/documents/:doc/pairs/:pair/propagate',
    '/api/documents/:doc/replace', '/api/documents/:doc/batches', '/api/pairs/:pair/repeats', '/api/pairs/:pair/propagate'], requireUser);

  r.post('/documents/:doc/replace/preview', async (req, res) => {
    const doc = documentId(req.params.doc);
    const q = parseReplaceQuery(bodyOf(req));
    send(res, replacePreview(viewContext(req), doc, q, await replace.preview(doc, q)));
  });
  r.post('/documents/:doc/replace', async (req, res) => {
    const doc = documentId(req.params.doc);
    const q = parseReplaceQuery(bodyOf(req));
    const result = await replace.apply(req.user!, doc, q, seenVersions(bodyOf(req).rows));
    send(changed(res), batchResult(viewContext(req), doc, q.side === 'zh' ? 'sourceReplace' : 'replace', result));
  });
  r.get('/documents/:doc/batches/last', async (req, res) => {
    const doc = documentId(req.params.doc);
    send(res, lastBatch(viewContext(req), doc, await batches.last(req.user!, doc)));
  });
  r.post('/documents/:doc/batches/:batch/undo', async (req, res) => {
    send(changed(res), undoResult(viewContext(req), await batches.undo(req.user!, documentId(req.params.doc), batchId(req.params.batch))));
  });
  r.get('/documents/:doc/pairs/:pair/repeats', async (req, res) => {
    const doc = documentId(req.params.doc);
    send(res, repeatsOffer(viewContext(req), doc, await propagation.repeats(pairId(req.params.pair), doc)));
  });
  r.post('/documents/:doc/pairs/:pair/propagate', async (req, res) => {
    const doc = documentId(req.params.doc);
    const body = bodyOf(req);
    const result = await propagation.propagate(req.user!, pairId(req.params.pair), versionField(body.version), seenVersions(body.rows), doc);
    send(changed(res), batchResult(viewContext(req), doc, 'propagate', result));
  });

  r.post('/api/documents/:doc/replace/preview', async (req, res) => {
    const plan = await replace.preview(documentId(req.params.doc), parseReplaceQuery(bodyOf(req)));
    res.json({
      changes: plan.changes.map((c) => ({ pairId: c.id, row: c.index, version: c.version, oldText: c.oldText, newText: c.newText, matches: c.matches })),
      approvedLeft: plan.approvedLeft, refused: plan.refused.map((x) => ({ row: x.index, reason: x.key, message: viewContext(req).t(x.key, x.params) })),
    });
  });
  r.post('/api/documents/:doc/replace', async (req, res) => {
    res.json(await replace.apply(req.user!, documentId(req.params.doc), parseReplaceQuery(bodyOf(req)), seenVersions(bodyOf(req).rows)));
  });
  r.post('/api/documents/:doc/batches/:batch/undo', async (req, res) => {
    res.json(await batches.undo(req.user!, documentId(req.params.doc), batchId(req.params.batch)));
  });
  r.get('/api/pairs/:pair/repeats', async (req, res) => {
    const repeats = await propagation.repeats(pairId(req.params.pair));
    res.json({ version: repeats.pair.version, rows: repeats.targets.map((t) => ({ pairId: t.id, row: t.index, version: t.version })), approvedLeft: repeats.approvedLeft });
  });
  r.post('/api/pairs/:pair/propagate', async (req, res) => {
    const body = bodyOf(req);
    res.json(await propagation.propagate(req.user!, pairId(req.params.pair), versionField(body.version), seenVersions(body.rows)));
  });
  return r;
}
