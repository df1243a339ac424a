// The glossary page and its htmx fragments; the CSV and TBX downloads and file import; the JSON API.

import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Glossary, GlossaryImport } from '../services/glossary.ts';
import type { WorkPool } from '../threads/work-pool.ts';
import { fileIn, upload } from '../http/upload.ts';
import type { ViewContext } from '../../views/view-context.ts';
import type { GlossaryRow, TermsAndNote } from '../db/glossary-repo.ts';
import { requireRole, requireUser } from '../http/auth.ts';
import { AppError } from '../domain/errors.ts';
import { send, viewContext } from '../http/render.ts';
import { glossaryEditRow, glossaryPage, glossaryTable, type TableState } from '../../views/glossary-page.ts';
import { errorText, markedT } from '../../views/marked-text.ts';
import type { SafeHtml } from '../../views/html.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';

function entryId(raw: unknown): number {
  const text = String(raw);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new NotFoundError(`There is no glossary entry "${text}".`, 'errors.noGlossaryEntry');
  return Number(text);
}

// A JSON body may hold any value; String() of an object without a callable toString throws, so it reads as nothing.
const field = (req: Request, name: string) => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** The part of the glossary a request looks at (?q=&page=): the page, and the table every change made there answers with. */
const shownPart = (glossary: Glossary, req: Request) => glossary.page(typeof req.query.q === 'string' ? req.query.q : '', Number(req.query.page) || 1);

// The API's entries as they were before authors were kept: who added one is for the permission, not the reader.
const entriesJson = (rows: GlossaryRow[]) => rows.map(({ id, zh, en, note }) => ({ id, zh, en, note }));

export function glossaryRoutes(glossary: Glossary): Router {
  const r = Router();
  const editors = requireRole('translator', 'reviewer', 'admin');

  const shown = (req: Request) => shownPart(glossary, req);
  /**
   * Runs a change and re-renders the table as the user was looking at it; invalid input comes back inline in the same
   * fragment, the form as typed (`refused` says where).
   */
  const change = (run: (req: Request) => Promise<string | SafeHtml | undefined>, refused: (req: Request, err?: AppError) => TableState = () => ({})) => async (req: Request, res: Response) => {
    const ctx = viewContext(req);
    try {
      const info = await run(req);
      send(res, glossaryTable(ctx, await shown(req), req.user!, { ...(info ? { message: { info } } : {}), focusAdd: refused(req).typed !== undefined }));
    } catch (err) {
      if (!(err instanceof ValidationError || err instanceof ForbiddenError || err instanceof ConflictError)) throw err;
      const state = refused(req, err);
      send(res, glossaryTable(ctx, await shown(req), req.user!, { ...state, message: { error: errorText(ctx, err) }, focusAdd: state.typed !== undefined }), err.status);
    }
  };
  const terms = (req: Request) => ({ zh: field(req, 'zh'), en: field(req, 'en'), note: field(req, 'note') });
  // What the edit form was opened on; a request without it (an older page) saves as before.
  const seenTerms = (req: Request): TermsAndNote | undefined => (field(req, 'was_zh')
    ? { zh: field(req, 'was_zh'), en: field(req, 'was_en'), note: field(req, 'was_note') } : undefined);

  r.get('/glossary', requireUser, async (req, res) => send(res, glossaryPage(viewContext(req), await shown(req), req.user!)));
  r.get('/glossary/entries', requireUser, async (req, res) => send(res, glossaryTable(viewContext(req), await shown(req), req.user!)));
  r.get('/glossary.csv', requireUser, async (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment('glossary.csv').send(`\uFEFF${await glossary.exportCsv()}`);
  });
  r.get('/glossary.tbx', requireUser, async (_req, res) => {
    // attachment() sets the type from the name, and .tbx has none in Express's table: the type comes after it.
    res.attachment('glossary.tbx').type('application/xml; charset=utf-8').send(await glossary.exportTbx());
  });
  r.post('/glossary', editors, change(async (req) => {
    await glossary.add(req.user!, field(req, 'zh'), field(req, 'en'), field(req, 'note'));
    // Said, as the import's count is: a screen reader hears that the term went in, the sighted see the new row.
    return markedT(viewContext(req), 'glossary.added', { zh: field(req, 'zh').trim(), en: field(req, 'en').trim() }, { zh: 'zh-CN', en: 'en' });
  }, (req) => ({ typed: terms(req) })));
  r.get('/glossary/:id/edit', editors, async (req, res) => {
    const entry = await glossary.editable(req.user!, entryId(req.params.id));
    send(res, glossaryEditRow(viewContext(req), await shown(req), entry));
  });
  // A refused edit keeps its form open with the terms as typed; one refused as not the user's shows the row as it is.
  r.post('/glossary/:id/edit', editors, change(async (req) => {
    const { zh, en, note } = terms(req);
    await glossary.update(req.user!, entryId(req.params.id), { zh, en, note }, seenTerms(req));
    return markedT(viewContext(req), 'glossary.changed', { zh: zh.trim(), en: en.trim() }, { zh: 'zh-CN', en: 'en' });
  }, (req, err) => (err instanceof ForbiddenError ? {} : { editing: { id: entryId(req.params.id), ...terms(req), added_by: null,
    // After a conflict the form holds the entry as it now is, so that saving again replaces it knowingly.
    seen: err instanceof ConflictError ? err.params as unknown as TermsAndNote : seenTerms(req) } })));
  r.post('/glossary/:id/delete', editors, change(async (req) => {
    await glossary.remove(req.user!, entryId(req.params.id));
    return undefined;
  }));
  r.post('/glossary/import', editors, change(async (req) => importedSentence(viewContext(req), await glossary.importText(field(req, 'csv'), req.user!))));

  r.get('/api/glossary', requireUser, async (_req, res) => res.json(entriesJson(await glossary.list())));
  r.post('/api/glossary', editors, async (req, res) => {
    await glossary.add(req.user!, field(req, 'zh'), field(req, 'en'), field(req, 'note'));
    res.status(201).json(entriesJson(await glossary.list()));
  });
  r.post('/api/glossary/import', editors, async (req, res) => {
    const text = field(req, 'tbx') || field(req, 'csv');
    // A script that misnames the field (or sends nothing) is told so, not answered "201, imported 0".
    if (!text) throw new ValidationError('Send the text of a CSV or TBX glossary as "csv" or "tbx".', 'errors.noGlossaryText');
    importedJson(viewContext(req), res, await glossary.importText(text, req.user!));
  });
  r.patch('/api/glossary/:id', editors, async (req, res) => {
    const id = entryId(req.params.id);
    // A patch: what the body leaves out stays as it is; a null or empty note clears it.
    const given = (name: string) => (req.body as Record<string, unknown> | undefined)?.[name] === undefined ? undefined : field(req, name);
    // With was_zh and was_en (and was_note), the entry as the client last read it: a change made since is a 409, as in the form.
    res.json(entriesJson([await glossary.update(req.user!, id, { zh: given('zh'), en: given('en'), note: given('note') }, seenTerms(req))])[0]);
  });
  r.delete('/api/glossary/:id', editors, async (req, res) => {
    await glossary.remove(req.user!, entryId(req.params.id));
    res.status(204).end();
  });
  return r;
}

