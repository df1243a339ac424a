// The admin's list of accounts: role, last sign-in and state, with the forms that change them.

import { html, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import { formatTime } from './local-format.ts';
import type { ViewContext } from './view-context.ts';
import type { UserSummary } from '../server/services/user-admin.ts';
import { ROLES } from '../server/db/accounts-repo.ts';
import { charLimit } from './char-limit.ts';

export interface UsersMessage {
  error?: string;
  info?: string;
  /** A one-time password just set: shown here once, never stored in the clear. */
  oneTime?: { name: string; password: string };
}

function actionForm(ctx: ViewContext, action: string, body: SafeHtml, testid: string): SafeHtml {
  return html`<form method="post" action="${action}" hx-post="${action}" hx-target="#users" hx-swap="outerHTML" class="inline" data-testid="${testid}">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">${body}</form>`;
}

function userRow(ctx: ViewContext, u: UserSummary, me: string): SafeHtml {
  const base = `/admin/users/${u.id}`;
  // The account's name describes each of its row's controls, so that they are not a column of identical names.
  const named = html` aria-describedby="user-name-${u.id}"`;
  const roleSelect = html`<select name="role" aria-label="${ctx.t('users.role')}"${named}>${ROLES.map((r) =>
    html`<option value="${r}"${r === u.role ? html` selected` : ''}>${ctx.t(`roles.${r}`)}</option>`)}</select>
    <button type="submit"${named}>${ctx.t('users.changeRole')}</button>`;
  return html`<tr data-testid="user-${u.name}" class="${u.active ? '' : 'deactivated'}">
    <td hx-ignore><span id="user-name-${u.id}" translate="no">${u.name}</span>${u.name === me ? html` <span class="muted">(${ctx.t('users.you')})</span>` : ''}</td>
    <td>${actionForm(ctx, `${base}/role`, roleSelect, 'role-form')}</td>
    <td>${u.lastLoginAt ? formatTime(ctx, u.lastLoginAt) : html`<span class="muted">${ctx.t('users.never')}</span>`}</td>
    <td data-testid="state">${u.active ? ctx.t('users.active') : ctx.t('users.deactivated')}${u.mustChangePassword
      ? html`<br><span class="muted">${ctx.t('users.oneTimePending')}</span>` : ''}</td>
    <td class="actions">${u.name === me ? '' : html`
      ${actionForm(ctx, `${base}/reset-password`, html`<button type="submit"${named}>${ctx.t('users.resetPassword')}</button>`, 'reset-form')}
      ${u.active
        ? actionForm(ctx, `${base}/deactivate`, html`<button type="submit" class="danger"${named}>${ctx.t('users.deactivate')}</button>`, 'deactivate-form')
        : actionForm(ctx, `${base}/reactivate`, html`<button type="submit"${named}>${ctx.t('users.reactivate')}</button>`, 'reactivate-form')}`}</td>
  </tr>`;
}

export function usersPanel(ctx: ViewContext, users: UserSummary[], message: UsersMessage = {}): SafeHtml {
  const me = ctx.user?.name ?? '';
  return html`<div id="users">
    ${message.error ? html`<p class="error" role="alert" data-testid="users-error">${message.error}</p>` : ''}
    ${message.info ? html`<p class="info" data-announce>${message.info}</p>` : ''}
    ${message.oneTime ? html`<div class="one-time" data-testid="one-time">
      <p data-announce>${ctx.t('users.oneTimeShown', { name: message.oneTime.name })}</p>
      <p><code data-testid="one-time-password">${message.oneTime.password}</code></p></div>` : ''}
    <table class="users" data-testid="users">
      <thead><tr><th>${ctx.t('users.name')}</th><th>${ctx.t('users.role')}</th><th>${ctx.t('users.lastLogin')}</th>
        <th>${ctx.t('users.state')}</th>${actionsHeader(ctx)}</tr></thead>
      <tbody>${users.map((u) => userRow(ctx, u, me))}</tbody>
    </table>
    <h2>${ctx.t('users.createTitle')}</h2>
    <form method="post" action="/admin/users" hx-post="/admin/users" hx-target="#users" hx-swap="outerHTML" class="user-add" data-testid="user-add">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <label>${ctx.t('users.name')} <input name="name" required${charLimit(ctx, 64)} autocomplete="off"></label>
      <label>${ctx.t('users.role')} <select name="role">${ROLES.map((r) =>
        html`<option value="${r}"${r === 'translator' ? html` selected` : ''}>${ctx.t(`roles.${r}`)}</option>`)}</select></label>
      <button type="submit" class="primary">${ctx.t('users.create')}</button>
      <p class="meta">${ctx.t('users.createExplained')}</p>
    </form>
  </div>`;
}

export function usersPage(ctx: ViewContext, users: UserSummary[], message?: UsersMessage): SafeHtml {
  return layout(ctx, ctx.t('users.title'), html`
  <h1>${ctx.t('users.title')}</h1>
  <p class="meta">${ctx.t('users.intro')}</p>
  ${usersPanel(ctx, users, message)}`);
}
