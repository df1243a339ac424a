// HTML pages and htmx fragments: a document's rows and the pair editor (the list: document-lifecycle-routes).

import { Router, type Request, type Response } from 'express';
import type { Documents } from '../services/documents.ts';
import type { DocumentViews } from '../services/document-views.ts';
import { parseFilter } from '../services/workspace.ts';
import type { PostEditing, PairActionRequest } from '../services/post-editing.ts';
import type { PairComments } from '../services/pair-comments.ts';
import type { ExportJobs } from '../services/export-jobs.ts';
import type { DocumentCharts } from '../services/document-charts.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { counterField, documentId, optionalText, pairId, versionField, revisionField } from '../http/params.ts';
import { documentPage, pageFigures, rowsFragment, ROWS_PER_PAGE, type RenameRefusal } from '../../views/document-page.ts';
import { editorRow, pairRow } from '../../views/pair-row.ts';
import { liveChanges, LIVE_ROWS_LIMIT } from '../../views/live-rows.ts';
import { historyFragment } from '../../views/history-fragment.ts';
import { chartsPage } from '../../views/charts-page.ts';
import { rejectForm, resolveOnApprove, threadsInHistory, threadsPanel, type FieldMessage } from '../../views/comment-threads.ts';
import { html } from '../../views/html.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { StaleVersionError, assertMayDo, mayDo } from '../domain/review-workflow.ts';
import { diffTexts } from '../domain/text-diff.ts';

// Which field of the reject form a refusal is about, by the sentence's key.
const REJECT_FIELDS: Record<string, string> = {
  'errors.rejectNeedsComment': 'comment', 'errors.commentTooLong': 'comment', 'review.commentControl': 'comment',
  'review.categoryRequired': 'category', 'review.badCategory': 'category', 'review.severityRequired': 'severity', 'review.badSeverity': 'severity',
};

const rejectValues = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(['comment', 'category', 'severity'].map((k) => [k, typeof body[k] === 'string' ? body[k] as string : '']));

// The time since the editor opened (its opened_at field), which the use case clamps.
function editorSeconds(body: Record<string, unknown>): number {
  const openedAt = typeof body.opened_at === 'string' ? Number(body.opened_at) : NaN;
  return Number.isFinite(openedAt) ? (Date.now() - openedAt) / 1000 : 0;
}

function offsetOf(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError('The row offset must be a whole number from 0.', 'errors.badOffset');
  return n;
}

/** The document page as its GET answers it; `refusedRename` opens its rename form again with what was typed and why it was refused. */
export function documentPages(views: DocumentViews, exports: ExportJobs, livePollMs: number) {
  return async (req: Request, doc: number, filter = parseFilter({}), refusedRename?: RenameRefusal) => {
    const { page, rows, quality, seen } = await views.page(req.user!, doc, filter, ROWS_PER_PAGE);
    return documentPage(viewContext(req), { ...page, exportByJob: exports.byJob(page.doc.pairCount), live: { seen, pollMs: livePollMs } }, rows, filter, quality, refusedRename);
  };
}
export type DocumentPages = ReturnType<typeof documentPages>;

