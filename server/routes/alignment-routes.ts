// The alignment editor page and its rows; the JSON API for alignment operations, undo and redo.

import { Router, type Request } from 'express';
import type { AlignmentEditing, AlignmentResult } from '../services/alignment-editing.ts';
import type { Documents } from '../services/documents.ts';
import type { Jobs } from '../services/jobs.ts';
import { jobJson } from '../../views/job-progress.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, versionField, wantsAsync } from '../http/params.ts';
import { alignPage, alignRows, weakStrip, isIrregular, ALIGN_PAGE, type AlignPageView } from '../../views/align-page.ts';
import { ValidationError } from '../domain/errors.ts';
import { alignOpMessage, replayMessage, type DoneOp } from '../../views/align-messages.ts';

function rowIndex(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError('A row number must be a whole number from 0.', 'errors.badOffset');
  return n;
}

export function alignmentRoutes(deps: { alignment: AlignmentEditing; documents: Documents; jobs: Jobs }): Router {
  const { alignment, documents } = deps;
  const r = Router();

  async function pageView(req: Request): Promise<AlignPageView> {
    const docId = documentId(req.params.doc);
    const doc = await documents.get(docId);
    const view = await alignment.view(docId);
    const from = Math.min(rowIndex(req.query.from, 0), Math.max(0, view.rows.length - 1));
    const to = Math.max(from + 1, rowIndex(req.query.to, from + ALIGN_PAGE));
    const onlyIrregular = req.query.irregular === '1';
    return {
      docId, title: doc.title, version: view.version, from, total: view.rows.length, undo: view.undo, redo: view.redo,
      rows: onlyIrregular ? view.rows.slice(from) : view.rows.slice(from, to),
      weak: view.rows.flatMap((row, i) => (isIrregular(row) ? [i] : [])), onlyIrregular,
    };
  }

  r.get('/documents/:doc/align', requireUser, async (req, res) => send(res, alignPage(viewContext(req), await pageView(req))));
  r.get('/documents/:doc/align/rows', requireUser, async (req, res) => send(res, alignRows(viewContext(req), await pageView(req))));
  // Redrawn after each operation: rows come and go, and with them the weak ones.
  r.get('/documents/:doc/align/strip', requireUser, async (req, res) => send(res, weakStrip(viewContext(req), await pageView(req))));

  // Each answer says in the user's language what was done, for the editor's message area.
  const answer = async (docId: number, result: AlignmentResult, message: string) => ({ ...result, ...(await alignment.counts(docId)), message });

  r.get('/api/documents/:doc/alignment', requireUser, async (req, res) => {
    res.json(await alignment.view(documentId(req.params.doc)));
  });
  r.post('/api/documents/:doc/alignment/ops', requireUser, async (req, res) => {
    const docId = documentId(req.params.doc);
    const body = (req.body ?? {}) as Record<string, unknown>;
    // A realign is a job (server/services/job-handlers.ts): asked for so, the answer is the job, at once, and not its end.
    if ((body.op as DoneOp | undefined)?.kind === 'realign' && wantsAsync(req.get('prefer'))) {
      const job = await deps.jobs.create(req.user!, 'realign', docId, { version: versionField(body.version) });
      return res.status(202).location(`/api/jobs/${job.id}`).json(jobJson(viewContext(req), job));
    }
    const result = await alignment.perform(req.user!, docId, versionField(body.version), body.op);
    res.json(await answer(docId, result, alignOpMessage(viewContext(req), body.op as DoneOp, result)));
  });
  r.post('/api/documents/:doc/alignment/undo', requireUser, async (req, res) => {
    const docId = documentId(req.params.doc);
    const result = await alignment.undo(req.user!, docId, versionField((req.body ?? {}).version));
    res.json(await answer(docId, result, replayMessage(viewContext(req), 'undo', result)));
  });
  r.post('/api/documents/:doc/alignment/redo', requireUser, async (req, res) => {
    const docId = documentId(req.params.doc);
    const result = await alignment.redo(req.user!, docId, versionField((req.body ?? {}).version));
    res.json(await answer(docId, result, replayMessage(viewContext(req), 'redo', result)));
  });
  return r;
}
