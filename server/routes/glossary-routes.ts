// The glossary page and its htmx fragments; the CSV download; the JSON API.

import { Router, type Request, type Response } from 'express';
import type { Glossary } from '../services/glossary.ts';
import type { GlossaryRow } from '../db/glossary-repo.ts';
import { requireRole, requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { glossaryPage, glossaryTable } from '../../views/glossary-page.ts';
import { errorText } from '../../views/marked-text.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';

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

// The API's entries as they were before authors were kept: who added one is for the permission, not the reader.
const entriesJson = (rows: GlossaryRow[]) => rows.map(({ id, zh, en, note }) => ({ id, zh, en, note }));

export function glossaryRoutes(glossary: Glossary): Router {
  const r = Router();
  const editors = requireRole('translator', 'reviewer', 'admin');

  /** Runs a change and re-renders the table; invalid input comes back inline in the same fragment, the add form as typed. */
  const change = (run: (req: Request) => Promise<string | undefined>, typed?: (req: Request) => Record<string, string>) => async (req: Request, res: Response) => {
    const ctx = viewContext(req);
    try {
      const info = await run(req);
      send(res, glossaryTable(ctx, await glossary.list(), req.user!, info ? { info } : undefined));
    } catch (err) {
      if (!(err instanceof ValidationError || err instanceof ForbiddenError)) throw err;
      send(res, glossaryTable(ctx, await glossary.list(), req.user!, { error: errorText(ctx, err) }, typed?.(req)), err instanceof ForbiddenError ? 403 : 400);
    }
  };

  r.get('/glossary', requireUser, async (req, res) => send(res, glossaryPage(viewContext(req), await glossary.list(), req.user!)));
  r.get('/glossary.csv', requireUser, async (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment('glossary.csv').send(`\uFEFF${await glossary.exportCsv()}`);
  });
  r.post('/glossary', editors, change(async (req) => {
    await glossary.add(req.user!, field(req, 'zh'), field(req, 'en'), field(req, 'note'));
    return undefined;
  }, (req) => ({ zh: field(req, 'zh'), en: field(req, 'en'), note: field(req, 'note') })));
  r.post('/glossary/:id/delete', editors, change(async (req) => {
    await glossary.remove(req.user!, entryId(req.params.id));
    return undefined;
  }));
  r.post('/glossary/import', editors, change(async (req) =>
    viewContext(req).t('glossary.imported', { count: await glossary.importCsv(field(req, 'csv'), req.user!) })));

  r.get('/api/glossary', requireUser, async (_req, res) => res.json(entriesJson(await glossary.list())));
  r.post('/api/glossary', editors, async (req, res) => {
    await glossary.add(req.user!, field(req, 'zh'), field(req, 'en'), field(req, 'note'));
    res.status(201).json(entriesJson(await glossary.list()));
  });
  r.post('/api/glossary/import', editors, async (req, res) => {
    res.status(201).json({ imported: await glossary.importCsv(field(req, 'csv'), req.user!) });
  });
  r.delete('/api/glossary/:id', editors, async (req, res) => {
    await glossary.remove(req.user!, entryId(req.params.id));
    res.status(204).end();
  });
  return r;
}
