// Sets each request's language and t(): the signed-in account's stored language, else the cookie or
// Accept-Language, as i18next-http-middleware's handle() does, without its per-request clone of the i18next
// instance (6 % of the server's time under load).

import type { Request, RequestHandler, Response } from 'express';
import type { i18n, TFunction } from 'i18next';
import { LANGUAGES } from './i18n.ts';

export const isLanguage = (lang: unknown): lang is (typeof LANGUAGES)[number] => LANGUAGES.includes(lang as (typeof LANGUAGES)[number]);

/**
 * Two steps around authentication: `detected` before it, from the request alone, so even a refused token is
 * answered in the reader's language; `account` after it, where a signed-in user's stored choice wins.
 */
export function languageHandlers(instance: i18n): { detected: RequestHandler; account: RequestHandler } {
  const detector = instance.services.languageDetector as { detect(req: unknown, res: unknown): string | undefined };
  // detect() answers only supported languages or the fallback, so this map stays as small as the locale list.
  const translators = new Map<string, TFunction>();
  const use = (req: Request, res: Response, lng: string) => {
    let t = translators.get(lng);
    if (!t) translators.set(lng, (t = instance.getFixedT(lng)));
    req.language = lng;
    req.t = t;
    res.setHeader('Content-Language', lng);
  };
  return {
    detected: (req, res, next) => {
      use(req, res, detector.detect(req, res) ?? 'en');
      next();
    },
    account: (req, res, next) => {
      const stored = req.user?.language;
      if (isLanguage(stored) && stored !== req.language) use(req, res, stored);
      next();
    },
  };
}
