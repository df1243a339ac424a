// Builds the view context from a request and sends rendered HTML.

import type { Request, Response } from 'express';
import type { SafeHtml } from '../../views/html.ts';
import type { ViewContext } from '../../views/view-context.ts';

// i18next's t() costs microseconds a call and a page of rows makes thousands; the strings are loaded
// once at start, so a string without options is the same for every request in that language.
const plainStrings = new Map<string, string>();

export function viewContext(req: Request): ViewContext {
  const lang = req.language ?? '';
  return {
    t: (key, options) => {
      if (!req.t) return key;
      if (options) return String(req.t(key, options));
      const memoKey = `${lang}\u0000${key}`;
      let text = plainStrings.get(memoKey);
      if (text === undefined) plainStrings.set(memoKey, (text = String(req.t(key))));
      return text;
    },
    lang: req.language === 'zh-CN' ? 'zh-CN' : 'en',
    csrfToken: req.csrfToken ?? '',
    user: req.user ? { name: req.user.name, role: req.user.role } : null,
    path: req.originalUrl,
  };
}

export function send(res: Response, page: SafeHtml, status = 200): void {
  res.status(status).type('html').send(page.toBytes());
}

/** Only same-site paths may be redirect targets: no open redirects through ?next=. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/documents';
}
