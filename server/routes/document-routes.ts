// HTML pages: the document list, a document's rows, and further pages of rows for htmx.

import { Router } from 'express';
import type { Documents } from '../services/documents.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentsPage } from '../../views/documents-page.ts';
import { documentPage, rowsFragment, ROWS_PER_PAGE } from '../../views/document-page.ts';
import { ValidationError } from '../domain/errors.ts';
import { documentId } from '../http/params.ts';

function offsetOf(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError('The row offset must be a whole number from 0.', 'errors.badOffset');
  return n;
}

export function documentRoutes(documents: Documents): Router {
  const r = Router();
  r.use(requireUser);

  r.get('/documents', (req, res) => {
    send(res, documentsPage(viewContext(req), documents.list()));
  });

  r.get('/documents/:id', (req, res) => {
    const id = documentId(req.params.id);
    const doc = documents.get(id);
    send(res, documentPage(viewContext(req), doc, documents.pairs(id, 0, ROWS_PER_PAGE)));
  });

  r.get('/documents/:id/rows', (req, res) => {
    const id = documentId(req.params.id);
    const offset = offsetOf(req.query.offset);
    send(res, rowsFragment(viewContext(req), id, documents.pairs(id, offset, ROWS_PER_PAGE), offset));
  });

  return r;
}
