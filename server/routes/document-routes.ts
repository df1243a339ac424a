// HTML pages and htmx fragments: the document list, a document's rows, and the pair editor.

import { Router, type Request, type Response } from 'express';
import type { Documents } from '../services/documents.ts';
import type { Workspace } from '../services/workspace.ts';
import { parseFilter } from '../services/workspace.ts';
import type { PostEditing, PairActionRequest } from '../services/post-editing.ts';
import type { EditorAidsService } from '../services/editor-aids.ts';
import type { DocumentAccess } from '../services/document-access.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, optionalText, pairId, versionField } from '../http/params.ts';
import { documentsPage } from '../../views/documents-page.ts';
import { documentPage, progressBar, rowsFragment, ROWS_PER_PAGE } from '../../views/document-page.ts';
import { editorRow, pairRow } from '../../views/pair-row.ts';
import { historyFragment } from '../../views/history-fragment.ts';
import { ValidationError } from '../domain/errors.ts';
import { StaleVersionError, mayDo } from '../domain/review-workflow.ts';
import { diffTexts } from '../domain/text-diff.ts';

function offsetOf(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError('The row offset must be a whole number from 0.', 'errors.badOffset');
  return n;
}

export function documentRoutes(deps: { documents: Documents; workspace: Workspace; editing: PostEditing; aids: EditorAidsService; access: DocumentAccess }): Router {
  const { documents, workspace, editing, aids, access } = deps;
  const r = Router();
  r.use(requireUser);

  const target = (req: Request) => {
    const doc = documentId(req.params.doc);
    const pair = editing.find(pairId(req.params.pair), doc);
    return { doc, pair };
  };

  function renderEditor(req: Request, res: Response, status = 200, extras: { message?: string; attempted?: string } = {}) {
    const { doc, pair } = target(req);
    const row = workspace.row(doc, pair.idx);
    send(res, editorRow(viewContext(req), doc, row, {
      diff: diffTexts(row.mt, extras.attempted ?? row.tgt, 'en'), aids: aids.of(row, access.filterFor(req.user!)), canReview: mayDo(req.user!.role, 'approve'), ...extras,
    }), status);
  }

  /** Runs an editor action; a stale version or invalid input re-renders the editor with the message inline. */
  function action(kind: PairActionRequest['action']) {
    return (req: Request, res: Response) => {
      const { doc, pair } = target(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const openedAt = typeof body.opened_at === 'string' ? Number(body.opened_at) : NaN;
      const attempted = typeof body.tgt === 'string' ? body.tgt : undefined;
      try {
        editing.act(req.user!, pair.id, {
          action: kind, version: versionField(body.version), text: optionalText(body.tgt, 'tgt'), comment: optionalText(body.comment, 'comment'),
          seconds: Number.isFinite(openedAt) ? (Date.now() - openedAt) / 1000 : 0,
        }, doc);
      } catch (err) {
        if (err instanceof StaleVersionError) {
          return renderEditor(req, res, 409, { message: viewContext(req).t('errors.stale', { version: err.current.version }), attempted });
        }
        if (err instanceof ValidationError) return renderEditor(req, res, 400, { message: viewContext(req).t(err.key ?? '', err.params), attempted });
        throw err;
      }
      res.set('HX-Trigger', 'pair-changed');
      const next = body.next === '1' || req.query.next === '1';
      send(res, pairRow(viewContext(req), doc, workspace.row(doc, pair.idx), { openNext: next }));
    };
  }

  r.get('/documents', (req, res) => {
    send(res, documentsPage(viewContext(req), documents.list(access.filterFor(req.user!))));
  });

  r.get('/documents/:doc', (req, res) => {
    const doc = documentId(req.params.doc);
    const filter = parseFilter(req.query);
    send(res, documentPage(viewContext(req), { ...workspace.overview(doc), sharing: access.sharing(req.user!, doc) },
      workspace.rows(doc, filter, 0, ROWS_PER_PAGE), filter));
  });

  r.get('/documents/:doc/rows', (req, res) => {
    const doc = documentId(req.params.doc);
    const offset = offsetOf(req.query.offset);
    const filter = parseFilter(req.query);
    send(res, rowsFragment(viewContext(req), doc, workspace.rows(doc, filter, offset, ROWS_PER_PAGE), offset, filter));
  });

  r.get('/documents/:doc/progress', (req, res) => {
    const doc = documentId(req.params.doc);
    send(res, progressBar(viewContext(req), doc, workspace.overview(doc).progress));
  });

  r.get('/documents/:doc/pairs/:pair/row', (req, res) => {
    const { doc, pair } = target(req);
    send(res, pairRow(viewContext(req), doc, workspace.row(doc, pair.idx)));
  });

  r.get('/documents/:doc/pairs/:pair/edit', (req, res) => renderEditor(req, res));
  r.get('/documents/:doc/pairs/:pair/history', (req, res) => {
    const { doc, pair } = target(req);
    send(res, historyFragment(viewContext(req), editing.history(pair.id, doc)));
  });
  r.post('/documents/:doc/pairs/:pair/save', action('save'));
  r.post('/documents/:doc/pairs/:pair/confirm', action('confirm'));
  r.post('/documents/:doc/pairs/:pair/approve', action('approve'));
  r.post('/documents/:doc/pairs/:pair/reject', action('reject'));

  return r;
}
