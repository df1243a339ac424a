// The glossary: agreed English for Chinese terms, found and edited in the browser a page at a time, importable and
// downloadable as CSV or TBX.

import { html, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import { formatNumber } from './local-format.ts';
import type { GlossaryRow, TermsAndNote } from '../server/db/glossary-repo.ts';
import { GLOSSARY_PAGE_SIZE, MAX_GLOSSARY_NOTE, MAX_GLOSSARY_TERM, mayChangeEntry } from '../server/domain/shared-resources.ts';
import type { GlossaryPage } from '../server/services/glossary.ts';
import type { User } from '../server/services/accounts.ts';
import { charLimit } from './char-limit.ts';

/** The page's view of the glossary, carried by every change made in it so that the table comes back as it was. */
const viewQuery = (g: GlossaryPage) => new URLSearchParams([...(g.text ? [['q', g.text]] : []), ...(g.page > 1 ? [['page', String(g.page)]] : [])]).toString();
const withView = (path: string, g: GlossaryPage) => (viewQuery(g) ? `${path}?${viewQuery(g)}` : path);

function entryRow(ctx: ViewContext, g: GlossaryPage, r: GlossaryRow, user: User): SafeHtml {
  const mine = mayChangeEntry(user, r);
  return html`<tr id="entry-${r.id}" data-testid="glossary-entry">
    <td lang="zh-CN" id="term-${r.id}" hx-ignore>${r.zh}</td><td lang="en" hx-ignore>${r.en}</td><td translate="no" hx-ignore>${r.note ?? ''}</td>
    <td class="actions">${mine ? html`<button type="button" aria-describedby="term-${r.id}" hx-get="${withView(`/glossary/${r.id}/edit`, g)}" hx-target="#entry-${r.id}" hx-swap="outerHTML" data-testid="glossary-edit">${ctx.t('glossary.edit')}</button>
      <button type="button" class="danger" aria-describedby="term-${r.id}" hx-post="${withView(`/glossary/${r.id}/delete`, g)}" hx-target="#glossary" hx-swap="outerHTML">${ctx.t('glossary.delete')}</button>` : ''}</td>
  </tr>`;
}

/** An entry in its edit form; `seen`: the terms it was opened on (the row's own when absent), sent back to find a save made meanwhile. */
export type EditedEntry = GlossaryRow & { seen?: TermsAndNote };

/** An entry's terms and note in a form, in place of its row; Esc or Cancel brings the table back as it was. */
export function glossaryEditRow(ctx: ViewContext, g: GlossaryPage, r: EditedEntry): SafeHtml {
  const seen = r.seen ?? r;
  return html`<tr id="entry-${r.id}" class="entry-editing"><td colspan="4">
    <form class="glossary-add" hx-post="${withView(`/glossary/${r.id}/edit`, g)}" hx-target="#glossary" hx-swap="outerHTML" data-testid="glossary-edit-form">
      <input type="hidden" name="was_zh" value="${seen.zh}"><input type="hidden" name="was_en" value="${seen.en}"><input type="hidden" name="was_note" value="${seen.note ?? ''}">
      <input name="zh" lang="zh-CN" required${charLimit(ctx, MAX_GLOSSARY_TERM)} aria-label="${ctx.t('glossary.zh')}" value="${r.zh}" autofocus>
      <input name="en" lang="en" required${charLimit(ctx, MAX_GLOSSARY_TERM)} aria-label="${ctx.t('glossary.en')}" value="${r.en}">
      <input name="note" ${charLimit(ctx, MAX_GLOSSARY_NOTE)} aria-label="${ctx.t('glossary.note')}" value="${r.note ?? ''}">
      <button type="submit">${ctx.t('glossary.save')}</button>
      <button type="button" hx-get="${withView('/glossary/entries', g)}" hx-target="#glossary" hx-swap="outerHTML" data-shortcut="cancel">${ctx.t('glossary.cancel')}</button>
    </form></td></tr>`;
}

function shownLine(ctx: ViewContext, g: GlossaryPage): string {
  if (g.total === 0) return g.text ? ctx.t('glossary.noneFound', { text: g.text }) : ctx.t('glossary.none');
  const from = (g.page - 1) * GLOSSARY_PAGE_SIZE + 1;
  const values = { from: formatNumber(ctx, from), to: formatNumber(ctx, from + g.rows.length - 1), total: formatNumber(ctx, g.total), text: g.text };
  // One entry on its page reads "Entry 101 of 101", not "Entries 101–101".
  const one = g.rows.length === 1 ? 'One' : '';
  return g.text ? ctx.t(`glossary.shownFound${one}`, values) : ctx.t(`glossary.shown${one}`, values);
}

function pager(ctx: ViewContext, g: GlossaryPage): SafeHtml {
  const last = Math.ceil(g.total / GLOSSARY_PAGE_SIZE);
  if (last <= 1) return html``;
  const to = (page: number) => withView('/glossary', { ...g, page });
  return html`<nav class="pager" aria-label="${ctx.t('glossary.pages')}">
    ${g.page > 1 ? html`<a href="${to(g.page - 1)}" rel="prev" data-testid="glossary-previous">${ctx.t('glossary.previous')}</a>` : ''}
    ${g.page < last ? html`<a href="${to(g.page + 1)}" rel="next" data-testid="glossary-next">${ctx.t('glossary.next')}</a>` : ''}
  </nav>`;
}

/** What the table says above itself, and what a refused form held, given back so that nothing typed is lost. */
export interface TableState {
  message?: { error?: string; info?: string | SafeHtml };
  /** The add form's fields as typed. */
  typed?: { zh?: string; en?: string; note?: string };
  /** The table answers the add form, whose first field takes the focus for the next term. */
  focusAdd?: boolean;
  /** An entry whose edit was refused, shown in its form with the terms as typed. */
  editing?: EditedEntry;
}

export function glossaryTable(ctx: ViewContext, g: GlossaryPage, user: User, state: TableState = {}) {
  const { message, typed = {}, focusAdd = false, editing } = state;
  return html`<div id="glossary">
    ${message?.error ? html`<p class="error" role="alert">${message.error}</p>` : ''}
    ${message?.info ? html`<p class="info" data-announce>${message.info}</p>` : ''}
    <p class="meta" data-testid="glossary-shown">${shownLine(ctx, g)}</p>
    <table class="glossary" data-testid="glossary">
      <thead><tr><th>${ctx.t('glossary.zh')}</th><th>${ctx.t('glossary.en')}</th><th>${ctx.t('glossary.note')}</th>${actionsHeader(ctx)}</tr></thead>
      <tbody>${g.rows.map((r) => (r.id === editing?.id ? glossaryEditRow(ctx, g, editing) : entryRow(ctx, g, r, user)))}</tbody>
      <tfoot><tr><td colspan="4">
        <form class="glossary-add" hx-post="${withView('/glossary', g)}" hx-target="#glossary" hx-swap="outerHTML">
          <input name="zh" lang="zh-CN" required${charLimit(ctx, MAX_GLOSSARY_TERM)} placeholder="${ctx.t('glossary.zh')}" aria-label="${ctx.t('glossary.zh')}" value="${typed.zh ?? ''}"${focusAdd ? html` autofocus` : ''}>
          <input name="en" lang="en" required${charLimit(ctx, MAX_GLOSSARY_TERM)} placeholder="${ctx.t('glossary.en')}" aria-label="${ctx.t('glossary.en')}" value="${typed.en ?? ''}">
          <input name="note" ${charLimit(ctx, MAX_GLOSSARY_NOTE)} placeholder="${ctx.t('glossary.note')}" aria-label="${ctx.t('glossary.note')}" value="${typed.note ?? ''}">
          <button type="submit">${ctx.t('glossary.add')}</button>
        </form></td></tr></tfoot>
    </table>
    ${pager(ctx, g)}
  </div>`;
}

function finder(ctx: ViewContext, g: GlossaryPage): SafeHtml {
  return html`<form class="filters glossary-find" role="search" method="get" action="/glossary" data-rows="/glossary/entries" data-target="#glossary" data-swap="outerHTML" hx-sync="this:replace" data-testid="glossary-find">
    <label>${ctx.t('glossary.find')} <input type="search" name="q"${charLimit(ctx, MAX_GLOSSARY_TERM)} value="${g.text}" placeholder="${ctx.t('glossary.findPlaceholder')}" data-testid="glossary-search"></label>
    <noscript><button type="submit">${ctx.t('filters.apply')}</button></noscript>
  </form>`;
}

export function glossaryPage(ctx: ViewContext, g: GlossaryPage, user: User, state: TableState = {}) {
  return layout(ctx, ctx.t('glossary.title'), html`
  <h1>${ctx.t('glossary.title')}</h1>
  <p class="meta">${ctx.t('glossary.intro')}</p>
  ${finder(ctx, g)}
  ${glossaryTable(ctx, g, user, state)}
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
  <p><a href="/glossary.csv" download>${ctx.t('glossary.export')}</a> · <a href="/glossary.tbx" download data-testid="glossary-tbx">${ctx.t('glossary.exportTbx')}</a></p>
  <script src="/static/filters.js" defer></script>`);
}
