// Who can open a document: the access panel's forms and the same as JSON.

import { Router, type Request, type Response } from 'express';
import type { DocumentAccess } from '../services/document-access.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId } from '../http/params.ts';
import { accessPanel } from '../../views/access-panel.ts';
import { AppError, ValidationError } from '../domain/errors.ts';

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

function sharedField(raw: unknown): boolean {
  if (raw === true || raw === '1' || raw === 'true') return true;
  if (raw === false || raw === '0' || raw === 'false') return false;
  throw new ValidationError('"shared" must be true or false.', 'errors.badField', { name: 'shared' });
}

export function accessRoutes(access: DocumentAccess): Router {
  const r = Router();

  /** Runs a change; an htmx request gets the panel back (with the message of a refused change), a plain form goes back to the page. */
  function change(run: (req: Request, doc: number) => Promise<void>) {
    return async (req: Request, res: Response) => {
      const doc = documentId(req.params.doc);
      let message: string | undefined;
      // Who may change it is decided before the form is read: a refused user learns nothing from a bad field.
      await access.assertMayManage(req.user!, doc);
      try {
        await run(req, doc);
      } catch (err) {
        if (!(err instanceof ValidationError) || !req.get('HX-Request')) throw err;
        message = viewContext(req).t((err as AppError).key ?? '', (err as AppError).params);
      }
      if (!req.get('HX-Request')) return res.redirect(303, `/documents/${doc}`);
      send(res, accessPanel(viewContext(req), doc, await access.sharing(req.user!, doc), message), message ? 400 : 200);
    };
  }

  r.post('/documents/:doc/sharing', requireUser, change((req, doc) => access.setShared(req.user!, doc, sharedField(body(req).shared))));
  r.post('/documents/:doc/members', requireUser, change((req, doc) => access.addMember(req.user!, doc, body(req).name)));
  r.post('/documents/:doc/members/delete', requireUser, change((req, doc) => access.removeMember(req.user!, doc, body(req).name)));

  r.get('/api/documents/:doc/access', requireUser, async (req, res) => {
    res.json(await access.sharing(req.user!, documentId(req.params.doc)));
  });
  // {"shared": bool?, "add": [names]?, "remove": [names]?}, all in one transaction.
  r.post('/api/documents/:doc/access', requireUser, async (req, res) => {
    const doc = documentId(req.params.doc);
    await access.assertMayManage(req.user!, doc);
    const b = body(req);
    const names = (v: unknown, field: string) => {
      if (v === undefined) return [];
      if (!Array.isArray(v)) throw new ValidationError(`"${field}" must be a list of user names.`, 'errors.badField', { name: field });
      return v as unknown[];
    };
    await access.change(req.user!, doc, {
      ...(b.shared !== undefined ? { shared: sharedField(b.shared) } : {}), add: names(b.add, 'add'), remove: names(b.remove, 'remove'),
    });
    res.json(await access.sharing(req.user!, doc));
  });
  return r;
}
