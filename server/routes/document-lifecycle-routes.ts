// Managing documents: the list page and its fragment, rename, archive, delete to the trash, restore and empty
// the trash, as forms (htmx swaps the list, a plain form goes back to it) and as JSON under /api.

import { Router, type Request, type Response } from 'express';
import type { DocumentLifecycle, DocumentListQuery } from '../services/document-lifecycle.ts';
import { listAddress, parseListQuery } from '../services/document-lifecycle.ts';
import { requireRole, requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId } from '../http/params.ts';
import { documentList, documentsPage, type ListNotice } from '../../views/documents-page.ts';
import { AppError, ValidationError } from '../domain/errors.ts';
import type { DocumentPages } from './document-routes.ts';

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

/** The document page a form came from (its hidden `back` field), to go back to after a plain POST. */
function pageOf(req: Request): string | undefined {
  const back = body(req).back;
  return typeof back === 'string' && /^\/documents\/\d+$/.test(back) ? back : undefined;
}

/** The list a form came from (its hidden `list` field, the page's address); the working list when there is none. */
function listOf(req: Request): DocumentListQuery {
  const list = body(req).list;
  const search = typeof list === 'string' && list.startsWith('/documents') ? list.slice('/documents'.length).replace(/^\?/, '') : '';
  return parseListQuery(Object.fromEntries(new URLSearchParams(search)));
}

export function documentLifecycleRoutes(lifecycle: DocumentLifecycle, documentPages: DocumentPages): Router {
  const r = Router();

  const list = (req: Request, query: DocumentListQuery) => lifecycle.list(req.user!, query, viewContext(req).lang);

  /**
   * Runs a change and says what it did; htmx gets the list back (a refusal in it, with its status), a plain form
   * goes back to the list or the document page it came from. A refused title comes back to a plain form too, as the
   * page it was on with the form open, the title as typed and the sentence beside it; other refusals are an error page.
   */
  function change(run: (req: Request, doc: number) => Promise<ListNotice>) {
    return async (req: Request, res: Response) => {
      const doc = req.params.doc === undefined ? 0 : documentId(req.params.doc);
      const query = listOf(req);
      const plain = !req.get('HX-Request');
      let notice: ListNotice;
      let status = 200;
      try {
        notice = await run(req, doc);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const title = body(req).title;
        const renaming = typeof title === 'string' && req.path.endsWith('/rename') ? { id: doc, title } : undefined;
        if (plain && !(renaming && err instanceof ValidationError)) throw err;
        notice = { message: err.key ? viewContext(req).t(err.key, err.params) : err.message, error: true, ...(renaming ? { renaming } : {}) };
        status = err.status;
      }
      const back = pageOf(req);
      if (plain && !notice.error) return res.redirect(303, back ?? listAddress(query));
      if (plain && back && notice.renaming) {
        return send(res, await documentPages(req, doc, undefined, { title: notice.renaming.title, message: notice.message }), status);
      }
      const docs = await list(req, query);
      send(res, plain ? documentsPage(viewContext(req), docs, query, notice) : documentList(viewContext(req), docs, query, notice), status);
    };
  }

  r.get('/documents', requireUser, async (req, res) => {
    const query = parseListQuery(req.query);
    send(res, documentsPage(viewContext(req), await list(req, query), query));
  });
  r.get('/document-list', requireUser, async (req, res) => {
    const query = parseListQuery(req.query);
    send(res, documentList(viewContext(req), await list(req, query), query));
  });

  r.post('/documents/:doc/rename', requireUser, change(async (req, doc) => {
    const d = await lifecycle.change(req.user!, doc, { title: body(req).title ?? '' });
    return { message: viewContext(req).t('lifecycle.renamed', { title: d.title }) };
  }));
  r.post('/documents/:doc/archive', requireUser, change(async (req, doc) => {
    const d = await lifecycle.change(req.user!, doc, { archived: body(req).archived ?? '' });
    return { message: viewContext(req).t(d.archivedAt ? 'lifecycle.archived' : 'lifecycle.unarchived', { title: d.title }) };
  }));
  r.post('/documents/:doc/delete', requireUser, change(async (req, doc) => {
    const d = await lifecycle.trash(req.user!, doc);
    return { message: viewContext(req).t('lifecycle.trashed', { title: d.title, days: 30 }), trashed: d.id };
  }));
  r.post('/documents/:doc/purge', requireUser, change(async (req, doc) => {
    const d = await lifecycle.purge(req.user!, doc);
    return { message: viewContext(req).t('documentManage.purged', { title: d.title }) };
  }));
  r.post('/documents/:doc/restore', requireUser, change(async (req, doc) => {
    const d = await lifecycle.restore(req.user!, doc);
    return { message: viewContext(req).t('lifecycle.restored', { title: d.title }) };
  }));
  r.post('/trash/empty', requireRole('admin'), change(async (req) => {
    const purged = await lifecycle.emptyTrash(req.user!);
    return { message: viewContext(req).t('lifecycle.emptied', { count: purged }) };
  }));

  r.get('/api/documents', requireUser, async (req, res) => {
    res.json(await list(req, parseListQuery(req.query)));
  });
  r.get('/api/documents/:doc', requireUser, async (req, res) => {
    res.json(await lifecycle.get(req.user!, documentId(req.params.doc)));
  });
  // {"title"?: text, "archived"?: bool}: both or, when one is refused, neither.
  r.patch('/api/documents/:doc', requireUser, async (req, res) => {
    const { title, archived } = body(req);
    res.json(await lifecycle.change(req.user!, documentId(req.params.doc), { title, archived }));
  });
  r.delete('/api/documents/:doc', requireUser, async (req, res) => {
    res.json(await lifecycle.trash(req.user!, documentId(req.params.doc)));
  });
  r.post('/api/documents/:doc/restore', requireUser, async (req, res) => {
    res.json(await lifecycle.restore(req.user!, documentId(req.params.doc)));
  });
  r.delete('/api/trash/:doc', requireUser, async (req, res) => {
    res.json({ purged: await lifecycle.purge(req.user!, documentId(req.params.doc)) });
  });
  r.delete('/api/trash', requireRole('admin'), async (req, res) => {
    res.json({ purged: await lifecycle.emptyTrash(req.user!) });
  });
  return r;
}
