// The document list: shelves (working, archived, trash), search and sort, each document's progress, owner and
// last activity, and the actions that manage it. The list is one fragment that every action re-renders.

import { html, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import { progressSvg } from './document-page.ts';
import { SHELVES, SORTS, explicitDir, listAddress, type DocumentEntry, type DocumentListQuery } from '../server/services/document-lifecycle.ts';
import { formatDay, formatNumber, formatPercent, formatTime } from './local-format.ts';
import { roundDown } from '../server/domain/round-down.ts';
import { charLimit } from './char-limit.ts';
import { MAX_TITLE } from '../server/domain/document-title.ts';

export interface ListNotice {
  /** What the last action did, or why it was refused. */
  message: string;
  error?: boolean;
  /** The document whose rename form stays open with the message beside it, and the title the user typed. */
  renaming?: { id: number; title: string };
  /** A document just moved to the trash, offered back at once. */
  trashed?: number;
}

const when = (ctx: ViewContext, iso: string) => html`<time datetime="${iso}">${formatTime(ctx, iso)}</time>`;

function hiddenFields(ctx: ViewContext, query: DocumentListQuery): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}"><input type="hidden" name="list" value="${listAddress(query)}">`;
}

/** The id of a document's title cell, which describes each of the row's buttons: a screen reader hears "Delete, 第二篇", not a column of "Delete"s. */
const titleId = (d: { id: number }) => `doc-title-${d.id}`;

/** One action on a document as a small form: a plain POST without script, a swap of the list with htmx. */
function action(ctx: ViewContext, query: DocumentListQuery, d: DocumentEntry | null, url: string, label: string, testid: string, fields: SafeHtml | string = ''): SafeHtml {
  return html`<form method="post" action="${url}" hx-post="${url}" hx-target="#document-list" hx-swap="outerHTML" class="inline">
    ${hiddenFields(ctx, query)}${fields}<button type="submit"${d ? html` aria-describedby="${titleId(d)}"` : ''} data-testid="${testid}">${label}</button></form>`;
}

function renameForm(ctx: ViewContext, query: DocumentListQuery, d: DocumentEntry, notice?: ListNotice): SafeHtml {
  const open = notice?.renaming?.id === d.id;
  const url = `/documents/${d.id}/rename`;
  return html`<details class="rename"${open ? html` open` : ''}><summary aria-describedby="${titleId(d)}" data-testid="rename-${d.id}">${ctx.t('lifecycle.rename')}</summary>
    <form method="post" action="${url}" hx-post="${url}" hx-target="#document-list" hx-swap="outerHTML">
      ${hiddenFields(ctx, query)}
      <input name="title" value="${open ? notice!.renaming!.title : d.title}" required${charLimit(ctx, MAX_TITLE)} aria-label="${ctx.t('lifecycle.newTitle')}"
        data-testid="rename-title-${d.id}"${open && notice?.error ? html` aria-invalid="true" aria-describedby="rename-error-${d.id}"` : ''}>
      <button type="submit" aria-describedby="${titleId(d)}" data-testid="rename-save-${d.id}">${ctx.t('lifecycle.save')}</button>
      ${open && notice?.error ? html`<span class="error" id="rename-error-${d.id}" role="alert">${notice.message}</span>` : ''}
    </form></details>`;
}

function actions(ctx: ViewContext, query: DocumentListQuery, d: DocumentEntry, notice?: ListNotice): SafeHtml {
  if (!d.mayManage) return html``;
  const base = `/documents/${d.id}`;
  if (d.trashedAt) {
    return html`${action(ctx, query, d, `${base}/restore`, ctx.t('lifecycle.restore'), `restore-${d.id}`)}
    <form method="post" action="${base}/purge" hx-post="${base}/purge" hx-target="#document-list" hx-swap="outerHTML" class="inline"
      hx-confirm="${ctx.t('documentManage.purgeConfirm', { title: d.title })}">${hiddenFields(ctx, query)}
      <button type="submit" class="danger" aria-describedby="${titleId(d)}" data-testid="purge-${d.id}">${ctx.t('documentManage.purge')}</button></form>`;
  }
  return html`${renameForm(ctx, query, d, notice)}
    ${action(ctx, query, d, `${base}/archive`, d.archivedAt ? ctx.t('lifecycle.unarchive') : ctx.t('lifecycle.archive'), `archive-${d.id}`,
      html`<input type="hidden" name="archived" value="${d.archivedAt ? '0' : '1'}">`)}
    ${action(ctx, query, d, `${base}/delete`, ctx.t('lifecycle.delete'), `delete-${d.id}`)}`;
}

/**
 * What waits in a document: rows a reviewer rejected (the translator's next work, where the comments are) and
 * rows translated but not yet reviewed (the reviewer's), each a link to the document filtered to them.
 */
function waiting(ctx: ViewContext, d: DocumentEntry): SafeHtml {
  if (d.trashedAt) return html``;
  const links = ([['rejected', 'lifecycle.waitingRejected'], ['translated', 'lifecycle.waitingReview']] as const)
    .filter(([state]) => d.counts[state] > 0)
    .map(([state, key]) => html`<a href="/documents/${d.id}?state=${state}" data-testid="waiting-${state}-${d.id}">${ctx.t(key, { count: d.counts[state], n: formatNumber(ctx, d.counts[state]) })}</a>`);
  return links.length ? html`<br><span class="waiting">${links.map((l, i) => (i ? html`${ctx.t('lifecycle.waitingSeparator')}${l}` : l))}</span>` : html``;
}

