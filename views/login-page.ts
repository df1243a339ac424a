// The login form; a failed login re-renders it with the message inline. The caret starts in the first empty field, so a
// keyboard user types at once instead of tabbing past the header.

import { html } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';

export function loginPage(ctx: ViewContext, opts: { next: string; name?: string; error?: string }) {
  return layout(ctx, ctx.t('login.title'), html`
  <section class="login">
    <h1>${ctx.t('login.title')}</h1>
    ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''}
    <form method="post" action="/login">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <input type="hidden" name="next" value="${opts.next}">
      <label>${ctx.t('login.name')} <input name="name" autocomplete="username" required value="${opts.name ?? ''}"${opts.name ? '' : html` autofocus`}></label>
      <label>${ctx.t('login.password')} <input name="password" type="password" autocomplete="current-password" required${opts.name ? html` autofocus` : ''}></label>
      <button type="submit">${ctx.t('login.submit')}</button>
    </form>
  </section>`);
}
