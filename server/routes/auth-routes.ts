// Login, logout and the interface language switch.

import { Router, type Request, type Response } from 'express';
import type { Accounts } from '../services/accounts.ts';
import { ValidationError } from '../domain/errors.ts';
import { clearSessionCookie, cookieOptions, requireRole, requireUser, setSessionCookie } from '../http/auth.ts';
import { parseCookies } from '../http/request-context.ts';
import { textField } from '../http/params.ts';
import { DEVICE_DAYS, type KnownDevices } from '../services/known-devices.ts';
import { LANGUAGE_COOKIE } from '../http/i18n.ts';
import { isLanguage } from '../http/language.ts';
import { safeNext, send, viewContext } from '../http/render.ts';
import { loginPage } from '../../views/login-page.ts';
import { SIGNED_IN_PATH, signedInPage } from '../../views/session-notice.ts';
import type { LoginThrottle } from '../domain/login-throttle.ts';
import { signIn, type SignInOutcome } from '../services/sign-in.ts';

// Set at a successful login: this browser's later attempts for that account are throttled apart from everyone else's.
const DEVICE_COOKIE = 'duiqi_device';

const rememberLanguage = (res: Response, lang: string) =>
  res.cookie(LANGUAGE_COOKIE, lang, { ...cookieOptions(res.req), maxAge: 365 * 86_400_000 });

/** The session's cookie; the account's language, which follows its user to this browser; the device cookie of a first sign-in. */
function signedIn(req: Request, res: Response, outcome: Extract<SignInOutcome, { kind: 'signedIn' }>): void {
  setSessionCookie(res, outcome.session.id);
  if (isLanguage(outcome.session.user.language)) rememberLanguage(res, outcome.session.user.language);
  if (outcome.newDeviceToken) res.cookie(DEVICE_COOKIE, outcome.newDeviceToken, { ...cookieOptions(req), path: '/login', maxAge: DEVICE_DAYS * 86_400_000 });
}

export function authRoutes(accounts: Accounts, throttle: LoginThrottle, devices: KnownDevices): Router {
  const r = Router();

  const signInWith = signIn(accounts, throttle, devices);

  r.get('/login', (req, res) => {
    send(res, loginPage(viewContext(req), { next: safeNext(req.query.next) }));
  });

  r.post('/login', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const [name, next, ctx] = [text(body.name), safeNext(text(body.next)), viewContext(req)];
    const outcome = await signInWith({
      name, password: text(body.password), address: req.ip ?? '', deviceToken: parseCookies(req.headers.cookie)[DEVICE_COOKIE], previousSession: req.session?.id,
    });
    if (outcome.kind === 'wait') res.set('Retry-After', String(Math.ceil(outcome.ms / 1000)));
    if (outcome.kind !== 'signedIn') {
      return send(res, loginPage(ctx, { next, name, error: ctx.t(outcome.kind === 'wait' ? 'errors.tooManyLogins' : outcome.key) }), outcome.kind === 'wait' ? 429 : 401);
    }
    signedIn(req, res, outcome);
    res.redirect(303, next);
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