function row(ctx: ViewContext, query: DocumentListQuery, d: DocumentEntry, notice?: ListNotice): SafeHtml {
  const progress = { total: d.pairCount, ...d.counts };
  // Rounded down to the percent: a document 99.6 % done does not read "100%".
  const done = roundDown(d.progress, 2);
  return html`<tr data-testid="document-${d.id}">
    <td translate="no" id="${titleId(d)}" hx-ignore>${d.trashedAt ? html`<span class="title">${d.title}</span>` : html`<a href="/documents/${d.id}">${d.title}</a>`}</td>
    <td class="progress-cell" data-progress="${roundDown(d.progress * 100, 0)}">${progressSvg(ctx, progress)}
      <span class="muted">${ctx.t('lifecycle.progressShare', { percent: formatPercent(ctx, done), pairs: formatNumber(ctx, d.pairCount) })}</span>${waiting(ctx, d)}</td>
    <td translate="no" hx-ignore>${d.owner ?? html`<span class="muted">${ctx.t('lifecycle.noOwner')}</span>`}</td>
    <td>${when(ctx, d.lastActivityAt)}</td>
    ${d.trashedAt ? html`<td>${when(ctx, d.trashedAt)}<br><span class="muted">${ctx.t('lifecycle.purgedOn', { date: formatDay(ctx, d.purgeAt!) })}</span></td>` : ''}
    <td class="actions">${actions(ctx, query, d, notice)}</td></tr>`;
}

/** The list with its message: the swap target of every action and of the search and sort. */
export function documentList(ctx: ViewContext, docs: DocumentEntry[], query: DocumentListQuery, notice?: ListNotice): SafeHtml {
  const trash = query.shelf === 'trash';
  return html`<div id="document-list" data-testid="document-list">
  ${notice ? html`<p class="${notice.error ? 'error' : 'notice'}" ${notice.error ? html` role="alert"` : html` data-announce`} data-testid="list-message">${notice.message}${notice.trashed
    ? html` ${action(ctx, query, null, `/documents/${notice.trashed}/restore`, ctx.t('lifecycle.undo'), 'undo-delete')}` : ''}</p>` : ''}
  ${trash ? html`<p class="meta">${ctx.t('lifecycle.trashExplained', { days: 30 })}</p>` : ''}
  ${trash && ctx.user?.role === 'admin' && docs.length > 0 ? html`<form method="post" action="/trash/empty" hx-post="/trash/empty" hx-target="#document-list"
      hx-swap="outerHTML" hx-confirm="${ctx.t('lifecycle.emptyConfirm')}">${hiddenFields(ctx, query)}
      <button type="submit" class="danger" data-testid="empty-trash">${ctx.t('lifecycle.emptyTrash')}</button></form>` : ''}
  ${docs.length === 0 ? html`<p data-testid="no-documents">${query.q ? ctx.t('lifecycle.noMatch') : ctx.t(`lifecycle.empty.${query.shelf}`)}</p>` : html`
  <table class="documents">
    <thead><tr>
      <th>${ctx.t('documents.name')}</th><th>${ctx.t('lifecycle.progress')}</th><th>${ctx.t('lifecycle.owner')}</th>
      <th>${ctx.t('lifecycle.lastActivity')}</th>${trash ? html`<th>${ctx.t('lifecycle.trashedAt')}</th>` : ''}${actionsHeader(ctx)}
    </tr></thead>
    <tbody>${docs.map((d) => row(ctx, query, d, notice))}</tbody>
  </table>`}</div>`;
}

function filters(ctx: ViewContext, query: DocumentListQuery): SafeHtml {
  return html`<form class="filters" method="get" action="/documents" data-rows="/document-list" data-target="#document-list" data-swap="outerHTML" hx-sync="this:replace" data-testid="list-filters">
    <input type="hidden" name="state" value="${query.shelf === 'active' ? '' : query.shelf}">
    <label>${ctx.t('lifecycle.search')} <input type="search" name="q" value="${query.q ?? ''}" placeholder="${ctx.t('lifecycle.searchPlaceholder')}" data-testid="list-search"></label>
    <label>${ctx.t('lifecycle.sort')} <select name="sort" data-testid="list-sort">${SORTS.map((s) => html`<option value="${s === 'created' ? '' : s}"${query.sort === s ? html` selected` : ''}>${ctx.t(`lifecycle.sorts.${s}`)}</option>`)}</select></label>
    <label>${ctx.t('lifecycle.order')} <select name="dir" data-testid="list-dir"><option value="">${ctx.t('lifecycle.orders.natural')}</option>
      ${(['asc', 'desc'] as const).map((d) => html`<option value="${d}"${explicitDir(query) === d ? html` selected` : ''}>${ctx.t(`lifecycle.orders.${d}`)}</option>`)}</select></label>
    <noscript><button type="submit">${ctx.t('filters.apply')}</button></noscript>
  </form>`;
}

export function documentsPage(ctx: ViewContext, docs: DocumentEntry[], query: DocumentListQuery, notice?: ListNotice): SafeHtml {
  return layout(ctx, ctx.t('documents.title'), html`
  <h1>${ctx.t('documents.title')}</h1>
  <nav class="shelves" aria-label="${ctx.t('lifecycle.shelves')}">${SHELVES.map((s) => html`<a href="${listAddress({ ...query, shelf: s, q: undefined })}"
    data-testid="shelf-${s}"${query.shelf === s ? html` aria-current="page"` : ''}>${ctx.t(`lifecycle.shelf.${s}`)}</a> `)}</nav>
  ${filters(ctx, query)}
  ${documentList(ctx, docs, query, notice)}
  <script src="/static/filters.js" defer></script>`);
}
