// A user's own account: their password and their API tokens.

import { html, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import { formatTime } from './local-format.ts';
import type { ViewContext } from './view-context.ts';
import type { ApiToken } from '../server/services/accounts.ts';
import { charLimit } from './char-limit.ts';

export interface AccountState {
  tokens: ApiToken[];
  mustChangePassword: boolean;
  error?: string;
  info?: string;
  /** A token just made: shown here once, only its hash is kept. */
  newToken?: { name: string; token: string };
}

function tokensTable(ctx: ViewContext, tokens: ApiToken[]): SafeHtml {
  if (!tokens.length) return html`<p class="muted" data-testid="no-tokens">${ctx.t('account.noTokens')}</p>`;
  return html`<table class="tokens" data-testid="tokens">
    <thead><tr><th>${ctx.t('account.tokenName')}</th><th>${ctx.t('account.created')}</th><th>${ctx.t('account.lastUsed')}</th>${actionsHeader(ctx)}</tr></thead>
    <tbody>${tokens.map((t) => html`<tr data-testid="token-row">
      <td hx-ignore>${t.name ?? html`<span class="muted">${ctx.t('account.unnamedToken')}</span>`}</td>
      <td>${formatTime(ctx, t.createdAt)}</td>
      <td>${t.lastUsedAt ? formatTime(ctx, t.lastUsedAt) : html`<span class="muted">${ctx.t('account.neverUsed')}</span>`}</td>
      <td><form method="post" action="/account/tokens/${t.id}/revoke" hx-post="/account/tokens/${t.id}/revoke" hx-target="#account" hx-swap="outerHTML" class="inline">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
        <button type="submit" class="danger" data-testid="revoke-token">${ctx.t('account.revoke')}</button></form></td>
    </tr>`)}</tbody></table>`;
}

export function accountPanel(ctx: ViewContext, s: AccountState): SafeHtml {
  const swap = html`hx-target="#account" hx-swap="outerHTML"`;
  return html`<div id="account">
    ${s.mustChangePassword ? html`<p class="error" role="alert" data-testid="must-change">${ctx.t('account.mustChange')}</p>` : ''}
    ${s.error ? html`<p class="error" role="alert" data-testid="account-error">${s.error}</p>` : ''}
    ${s.info ? html`<p class="info" data-announce data-testid="account-info">${s.info}</p>` : ''}
    <h2>${ctx.t('account.passwordTitle')}</h2>
    <form method="post" action="/account/password" hx-post="/account/password" ${swap} class="account-password" data-testid="password-form">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <label>${ctx.t('account.currentPassword')} <input type="password" name="current" required autocomplete="current-password"></label>
      <label>${ctx.t('account.newPassword')} <input type="password" name="password" required minlength="8" autocomplete="new-password"></label>
      <button type="submit" class="primary">${ctx.t('account.changePassword')}</button>
    </form>
    <p class="meta" data-testid="password-tokens-kept">${ctx.t('account.passwordKeepsTokens')}</p>
    ${s.mustChangePassword ? '' : html`
    <h2>${ctx.t('account.tokensTitle')}</h2>
    <p class="meta">${ctx.t('account.tokensExplained')}</p>
    ${s.newToken ? html`<div class="one-time" data-testid="new-token">
      <p data-announce>${ctx.t('account.tokenShown', { name: s.newToken.name })}</p>
      <p><code data-testid="new-token-value">${s.newToken.token}</code></p></div>` : ''}
    ${tokensTable(ctx, s.tokens)}
    <form method="post" action="/account/tokens" hx-post="/account/tokens" ${swap} class="token-add" data-testid="token-form">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <label>${ctx.t('account.tokenName')} <input name="name" required${charLimit(ctx, 100)} autocomplete="off"></label>
      <button type="submit">${ctx.t('account.createToken')}</button>
    </form>`}
  </div>`;
}

export function accountPage(ctx: ViewContext, s: AccountState): SafeHtml {
  return layout(ctx, ctx.t('account.title'), html`
  <h1>${ctx.t('account.title')}</h1>
  <p class="meta">${ctx.t('account.intro', { name: ctx.user?.name ?? '', role: ctx.user ? ctx.t(`roles.${ctx.user.role}`) : '' })}</p>
  ${accountPanel(ctx, s)}`);
}
