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
import { alignOpMessage, realignPreviewView, replayMessage, undoLabel, type DoneOp } from '../../views/align-messages.ts';

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
    const view = await alignment.view(docId, req.user);
    const from = Math.min(rowIndex(req.query.from, 0), Math.max(0, view.rows.length - 1));
    const to = Math.max(from + 1, rowIndex(req.query.to, from + ALIGN_PAGE));
    const onlyIrregular = req.query.irregular === '1';
    return {
      docId, title: doc.title, version: view.version, from, total: view.rows.length, noise: view.noise, undo: view.undo, redo: view.redo, undoLabel: undoLabel(viewContext(req), view),
      rows: onlyIrregular ? view.rows.slice(from) : view.rows.slice(from, to),
      weak: view.rows.flatMap((row, i) => (isIrregular(row) ? [i] : [])), onlyIrregular,
    };
  }

  r.get('/documents/:doc/align', requireUser, async (req, res) => send(res, alignPage(viewContext(req), await pageView(req))));
  r.get('/documents/:doc/align/rows', requireUser, async (req, res) => {
    const view = await pageView(req);
    // The version these rows are at, for the page to act on them after loading someone else's changes.
    res.set('x-alignment-version', String(view.version));
    send(res, alignRows(viewContext(req), view));
  });
  // Redrawn after each operation: rows come and go, and with them the weak ones.
  r.get('/documents/:doc/align/strip', requireUser, async (req, res) => send(res, weakStrip(viewContext(req), await pageView(req))));

  // The undo and redo counts, and whose change Undo would revert in the user's words.
  const stack = async (req: Request, docId: number) => {
    const counts = await alignment.counts(docId, req.user);
    return { ...counts, undoLabel: undoLabel(viewContext(req), counts) };
  };
  // Each answer says in the user's language what was done, for the editor's message area.
  const answer = (req: Request, result: AlignmentResult, message: string) => ({ ...result, undoLabel: undoLabel(viewContext(req), result), message });

  r.get('/api/documents/:doc/alignment', requireUser, async (req, res) => {
    res.json(await alignment.view(documentId(req.params.doc), req.user));
  });
  r.get('/api/documents/:doc/alignment/stack', requireUser, async (req, res) => res.json(await stack(req, documentId(req.params.doc))));
  r.get('/api/documents/:doc/alignment/realign-preview', requireUser, async (req, res) => {
    const preview = await alignment.preview(req.user!, documentId(req.params.doc), versionField(req.query.version));
    res.json(realignPreviewView(viewContext(req), preview));
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
    res.json(answer(req, result, alignOpMessage(viewContext(req), body.op as DoneOp, result)));
  });
  for (const direction of ['undo', 'redo'] as const) {
    r.post(`/api/documents/:doc/alignment/${direction}`, requireUser, async (req, res) => {
      const docId = documentId(req.params.doc);
      const body = (req.body ?? {}) as Record<string, unknown>;
      // Consent names the change asked about; any other value is no consent, and the answer asks again.
      const consent = typeof body.consent === 'number' ? body.consent : undefined;
      const result = await alignment[direction](req.user!, docId, versionField(body.version), consent);
      res.json(answer(req, result, replayMessage(viewContext(req), direction, result)));
    });
  }
  return r;
}
