// A job's progress: the JSON API (GET /api/jobs/:id) and the fragment a page polls (GET /jobs/:id).

import { Router } from 'express';
import type { Jobs } from '../services/jobs.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { jobId } from '../http/params.ts';
import { goesToDocument, jobJson, jobProgress } from '../../views/job-progress.ts';

/** Events a finished job's fragment sends the page, by kind: drafted rows reload the rows and the progress bar. */
const DONE_EVENTS: Record<string, string> = { translate: 'pair-changed, rows-drafted' };

export function jobRoutes(jobs: Jobs): Router {
  const r = Router();
  r.get('/api/jobs/:id', requireUser, async (req, res) => {
    res.json(jobJson(viewContext(req), await jobs.get(req.user!, jobId(req.params.id))));
  });
  r.get('/jobs/:id', requireUser, async (req, res) => {
    const job = await jobs.get(req.user!, jobId(req.params.id));
    if (job.state === 'done' && DONE_EVENTS[job.kind]) res.set('HX-Trigger', DONE_EVENTS[job.kind]);
    if (goesToDocument(job)) res.set('HX-Redirect', `/documents/${job.documentId}`);
    // A finished analysis: its page again, which now shows the table (the job's result is kept by the document's state).
    if (job.state === 'done' && job.kind === 'analysis') res.set('HX-Redirect', `/documents/${job.documentId}/analysis`);
    send(res, jobProgress(viewContext(req), job));
  });
  return r;
}
