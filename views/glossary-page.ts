// The glossary: agreed English for Chinese terms, editable in the browser, importable and downloadable as CSV or TBX.

import { html, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { GlossaryRow } from '../server/db/glossary-repo.ts';
import { MAX_GLOSSARY_NOTE, mayRemoveEntry } from '../server/domain/shared-resources.ts';
import type { User } from '../server/services/accounts.ts';

/**
 * `typed`: what the add form held when the server refused it, given back so that nothing typed is lost.
 * `focusAdd`: the table answers the add form, whose first field takes the focus for the next term.
 */
export function glossaryTable(ctx: ViewContext, rows: GlossaryRow[], user: User, message?: { error?: string; info?: string | SafeHtml }, typed: { zh?: string; en?: string; note?: string } = {}, focusAdd = false) {
  return html`<div id="glossary">
    ${message?.error ? html`<p class="error" role="alert">${message.error}</p>` : ''}
    ${message?.info ? html`<p class="info" data-announce>${message.info}</p>` : ''}
    <table class="glossary" data-testid="glossary">
      <thead><tr><th>${ctx.t('glossary.zh')}</th><th>${ctx.t('glossary.en')}</th><th>${ctx.t('glossary.note')}</th>${actionsHeader(ctx)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>
        <td lang="zh-CN" id="term-${r.id}" hx-ignore>${r.zh}</td><td lang="en" hx-ignore>${r.en}</td><td translate="no" hx-ignore>${r.note ?? ''}</td>
        <td>${mayRemoveEntry(user, r) ? html`<button type="button" class="danger" aria-describedby="term-${r.id}" hx-post="/glossary/${r.id}/delete" hx-target="#glossary" hx-swap="outerHTML">${ctx.t('glossary.delete')}</button>` : ''}</td>
      </tr>`)}</tbody>
      <tfoot><tr><td colspan="4">
        <form class="glossary-add" hx-post="/glossary" hx-target="#glossary" hx-swap="outerHTML">
          <input name="zh" lang="zh-CN" required maxlength="200" placeholder="${ctx.t('glossary.zh')}" aria-label="${ctx.t('glossary.zh')}" value="${typed.zh ?? ''}"${focusAdd ? html` autofocus` : ''}>
          <input name="en" lang="en" required maxlength="200" placeholder="${ctx.t('glossary.en')}" aria-label="${ctx.t('glossary.en')}" value="${typed.en ?? ''}">
          <input name="note" maxlength="${MAX_GLOSSARY_NOTE}" placeholder="${ctx.t('glossary.note')}" aria-label="${ctx.t('glossary.note')}" value="${typed.note ?? ''}">
          <button type="submit">${ctx.t('glossary.add')}</button>
        </form></td></tr></tfoot>
    </table>
  </div>`;
}

export function glossaryPage(ctx: ViewContext, rows: GlossaryRow[], user: User, message?: { error?: string; info?: string | SafeHtml }) {
  return layout(ctx, ctx.t('glossary.title'), html`
  <h1>${ctx.t('glossary.title')}</h1>
  <p class="meta">${ctx.t('glossary.intro')}</p>
  ${glossaryTable(ctx, rows, user, message)}
  <h2>${ctx.t('glossary.importTitle')}</h2>
  <form method="post" action="/glossary/import-file" enctype="multipart/form-data" hx-post="/glossary/import-file" hx-target="#glossary" hx-swap="outerHTML" class="glossary-import" data-testid="glossary-file-form">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
    <label>${ctx.t('glossary.fileLabel')} <input type="file" name="source" accept=".csv,.tbx,.tbxm,.xml,text/csv,application/xml" data-testid="glossary-file"></label>
    <button type="submit">${ctx.t('glossary.import')}</button>
  </form>
  <form method="post" action="/glossary/import" hx-post="/glossary/import" hx-target="#glossary" hx-swap="outerHTML" class="glossary-import">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
    <textarea name="csv" rows="5" cols="60" placeholder="zh,en,note&#10;习近平,Xi Jinping," aria-label="${ctx.t('glossary.pasteLabel')}"></textarea>
    <button type="submit">${ctx.t('glossary.import')}</button>
  </form>
  <p><a href="/glossary.csv" download>${ctx.t('glossary.export')}</a> · <a href="/glossary.tbx" download data-testid="glossary-tbx">${ctx.t('glossary.exportTbx')}</a></p>`);
}
