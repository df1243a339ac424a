// A user's own account page (/account): password and API tokens; the same as JSON under /api/account.

import { Router, type Request, type Response } from 'express';
import type { Accounts } from '../services/accounts.ts';
import { AppError } from '../domain/errors.ts';
import { requireUser } from '../http/auth.ts';
import { textField, tokenId } from '../http/params.ts';
import { send, viewContext } from '../http/render.ts';
import { accountPage, accountPanel, type AccountState } from '../../views/account-page.ts';

const field = (req: Request, name: string) => textField((req.body as Record<string, unknown> | undefined)?.[name] ?? '', name);

export function accountRoutes(accounts: Accounts): Router {
  const r = Router();

  const show = async (req: Request, res: Response, extra: Partial<AccountState> = {}, status = 200) => {
    const ctx = viewContext(req);
    const state = { tokens: await accounts.tokens(req.user!), mustChangePassword: req.session?.mustChangePassword ?? false, ...extra };
    send(res, req.get('HX-Request') ? accountPanel(ctx, state) : accountPage(ctx, state), status);
  };
  /** Runs a change and shows the account again; a refusal comes back inline with its status. */
  const change = (run: (req: Request) => Promise<Partial<AccountState>>) => async (req: Request, res: Response) => {
    let extra: Partial<AccountState>;
    try {
      extra = await run(req);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401) throw err;
      return show(req, res, { error: err.key ? viewContext(req).t(err.key, err.params) : err.message }, err.status);
    }
    await show(req, res, extra);
  };

  r.get('/account', requireUser, (req, res) => show(req, res));
  r.post('/account/password', requireUser, change(async (req) => {
    await accounts.changePassword(req.user!, field(req, 'current'), field(req, 'password'), req.session?.id);
    if (req.session) req.session.mustChangePassword = false;
    return { info: viewContext(req).t('account.passwordChanged') };
  }));
  r.post('/account/tokens', requireUser, change(async (req) => ({ newToken: await accounts.createOwnToken(req.user!, field(req, 'name')) })));
  r.post('/account/tokens/:id/revoke', requireUser, change(async (req) => {
    await accounts.revokeToken(req.user!, tokenId(req.params.id));
    return { info: viewContext(req).t('account.tokenRevoked') };
  }));

  r.get('/api/account/tokens', requireUser, async (req, res) => {
    res.json(await accounts.tokens(req.user!));
  });
  r.post('/api/account/tokens', requireUser, async (req, res) => {
    res.status(201).json(await accounts.createOwnToken(req.user!, field(req, 'name')));
  });
  r.delete('/api/account/tokens/:id', requireUser, async (req, res) => {
    await accounts.revokeToken(req.user!, tokenId(req.params.id));
    res.status(204).end();
  });
  // {current, password}: the user's other sessions end; this one (or the token's caller) goes on.
  r.post('/api/account/password', requireUser, async (req, res) => {
    await accounts.changePassword(req.user!, field(req, 'current'), field(req, 'password'), req.session?.id);
    res.status(204).end();
  });
  return r;
}
