// Machine translation of a document's untranslated rows, from the document page and the JSON API, as a job.

import { Router } from 'express';
import type { MachineTranslation } from '../services/machine-translation.ts';
import type { Jobs } from '../services/jobs.ts';
import { requireUser } from '../http/auth.ts';
import { documentId, wantsAsync } from '../http/params.ts';
import { send, viewContext } from '../http/render.ts';
import { jobJson, jobProgress } from '../../views/job-progress.ts';

export function mtRoutes(mt: MachineTranslation, jobs: Jobs): Router {
  const r = Router();
  r.post('/documents/:doc/machine-translate', requireUser, async (req, res) => {
    const doc = documentId(req.params.doc);
    mt.checkRole(req.user!);
    const job = await jobs.create(req.user!, 'translate', doc);
    // The page polls the job's progress bar (views/job-progress.ts); without scripts the form waits for the drafts.
    if (req.get('hx-request')) return send(res, jobProgress(viewContext(req), job));
    await jobs.outcome(req.user!, job.id);
    res.redirect(303, `/documents/${doc}`);
  });
  r.post('/api/documents/:doc/machine-translate', requireUser, async (req, res) => {
    mt.checkRole(req.user!);
    const job = await jobs.create(req.user!, 'translate', documentId(req.params.doc));
    if (wantsAsync(req.get('prefer'))) return res.status(202).location(`/api/jobs/${job.id}`).json(jobJson(viewContext(req), job));
    res.json((await jobs.outcome(req.user!, job.id)).value);
  });
  return r;
}
