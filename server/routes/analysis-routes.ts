// A document's match analysis: its page, its CSV and GET /api/documents/:doc/analysis (the document gate checks access).
// A big document's is a job: the page shows its progress, the CSV and API wait for it or, asked to, answer 202 with it.

import { Router, type Request, type Response } from 'express';
import type { AnalysisAnswer, MatchAnalysisService } from '../services/match-analysis.ts';
import type { JobView } from '../services/jobs.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, wantsAsync } from '../http/params.ts';
import { analysisCsv, analysisPage, analysisWaitPage } from '../../views/analysis-page.ts';
import { jobJson } from '../../views/job-progress.ts';
import { MIN_SIMILARITY } from '../services/translation-memory.ts';

/** A job's 202, as the other asynchronous answers give it. */
function accepted(req: Request, res: Response, job: JobView): void {
  res.status(202).location(`/api/jobs/${job.id}`).json(jobJson(viewContext(req), job));
}

export function analysisRoutes(analysis: MatchAnalysisService): Router {
  const r = Router();
  const answer = (req: Request): Promise<AnalysisAnswer> =>
    analysis.of(req.user!, documentId(req.params.doc), wantsAsync(req.get('prefer')) ? 'async' : 'wait');
  r.get('/documents/:doc/analysis', requireUser, async (req, res) => {
    const a = await analysis.of(req.user!, documentId(req.params.doc), 'page');
    send(res, 'job' in a ? analysisWaitPage(viewContext(req), a.doc, a.job) : analysisPage(viewContext(req), a));
  });
  r.get('/documents/:doc/analysis.csv', requireUser, async (req, res) => {
    const a = await answer(req);
    if ('job' in a) return accepted(req, res, a.job);
    res.type('text/csv; charset=utf-8').attachment(`match-analysis-${a.doc.id}.csv`).send(`\uFEFF${analysisCsv(viewContext(req), a)}`);
  });
  r.get('/api/documents/:doc/analysis', requireUser, async (req, res) => {
    const a = await answer(req);
    if ('job' in a) return accepted(req, res, a.job);
    res.json({ document: a.doc, floor: MIN_SIMILARITY, ...a.analysis });
  });
  return r;
}
