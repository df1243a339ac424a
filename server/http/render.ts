// Builds the view context from a request and sends rendered HTML.

import type { Request, Response } from 'express';
import type { SafeHtml } from '../../views/html.ts';
import type { ViewContext } from '../../views/view-context.ts';

export function viewContext(req: Request): ViewContext {
  return {
    t: (key, options) => String(req.t ? req.t(key, options) : key),
    lang: req.language === 'zh-CN' ? 'zh-CN' : 'en',
    csrfToken: req.csrfToken ?? '',
    user: req.user ? { name: req.user.name, role: req.user.role } : null,
    path: req.originalUrl,
  };
}

export function send(res: Response, page: SafeHtml, status = 200): void {
  res.status(status).type('html').send(page.toString());
}

/** Only same-site paths may be redirect targets: no open redirects through ?next=. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/documents';
}