/** "Imported 12 entries.", and how many concepts of a TBX were left out for want of Chinese or English. */
function importedSentence(ctx: ViewContext, done: GlossaryImport): string {
  const imported = ctx.t('glossary.imported', { count: done.imported });
  if (done.skipped === 0) return imported;
  // Sentences follow each other with a space in English and without one in Chinese.
  return ctx.t('glossary.twoSentences', { first: imported, second: ctx.t('glossary.skippedConcepts', { count: done.skipped }) });
}

function importedJson(ctx: ViewContext, res: Response, done: GlossaryImport): void {
  res.status(201).json(done.skipped > 0 ? { imported: done.imported, skipped: done.skipped, message: importedSentence(ctx, done) } : { imported: done.imported });
}

function noGlossaryFile(): never {
  throw new ValidationError('Choose a CSV or TBX file to import into the glossary.', 'errors.noGlossaryFile');
}

/**
 * A glossary file uploaded (CSV or TBX, up to the upload limit), read on a work thread. Multipart, so mounted before
 * the app-wide CSRF check: the upload guard checks the form's token once the body is parsed.
 */
export function glossaryFileRoutes(deps: { glossary: Glossary; work: () => WorkPool; maxUpload: number }): Router {
  const r = Router();
  const editors = requireRole('translator', 'reviewer', 'admin');
  const guard = upload(deps.maxUpload);
  const importFile = (req: Request) => deps.work().importGlossaryFile(fileIn(req, 'source') ?? noGlossaryFile(), req.user!);

  const importFromForm: RequestHandler = async (req, res) => {
    const ctx = viewContext(req);
    const done = await importFile(req);
    const shown = await shownPart(deps.glossary, req);
    const state = { message: { info: importedSentence(ctx, done) } };
    send(res, req.get('hx-request') ? glossaryTable(ctx, shown, req.user!, state) : glossaryPage(ctx, shown, req.user!, state), 201);
  };
  // Refused, the table says why where the import was asked for; the glossary is as it was.
  const showRefusal: ErrorRequestHandler = async (err, req, res, next) => {
    if (!(err instanceof AppError) || ![400, 403, 413].includes(err.status)) return next(err);
    const ctx = viewContext(req);
    const shown = await shownPart(deps.glossary, req);
    const state = { message: { error: errorText(ctx, err) } };
    send(res, req.get('hx-request') ? glossaryTable(ctx, shown, req.user!, state) : glossaryPage(ctx, shown, req.user!, state), err.status);
  };
  r.post('/glossary/import-file', editors, ...guard, importFromForm, showRefusal);
  r.post('/api/glossary/import-file', editors, ...guard, async (req: Request, res: Response) => importedJson(viewContext(req), res, await importFile(req)));
  return r;
}
