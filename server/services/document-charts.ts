// Gathers the figures a document's charts draw: no drawing here (views/charts-page.ts draws).

import { NotFoundError } from '../domain/errors.ts';
import {
  burnUp, confidenceHistogram, effortByTranslator, qaByKind, thinBurnUp,
  type BeadShape, type BurnUpPoint, type HistogramBin, type TranslatorEffort,
} from '../domain/work-charts.ts';
import type { QaCode } from '../domain/qa-checks.ts';
import type { Workspace, Progress } from './workspace.ts';
import type { DocumentSummary } from './documents.ts';

export interface ChartFigures {
  doc: DocumentSummary;
  progress: Progress;
  /** The burn-up's points, thinned for a long history (see thinBurnUp). */
  burnUp: BurnUpPoint[];
  /** How many changes of state the history holds. */
  stateChanges: number;
  translators: TranslatorEffort[];
  beads: BeadShape[];
  histogram: { bins: HistogramBin[]; unscored: number };
  qa: { code: QaCode; count: number }[];
}

export function documentCharts(workspace: Workspace) {
  return {
    of: (documentId: number): Promise<ChartFigures> => workspace.read(async (scope) => {
      const { tx } = scope;
      const start = await tx.charts.createdAt(documentId);
      if (start === undefined) throw new NotFoundError(`There is no document ${documentId}.`, 'errors.noDocument', { id: documentId });
      const changes = (await tx.charts.stateChanges(documentId)).map((c) => ({ at: c.at, oldState: c.old_state, newState: c.new_state }));
      const beads = await tx.charts.beads(documentId);
      const authored = await tx.charts.authoredPairs(documentId);
      const { doc, progress } = await workspace.overview(scope, documentId);
      const now = { done: progress.translated + progress.approved, approved: progress.approved };
      // Every row, unfiltered: those come from the kept pages with their kept flags, where the QA filter reads
      // and checks the whole document again (seconds for 10,000 rows).
      const rows = await workspace.rows(scope, documentId, {}, 0, Number.MAX_SAFE_INTEGER);
      return {
        doc, progress,
        burnUp: thinBurnUp(burnUp(changes, now, start)),
        stateChanges: changes.length,
        translators: effortByTranslator(authored.map((p) => ({ author: p.author, mt: p.mt, final: p.tgt, seconds: p.seconds }))),
        beads,
        histogram: confidenceHistogram(beads),
        qa: qaByKind(rows.map((r) => r.flags)),
      };
    }),
  };
}
export type DocumentCharts = ReturnType<typeof documentCharts>;