export function documentRoutes(deps: {
  documents: Documents; views: DocumentViews; editing: PostEditing; comments: PairComments; charts: DocumentCharts; exports: ExportJobs; livePollMs: number;
}): Router {
  const { documents, views, editing, comments, charts, exports, livePollMs } = deps;
  const r = Router();
  r.use(requireUser);

  const target = async (req: Request) => {
    const doc = documentId(req.params.doc);
    const pair = await editing.find(pairId(req.params.pair), doc);
    return { doc, pair };
  };

  /** The editor with the pair's threads on top and, for reviewers, the reject form (with a refused field's sentence beside it). */
  async function renderEditor(req: Request, res: Response, status = 200,
    extras: { message?: string; attempted?: string; typed?: string; rejected?: FieldMessage & { values: Record<string, string> } } = {}) {
    const doc = documentId(req.params.doc);
    const { pair, row, aids: editorAids, threads, rejection } = await views.editor(req.user!, doc, pairId(req.params.pair));
    const ctx = viewContext(req);
    const url = `/documents/${doc}/pairs/${pair.id}`;
    const canReview = mayDo(req.user!.role, 'approve');
    const { rejected, ...editorExtras } = extras;
    const shown = extras.attempted ?? extras.typed ?? row.tgt;
    send(res, editorRow(ctx, doc, row, {
      diff: diffTexts(row.mt, shown, 'en'), aids: editorAids, canReview, ...editorExtras,
      sinceRejection: rejection && rejection.text !== shown ? { ...rejection, diff: diffTexts(rejection.text, shown, 'en') } : undefined,
      threads: threadsPanel(ctx, url, pair.id, threads, req.user!),
      reject: canReview && !row.noise ? rejectForm(ctx, url, row.version, rejected, rejected?.values) : undefined,
      rejectRefused: canReview && !row.noise && !!rejected?.field,
      resolveOffer: canReview && !row.noise ? resolveOnApprove(ctx, pair.id, threads) : undefined,
    }), status);
  }

  type EditorUseCase = (req: Request, body: Record<string, unknown>, ids: { doc: number; pair: number }) => Promise<unknown>;

  const pairAction = (kind: PairActionRequest['action']): EditorUseCase => (req, body, { doc, pair }) => editing.act(req.user!, pair, {
    action: kind, version: versionField(body.version), text: optionalText(body.tgt, 'tgt'), comment: optionalText(body.comment, 'comment'), seconds: editorSeconds(body),
  }, doc);

  // The editor's Approve: with its "resolve the open rejection" box ticked, the pair's open errors are resolved with it.
  const approve: EditorUseCase = (req, body, { doc, pair }) => comments.approve(req.user!, pair, {
    version: versionField(body.version), text: optionalText(body.tgt, 'tgt'), seconds: editorSeconds(body),
  }, body.resolve_errors === '1', doc);

  // After the role, the form's own checks come first, so a refused field is shown beside it whatever the version.
  const reject: EditorUseCase = (req, body, { doc, pair }) => {
    assertMayDo(req.user!.role, 'reject');
    for (const [field, key] of [['comment', 'errors.rejectNeedsComment'], ['category', 'review.categoryRequired'], ['severity', 'review.severityRequired']] as const) {
      if (typeof body[field] !== 'string' || !(body[field] as string).trim()) throw new ValidationError(`The ${field} of a rejection is required.`, key);
    }
    return comments.reject(req.user!, pair, {
      version: versionField(body.version), comment: optionalText(body.comment, 'comment'), category: body.category, severity: body.severity,
    }, doc);
  };

  const restore: EditorUseCase = (req, body, { doc, pair }) =>
    editing.restore(req.user!, pair, { version: versionField(body.version), revision: revisionField(body.revision) }, doc);

  /**
   * Runs an editor use case; a stale version or invalid input re-renders the editor with the message inline. After
   * a use case that writes a translation the row offers it to the other rows with the same Chinese.
   */
  function action(run: EditorUseCase, opts: { offerRepeats?: boolean } = {}) {
    return async (req: Request, res: Response) => {
      const doc = documentId(req.params.doc);
      const pair = pairId(req.params.pair);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const attempted = typeof body.tgt === 'string' ? body.tgt : undefined;
      try {
        await run(req, body, { doc, pair });
      } catch (err) {
        if (err instanceof StaleVersionError) {
          const t = viewContext(req).t;
          // A rejection carries no English to compare: what the reviewer wrote is what must survive the conflict.
          if (run === reject) {
            return renderEditor(req, res, 409, {
              message: t('errors.staleReject', { version: err.current.version }), rejected: { field: '', message: '', values: rejectValues(body) },
            });
          }
          return renderEditor(req, res, 409, { message: t('errors.stale', { version: err.current.version }), attempted });
        }
        if (err instanceof ValidationError || err instanceof NotFoundError) {
          const message = viewContext(req).t(err.key ?? '', err.params);
          const field = run === reject ? REJECT_FIELDS[err.key ?? ''] : undefined;
          if (field) return renderEditor(req, res, err.status, { rejected: { field, message, values: rejectValues(body) } });
          return renderEditor(req, res, err.status, { message, typed: attempted });
        }
        throw err;
      }
      res.set('HX-Trigger', 'pair-changed');
      const next = body.next === '1' || req.query.next === '1';
      send(res, pairRow(viewContext(req), doc, await views.row(doc, pair), { openNext: next, offerRepeats: opts.offerRepeats, announce: true }));
    };
  }

  const pages = documentPages(views, exports, livePollMs);
  r.get('/documents/:doc', async (req, res) => {
    send(res, await pages(req, documentId(req.params.doc), parseFilter(req.query)));
  });

  r.get('/documents/:doc/rows', async (req, res) => {
    const doc = documentId(req.params.doc);
    const offset = offsetOf(req.query.offset);
    const filter = parseFilter(req.query);
    send(res, rowsFragment(viewContext(req), doc, await views.rows(doc, filter, offset, ROWS_PER_PAGE), offset, filter));
  });

  r.get('/documents/:doc/progress', async (req, res) => {
    const doc = documentId(req.params.doc);
    const { doc: summary, progress, effort, quality } = await views.progress(doc);
    send(res, pageFigures(viewContext(req), summary, progress, effort, quality));
  });

  // The page's poll: the rows others changed since it last looked (views/static/live-rows.js).
  r.get('/documents/:doc/changes', async (req, res) => {
    const doc = documentId(req.params.doc);
    const seen = { revision: counterField(req.query.since), version: counterField(req.query.version) };
    send(res, liveChanges(viewContext(req), doc, await views.changes(doc, seen, LIVE_ROWS_LIMIT)));
  });

  r.get('/documents/:doc/charts', async (req, res) => {
    send(res, chartsPage(viewContext(req), await charts.of(documentId(req.params.doc)), Date.now()));
  });

  r.get('/documents/:doc/pairs/:pair/row', async (req, res) => {
    const doc = documentId(req.params.doc);
    send(res, pairRow(viewContext(req), doc, await views.row(doc, pairId(req.params.pair))));
  });

  r.get('/documents/:doc/pairs/:pair/edit', (req, res) => renderEditor(req, res));
  r.get('/documents/:doc/pairs/:pair/history', async (req, res) => {
    const { doc, pair } = await target(req);
    const ctx = viewContext(req);
    const history = await editing.history(pair.id, doc);
    send(res, html`${historyFragment(ctx, history, { text: pair.tgt_text, restoreUrl: `/documents/${doc}/pairs/${pair.id}/restore`, mtKind: pair.mt_kind })}${
      threadsInHistory(ctx, await comments.threads(pair.id, doc))}`);
  });
  r.post('/documents/:doc/pairs/:pair/save', action(pairAction('save'), { offerRepeats: true }));
  r.post('/documents/:doc/pairs/:pair/confirm', action(pairAction('confirm'), { offerRepeats: true }));
  r.post('/documents/:doc/pairs/:pair/approve', action(approve));
  r.post('/documents/:doc/pairs/:pair/reject', action(reject));
  r.post('/documents/:doc/pairs/:pair/clear', action(pairAction('clear')));
  r.post('/documents/:doc/pairs/:pair/restore', action(restore, { offerRepeats: true }));

  return r;
}
