// A document's match analysis: its page, its CSV and GET /api/documents/:doc/analysis (the document gate checks access).

import { Router } from 'express';
import type { MatchAnalysisService } from '../services/match-analysis.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId } from '../http/params.ts';
import { analysisCsv, analysisPage } from '../../views/analysis-page.ts';
import { MIN_SIMILARITY } from '../services/translation-memory.ts';

export function analysisRoutes(analysis: MatchAnalysisService): Router {
  const r = Router();
  r.get('/documents/:doc/analysis', requireUser, async (req, res) => {
    send(res, analysisPage(viewContext(req), await analysis.of(req.user!, documentId(req.params.doc))));
  });
  r.get('/documents/:doc/analysis.csv', requireUser, async (req, res) => {
    const doc = documentId(req.params.doc);
    res.type('text/csv; charset=utf-8').attachment(`match-analysis-${doc}.csv`).send(`\uFEFF${analysisCsv(viewContext(req), await analysis.of(req.user!, doc))}`);
  });
  r.get('/api/documents/:doc/analysis', requireUser, async (req, res) => {
    const { doc, analysis: a } = await analysis.of(req.user!, documentId(req.params.doc));
    res.json({ document: doc, floor: MIN_SIMILARITY, ...a });
  });
  return r;
}
