// HTML pages and htmx fragments: the document list, a document's rows, and the pair editor.

import { Router, type Request, type Response } from 'express';
import type { Documents } from '../services/documents.ts';
import type { Workspace } from '../services/workspace.ts';
import { parseFilter } from '../services/workspace.ts';
import type { PostEditing, PairActionRequest } from '../services/post-editing.ts';
import type { EditorAidsService } from '../services/editor-aids.ts';
import type { DocumentAccess } from '../services/document-access.ts';
import type { TranslatedDocuments } from '../services/translated-document.ts';
import type { DocumentCharts } from '../services/document-charts.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, optionalText, pairId, versionField } from '../http/params.ts';
import { documentsPage } from '../../views/documents-page.ts';
import { documentPage, progressBar, rowsFragment, ROWS_PER_PAGE } from '../../views/document-page.ts';
import { editorRow, pairRow } from '../../views/pair-row.ts';
import { historyFragment } from '../../views/history-fragment.ts';
import { chartsPage } from '../../views/charts-page.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { StaleVersionError, mayDo } from '../domain/review-workflow.ts';
import { diffTexts } from '../domain/text-diff.ts';

function offsetOf(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError('The row offset must be a whole number from 0.', 'errors.badOffset');
  return n;
}

export function documentRoutes(deps: {
  documents: Documents; workspace: Workspace; editing: PostEditing; aids: EditorAidsService; access: DocumentAccess; translated: TranslatedDocuments; charts: DocumentCharts;
}): Router {
  const { documents, workspace, editing, aids, access, translated, charts } = deps;
  const r = Router();
  r.use(requireUser);

  const target = async (req: Request) => {
    const doc = documentId(req.params.doc);
    const pair = await editing.find(pairId(req.params.pair), doc);
    return { doc, pair };
  };

  async function renderEditor(req: Request, res: Response, status = 200, extras: { message?: string; attempted?: string; typed?: string } = {}) {
    const { doc, pair } = await target(req);
    const row = await workspace.row(doc, pair.idx);
    const editorAids = await aids.of(row, await access.filterFor(req.user!));
    send(res, editorRow(viewContext(req), doc, row, {
      diff: diffTexts(row.mt, extras.attempted ?? extras.typed ?? row.tgt, 'en'), aids: editorAids, canReview: mayDo(req.user!.role, 'approve'), ...extras,
    }), status);
  }

  type EditorUseCase = (req: Request, body: Record<string, unknown>, ids: { doc: number; pair: number }) => Promise<unknown>;

  const pairAction = (kind: PairActionRequest['action']): EditorUseCase => (req, body, { doc, pair }) => {
    const openedAt = typeof body.opened_at === 'string' ? Number(body.opened_at) : NaN;
    return editing.act(req.user!, pair, {
      action: kind, version: versionField(body.version), text: optionalText(body.tgt, 'tgt'), comment: optionalText(body.comment, 'comment'),
      seconds: Number.isFinite(openedAt) ? (Date.now() - openedAt) / 1000 : 0,
    }, doc);
  };

  const restore: EditorUseCase = (req, body, { doc, pair }) =>
    editing.restore(req.user!, pair, { version: versionField(body.version), revision: versionField(body.revision) }, doc);

  /** Runs an editor use case; a stale version or invalid input re-renders the editor with the message inline. */
  function action(run: EditorUseCase) {
    return async (req: Request, res: Response) => {
      const { doc, pair } = await target(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const attempted = typeof body.tgt === 'string' ? body.tgt : undefined;
      try {
        await run(req, body, { doc, pair: pair.id });
      } catch (err) {
        if (err instanceof StaleVersionError) {
          return renderEditor(req, res, 409, { message: viewContext(req).t('errors.stale', { version: err.current.version }), attempted });
        }
        if (err instanceof ValidationError || err instanceof NotFoundError) {
          return renderEditor(req, res, err.status, { message: viewContext(req).t(err.key ?? '', err.params), typed: attempted });
        }
        throw err;
      }
      res.set('HX-Trigger', 'pair-changed');
      const next = body.next === '1' || req.query.next === '1';
      send(res, pairRow(viewContext(req), doc, await workspace.row(doc, pair.idx), { openNext: next }));
    };
  }

  r.get('/documents', async (req, res) => {
    send(res, documentsPage(viewContext(req), await documents.list(await access.filterFor(req.user!))));
  });

  r.get('/documents/:doc', async (req, res) => {
    const doc = documentId(req.params.doc);
    const filter = parseFilter(req.query);
    const overview = await workspace.overview(doc);
    const page = { ...overview, sharing: await access.sharing(req.user!, doc), sourceFormat: await translated.formatOf(doc) };
    send(res, documentPage(viewContext(req), page, await workspace.rows(doc, filter, 0, ROWS_PER_PAGE), filter));
  });

  r.get('/documents/:doc/rows', async (req, res) => {
    const doc = documentId(req.params.doc);
    const offset = offsetOf(req.query.offset);
    const filter = parseFilter(req.query);
    send(res, rowsFragment(viewContext(req), doc, await workspace.rows(doc, filter, offset, ROWS_PER_PAGE), offset, filter));
  });

  r.get('/documents/:doc/progress', async (req, res) => {
    const doc = documentId(req.params.doc);
    send(res, progressBar(viewContext(req), doc, (await workspace.overview(doc)).progress));
  });

  r.get('/documents/:doc/charts', async (req, res) => {
    send(res, chartsPage(viewContext(req), await charts.of(documentId(req.params.doc)), Date.now()));
  });

  r.get('/documents/:doc/pairs/:pair/row', async (req, res) => {
    const { doc, pair } = await target(req);
    send(res, pairRow(viewContext(req), doc, await workspace.row(doc, pair.idx)));
  });

  r.get('/documents/:doc/pairs/:pair/edit', (req, res) => renderEditor(req, res));
  r.get('/documents/:doc/pairs/:pair/history', async (req, res) => {
    const { doc, pair } = await target(req);
    send(res, historyFragment(viewContext(req), await editing.history(pair.id, doc), { text: pair.tgt_text, restoreUrl: `/documents/${doc}/pairs/${pair.id}/restore` }));
  });
  r.post('/documents/:doc/pairs/:pair/save', action(pairAction('save')));
  r.post('/documents/:doc/pairs/:pair/confirm', action(pairAction('confirm')));
  r.post('/documents/:doc/pairs/:pair/approve', action(pairAction('approve')));
  r.post('/documents/:doc/pairs/:pair/reject', action(pairAction('reject')));
  r.post('/documents/:doc/pairs/:pair/clear', action(pairAction('clear')));
  r.post('/documents/:doc/pairs/:pair/restore', action(restore));

  return r;
}
