// Login, logout and the interface language switch.

import { Router, type Request, type Response } from 'express';
import type { Accounts } from '../services/accounts.ts';
import { AppError, ValidationError } from '../domain/errors.ts';
import { clearSessionCookie, cookieOptions, requireRole, requireUser, setSessionCookie } from '../http/auth.ts';
import { parseCookies } from '../http/request-context.ts';
import { textField } from '../http/params.ts';
import { DEVICE_DAYS, type KnownDevices } from '../services/known-devices.ts';
import { LANGUAGE_COOKIE } from '../http/i18n.ts';
import { isLanguage } from '../http/language.ts';
import { safeNext, send, viewContext } from '../http/render.ts';
import { loginPage } from '../../views/login-page.ts';
import { SIGNED_IN_PATH, signedInPage } from '../../views/session-notice.ts';
import type { LoginAttempt, LoginThrottle } from '../domain/login-throttle.ts';

// Set at a successful login: this browser's later attempts for that account are throttled apart from everyone else's.
const DEVICE_COOKIE = 'duiqi_device';

const rememberLanguage = (res: Response, lang: string) =>
  res.cookie(LANGUAGE_COOKIE, lang, { ...cookieOptions(res.req), maxAge: 365 * 86_400_000 });

export function authRoutes(accounts: Accounts, throttle: LoginThrottle, devices: KnownDevices): Router {
  const r = Router();

  const attemptOf = async (req: Request, account: string): Promise<LoginAttempt> => ({
    account, address: req.ip ?? '', knownDevice: await devices.forAccount(parseCookies(req.headers.cookie)[DEVICE_COOKIE], account),
  });

  r.get('/login', (req, res) => {
    send(res, loginPage(viewContext(req), { next: safeNext(req.query.next) }));
  });

  r.post('/login', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const [name, password, next] = [text(body.name), text(body.password), text(body.next)];
    const attempt = await attemptOf(req, name);
    const wait = await throttle.retryAfter(attempt);
    if (wait > 0) {
      const ctx = viewContext(req);
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return send(res, loginPage(ctx, { next: safeNext(next), name: name, error: ctx.t('errors.tooManyLogins') }), 429);
    }
    try {
      const session = await accounts.login(name, password);
      await throttle.succeed(attempt);
      if (req.session) await accounts.logout(req.session.id);
      setSessionCookie(res, session.id);
      // The account's language follows its user to this browser, and stays for its signed-out pages.
      if (isLanguage(session.user.language)) rememberLanguage(res, session.user.language);
      if (!attempt.knownDevice) {
        res.cookie(DEVICE_COOKIE, await devices.remember(session.user.id), { ...cookieOptions(req), path: '/login', maxAge: DEVICE_DAYS * 86_400_000 });
      }
      res.redirect(303, safeNext(next));
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 401) throw err;
      await throttle.fail(attempt);
      const ctx = viewContext(req);
      send(res, loginPage(ctx, { next: safeNext(next), name: name, error: ctx.t(err.key ?? 'errors.badLogin') }), 401);
    }
  });

  // An admin lifts the wait of an account or an address: {"account": NAME} and/or {"address": IP}.
  r.post('/api/login-locks/unlock', requireRole('admin'), async (req, res) => {
    const { account, address } = (req.body ?? {}) as Record<string, unknown>;
    if (account === undefined && address === undefined) {
      throw new ValidationError('Name an "account" or an "address" to unlock.', 'safeguards.unlockWhat');
    }
    const target = {
      ...(account !== undefined ? { account: textField(account, 'account') } : {}),
      ...(address !== undefined ? { address: textField(address, 'address') } : {}),
    };
    await throttle.unlock(target);
    res.json({ unlocked: target });
  });

  r.post('/logout', async (req, res) => {
    if (req.session) await accounts.logout(req.session.id);
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

  // Signed in, the choice is the account's, on every browser; the cookie keeps it for this browser's signed-out pages.
  r.post('/language', async (req, res) => {
    const { lang, next } = (req.body ?? {}) as Record<string, unknown>;
    if (!isLanguage(lang)) throw new ValidationError('That interface language is not available.', 'errors.badLanguage');
    if (req.user && !req.viaBearer) await accounts.setLanguage(req.user, lang);
    rememberLanguage(res, lang);
    res.redirect(303, safeNext(next));
  });

  return r;
}
