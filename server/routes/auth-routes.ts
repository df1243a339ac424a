// Login, logout and the interface language switch.

import { Router } from 'express';
import type { Accounts } from '../services/accounts.ts';
import { AppError, ValidationError } from '../domain/errors.ts';
import { clearSessionCookie, requireUser, setSessionCookie } from '../http/auth.ts';
import { LANGUAGE_COOKIE, LANGUAGES } from '../http/i18n.ts';
import { safeNext, send, viewContext } from '../http/render.ts';
import { loginPage } from '../../views/login-page.ts';
import { SIGNED_IN_PATH, signedInPage } from '../../views/session-notice.ts';
import type { LoginThrottle } from '../domain/login-throttle.ts';

export function authRoutes(accounts: Accounts, throttle: LoginThrottle): Router {
  const r = Router();

  r.get('/login', (req, res) => {
    send(res, loginPage(viewContext(req), { next: safeNext(req.query.next) }));
  });

  r.post('/login', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const [name, password, next] = [text(body.name), text(body.password), text(body.next)];
    const wait = throttle.retryAfter(name, req.ip ?? '');
    if (wait > 0) {
      const ctx = viewContext(req);
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return send(res, loginPage(ctx, { next: safeNext(next), name: name, error: ctx.t('errors.tooManyLogins') }), 429);
    }
    try {
      const session = await accounts.login(name, password);
      throttle.succeed(name);
      if (req.session) accounts.logout(req.session.id);
      setSessionCookie(res, session.id);
      res.redirect(303, safeNext(next));
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 401) throw err;
      throttle.fail(name, req.ip ?? '');
      const ctx = viewContext(req);
      send(res, loginPage(ctx, { next: safeNext(next), name: name, error: ctx.t('errors.badLogin') }), 401);
    }
  });

  r.post('/logout', (req, res) => {
    if (req.session) accounts.logout(req.session.id);
    clearSessionCookie(res);
    res.redirect(303, '/login');
  });

  r.get(SIGNED_IN_PATH, requireUser, (req, res) => {
    send(res, signedInPage(viewContext(req)));
  });

  // A page whose session ended asks for the new session's CSRF token here before it retries what failed.
  r.get('/api/session', requireUser, (req, res) => {
    res.set('Cache-Control', 'no-store').json({ user: { name: req.user!.name, role: req.user!.role }, csrfToken: req.csrfToken });
  });

  r.post('/language', (req, res) => {
    const { lang, next } = (req.body ?? {}) as Record<string, unknown>;
    if (!LANGUAGES.includes(lang as (typeof LANGUAGES)[number])) {
      throw new ValidationError('That interface language is not available.', 'errors.badLanguage');
    }
    res.cookie(LANGUAGE_COOKIE, String(lang), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86_400_000 });
    res.redirect(303, safeNext(next));
  });

  return r;
}
