// Turns thrown errors into a status and a human sentence: JSON under /api, a fragment for htmx, a page otherwise.

import type { ErrorRequestHandler, Request } from 'express';
import { AppError, DeactivatedError } from '../domain/errors.ts';
import { StaleVersionError } from '../domain/review-workflow.ts';
import { errorFragment, errorPage } from '../../views/error-page.ts';
import { deactivatedNotice, deactivatedPage, signedOutNotice } from '../../views/session-notice.ts';
import { errorSentence, errorText } from '../../views/marked-text.ts';
import { viewContext } from './render.ts';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

interface Described {
  status: number;
  /** The English sentence, for scripts and logs. */
  message: string;
  /** The reader's sentence, when the error has one of its own. */
  key?: string;
  params?: Record<string, unknown>;
  extra?: object;
}

function describe(err: unknown): Described {
  if (err instanceof AppError) {
    // A refusal is the user's to read; a server that cannot serve (its disk full) is the admin's, in the log.
    if (err.status >= 500) console.error(err);
    const extra = err instanceof StaleVersionError ? { current: err.current } : err.details;
    return { status: err.status, message: err.message, key: err.key, params: err.params, extra };
  }
  const e = err as HttpishError & Error;
  const status = e.status ?? e.statusCode;
  // body-parser's errors (bad JSON, too large) are client errors with safe messages.
  if (status && status >= 400 && status < 500 && e.expose !== false) {
    if (e.type === 'entity.parse.failed') return { status, message: 'The request body is not valid JSON.', key: 'errors.badJson' };
    if (e.type === 'entity.too.large') return { status, message: 'The request body is too large.', key: 'errors.bodyTooLarge' };
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return { status, message: 'The request body must be sent in UTF-8.', key: 'errors.bodyCharset' };
    if (e.type === 'parameters.too.many') return { status, message: 'The form has too many fields.', key: 'errors.tooManyFields' };
    // The router's answer to an address like /documents/%E0: its message quotes the broken part.
    if (err instanceof URIError) {
      const value = /'(.*)'/.exec(e.message)?.[1] ?? '';
      return { status, message: `The address has a broken %-escape (${value}); check the link.`, key: 'errors.badParam', params: { value } };
    }
    // raw-body's other refusals: a body cut short of its Content-Length, or compressed data that does not inflate.
    if (e.type === 'request.size.invalid' || e.type === 'request.aborted' || /^Z_/.test(String((err as { code?: unknown }).code))) {
      return { status, message: `The request body could not be read (${e.message}); send it again.`, key: 'errors.bodyUnreadable' };
    }
    return { status, message: e.message };
  }
  console.error(err);
  return { status: 500, message: 'Something went wrong on the server. The error was logged.', key: 'errors.server' };
}

// After signing in, a form posted with an ended session goes back to the page it was on, not to its POST address.
function pageToReturnTo(req: Request): string {
  if (req.method === 'GET') return req.originalUrl;
  try {
    const from = new URL(req.get('referer') ?? '');
    return from.host === req.get('host') ? from.pathname + from.search : '/documents';
  } catch {
    return '/documents';
  }
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const { status, message, extra, ...own } = describe(err);
  const ctx = viewContext(req);
  // An error without a sentence of its own: the English reader reads its message, any other the general refusal.
  const { key, params } = own.key || ctx.lang === 'en' ? own : { key: 'errors.refused', params: { status } };
  if (req.path.startsWith('/api/') || req.path === '/healthz') {
    // `message` is the sentence in the user's language, for a page script to show as it is.
    res.status(status).json({ error: message, status, message: errorText(ctx, { message, key, params }), ...extra });
  } else if (req.get('hx-request')) {
    // htmx swaps error answers too: the page's script (views/static/session.js) puts this notice beside the
    // user's work instead, so what they typed stays on screen until they have signed in and retried.
    const fragment = err instanceof DeactivatedError ? deactivatedNotice(ctx)
      : status === 401 ? signedOutNotice(ctx) : errorFragment(errorSentence(ctx, { message, key, params }));
    // Marks a refusal apart from a route's own re-rendered fragment (a 409 editor, a 400 form with its messages), so
    // session.js shows it beside the work instead of swapping it over the row or list it was aimed at.
    res.status(status).set('X-Duiqi-Refusal', '1').type('html').send(fragment.toString());
  } else if (err instanceof DeactivatedError) {
    res.status(401).type('html').send(deactivatedPage(ctx).toString());
  } else if (status === 401) {
    res.redirect(303, `/login?next=${encodeURIComponent(pageToReturnTo(req))}`);
  } else {
    res.status(status).type('html').send(errorPage(ctx, status, errorSentence(ctx, { message, key, params })).toString());
  }
};
