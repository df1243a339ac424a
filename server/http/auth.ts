// Authentication (session cookie or Bearer token), CSRF checks and role guards.

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import crypto from 'node:crypto';
import type { Accounts } from '../services/accounts.ts';
import type { Role } from '../db/accounts-repo.ts';
import { DeactivatedError, ForbiddenError, UnauthorizedError } from '../domain/errors.ts';
import { randomToken } from '../domain/passwords.ts';
import { parseCookies } from './request-context.ts';
import { gateAhead } from './document-access.ts';

export const SESSION_COOKIE = 'duiqi_sid';
// Before login there is no session: the login form is protected by a double-submit cookie instead.
export const PRELOGIN_COOKIE = 'duiqi_csrf';

/**
 * Secure when the browser came over HTTPS (behind a proxy, as its X-Forwarded-Proto says under DUIQI_TRUST_PROXY): such
 * a browser must never send its session in clear text to an http:// address of the site. Plain HTTP (a laptop) keeps working.
 */
export const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: req.secure });

export function setSessionCookie(res: Response, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, { ...cookieOptions(res.req), maxAge: 7 * 86_400_000 });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(res.req));
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(accounts: Accounts): RequestHandler {
  return async (req, res, next) => {
    const cookies = parseCookies(req.headers.cookie);
    const changes = !READS.has(req.method);
    req.viaBearer = false;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (bearer) {
      req.user = (await accounts.signedIn({ token: bearer[1]! }, gateAhead(req), changes))?.user;
      if (!req.user) {
        return next(await accounts.endedByDeactivation({ token: bearer[1]! }) ? new DeactivatedError() : new UnauthorizedError('The API token is not valid.', 'errors.unauthorized'));
      }
      req.viaBearer = true;
      req.csrfToken = '';
      return next();
    }
    const session = cookies[SESSION_COOKIE] ? (await accounts.signedIn({ sessionId: cookies[SESSION_COOKIE] }, gateAhead(req), changes))?.session : undefined;
    if (session) {
      req.session = session;
      req.user = session.user;
      req.csrfToken = session.csrfToken;
    } else {
      // Asked only of a cookie that signs nobody in: the page left open when an admin deactivated its user.
      req.deactivated = !!cookies[SESSION_COOKIE] && await accounts.endedByDeactivation({ sessionId: cookies[SESSION_COOKIE] });
      req.csrfToken = cookies[PRELOGIN_COOKIE] || randomToken();
      if (!cookies[PRELOGIN_COOKIE]) res.cookie(PRELOGIN_COOKIE, req.csrfToken, cookieOptions(req));
    }
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

// The only forms that change something without a login.
const SESSIONLESS_FORMS = new Set(['/login', '/language']);

/** Every state-changing request made with cookies must carry the CSRF token, in a header or a form field. */
export function csrfProtection(req: Request, _res: Response, next: NextFunction): void {
  if (READS.has(req.method) || req.viaBearer) return next();
  // An anonymous API call carries no credentials to abuse; it gets its 401 from the route.
  if (!req.session && req.path.startsWith('/api/')) return next();
  // Logging out of a session that already ended changes nothing: the stale tab's Log out button just works.
  if (!req.session && req.path === '/logout') return next();
  // A page whose session ended (expired, or logged out in another tab) sends the old session's token: the
  // user must hear that they are signed out, which a token mismatch would hide. Nothing runs either way.
  if (!req.session && !SESSIONLESS_FORMS.has(req.path)) {
    if (req.deactivated) return next(new DeactivatedError());
    return next(new UnauthorizedError('You are signed out: your session ended. Sign in again and retry.', 'safeEditing.signedOut'));
  }
  const sent = (req.get('x-csrf-token') ?? (req.body as Record<string, unknown> | undefined)?._csrf ?? '') as string;
  if (typeof sent === 'string' && sameToken(sent, req.csrfToken)) return next();
  next(new ForbiddenError('The CSRF token is missing or wrong. Reload the page and try again.', 'errors.csrf'));
}

export function requireUser(req: Request, _res: Response, next: NextFunction): void {
  if (req.user) return next();
  next(req.deactivated ? new DeactivatedError() : new UnauthorizedError('Log in or send an API token (Authorization: Bearer TOKEN).', 'errors.unauthorized'));
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(req.deactivated ? new DeactivatedError() : new UnauthorizedError('Log in or send an API token.', 'errors.unauthorized'));
    if (!roles.includes(req.user.role)) return next(new ForbiddenError(`This needs the role ${roles.join(' or ')}.`, 'errors.forbidden'));
    next();
  };
}

// What a user whose password an admin reset may still do before choosing their own.
const WHILE_PASSWORD_RESET = new Set(['/account', '/account/password', '/api/account/password', '/logout', '/language', '/api/session', '/signed-in']);

/** A session signed in with a one-time password opens only the account page until the password is changed. */
export function passwordChangeGate(req: Request, res: Response, next: NextFunction): void {
  if (!req.session?.mustChangePassword || WHILE_PASSWORD_RESET.has(req.path)) return next();
  if (req.method === 'GET' && !req.path.startsWith('/api/') && !req.get('hx-request')) return res.redirect(303, '/account');
  next(new ForbiddenError('Choose a new password on your account page first: an admin reset yours.', 'errors.mustChangePassword'));
}
