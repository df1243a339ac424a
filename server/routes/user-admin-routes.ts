// The admin's user list (/admin/users) and its forms; the same as JSON under /api/users.

import { Router, type Request, type Response } from 'express';
import type { Accounts } from '../services/accounts.ts';
import type { UserAdmin } from '../services/user-admin.ts';
import { AppError, ValidationError } from '../domain/errors.ts';
import { requireRole } from '../http/auth.ts';
import { optionalText, textField, userId } from '../http/params.ts';
import { send, viewContext } from '../http/render.ts';
import { usersPage, usersPanel, type UsersMessage } from '../../views/users-page.ts';

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

function activeField(raw: unknown): boolean {
  if (typeof raw !== 'boolean') throw new ValidationError('"active" must be true or false.', 'errors.badField', { name: 'active' });
  return raw;
}

export function userAdminRoutes(accounts: Accounts, admin: UserAdmin): Router {
  const r = Router();
  const admins = requireRole('admin');

  /** Runs a change and shows the list again: the panel for htmx, the page for a plain form; a refusal comes back inline. */
  const change = (run: (req: Request) => Promise<UsersMessage>) => async (req: Request, res: Response) => {
    const ctx = viewContext(req);
    let message: UsersMessage;
    let status = 200;
    try {
      message = await run(req);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401) throw err;
      message = { error: err.key ? ctx.t(err.key, err.params) : err.message };
      status = err.status;
    }
    const users = await admin.list();
    send(res, req.get('HX-Request') ? usersPanel(ctx, users, message) : usersPage(ctx, users, message), status);
  };
  const t = (req: Request) => viewContext(req).t;

  r.get('/admin/users', admins, async (req, res) => send(res, usersPage(viewContext(req), await admin.list())));
  r.post('/admin/users', admins, change(async (req) => {
    const user = await accounts.createUser(textField(body(req).name ?? '', 'name').trim(), textField(body(req).role ?? '', 'role'));
    return { info: t(req)('users.created', { name: user.name }), oneTime: { name: user.name, password: user.oneTimePassword! } };
  }));
  r.post('/admin/users/:id/role', admins, change(async (req) => {
    const user = await admin.update(req.user!, userId(req.params.id), { role: textField(body(req).role ?? '', 'role') });
    return { info: t(req)('users.roleChanged', { name: user.name, role: t(req)(`roles.${user.role}`) }) };
  }));
  r.post('/admin/users/:id/reset-password', admins, change(async (req) => {
    const { user, oneTimePassword } = await admin.resetPassword(req.user!, userId(req.params.id));
    return { info: t(req)('users.resetDone', { name: user.name }), oneTime: { name: user.name, password: oneTimePassword } };
  }));
  r.post('/admin/users/:id/deactivate', admins, change(async (req) => {
    const user = await admin.update(req.user!, userId(req.params.id), { active: false });
    return { info: t(req)('users.deactivatedNow', { name: user.name }) };
  }));
  r.post('/admin/users/:id/reactivate', admins, change(async (req) => {
    const user = await admin.update(req.user!, userId(req.params.id), { active: true });
    return { info: t(req)('users.reactivatedNow', { name: user.name }) };
  }));

  r.get('/api/users', admins, async (_req, res) => {
    res.json(await admin.list());
  });
  // {name, role, password?}: without a password the answer carries a one-time one, shown this once.
  r.post('/api/users', admins, async (req, res) => {
    const { name, role, password } = body(req);
    // String() of an object whose toString is not a function throws a TypeError (a 500): only text is accepted.
    const user = await accounts.createUser(textField(name ?? '', 'name'), textField(role ?? '', 'role'), optionalText(password, 'password'));
    res.status(201).json(user);
  });
  // {role?, active?}: each given field is applied in turn; the last active admin keeps both.
  r.patch('/api/users/:id', admins, async (req, res) => {
    const id = userId(req.params.id);
    const { role, active } = body(req);
    if (role === undefined && active === undefined) throw new ValidationError('Send "role" or "active" to change.', 'errors.nothingToChange');
    res.json(await admin.update(req.user!, id, {
      ...(role !== undefined ? { role: textField(role, 'role') } : {}), ...(active !== undefined ? { active: activeField(active) } : {}),
    }));
  });
  r.post('/api/users/:id/reset-password', admins, async (req, res) => {
    const { user, oneTimePassword } = await admin.resetPassword(req.user!, userId(req.params.id));
    res.json({ ...user, oneTimePassword });
  });
  return r;
}
