// The glossary: agreed English for Chinese terms, editable in the browser and importable as CSV.

import { html } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { GlossaryRow } from '../server/db/glossary-repo.ts';
import { mayRemoveEntry } from '../server/domain/shared-resources.ts';
import type { User } from '../server/services/accounts.ts';

/** `typed`: what the add form held when the server refused it, given back so that nothing typed is lost. */
export function glossaryTable(ctx: ViewContext, rows: GlossaryRow[], user: User, message?: { error?: string; info?: string }, typed: { zh?: string; en?: string; note?: string } = {}) {
  return html`<div id="glossary">
    ${message?.error ? html`<p class="error" role="alert">${message.error}</p>` : ''}
    ${message?.info ? html`<p class="info" role="status">${message.info}</p>` : ''}
    <table class="glossary" data-testid="glossary">
      <thead><tr><th>${ctx.t('glossary.zh')}</th><th>${ctx.t('glossary.en')}</th><th>${ctx.t('glossary.note')}</th><th></th></tr></thead>
      <tbody>${rows.map((r) => html`<tr>
        <td lang="zh-CN" hx-ignore>${r.zh}</td><td lang="en" hx-ignore>${r.en}</td><td translate="no" hx-ignore>${r.note ?? ''}</td>
        <td>${mayRemoveEntry(user, r) ? html`<button type="button" class="danger" hx-post="/glossary/${r.id}/delete" hx-target="#glossary" hx-swap="outerHTML">${ctx.t('glossary.delete')}</button>` : ''}</td>
      </tr>`)}</tbody>
      <tfoot><tr><td colspan="4">
        <form class="glossary-add" hx-post="/glossary" hx-target="#glossary" hx-swap="outerHTML">
          <input name="zh" lang="zh-CN" required maxlength="200" placeholder="${ctx.t('glossary.zh')}" aria-label="${ctx.t('glossary.zh')}" value="${typed.zh ?? ''}">
          <input name="en" lang="en" required maxlength="200" placeholder="${ctx.t('glossary.en')}" aria-label="${ctx.t('glossary.en')}" value="${typed.en ?? ''}">
          <input name="note" maxlength="500" placeholder="${ctx.t('glossary.note')}" aria-label="${ctx.t('glossary.note')}" value="${typed.note ?? ''}">
          <button type="submit">${ctx.t('glossary.add')}</button>
        </form></td></tr></tfoot>
    </table>
  </div>`;
}

export function glossaryPage(ctx: ViewContext, rows: GlossaryRow[], user: User) {
  return layout(ctx, ctx.t('glossary.title'), html`
  <h1>${ctx.t('glossary.title')}</h1>
  <p class="meta">${ctx.t('glossary.intro')}</p>
  ${glossaryTable(ctx, rows, user)}
  <h2>${ctx.t('glossary.importTitle')}</h2>
  <form method="post" action="/glossary/import" hx-post="/glossary/import" hx-target="#glossary" hx-swap="outerHTML" class="glossary-import">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
    <textarea name="csv" rows="5" cols="60" placeholder="zh,en,note&#10;习近平,Xi Jinping," aria-label="CSV"></textarea>
    <button type="submit">${ctx.t('glossary.import')}</button>
  </form>
  <p><a href="/glossary.csv" download>${ctx.t('glossary.export')}</a></p>`);
}
